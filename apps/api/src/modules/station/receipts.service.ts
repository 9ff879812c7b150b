import { Injectable } from '@nestjs/common';
import { type PositionStatus } from '@pagamenti/contracts';
import {
  applyOptionPayment,
  centsToDecimal,
  effectiveValidityDate,
  PositionLifecycleError,
  todayInRome,
} from '@pagamenti/pagopa';
import { type PaRequestHeader, type Receipt, type ReceiptV2 } from '@pagamenti/pagopa/soap';
import { type ReceiptAnomaly } from './receipt.entity';
import { type DirectoryEntity, type DirectoryStation } from './station-directory.service';
import { receiptSubject, receiptTransfers } from './station-mapping';
import { type PositionSnapshot, type ReceiptPayment, StationRepository } from './station.repository';

type SnapshotOption = PositionSnapshot['options'][number];
import { StationFault } from './station-fault';

export const RECEIPT_STORED_EVENT = 'receipt.stored';
const ACTOR = 'Nodo pagoPA (paSendRT)';

export interface IncomingReceipt {
  version: 1 | 2;
  header: PaRequestHeader;
  receipt: Receipt | ReceiptV2;
  /** The entity of ours the receipt is delivered to (idPA). */
  recipient: DirectoryEntity;
  station: DirectoryStation;
  rawXml: string;
  correlationId: string;
}

export interface StoredReceipt {
  id: string;
  anomaly: ReceiptAnomaly | null;
  positionStatus: PositionStatus | null;
}

/** Severity order: the first anomaly found is the row's code, every reason is kept in the text. */
const ANOMALY_ORDER: ReceiptAnomaly[] = [
  'OUTCOME_KO',
  'UNKNOWN_POSITION',
  'CANCELLED_POSITION',
  'UNPUBLISHED_POSITION',
  'ALREADY_PAID',
  'EXPIRED_POSITION',
  'AMOUNT_MISMATCH',
  'STAND_IN',
];

/** Concurrent receipts of one position are rare (installments paid at once): a few re-reads settle them. */
const MAX_ATTEMPTS = 20;

/**
 * Receipts: stored durably in one transaction with their effects — the option marked PAID, the position's status
 * per the lifecycle, a history line, the `receipt.stored` outbox event — before the station answers OK. A receipt
 * is never refused for the state of the position: the money was taken, so it is stored and flagged as an anomaly.
 */
@Injectable()
export class ReceiptsService {
  constructor(private readonly repository: StationRepository) {}

  async store(incoming: IncomingReceipt): Promise<StoredReceipt> {
    const { receipt, recipient } = incoming;
    const primary = receipt.fiscalCode === recipient.fiscalCode;
    if (!primary && !receipt.transferList.transfer.some((t) => t.fiscalCodePA === recipient.fiscalCode))
      throw new StationFault(
        'PAA_SEMANTICA',
        `La ricevuta non riguarda l’ente ${recipient.fiscalCode}: non è né l’ente dell’avviso né beneficiario di un trasferimento.`,
      );
    // As secondary creditor (EC-PSP-03) we keep the receipt; the position, if ours, is settled by the primary copy.
    const owner = primary ? recipient : null;
    // Optimistic concurrency instead of a lock: read, decide with the lifecycle, write in one statement guarded by
    // the position's version; a concurrent receipt of the same position makes it stale, and we read again.
    for (let attempt = 1; ; attempt++) {
      const position = owner ? await this.repository.positionOfNotice(owner.id, receipt.noticeNumber) : null;
      const result = await this.attempt(incoming, primary, position);
      if ('stored' in result) return result.stored;
      if ('duplicate' in result)
        throw new StationFault('PAA_RECEIPT_DUPLICATA', `Ricevuta ${receipt.receiptId} già acquisita.`);
      if (attempt >= MAX_ATTEMPTS) throw new Error(`receipt ${receipt.receiptId}: position kept changing`);
    }
  }

  private async attempt(
    incoming: IncomingReceipt,
    primary: boolean,
    position: PositionSnapshot | null,
  ): Promise<{ stored: StoredReceipt } | { duplicate: true } | { stale: true }> {
    const { receipt, recipient } = incoming;
    const option =
      position?.options.find((candidate) => candidate.noticeNumber === receipt.noticeNumber) ?? null;
    const assessment = assess(receipt, position, option, primary);
    const anomaly = assessment.anomalies[0] ?? null;
    let payment: ReceiptPayment | null = null;
    if (position && assessment.paidOption) {
      const outcome = applyOptionPayment(
        { status: position.status },
        position.options,
        assessment.paidOption,
      );
      payment = {
        optionId: outcome.paidOption.id,
        positionId: position.id,
        expectedVersion: position.version,
        fromStatus: outcome.fromStatus,
        toStatus: outcome.toStatus,
        paidCents: outcome.paidCents,
        actor: ACTOR,
        note: historyNote(receipt, outcome.paidOption, assessment.reasons),
      };
    }
    const positionStatus = payment?.toStatus ?? position?.status ?? null;
    const result = await this.repository.storeReceipt(
      {
        receiptId: receipt.receiptId,
        recipientFiscalCode: recipient.fiscalCode,
        recipientEntityId: recipient.id,
        role: primary ? 'PRIMARY' : 'SECONDARY',
        brokerCode: incoming.header.idBrokerPA,
        stationCode: incoming.station.code,
        primitiveVersion: incoming.version,
        noticeNumber: receipt.noticeNumber,
        entityFiscalCode: receipt.fiscalCode,
        creditorReferenceId: receipt.creditorReferenceId,
        positionId: position?.id ?? null,
        optionId: option?.id ?? null,
        outcome: receipt.outcome,
        amountCents: receipt.paymentAmount,
        feeCents: receipt.fee ?? null,
        primaryCiIncurredFeeCents:
          'primaryCiIncurredFee' in receipt ? (receipt.primaryCiIncurredFee ?? null) : null,
        description: receipt.description,
        companyName: receipt.companyName,
        officeName: receipt.officeName ?? null,
        debtor: receiptSubject(receipt.debtor),
        payer: receipt.payer ? receiptSubject(receipt.payer) : null,
        transfers: receiptTransfers(receipt),
        pspId: receipt.idPSP,
        pspFiscalCode: receipt.pspFiscalCode ?? null,
        pspVatNumber: receipt.pspPartitaIVA ?? null,
        pspCompanyName: receipt.PSPCompanyName,
        channelId: receipt.idChannel,
        channelDescription: receipt.channelDescription,
        paymentMethod: receipt.paymentMethod ?? null,
        paymentNote: 'paymentNote' in receipt ? (receipt.paymentNote ?? null) : null,
        idBundle: 'idBundle' in receipt ? (receipt.idBundle ?? null) : null,
        idCiBundle: 'idCiBundle' in receipt ? (receipt.idCiBundle ?? null) : null,
        paymentDateTime: receipt.paymentDateTime ?? null,
        applicationDate: receipt.applicationDate ?? null,
        transferDate: receipt.transferDate ?? null,
        metadata: receipt.metadata?.mapEntry ?? [],
        standIn: receipt.standIn ?? false,
        anomaly,
        anomalyReason: assessment.reasons.length > 0 ? assessment.reasons.join(' ') : null,
        correlationId: incoming.correlationId,
        rawXml: incoming.rawXml,
      },
      payment,
      {
        type: RECEIPT_STORED_EVENT,
        entityId: recipient.id,
        payload: {
          receiptId: receipt.receiptId,
          noticeNumber: receipt.noticeNumber,
          entityFiscalCode: receipt.fiscalCode,
          recipientFiscalCode: recipient.fiscalCode,
          positionId: position?.id ?? null,
          amountCents: receipt.paymentAmount,
          anomaly,
          positionStatus,
        },
      },
    );
    if ('stored' in result) return { stored: { id: result.stored, anomaly, positionStatus } };
    return result;
  }
}

interface Assessment {
  anomalies: ReceiptAnomaly[];
  reasons: string[];
  /** The option the receipt settles, when the lifecycle allows it. */
  paidOption: SnapshotOption | null;
}

function assess(
  receipt: Receipt | ReceiptV2,
  position: PositionSnapshot | null,
  option: SnapshotOption | null,
  primary: boolean,
): Assessment {
  const found: { anomaly: ReceiptAnomaly; reason: string }[] = [];
  let paidOption: SnapshotOption | null = null;
  if (receipt.outcome !== 'OK')
    found.push({ anomaly: 'OUTCOME_KO', reason: 'Ricevuta con esito KO: nessun pagamento registrato.' });
  if (primary && (!position || !option)) {
    found.push({
      anomaly: 'UNKNOWN_POSITION',
      reason: `Avviso ${receipt.noticeNumber} sconosciuto all’ente.`,
    });
  } else if (position && option && receipt.outcome === 'OK') {
    if (position.status === 'CANCELLED') {
      found.push({ anomaly: 'CANCELLED_POSITION', reason: 'Pagamento di una posizione annullata.' });
    } else if (position.status === 'DRAFT') {
      found.push({ anomaly: 'UNPUBLISHED_POSITION', reason: 'Pagamento di una posizione in bozza.' });
    } else {
      try {
        applyOptionPayment({ status: position.status }, position.options, option);
        paidOption = option;
      } catch (error) {
        if (!(error instanceof PositionLifecycleError)) throw error;
        found.push({ anomaly: 'ALREADY_PAID', reason: `Doppio pagamento: ${error.message}` });
      }
      if (paidOption && (position.status === 'EXPIRED' || effectiveValidityDate(option) < todayInRome()))
        found.push({
          anomaly: 'EXPIRED_POSITION',
          reason: 'Pagamento ricevuto dopo la data di validità.',
        });
      if (receipt.paymentAmount !== option.amountCents)
        found.push({
          anomaly: 'AMOUNT_MISMATCH',
          reason: `Importo pagato ${centsToDecimal(receipt.paymentAmount)} diverso dall’importo dell’avviso ${centsToDecimal(option.amountCents)}.`,
        });
    }
  }
  if (receipt.standIn) found.push({ anomaly: 'STAND_IN', reason: 'Pagamento eseguito in Stand-In.' });
  found.sort((a, b) => ANOMALY_ORDER.indexOf(a.anomaly) - ANOMALY_ORDER.indexOf(b.anomaly));
  return { anomalies: found.map((f) => f.anomaly), reasons: found.map((f) => f.reason), paidOption };
}

function historyNote(receipt: Receipt | ReceiptV2, option: SnapshotOption, reasons: string[]): string {
  const what = option.installment === null ? 'pagamento unico' : `rata ${option.installment}`;
  const note =
    `Ricevuta ${receipt.receiptId}: pagato ${what} (avviso ${option.noticeNumber}) di € ` +
    `${centsToDecimal(receipt.paymentAmount)} presso ${receipt.PSPCompanyName} (${receipt.idPSP}).`;
  return reasons.length > 0 ? `${note} ${reasons.join(' ')}` : note;
}
