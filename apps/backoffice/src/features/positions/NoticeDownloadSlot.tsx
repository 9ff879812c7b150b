import type { DebtPosition, PaymentOption } from '@pagamenti/contracts';

export interface NoticeDownloadSlotProps {
  position: DebtPosition;
  /** The option whose notice to offer; absent for the whole position (every unpaid notice). */
  option?: PaymentOption;
}

/**
 * Where "Scarica avviso" goes on the position's page. The notice PDF belongs to the notices issue (#6): until its
 * endpoint exists this slot renders nothing, rather than a button that cannot work. The notices work fills it in
 * (a link to the PDF with type and size, only for unpaid notices of published positions).
 */
export function NoticeDownloadSlot(props: NoticeDownloadSlotProps) {
  void props;
  return null;
}
