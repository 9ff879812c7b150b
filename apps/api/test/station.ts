import { randomBytes } from 'node:crypto';
import { type DataSource } from 'typeorm';
import {
  buildPaForNodeRequest,
  type PaForNodeOperation,
  type PaForNodeResponses,
  parsePaForNodeResponse,
  type Receipt,
  type ReceiptV2,
  type TransferPA,
} from '@pagamenti/pagopa/soap';

/** Demo identities of the intermediary (tools/demo). */
export const BROKER = '99000000010';
export const STATION = '99000000010_01';
export const STATION_V1_BROADCAST = '99000000010_02';
export const PINETO = '99023040399';
export const MONTESILVANO = '99027229550';
export const MARIO_ROSSI = 'RSSMRA80A01H501U';

export const header = (
  idPA = PINETO,
  overrides: Partial<{ idBrokerPA: string; idStation: string }> = {},
) => ({
  idPA,
  idBrokerPA: overrides.idBrokerPA ?? BROKER,
  idStation: overrides.idStation ?? STATION,
});

export function paymentToken(): string {
  return randomBytes(16).toString('hex');
}

/** What a receipt needs to know about the option paid. */
export interface PaidOption {
  entityFiscalCode: string;
  noticeNumber: string;
  iuv: string;
  amountCents: number;
  transfers: {
    index: number;
    amountCents: number;
    beneficiaryFiscalCode: string;
    iban: string | null;
    category: string;
  }[];
}

export async function optionByIupd(
  db: DataSource,
  iupd: string,
  installment: number | null = null,
): Promise<PaidOption & { positionId: string }> {
  const rows: {
    position_id: string;
    fiscal_code: string;
    notice_number: string;
    iuv: string;
    amount_cents: string;
    transfers: PaidOption['transfers'];
  }[] = await db.query(
    `SELECT o.position_id, e.fiscal_code, o.notice_number, o.iuv, o.amount_cents, o.transfers
     FROM payment_option o JOIN debt_position p ON p.id = o.position_id JOIN creditor_entity e ON e.id = p.entity_id
     WHERE p.iupd = $1 AND o.installment IS NOT DISTINCT FROM $2::smallint`,
    [iupd, installment],
  );
  const row = rows[0];
  if (!row) throw new Error(`no option for ${iupd} / ${installment}`);
  return {
    positionId: row.position_id,
    entityFiscalCode: row.fiscal_code,
    noticeNumber: row.notice_number,
    iuv: row.iuv,
    amountCents: Number(row.amount_cents),
    transfers: row.transfers,
  };
}

/** A receipt for the option as the node would send it after a successful payment. */
export function receiptFor(option: PaidOption, overrides: Partial<Receipt> = {}): Receipt {
  return {
    receiptId: paymentToken(),
    noticeNumber: option.noticeNumber,
    fiscalCode: option.entityFiscalCode,
    outcome: 'OK',
    creditorReferenceId: option.iuv,
    paymentAmount: option.amountCents,
    description: 'Pagamento avviso',
    companyName: 'Ente creditore',
    debtor: {
      uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: MARIO_ROSSI },
      fullName: 'Mario Rossi',
    },
    transferList: {
      transfer: option.transfers.map((transfer): TransferPA => ({
        idTransfer: transfer.index,
        transferAmount: transfer.amountCents,
        fiscalCodePA: transfer.beneficiaryFiscalCode,
        IBAN: transfer.iban ?? 'IT60X0542811101000000123456',
        remittanceInformation: 'Pagamento',
        transferCategory: transfer.category,
      })),
    },
    idPSP: 'BCITITMM',
    pspFiscalCode: '00799960158',
    PSPCompanyName: 'Banca di prova',
    idChannel: 'BCITITMM_01',
    channelDescription: 'app',
    payer: {
      uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: MARIO_ROSSI },
      fullName: 'Mario Rossi',
    },
    paymentMethod: 'creditCard',
    fee: 100,
    paymentDateTime: '2026-03-01T10:15:30',
    applicationDate: '2026-03-01',
    transferDate: '2026-03-02',
    ...overrides,
  };
}

export function receiptV2For(option: PaidOption, overrides: Partial<ReceiptV2> = {}): ReceiptV2 {
  const v1 = receiptFor(option);
  return { ...v1, paymentNote: 'carrello-1', primaryCiIncurredFee: 0, ...overrides };
}

export type Exchange<O extends PaForNodeOperation> = {
  status: number;
  xml: string;
  response: PaForNodeResponses[O];
};

/** Posts a SOAP request to a station base URL (e.g. http://127.0.0.1:PORT) and reads the answer strictly. */
export async function callStation<O extends PaForNodeOperation>(
  baseUrl: string,
  operation: O,
  requestXml: string,
): Promise<Exchange<O>> {
  const response = await fetch(`${baseUrl}/pagopa/paForNode`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${operation}"` },
    body: requestXml,
  });
  const xml = await response.text();
  const parsed = parsePaForNodeResponse(operation, xml);
  if (!parsed.ok)
    throw new Error(`unreadable ${operation} answer (${response.status}): ${parsed.error.message}\n${xml}`);
  return { status: response.status, xml, response: parsed.value };
}

export function sendRTXml(receipt: Receipt, idPA = receipt.fiscalCode, idStation = STATION): string {
  return buildPaForNodeRequest('paSendRT', { ...header(idPA, { idStation }), receipt });
}
