import { createHash } from 'node:crypto';
import { type FlussoRiversamento, type ReceiptV2 } from '@pagamenti/pagopa/soap';
import { romeDate } from '../node/calendar';
import { type SimulatedPsp } from '../psp/psps';

/** One transfer of a collected payment, as the PSP reports it to the beneficiary entity. */
export interface ReportableTransfer {
  receiptId: string;
  iuv: string;
  idTransfer: number;
  amountCents: number;
  /** The beneficiary entity (the transfer's fiscalCodePA). */
  receiverFiscalCode: string;
  iban: string;
  pspId: string;
  /** `YYYY-MM-DD`: the day the PSP credits the entity. */
  settlementDate: string;
  /** `YYYY-MM-DD`: the day the payment was made (dataEsitoSingoloPagamento). */
  paymentDate: string;
  standIn: boolean;
}

/**
 * What a receipt puts into reporting flows: each transfer credited to an account (revenue stamps go to the
 * revenue agency, not to the entity), settled on the receipt's transferDate unless a settlement date is forced.
 */
export function reportableTransfers(
  receipt: ReceiptV2,
  paidAt: Date,
  alreadyReported: Readonly<Record<string, string>>,
  forcedSettlementDate?: string,
): ReportableTransfer[] {
  const settlementDate = forcedSettlementDate ?? receipt.transferDate ?? romeDate(paidAt);
  return receipt.transferList.transfer.flatMap((t) =>
    t.IBAN && !alreadyReported[String(t.idTransfer)]
      ? [
          {
            receiptId: receipt.receiptId,
            iuv: receipt.creditorReferenceId,
            idTransfer: t.idTransfer,
            amountCents: t.transferAmount,
            receiverFiscalCode: t.fiscalCodePA,
            iban: t.IBAN,
            pspId: receipt.idPSP,
            settlementDate,
            paymentDate: romeDate(paidAt),
            standIn: receipt.standIn === true,
          },
        ]
      : [],
  );
}

/** The transfers one PSP credits to one account of one entity on one day: one flow, one credit transfer. */
export interface FlowGroup {
  pspId: string;
  receiverFiscalCode: string;
  iban: string;
  settlementDate: string;
  transfers: ReportableTransfer[];
}

/**
 * Groups transfers into reporting flows: one per PSP × receiving entity × settlement date, split further by the
 * receiving account, because each flow is paid with one SEPA credit transfer to one IBAN (SPEC.md §11.3).
 * Order is deterministic (by date, PSP, entity, IBAN; lines by IUV and transfer index).
 */
export function groupIntoFlows(transfers: readonly ReportableTransfer[]): FlowGroup[] {
  const groups = new Map<string, FlowGroup>();
  for (const transfer of transfers) {
    const key = [transfer.settlementDate, transfer.pspId, transfer.receiverFiscalCode, transfer.iban].join(
      '|',
    );
    let group = groups.get(key);
    if (!group) {
      group = {
        pspId: transfer.pspId,
        receiverFiscalCode: transfer.receiverFiscalCode,
        iban: transfer.iban,
        settlementDate: transfer.settlementDate,
        transfers: [],
      };
      groups.set(key, group);
    }
    group.transfers.push(transfer);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, group]) => ({
      ...group,
      transfers: [...group.transfers].sort(
        (a, b) =>
          a.iuv.localeCompare(b.iuv) || a.receiptId.localeCompare(b.receiptId) || a.idTransfer - b.idTransfer,
      ),
    }));
}

/** `<YYYY-MM-DD><idPSP>-<n>`, the flow id convention (SPEC.md §1), n counting the PSP's flows of that day. */
export function flowId(settlementDate: string, pspId: string, sequence: number): string {
  const id = `${settlementDate}${pspId}-${sequence}`;
  if (!/^[a-zA-Z0-9\-_]{1,35}$/.test(id)) throw new RangeError(`identificativoFlusso non valido: ${id}`);
  return id;
}

/** The reference of the credit transfer that settles a flow (the TRN a bank assigns), stable for a flow id. */
export function regulationId(psp: SimulatedPsp, id: string): string {
  const digest = createHash('sha256').update(id).digest('hex').slice(0, 16).toUpperCase();
  return `${psp.abiCode}${id.slice(0, 10).replace(/-/g, '')}${digest}`;
}

export interface FlowParties {
  psp: SimulatedPsp;
  receiverName: string;
}

/** The FlussoRiversamento document of a group (1.0.5 outcome codes: 0 executed, 4 executed in Stand-In). */
export function flowDocument(
  group: FlowGroup,
  id: string,
  parties: FlowParties,
  createdAt: string,
): FlussoRiversamento {
  const total = group.transfers.reduce((sum, t) => sum + t.amountCents, 0);
  return {
    versioneOggetto: '1.0',
    identificativoFlusso: id,
    dataOraFlusso: createdAt,
    identificativoUnivocoRegolamento: regulationId(parties.psp, id),
    dataRegolamento: group.settlementDate,
    istitutoMittente: {
      identificativoUnivocoMittente: {
        tipoIdentificativoUnivoco: 'B',
        codiceIdentificativoUnivoco: parties.psp.idPSP,
      },
      denominazioneMittente: parties.psp.companyName.slice(0, 70),
    },
    codiceBicBancaDiRiversamento: parties.psp.idPSP,
    istitutoRicevente: {
      identificativoUnivocoRicevente: {
        tipoIdentificativoUnivoco: 'G',
        codiceIdentificativoUnivoco: group.receiverFiscalCode,
      },
      denominazioneRicevente: parties.receiverName.slice(0, 140),
    },
    numeroTotalePagamenti: group.transfers.length,
    importoTotalePagamenti: total,
    datiSingoliPagamenti: group.transfers.map((t) => ({
      identificativoUnivocoVersamento: t.iuv,
      identificativoUnivocoRiscossione: t.receiptId,
      indiceDatiSingoloPagamento: t.idTransfer,
      singoloImportoPagato: t.amountCents,
      codiceEsitoSingoloPagamento: t.standIn ? '4' : '0',
      dataEsitoSingoloPagamento: t.paymentDate,
    })),
  };
}
