import { isValidEntityFiscalCode } from './fiscal-code';
import { parseNoticeNumber } from './notice-number';

/** What the QR code of a pagoPA notice carries (SPEC.md §4). */
export interface NoticeQrContent {
  noticeNumber: string;
  entityFiscalCode: string;
  /** The amount printed on the notice; the current one may differ (the entity can update it). */
  amountCents: number;
}

const QR_PAYLOAD = /^PAGOPA\|002\|(\d{18})\|(\d{11})\|(\d{2,11})$/;

/**
 * Reads the text of a notice's QR code, `PAGOPA|002|<notice number>|<entity fiscal code>|<cents>`; null when the
 * text is not a pagoPA notice (another QR code, a damaged read, a wrong check digit). Zero-padded amounts, seen in
 * the wild, are read as integers.
 */
export function parseNoticeQrPayload(text: string): NoticeQrContent | null {
  const match = QR_PAYLOAD.exec(text.trim());
  if (!match) return null;
  const [, noticeNumber = '', entityFiscalCode = '', amount = ''] = match;
  const parsed = parseNoticeNumber(noticeNumber);
  if (!parsed || !parsed.checkDigitValid || !isValidEntityFiscalCode(entityFiscalCode)) return null;
  const amountCents = Number(amount);
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return null;
  return { noticeNumber, entityFiscalCode, amountCents };
}
