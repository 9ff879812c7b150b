import { parseNoticeQrPayload, type NoticeQrContent } from '@pagamenti/pagopa';

/** What the citizen typed, without spaces; null when it is not 18 / 11 digits. */
export function cleanNoticeNumber(value: string): string | null {
  const digits = value.replace(/\s+/g, '');
  return /^\d{18}$/.test(digits) ? digits : null;
}

export function cleanEntityFiscalCode(value: string): string | null {
  const digits = value.replace(/\s+/g, '');
  return /^\d{11}$/.test(digits) ? digits : null;
}

/** The summary page of a notice. */
export function noticePath(entityFiscalCode: string, noticeNumber: string): string {
  return `/avviso/${entityFiscalCode}/${noticeNumber}`;
}

export type QrReading = { ok: true; notice: NoticeQrContent } | { ok: false; reason: 'notPagoPa' };

/** The text of a QR code read by the browser, as a pagoPA notice. */
export function readNoticeQr(text: string): QrReading {
  const notice = parseNoticeQrPayload(text);
  return notice ? { ok: true, notice } : { ok: false, reason: 'notPagoPa' };
}
