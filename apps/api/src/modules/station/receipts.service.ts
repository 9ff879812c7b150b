import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type PositionStatus } from '@pagamenti/contracts';
import {
  applyOptionPayment,
  centsToDecimal,
  effectiveValidityDate,
  PositionLifecycleError,
  type PaRequestHeader,
  type Receipt,
  type ReceiptV2,
  todayInRome,
} from '@pagamenti/pagopa';
import { type ReceiptAnomaly } from './receipt.entity';
import { type DirectoryEntity, type DirectoryStation } from './station-directory.service';
import { receiptSubject, receiptTransfers } from './station-mapping';
import { type LockedPosition, type ReceiptPayment, StationRepository } from './station.repository';

type LockedOption = LockedPosition['options'][number];
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

class DuplicateReceipt extends Error {}

/**
 * Receipts: stored durably in one transaction with their effects — the option marked PAID, the position's status
 * per the lifecycle, a history line, the `receipt.stored` outbox event — before the station answers OK. A receipt
 * is never refused for the state of the position: the money was taken, so it is stored and flagged as an anomaly.
 */
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: StationRepository,
  ) {}

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
    try {
      return await this.dataSource.transaction(async (manager) => {
        const locked = owner
          ? await this.repository.lockPositionOfNotice(manager, owner.id, receipt.noticeNumber)
          : null;
        const option =
          locked?.options.find((candidate) => candidate.noticeNumber === receipt.noticeNumber) ?? null;
        const assessment = assess(receipt, locked, option, primary);
        const anomaly = assessment.anomalies[0] ?? null;
        let payment: ReceiptPayment | null = null;
        if (locked && assessment.paidOption) {
          const outcome = applyOptionPayment(
            { status: locked.status },
            locked.options,
            assessment.paidOption,
          );
          payment = {
            optionId: outcome.paidOption.id,
            positionId: locked.id,
            fromStatus: outcome.fromStatus,
            toStatus: outcome.toStatus,
            paidCents: outcome.paidCents,
            actor: ACTOR,
            note: historyNote(receipt, outcome.paidOption, assessment.reasons),
          };
        }
        const positionStatus = payment?.toStatus ?? locked?.status ?? null;
        const id = await this.repository.storeReceipt(
          manager,
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
            positionId: locked?.id ?? null,
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
              positionId: locked?.id ?? null,
              amountCents: receipt.paymentAmount,
              anomaly,
              positionStatus,
            },
          },
        );
        if (id === null) throw new DuplicateReceipt();
        return { id, anomaly, positionStatus };
      });
    } catch (error) {
      if (error instanceof DuplicateReceipt)
        throw new StationFault('PAA_RECEIPT_DUPLICATA', `Ricevuta ${receipt.receiptId} già acquisita.`);
      throw error;
    }
  }
}

interface Assessment {
  anomalies: ReceiptAnomaly[];
  reasons: string[];
  /** The option the receipt settles, when the lifecycle allows it. */
  paidOption: LockedOption | null;
}

function assess(
  receipt: Receipt | ReceiptV2,
  locked: LockedPosition | null,
  option: LockedOption | null,
  primary: boolean,
): Assessment {
  const found: { anomaly: ReceiptAnomaly; reason: string }[] = [];
  let paidOption: LockedOption | null = null;
  if (receipt.outcome !== 'OK')
    found.push({ anomaly: 'OUTCOME_KO', reason: 'Ricevuta con esito KO: nessun pagamento registrato.' });
  if (primary && (!locked || !option)) {
    found.push({
      anomaly: 'UNKNOWN_POSITION',
      reason: `Avviso ${receipt.noticeNumber} sconosciuto all’ente.`,
    });
  } else if (locked && option && receipt.outcome === 'OK') {
    if (locked.status === 'CANCELLED') {
      found.push({ anomaly: 'CANCELLED_POSITION', reason: 'Pagamento di una posizione annullata.' });
    } else if (locked.status === 'DRAFT') {
      found.push({ anomaly: 'UNPUBLISHED_POSITION', reason: 'Pagamento di una posizione in bozza.' });
    } else {
      try {
        applyOptionPayment({ status: locked.status }, locked.options, option);
        paidOption = option;
      } catch (error) {
        if (!(error instanceof PositionLifecycleError)) throw error;
        found.push({ anomaly: 'ALREADY_PAID', reason: `Doppio pagamento: ${error.message}` });
      }
      if (paidOption && (locked.status === 'EXPIRED' || effectiveValidityDate(option) < todayInRome()))
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

function historyNote(receipt: Receipt | ReceiptV2, option: LockedOption, reasons: string[]): string {
  const what = option.installment === null ? 'pagamento unico' : `rata ${option.installment}`;
  const note =
    `Ricevuta ${receipt.receiptId}: pagato ${what} (avviso ${option.noticeNumber}) di € ` +
    `${centsToDecimal(receipt.paymentAmount)} presso ${receipt.PSPCompanyName} (${receipt.idPSP}).`;
  return reasons.length > 0 ? `${note} ${reasons.join(' ')}` : note;
}
