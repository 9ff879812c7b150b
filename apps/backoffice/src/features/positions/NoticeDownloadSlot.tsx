import { noticePdfUrl } from '@pagamenti/api-client';
import type { DebtPosition, PaymentOption } from '@pagamenti/contracts';

export interface NoticeDownloadSlotProps {
  position: DebtPosition;
  /** The option whose notice to offer; absent for the whole position (every unpaid notice). */
  option?: PaymentOption;
}

/** A notice can be printed while something is left to pay on a published position. */
export function isPrintable(position: DebtPosition): boolean {
  return (
    (position.status === 'VALID' || position.status === 'PARTIALLY_PAID') &&
    position.options.some((option) => option.status === 'UNPAID')
  );
}

/**
 * "Scarica avviso" on the position's page: one PDF carries every option still to pay (single payment and
 * instalments, each with its QR code), so it is offered once for the position, not per option.
 */
export function NoticeDownloadSlot({ position, option }: NoticeDownloadSlotProps) {
  if (option || !isPrintable(position)) return null;
  return (
    <p className="mb-4">
      <a className="btn btn-outline-primary" href={noticePdfUrl(position.entityId, position.iupd)} download>
        Scarica avviso <span className="small">(PDF)</span>
      </a>
    </p>
  );
}
