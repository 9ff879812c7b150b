/** The first digit of a notice number: it selects how the IUV is laid out (SPEC.md §2). */
export type AuxDigit = 0 | 1 | 2 | 3;

export interface ParsedNoticeNumber {
  noticeNumber: string;
  auxDigit: AuxDigit;
  iuv: string;
  /** Aux digit 3 only. */
  segregationCode: string | null;
  /** Aux digit 0 only. */
  applicationCode: string | null;
  /** Null for aux digit 1, which carries no check digit. */
  checkDigit: string | null;
  checkDigitValid: boolean;
}

const NOTICE_NUMBER = /^[0-3]\d{17}$/;

/** Mod-93 check digit over a string of digits, on two digits (00-92). */
export function mod93CheckDigit(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new RangeError('expected digits only');
  return String(BigInt(digits) % 93n).padStart(2, '0');
}

/** Builds the 18-digit notice number for aux digit 3: `3` + segregation code + 13-digit base + check digit. */
export function buildNoticeNumberAux3(segregationCode: string, base: string): string {
  if (!/^\d{2}$/.test(segregationCode)) throw new RangeError('segregation code must be 2 digits');
  if (!/^\d{13}$/.test(base)) throw new RangeError('IUV base must be 13 digits');
  const head = `3${segregationCode}${base}`;
  return head + mod93CheckDigit(head);
}

/** Reads any of the four notice-number layouts; returns null when the value is not 18 digits starting 0-3. */
export function parseNoticeNumber(value: string): ParsedNoticeNumber | null {
  const noticeNumber = value.replace(/\s+/g, '');
  if (!NOTICE_NUMBER.test(noticeNumber)) return null;
  const auxDigit = Number(noticeNumber[0]) as AuxDigit;
  const head = noticeNumber.slice(0, 16);
  const checkDigit = noticeNumber.slice(16);
  switch (auxDigit) {
    case 0:
      return {
        noticeNumber,
        auxDigit,
        iuv: noticeNumber.slice(3),
        segregationCode: null,
        applicationCode: noticeNumber.slice(1, 3),
        checkDigit,
        checkDigitValid: mod93CheckDigit(head) === checkDigit,
      };
    case 1:
      return {
        noticeNumber,
        auxDigit,
        iuv: noticeNumber.slice(1),
        segregationCode: null,
        applicationCode: null,
        checkDigit: null,
        checkDigitValid: true,
      };
    case 2:
    case 3:
      return {
        noticeNumber,
        auxDigit,
        iuv: noticeNumber.slice(1),
        segregationCode: auxDigit === 3 ? noticeNumber.slice(1, 3) : null,
        applicationCode: null,
        checkDigit,
        checkDigitValid: mod93CheckDigit(head) === checkDigit,
      };
  }
}

/** `312000000001234587` → `3120 0000 0001 2345 87`, as printed on notices. */
export function formatNoticeNumber(noticeNumber: string): string {
  return noticeNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
}
