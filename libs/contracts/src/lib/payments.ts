/**
 * The citizen area and payments: notices looked up by code, Checkout carts (public, logged-in citizen, entity
 * portal), spontaneous payments from the catalogue, the citizen's own positions and receipts.
 * Amounts are integer euro cents; dates `YYYY-MM-DD`, instants ISO 8601.
 */
import type { AmountMode, DueTypeFormSchema } from './catalogue';
import type { DebtorType, PositionStatus } from './positions';

/** Whether a notice can be paid now, as the station would answer a PSP (same rules, same order). */
export const NoticePayability = {
  Payable: 'PAYABLE',
  Paid: 'PAID',
  Expired: 'EXPIRED',
  Cancelled: 'CANCELLED',
  Unknown: 'UNKNOWN',
} as const;
export type NoticePayability = (typeof NoticePayability)[keyof typeof NoticePayability];

/** A notice as anyone holding its code may see it: no debtor data. */
export interface PublicNotice {
  noticeNumber: string;
  entityFiscalCode: string;
  /** Null when the fiscal code is not one of our entities. */
  entityName: string | null;
  /** Null when the notice is unknown. */
  description: string | null;
  amountCents: number | null;
  dueDate: string | null;
  /** Null for a single payment, 1..n for an installment. */
  installment: number | null;
  payability: NoticePayability;
  /** In Italian: "da pagare", "già pagato", "scaduto", "annullato", "sconosciuto". */
  payabilityLabel: string;
  /** A sentence in Italian saying what the citizen can do. */
  message: string;
  /** A Checkout started on this platform in the last minutes has not ended yet. */
  paymentInProgress: boolean;
}

export interface NoticeReference {
  entityFiscalCode: string;
  /** 18 digits; spaces are ignored. */
  noticeNumber: string;
}

/** At most this many notices in one Checkout cart (checkout_v1.json). */
export const MAX_CART_NOTICES = 5;

export interface CheckoutRequest {
  notices: NoticeReference[];
  /** Where Checkout sends the outcome. Not stored. */
  email?: string;
}

export interface CheckoutReturnUrls {
  returnOkUrl: string;
  returnCancelUrl: string;
  returnErrorUrl: string;
}

/** From an entity's own portal (API key): only the key's entity's notices, its own return URLs. */
export interface PortalCheckoutRequest {
  notices: { noticeNumber: string }[];
  returnUrls: CheckoutReturnUrls;
  email?: string;
}

export interface CheckoutStarted {
  /** Where to send the citizen: the Checkout page of the cart. */
  checkoutUrl: string;
  /** Unguessable token of the attempt: the outcome page and the anonymous receipt download use it. */
  reference: string;
}

export const PaymentAttemptStatus = {
  InProgress: 'IN_CORSO',
  Paid: 'PAGATO',
  Cancelled: 'ANNULLATO',
  Failed: 'ERRORE',
} as const;
export type PaymentAttemptStatus = (typeof PaymentAttemptStatus)[keyof typeof PaymentAttemptStatus];

/** What the citizen declares on coming back from Checkout through the cancel or error URL. */
export type DeclaredCheckoutOutcome = 'CANCELLED' | 'ERROR';

export interface PaymentAttemptNotice {
  noticeNumber: string;
  entityFiscalCode: string;
  entityName: string;
  description: string;
  amountCents: number;
  /** The receipt that paid it (our receipt id), when it has arrived. */
  receiptId: string | null;
}

export interface PaymentAttemptReceipt {
  /** Our id of the receipt: the download path uses it. */
  id: string;
  /** pagoPA's receipt id (payment token, IUR). */
  receiptId: string;
  noticeNumber: string;
  entityFiscalCode: string;
  companyName: string;
  description: string;
  amountCents: number;
  feeCents: number | null;
  paidAt: string;
  pspCompanyName: string;
}

export interface PaymentAttempt {
  reference: string;
  status: PaymentAttemptStatus;
  createdAt: string;
  totalAmountCents: number;
  notices: PaymentAttemptNotice[];
  receipts: PaymentAttemptReceipt[];
}

// ---------------------------------------------------------------- spontaneous payments

/** A due type citizens may pay spontaneously, with its entity. */
export interface SpontaneousService {
  dueTypeId: string;
  code: string;
  name: string;
  description: string | null;
  entityId: string;
  entityFiscalCode: string;
  entityName: string;
  amountMode: AmountMode;
  fixedAmountCents: number | null;
  minAmountCents: number | null;
  maxAmountCents: number | null;
}

export interface SpontaneousServiceDetail extends SpontaneousService {
  formSchema: DueTypeFormSchema | null;
  /** False: the payment may be anonymous (pagoPA's `ANONIMO`). */
  debtorRequired: boolean;
}

export interface SpontaneousServicesQuery {
  /** Words of the service's or the entity's name. */
  q?: string;
  /** Entity id or fiscal code. */
  entity?: string;
}

export interface SpontaneousDebtor {
  type: DebtorType;
  /** Fiscal code (16 characters) or VAT number (11 digits). */
  idValue: string;
  /** Name and surname, or company name. */
  name: string;
  email?: string;
}

export interface SpontaneousPaymentRequest {
  dueTypeId: string;
  /** Absent: the logged-in person (or anonymous when the due type allows it). */
  debtor?: SpontaneousDebtor;
  /** Values of the due type's form, checked against its JSON Schema. */
  formValues: Record<string, string | number | boolean>;
  /** FREE due types only; FIXED ones take the fixed amount. */
  amountCents?: number;
  email?: string;
}

export interface SpontaneousPaymentStarted extends CheckoutStarted {
  noticeNumber: string;
  entityFiscalCode: string;
  amountCents: number;
}

// ---------------------------------------------------------------- the logged-in citizen

export interface MyPaymentOption {
  noticeNumber: string;
  installment: number | null;
  amountCents: number;
  dueDate: string;
  description: string;
  payability: NoticePayability;
  payabilityLabel: string;
  paymentInProgress: boolean;
  paidAt: string | null;
}

/** A position where the logged-in person is the debtor. */
export interface MyPosition {
  id: string;
  entityId: string;
  entityFiscalCode: string;
  entityName: string;
  dueTypeName: string;
  description: string;
  status: PositionStatus;
  amountCents: number;
  paidCents: number;
  /** The single payment first, then the installments in order. Superseded options are left out. */
  options: MyPaymentOption[];
  updatedAt: string;
}

export interface MyReceipt {
  id: string;
  receiptId: string;
  noticeNumber: string;
  entityFiscalCode: string;
  companyName: string;
  description: string;
  amountCents: number;
  feeCents: number | null;
  paidAt: string;
  pspCompanyName: string;
  debtorName: string;
  /** Whether the person is the debtor, the payer, or both. */
  role: 'DEBTOR' | 'PAYER' | 'BOTH';
}

export interface MyReceiptsQuery {
  /** Entity fiscal code (11 digits) or words of its name. */
  entity?: string;
  /** `YYYY-MM-DD`, Europe/Rome days, both included. */
  from?: string;
  to?: string;
  minAmountCents?: number;
  maxAmountCents?: number;
  limit?: number;
  cursor?: string;
}
