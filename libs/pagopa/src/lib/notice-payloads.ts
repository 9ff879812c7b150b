import { isValidEntityFiscalCode } from './fiscal-code';
import { parseNoticeNumber } from './notice-number';

/** Largest amount a notice can carry: 999.999.999,99 euro (SPEC.md §4). */
export const MAX_NOTICE_AMOUNT_CENTS = 99_999_999_999;

export interface NoticeQrInput {
  /** 18 digits (spaces are ignored). */
  noticeNumber: string;
  /** Creditor entity fiscal code, 11 digits. */
  creditorFiscalCode: string;
  amountCents: number;
}

export interface PosteDataMatrixInput extends NoticeQrInput {
  /** Postal current account (conto corrente postale), up to 12 digits. */
  postalAccount: string;
  /** Debtor fiscal code or VAT number, up to 16 characters. */
  debtorFiscalCode: string;
  debtorName: string;
  /** Payment subject (causale). */
  subject: string;
}

function checkCommon(input: NoticeQrInput): string {
  const noticeNumber = input.noticeNumber.replace(/\s+/g, '');
  if (!parseNoticeNumber(noticeNumber)) throw new RangeError(`invalid notice number: ${input.noticeNumber}`);
  if (!isValidEntityFiscalCode(input.creditorFiscalCode)) {
    throw new RangeError(`invalid creditor fiscal code: ${input.creditorFiscalCode}`);
  }
  const cents = input.amountCents;
  if (!Number.isSafeInteger(cents) || cents <= 0 || cents > MAX_NOTICE_AMOUNT_CENTS) {
    throw new RangeError(`invalid notice amount in cents: ${cents}`);
  }
  return noticeNumber;
}

/**
 * QR code text of a notice (SPEC.md §4): `PAGOPA|002|<notice number>|<creditor fiscal code>|<cents>`.
 * The amount is written unpadded, as PagoPA's generator does (`12050` = 120,50 euro).
 */
export function buildNoticeQrPayload(input: NoticeQrInput): string {
  const noticeNumber = checkCommon(input);
  return `PAGOPA|002|${noticeNumber}|${input.creditorFiscalCode}|${input.amountCents}`;
}

/**
 * Text fields of the Poste Data Matrix: accents folded to plain letters, upper case, and everything outside
 * letters, digits, space and `. , ' - / ( ) &` replaced by a space (the fixed-width record only carries plain
 * ASCII; `;` and `|` would be read as separators by some readers).
 */
export function sanitizePosteText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9 .,'\-/()&]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function fixed(value: string, length: number): string {
  return value.slice(0, length).padEnd(length, ' ');
}

/**
 * Data Matrix text of the "Bollettino Postale PA" (document type 896), always 256 characters, laid out as in
 * SPEC.md §4: `codfase=NBPA;` 18 <notice> 12 <account> 10 <cents> 3 896 1P1 <creditor CF> <debtor CF, 16>
 * <debtor name, 40> <subject, 110> <12 spaces> A.
 */
export function buildPosteDataMatrixPayload(input: PosteDataMatrixInput): string {
  const noticeNumber = checkCommon(input);
  const account = input.postalAccount.replace(/\s+/g, '');
  if (!/^\d{1,12}$/.test(account)) throw new RangeError(`invalid postal account: ${input.postalAccount}`);
  const debtorFiscalCode = input.debtorFiscalCode.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z0-9]{0,16}$/.test(debtorFiscalCode)) {
    throw new RangeError(`invalid debtor fiscal code: ${input.debtorFiscalCode}`);
  }
  const payload =
    'codfase=NBPA;' +
    '18' +
    noticeNumber +
    '12' +
    account.padStart(12, '0') +
    '10' +
    String(input.amountCents).padStart(10, '0') +
    '3' +
    '896' +
    '1P1' +
    input.creditorFiscalCode.padEnd(11, ' ') +
    fixed(debtorFiscalCode, 16) +
    fixed(sanitizePosteText(input.debtorName), 40) +
    fixed(sanitizePosteText(input.subject), 110) +
    ' '.repeat(12) +
    'A';
  if (payload.length !== 256) throw new Error(`Poste Data Matrix payload is ${payload.length} characters`);
  return payload;
}

export type NoticeLanguage = 'it' | 'de' | 'en' | 'fr' | 'sl';

/**
 * Amount as printed on notices, from integer cents: `.` thousands and `,` decimals ("1.500,00"); English uses
 * `1,500.00`. No currency sign: the layout writes "Euro" next to it.
 */
export function formatEuroForNotice(cents: number, lang: NoticeLanguage = 'it'): string {
  if (!Number.isSafeInteger(cents) || cents < 0 || cents > MAX_NOTICE_AMOUNT_CENTS) {
    throw new RangeError(`invalid amount in cents: ${cents}`);
  }
  const [thousands, decimal] = lang === 'en' ? [',', '.'] : ['.', ','];
  const euros = String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${euros}${decimal}${String(cents % 100).padStart(2, '0')}`;
}
