import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFlussoRiversamento } from '@pagamenti/pagopa/soap';
import {
  type AccountStatement,
  type BankCredit,
  remittanceFor,
  statementCamt053,
  statementCsv,
} from '../bank/statement';
import { romeDate, romeDateTime } from '../node/calendar';
import { type ReceiptStore } from '../node/receipt-store';
import { findPsp } from '../psp/psps';
import { type NodeRegistry } from '../registry/node-registry';
import { JsonFile } from '../store/json-file';
import { flowDocument, flowId, groupIntoFlows, regulationId, reportableTransfers } from './flows';

/** A published reporting flow, as the node serves it through nodeForPa. */
export interface StoredFlow {
  flowId: string;
  pspId: string;
  receiverFiscalCode: string;
  iban: string;
  settlementDate: string;
  /** dataOraFlusso (Italian local time). */
  createdAt: string;
  totalCents: number;
  payments: number;
  /** The FlussoRiversamento document. */
  xml: string;
}

interface ReportingState {
  flows: StoredFlow[];
  credits: BankCredit[];
}

/** The bank that keeps every entity's treasury account in the simulation (statement servicer). */
export const TREASURY_BANK_BIC = 'TSDMITR1XXX';

/**
 * Turns collected payments into reporting flows and bank credits. Settlement runs by itself for payments whose
 * settlement day has come (checked every minute), or on demand for a given day (tests and demos do not wait).
 * Flows and credits live in `<data dir>/reporting.json`; each day's treasury statement is written to
 * `<data dir>/bank/statement-<date>.csv` and `.xml` (camt.053).
 */
export class ReportingService {
  private readonly file: JsonFile<ReportingState>;
  private readonly state: ReportingState;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly receipts: ReceiptStore,
    private readonly registry: NodeRegistry,
  ) {
    this.file = new JsonFile(join(dataDir, 'reporting.json'), () => ({ flows: [], credits: [] }));
    this.state = this.file.load();
  }

  start(intervalMs = 60_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      try {
        this.settle();
      } catch (error) {
        process.stderr.write(
          `${JSON.stringify({ level: 50, service: 'pagopa-sim', msg: `regolamento automatico: ${(error as Error).message}` })}\n`,
        );
      }
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Settles the payments not yet reported. Without a date: those whose settlement day (the receipt's transferDate)
   * is today or past, each on its own day. With a date: every payment collected so far, on that day.
   */
  settle(forcedDate?: string, now = new Date()): StoredFlow[] {
    const today = romeDate(now);
    const pending = this.receipts
      .all()
      .flatMap((stored) =>
        reportableTransfers(stored.receipt, new Date(stored.paidAt), stored.reported, forcedDate).map(
          (t) => ({
            stored,
            transfer: t,
          }),
        ),
      )
      .filter(({ transfer }) => forcedDate !== undefined || transfer.settlementDate <= today);
    if (pending.length === 0) return [];
    const owners = new Map(
      pending.map(({ stored, transfer }) => [`${transfer.receiptId}/${transfer.idTransfer}`, stored]),
    );
    const created: StoredFlow[] = [];
    const createdAt = romeDateTime(now);
    for (const group of groupIntoFlows(pending.map((p) => p.transfer))) {
      const psp = findPsp(group.pspId);
      if (!psp) continue;
      const sequence =
        this.state.flows.filter((f) => f.settlementDate === group.settlementDate && f.pspId === group.pspId)
          .length + 1;
      const id = flowId(group.settlementDate, group.pspId, sequence);
      const receiverName = this.registry.entity(group.receiverFiscalCode)?.name ?? group.receiverFiscalCode;
      const document = flowDocument(group, id, { psp, receiverName }, createdAt);
      const flow: StoredFlow = {
        flowId: id,
        pspId: group.pspId,
        receiverFiscalCode: group.receiverFiscalCode,
        iban: group.iban,
        settlementDate: group.settlementDate,
        createdAt,
        totalCents: document.importoTotalePagamenti,
        payments: document.numeroTotalePagamenti,
        xml: buildFlussoRiversamento(document),
      };
      this.state.flows.push(flow);
      // The simulated treasury keeps only the accounts of entities the registry serves.
      if (this.registry.entity(group.receiverFiscalCode))
        this.state.credits.push({
          reference: `TSD${group.settlementDate.replace(/-/g, '')}${String(this.state.credits.length + 1).padStart(8, '0')}`,
          iban: group.iban,
          receiverFiscalCode: group.receiverFiscalCode,
          receiverName,
          bookingDate: group.settlementDate,
          valueDate: group.settlementDate,
          amountCents: flow.totalCents,
          debtorName: `${psp.companyName} Servizio pagoPA`,
          debtorBic: psp.idPSP,
          transactionId: regulationId(psp, id),
          endToEndId: id,
          remittance: remittanceFor(id),
          flowId: id,
        });
      for (const transfer of group.transfers) {
        const owner = owners.get(`${transfer.receiptId}/${transfer.idTransfer}`);
        if (owner) this.receipts.markReported(owner, transfer.idTransfer, id);
      }
      created.push(flow);
    }
    this.file.save(this.state);
    for (const date of new Set(created.map((f) => f.settlementDate))) this.writeStatementFiles(date, now);
    return created;
  }

  flows(filter: { receiverFiscalCode?: string; pspId?: string; brokerCode?: string } = {}): StoredFlow[] {
    return this.state.flows.filter(
      (f) =>
        (!filter.receiverFiscalCode || f.receiverFiscalCode === filter.receiverFiscalCode) &&
        (!filter.pspId || f.pspId === filter.pspId) &&
        (!filter.brokerCode || this.brokerOf(f.receiverFiscalCode) === filter.brokerCode),
    );
  }

  flow(id: string): StoredFlow | undefined {
    return this.state.flows.find((f) => f.flowId === id);
  }

  credits(filter: { date?: string; iban?: string; fiscalCode?: string } = {}): BankCredit[] {
    return this.state.credits.filter(
      (c) =>
        (!filter.date || c.bookingDate === filter.date) &&
        (!filter.iban || c.iban === filter.iban) &&
        (!filter.fiscalCode || c.receiverFiscalCode === filter.fiscalCode),
    );
  }

  /** Booking days with at least one credit, newest first, with their totals. */
  statementDays(): { date: string; credits: number; totalCents: number }[] {
    const days = new Map<string, { date: string; credits: number; totalCents: number }>();
    for (const credit of this.state.credits) {
      const day = days.get(credit.bookingDate) ?? { date: credit.bookingDate, credits: 0, totalCents: 0 };
      day.credits += 1;
      day.totalCents += credit.amountCents;
      days.set(credit.bookingDate, day);
    }
    return [...days.values()].sort((a, b) => b.date.localeCompare(a.date));
  }

  statementCsv(date: string, filter: { iban?: string; fiscalCode?: string } = {}): string {
    return statementCsv(this.credits({ date, ...filter }));
  }

  statementCamt053(
    date: string,
    filter: { iban?: string; fiscalCode?: string } = {},
    now = new Date(),
  ): string {
    const credits = this.credits({ date, ...filter });
    const accounts = new Map<string, AccountStatement>();
    for (const credit of credits) {
      let account = accounts.get(credit.iban);
      if (!account) {
        const opening = this.state.credits
          .filter((c) => c.iban === credit.iban && c.bookingDate < date)
          .reduce((sum, c) => sum + c.amountCents, 0);
        account = {
          iban: credit.iban,
          ownerName: credit.receiverName,
          openingBalanceCents: opening,
          credits: [],
        };
        accounts.set(credit.iban, account);
      }
      account.credits.push(credit);
    }
    const sequence = this.statementDays().filter((d) => d.date <= date).length;
    return statementCamt053(
      { date, bankBic: TREASURY_BANK_BIC, createdAt: romeDateTime(now), sequence: Math.max(1, sequence) },
      [...accounts.values()].sort((a, b) => a.iban.localeCompare(b.iban)),
    );
  }

  private writeStatementFiles(date: string, now: Date): void {
    const dir = join(this.dataDir, 'bank');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `statement-${date}.csv`), this.statementCsv(date));
    writeFileSync(join(dir, `statement-${date}.xml`), this.statementCamt053(date, {}, now));
  }

  private brokerOf(fiscalCode: string): string | undefined {
    return this.registry.primaryStation(fiscalCode)?.brokerCode;
  }
}
