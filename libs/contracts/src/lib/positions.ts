/**
 * Debt positions (posizioni debitorie): what a debtor owes an entity, the ways to pay it (a single payment
 * and/or installments, each with its own notice number) and where each payment's money goes (transfers).
 * Amounts are integer euro cents everywhere; dates are `YYYY-MM-DD`, instants ISO 8601.
 */

export const PositionStatus = {
  Draft: 'DRAFT',
  Valid: 'VALID',
  PartiallyPaid: 'PARTIALLY_PAID',
  Paid: 'PAID',
  Reported: 'REPORTED',
  Expired: 'EXPIRED',
  Cancelled: 'CANCELLED',
} as const;
export type PositionStatus = (typeof PositionStatus)[keyof typeof PositionStatus];
export const POSITION_STATUSES: readonly PositionStatus[] = Object.values(PositionStatus);

export const PaymentOptionStatus = {
  Unpaid: 'UNPAID',
  Paid: 'PAID',
  Reported: 'REPORTED',
} as const;
export type PaymentOptionStatus = (typeof PaymentOptionStatus)[keyof typeof PaymentOptionStatus];

/** `F` natural person, `G` legal person (pagoPA `entityUniqueIdentifierType`). */
export const DebtorType = { Person: 'F', Organisation: 'G' } as const;
export type DebtorType = (typeof DebtorType)[keyof typeof DebtorType];

/** The identifier pagoPA accepts when the debtor is unknown (spontaneous payments at a desk). */
export const ANONYMOUS_DEBTOR_ID = 'ANONIMO';

export interface Debtor {
  type: DebtorType;
  /** Fiscal code, VAT number or `ANONIMO`. */
  idValue: string;
  name: string;
  streetName?: string | null;
  civicNumber?: string | null;
  postalCode?: string | null;
  city?: string | null;
  /** Two-letter province code. */
  province?: string | null;
  /** Two-letter country code. */
  country?: string | null;
  email?: string | null;
}

export interface MetadataEntry {
  key: string;
  value: string;
}

/** Where (part of) a payment goes. Exactly one of `iban` or `stamp` is set. */
export interface Transfer {
  /** 1-5, in the order sent to pagoPA. */
  index: number;
  /** Beneficiary entity's fiscal code: the position's entity, or another one (TARI/TEFA, SUAP). */
  beneficiaryFiscalCode: string;
  iban: string | null;
  /** Postal IBANs are printed in the Poste section of the notice. */
  postalIban: boolean;
  /** Digital stamp (marca da bollo digitale), V2 only. */
  stamp: { type: string; hashDocument: string; province: string } | null;
  /** pagoPA taxonomy code, `9/0101101IM/`. */
  category: string;
  remittanceInformation: string;
  amountCents: number;
  metadata?: MetadataEntry[];
}

export interface PaymentOption {
  /** Notice number (numero avviso), 18 digits. */
  noticeNumber: string;
  iuv: string;
  /** Null for the single payment; 1..n for installments. */
  installment: number | null;
  amountCents: number;
  dueDate: string;
  /** Until when the option can be paid; after it the option is expired. Defaults to the due date. */
  validityDate: string | null;
  /** Until when pagoPA keeps the option (retentionDate). */
  retentionDate: string | null;
  description: string;
  status: PaymentOptionStatus;
  paidAt: string | null;
  transfers: Transfer[];
}

export interface DebtPosition {
  id: string;
  entityId: string;
  entityFiscalCode: string;
  /** Unique per entity, chosen by the entity (or generated). */
  iupd: string;
  dueTypeId: string;
  dueTypeCode: string;
  debtor: Debtor;
  /** Without personal data: it travels to PSPs. */
  description: string;
  metadata: MetadataEntry[];
  status: PositionStatus;
  amountCents: number;
  paidCents: number;
  options: PaymentOption[];
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  cancelledAt: string | null;
}

/** A row of the positions list: the position and its first open option. */
export interface DebtPositionSummary {
  id: string;
  iupd: string;
  dueTypeCode: string;
  debtorIdValue: string;
  debtorName: string;
  description: string;
  status: PositionStatus;
  amountCents: number;
  paidCents: number;
  /** The single payment's notice number, or the first installment's. */
  noticeNumber: string;
  dueDate: string;
  installments: number;
  createdAt: string;
}

export interface TransferInput {
  /** Defaults to the position's entity. */
  beneficiaryFiscalCode?: string;
  /** Defaults to the due type's account. */
  iban?: string | null;
  stamp?: { type: string; hashDocument: string; province: string } | null;
  /** Defaults to the due type's taxonomy code. */
  category?: string;
  /** Defaults to the position's description. */
  remittanceInformation?: string;
  amountCents: number;
  metadata?: MetadataEntry[];
}

export interface PaymentOptionInput {
  /** Null or absent for the single payment. */
  installment?: number | null;
  amountCents: number;
  dueDate: string;
  validityDate?: string | null;
  retentionDate?: string | null;
  description?: string;
  /** Absent: one transfer of the whole amount to the position's entity on the due type's account. */
  transfers?: TransferInput[];
}

export interface CreateDebtPositionRequest {
  /** Absent: generated. */
  iupd?: string;
  dueTypeCode: string;
  debtor: Debtor;
  description: string;
  metadata?: MetadataEntry[];
  options: PaymentOptionInput[];
  /** True (default): payable at once (VALID); false: kept as a DRAFT until published. */
  publish?: boolean;
}

/** Replaces debtor, description, metadata and options. Allowed while DRAFT or VALID with nothing paid. */
export interface UpdateDebtPositionRequest {
  debtor: Debtor;
  description: string;
  metadata?: MetadataEntry[];
  options: PaymentOptionInput[];
  /** Optimistic lock: the version the caller read. */
  version?: number;
}

export interface CancelDebtPositionRequest {
  reason: string;
}

export interface PositionHistoryEntry {
  at: string;
  actor: string;
  fromStatus: PositionStatus | null;
  toStatus: PositionStatus;
  note: string | null;
}

export interface DebtPositionFilters {
  status?: PositionStatus;
  dueTypeCode?: string;
  /** Debtor fiscal code / VAT number (exact) or name (prefix). */
  debtor?: string;
  /** Notice number, IUV or IUPD. */
  q?: string;
  dueFrom?: string;
  dueTo?: string;
  createdFrom?: string;
  createdTo?: string;
  minAmountCents?: number;
  maxAmountCents?: number;
}
