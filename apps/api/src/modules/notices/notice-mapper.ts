import { ANONYMOUS_DEBTOR_ID, type NoticeLanguage, type Transfer } from '@pagamenti/contracts';
import type { NoticeDocument, ReceiptDocument, RenderImage } from './rendering/documents';

/** The creditor entity as a notice shows it. */
export interface NoticeCreditor {
  fiscalCode: string;
  name: string;
  cbillCode: string | null;
  noticeLanguages: NoticeLanguage[];
  email: string | null;
  phone: string | null;
  logo?: RenderImage;
}

/** An open payment option of a stored position. */
export interface NoticeOption {
  noticeNumber: string;
  installment: number | null;
  amountCents: number;
  dueDate: string;
  status: string;
  transfers: Transfer[];
}

/** A stored position with what its notice needs. */
export interface NoticeSource {
  positionId: string;
  iupd: string;
  status: string;
  description: string;
  dueTypeName: string;
  debtor: {
    idValue: string;
    name: string;
    street: string | null;
    civicNumber: string | null;
    postalCode: string | null;
    city: string | null;
    province: string | null;
  };
  options: NoticeOption[];
}

/** Positions whose notice can be printed: something is still to be paid. */
export const PRINTABLE_STATUSES = ['VALID', 'PARTIALLY_PAID'];

/** Why a position has no notice to print, in Italian; undefined when it has one. */
export function notPrintableReason(source: NoticeSource): string | undefined {
  if (!PRINTABLE_STATUSES.includes(source.status)) {
    const reasons: Record<string, string> = {
      DRAFT: 'la posizione è una bozza: pubblicala prima di stampare l’avviso',
      PAID: 'la posizione è già pagata',
      REPORTED: 'la posizione è già pagata e rendicontata',
      EXPIRED: 'la posizione è scaduta',
      CANCELLED: 'la posizione è annullata',
    };
    return reasons[source.status] ?? `la posizione è nello stato ${source.status}`;
  }
  const open = openOptions(source);
  if (!open.single && open.installments.length === 0) return 'non ci sono importi da pagare';
  if (open.installments.length > 8) return 'l’avviso può riportare al massimo 8 rate';
  return undefined;
}

function openOptions(source: NoticeSource): { single?: NoticeOption; installments: NoticeOption[] } {
  const unpaid = source.options.filter((option) => option.status === 'UNPAID');
  const single = unpaid.find((option) => option.installment === null);
  const installments = unpaid
    .filter((option) => option.installment !== null)
    .sort((a, b) => (a.installment ?? 0) - (b.installment ?? 0));
  // one open instalment alone is printed as a single payment
  if (!single && installments.length === 1) return { single: installments[0], installments: [] };
  return { ...(single ? { single } : {}), installments };
}

/** Poste current account of a postal IBAN: its last 12 digits (BBAN: CIN, ABI 07601, CAB, account). */
export function postalAccountOf(iban: string): string | undefined {
  const normalized = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^IT\d{2}[A-Z]07601\d{5}\d{12}$/.test(normalized)) return undefined;
  return normalized.slice(-12).replace(/^0+(?=\d)/, '');
}

/** The entity's own transfer of an option (index 1 by convention), when it is credited on a postal account. */
function postalAccountOfOption(option: NoticeOption, creditorFiscalCode: string): string | undefined {
  const own = [...option.transfers]
    .sort((a, b) => a.index - b.index)
    .find((transfer) => transfer.beneficiaryFiscalCode === creditorFiscalCode);
  return own?.postalIban && own.iban ? postalAccountOf(own.iban) : undefined;
}

/**
 * Notice of a stored position: its open options (the single payment and/or up to 8 instalments), the entity's
 * data and logo, the debtor, the Bollettino Postale PA when the entity's share of every printed option goes to a
 * postal account, and the entity's second notice language (German printed as perfect bilingualism, the other
 * languages in grey under the Italian). Throws when nothing can be printed (see `notPrintableReason`).
 */
export function toNoticeDocument(source: NoticeSource, creditor: NoticeCreditor): NoticeDocument {
  const reason = notPrintableReason(source);
  if (reason) throw new RangeError(reason);
  const { single, installments } = openOptions(source);
  const printed = [...(single ? [single] : []), ...installments];
  const accounts = new Set(printed.map((option) => postalAccountOfOption(option, creditor.fiscalCode)));
  const postalAccount = accounts.size === 1 ? [...accounts][0] : undefined;
  const secondLanguage = creditor.noticeLanguages.find(
    (language): language is 'de' | 'en' => language === 'de' || language === 'en',
  );
  const info = [creditor.email, creditor.phone ? `tel. ${creditor.phone}` : null].filter(Boolean).join(' · ');
  const { debtor } = source;
  return {
    ...(secondLanguage ? { secondLanguage, bilingual: secondLanguage === 'de' } : {}),
    notice: {
      subject: source.description,
      ...(single
        ? { noticeNumber: single.noticeNumber, amountCents: single.amountCents, dueDate: single.dueDate }
        : {}),
      ...(installments.length
        ? {
            installments: installments.map((option) => ({
              noticeNumber: option.noticeNumber,
              amountCents: option.amountCents,
              dueDate: option.dueDate,
            })),
          }
        : {}),
    },
    creditor: {
      fiscalCode: creditor.fiscalCode,
      name: creditor.name,
      sector: source.dueTypeName,
      ...(info ? { info } : {}),
      ...(creditor.logo ? { logo: creditor.logo } : {}),
      ...(creditor.cbillCode ? { cbill: creditor.cbillCode } : {}),
      ...(postalAccount ? { postal: { accountNumber: postalAccount, accountHolder: creditor.name } } : {}),
    },
    debtor: {
      ...(debtor.idValue !== ANONYMOUS_DEBTOR_ID ? { fiscalCode: debtor.idValue } : {}),
      fullName: debtor.name,
      ...(debtor.street ? { address: debtor.street } : {}),
      ...(debtor.civicNumber ? { buildingNumber: debtor.civicNumber } : {}),
      ...(debtor.postalCode ? { postalCode: debtor.postalCode } : {}),
      ...(debtor.city ? { city: debtor.city } : {}),
      ...(debtor.province ? { province: debtor.province } : {}),
    },
  };
}

/** A stored receipt (paSendRT) with what its PDF needs. */
export interface ReceiptSource {
  receiptId: string;
  noticeNumber: string;
  outcome: 'OK' | 'KO';
  amountCents: number;
  feeCents: number | null;
  paymentDateTime: Date | null;
  receivedAt: Date;
  description: string;
  debtor: { idValue: string; name: string };
  payer: { idValue: string; name: string } | null;
  pspCompanyName: string;
  paymentMethod: string | null;
  transfers: {
    amountCents: number;
    beneficiaryFiscalCode: string;
    beneficiaryName?: string;
    remittanceInformation: string;
  }[];
}

const PAYMENT_METHODS: Record<string, string> = {
  CP: 'Carta di pagamento',
  BBT: 'Bonifico bancario',
  BP: 'Bonifico postale',
  AD: 'Addebito diretto',
  PPAL: 'PayPal',
  BPAY: 'BANCOMAT Pay',
  APPL: 'Apple Pay',
  GOOG: 'Google Pay',
  MYBK: 'MyBank',
  OBEP: 'Online banking',
  JIF: 'BANCOMAT Pay',
  PO: 'Pagamento presso PSP',
};

/**
 * Receipt PDF of a stored receipt: payer, PSP, amount with the fee when known, payment time, receipt id and
 * one block per transfer (payee names from our entities when the receipt does not carry them).
 */
export function toReceiptDocument(receipt: ReceiptSource, payeeNames: Map<string, string>): ReceiptDocument {
  const fee = receipt.feeCents ?? undefined;
  const debtor =
    receipt.debtor.idValue === ANONYMOUS_DEBTOR_ID
      ? { fullName: receipt.debtor.name }
      : { fullName: receipt.debtor.name, fiscalCode: receipt.debtor.idValue };
  return {
    receiptId: receipt.receiptId,
    paidAt: (receipt.paymentDateTime ?? receipt.receivedAt).toISOString(),
    totalCents: receipt.amountCents + (fee ?? 0),
    ...(fee !== undefined ? { feeCents: fee } : {}),
    psp: { name: receipt.pspCompanyName, companyName: receipt.pspCompanyName },
    ...(receipt.paymentMethod
      ? { paymentMethod: PAYMENT_METHODS[receipt.paymentMethod] ?? receipt.paymentMethod }
      : {}),
    ...(receipt.payer ? { payer: { fullName: receipt.payer.name, fiscalCode: receipt.payer.idValue } } : {}),
    transfers: receipt.transfers.map((transfer) => ({
      reference: { type: 'noticeNumber' as const, value: receipt.noticeNumber },
      subject: transfer.remittanceInformation || receipt.description,
      debtor,
      payee: {
        name:
          transfer.beneficiaryName ??
          payeeNames.get(transfer.beneficiaryFiscalCode) ??
          transfer.beneficiaryFiscalCode,
        fiscalCode: transfer.beneficiaryFiscalCode,
      },
      amountCents: transfer.amountCents,
    })),
  };
}
