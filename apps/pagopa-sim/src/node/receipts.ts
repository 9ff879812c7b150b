import { randomBytes } from 'node:crypto';
import {
  type PaymentPA,
  type PaymentPAV2,
  type QrCode,
  type Receipt,
  type ReceiptV2,
  type Subject,
  type TransferPAReceiptV2,
} from '@pagamenti/pagopa/soap';
import { feeFor, type SimulatedPsp } from '../psp/psps';
import { operatingDay, romeDateTime, settlementDay } from './calendar';

/** The node's payment token: 32 lowercase hex characters, also the receipt id and the IUR of the reporting flow. */
export function newPaymentToken(): string {
  return randomBytes(16).toString('hex');
}

/** A paGetPayment (V1) answer in the V2 shape, so one receipt builder serves both primitive versions. */
export function paymentAsV2(payment: PaymentPA, fallbackCompanyName: string): PaymentPAV2 {
  return {
    ...payment,
    companyName: payment.companyName ?? fallbackCompanyName,
    transferList: { transfer: payment.transferList.transfer.map((t) => ({ ...t })) },
  };
}

export interface ReceiptInput {
  token: string;
  qrCode: QrCode;
  /** What the station answered at activation (or, in Stand-In, what the node's archive holds). */
  payment: PaymentPAV2;
  psp: SimulatedPsp;
  payer?: Subject;
  paidAt: Date;
  standIn: boolean;
  /** The activation's paymentNote (Checkout puts the idCart there). */
  paymentNote?: string;
  /** Base64 of the signed @e.bollo document, per idTransfer, for transfers that asked for a revenue stamp. */
  stampAttachments?: ReadonlyMap<number, string>;
}

/**
 * The receipt the node builds once the PSP confirms the payment: everything the station said at activation is
 * echoed (IUV, amount, debtor, transfers, metadata), the PSP adds who collected, how, when and the fee.
 */
export function buildReceipt(input: ReceiptInput): ReceiptV2 {
  const { payment, psp } = input;
  const transfers: TransferPAReceiptV2[] = payment.transferList.transfer.map((t) => {
    const { richiestaMarcaDaBollo, IBAN, ...rest } = t;
    if (richiestaMarcaDaBollo) {
      const attachment = input.stampAttachments?.get(t.idTransfer);
      if (!attachment) throw new Error(`marca da bollo mancante per il trasferimento ${t.idTransfer}`);
      return { ...rest, MBDAttachment: attachment };
    }
    return { ...rest, IBAN };
  });
  return {
    receiptId: input.token,
    noticeNumber: input.qrCode.noticeNumber,
    fiscalCode: input.qrCode.fiscalCode,
    outcome: 'OK',
    creditorReferenceId: payment.creditorReferenceId,
    paymentAmount: payment.paymentAmount,
    description: payment.description,
    companyName: payment.companyName,
    officeName: payment.officeName,
    debtor: payment.debtor,
    transferList: { transfer: transfers },
    idPSP: psp.idPSP,
    pspFiscalCode: psp.fiscalCode,
    pspPartitaIVA: psp.vatNumber,
    PSPCompanyName: psp.companyName,
    idChannel: psp.idChannel,
    channelDescription: psp.channelDescription,
    payer: input.payer ?? payment.debtor,
    paymentMethod: psp.paymentMethod,
    paymentNote: input.paymentNote,
    fee: feeFor(psp, payment.paymentAmount),
    idBundle: psp.idBundle,
    paymentDateTime: romeDateTime(input.paidAt),
    applicationDate: operatingDay(input.paidAt),
    transferDate: settlementDay(input.paidAt),
    metadata: payment.metadata,
    standIn: input.standIn,
  };
}

/** Thrown when a receipt cannot be expressed in the V1 primitive (a revenue stamp has no IBAN). */
export class NotExpressibleInV1 extends Error {}

/** The same receipt for a station on primitive version 1: V2-only fields dropped, transfers must carry an IBAN. */
export function toReceiptV1(receipt: ReceiptV2): Receipt {
  const transfers = receipt.transferList.transfer.map((t) => {
    if (!t.IBAN) throw new NotExpressibleInV1(`il trasferimento ${t.idTransfer} è una marca da bollo`);
    return {
      idTransfer: t.idTransfer,
      transferAmount: t.transferAmount,
      fiscalCodePA: t.fiscalCodePA,
      IBAN: t.IBAN,
      remittanceInformation: t.remittanceInformation,
      transferCategory: t.transferCategory,
      metadata: t.metadata,
    };
  });
  return {
    receiptId: receipt.receiptId,
    noticeNumber: receipt.noticeNumber,
    fiscalCode: receipt.fiscalCode,
    outcome: receipt.outcome,
    creditorReferenceId: receipt.creditorReferenceId,
    paymentAmount: receipt.paymentAmount,
    description: receipt.description,
    companyName: receipt.companyName,
    officeName: receipt.officeName,
    debtor: receipt.debtor,
    transferList: { transfer: transfers },
    idPSP: receipt.idPSP,
    pspFiscalCode: receipt.pspFiscalCode,
    pspPartitaIVA: receipt.pspPartitaIVA,
    PSPCompanyName: receipt.PSPCompanyName,
    idChannel: receipt.idChannel,
    channelDescription: receipt.channelDescription,
    payer: receipt.payer,
    paymentMethod: receipt.paymentMethod,
    fee: receipt.fee,
    paymentDateTime: receipt.paymentDateTime,
    applicationDate: receipt.applicationDate,
    transferDate: receipt.transferDate,
    metadata: receipt.metadata,
    standIn: receipt.standIn,
  };
}
