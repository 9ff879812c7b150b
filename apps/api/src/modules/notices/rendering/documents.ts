import type { NoticeLanguage } from '@pagamenti/pagopa';

/** An image given to the renderer: PNG/JPEG bytes or SVG markup. Drawn contained in its box. */
export type RenderImage = { type: 'png' | 'jpeg'; data: Buffer } | { type: 'svg'; data: string };

/** Second language of a notice; Italian is always the first. */
export type SecondLanguage = Exclude<NoticeLanguage, 'it' | 'fr' | 'sl'>;

export interface NoticeInstallment {
  noticeNumber: string;
  amountCents: number;
  /** ISO date (yyyy-mm-dd). */
  dueDate?: string;
}

/**
 * Everything a printed notice shows (notice-layout.md §7), already resolved from the debt position, the creditor
 * entity and the debtor. Formatting, grouping, QR/Data Matrix texts and page breaks are the renderer's job.
 */
export interface NoticeDocument {
  /** Second language printed next to the Italian (`bilingual`: both in black, as in the Bolzano model). */
  secondLanguage?: SecondLanguage;
  bilingual?: boolean;
  notice: {
    subject: string;
    subjectTranslated?: string;
    /** The single (full) payment option; required unless only instalments are offered. */
    noticeNumber?: string;
    amountCents?: number;
    /** ISO date; absent → the "no due date" wording. */
    dueDate?: string;
    /** 2 to 8 instalments offered together with (or instead of) the single payment. */
    installments?: NoticeInstallment[];
  };
  creditor: {
    fiscalCode: string;
    name: string;
    sector?: string;
    info?: string;
    logo?: RenderImage;
    cbill?: string;
    /** Website named in the "pay online" text, when the entity takes payments there. */
    website?: string;
    physicalChannel?: string;
    /** Postal account for the "Bollettino Postale PA"; `authorization` is Poste's print authorisation, when known. */
    postal?: { accountNumber: string; accountHolder: string; authorization?: string };
  };
  debtor: {
    fiscalCode?: string;
    fullName: string;
    address?: string;
    buildingNumber?: string;
    postalCode?: string;
    city?: string;
    province?: string;
  };
}

export interface ReceiptTransfer {
  /** Notice number (model-2 positions, printed in groups of 4) or IUV. */
  reference: { type: 'noticeNumber' | 'iuv'; value: string };
  subject: string;
  debtor?: { fullName?: string; fiscalCode?: string };
  payee: { name: string; fiscalCode: string };
  amountCents: number;
}

/** A stored payment receipt (RT) as the "Ricevuta di pagamento" shows it (notice-layout.md §8). */
export interface ReceiptDocument {
  /** Receipt id printed in the footer (receiptId / event id). */
  receiptId: string;
  /** ISO date-time of the payment; printed in Europe/Rome. */
  paidAt: string;
  totalCents: number;
  /** Absent when unknown: the footer then says that fees may not be included. */
  feeCents?: number;
  rrn?: string;
  authCode?: string;
  psp?: { name: string; companyName?: string; address?: string; logo?: RenderImage };
  paymentMethod?: string;
  accountHolder?: string;
  payer?: { fullName?: string; fiscalCode: string };
  /** The debtor asked for the receipt: payer, method and account holder are hidden. */
  requestedByDebtor?: boolean;
  transfers: ReceiptTransfer[];
}
