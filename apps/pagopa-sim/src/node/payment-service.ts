import { buildNoticeNumberAux3, hasValidIbanChecksum, parseNoticeNumber } from '@pagamenti/pagopa';
import {
  type FaultBean,
  type PaForNodeOperation,
  type PaForNodeRequests,
  type PaForNodeResponses,
  type PaymentPA,
  type PaymentPAV2,
  type PaVerifyPaymentNoticeRes,
  type QrCode,
  type Subject,
} from '@pagamenti/pagopa/soap';
import { randomInt } from 'node:crypto';
import { findPsp, type SimulatedPsp } from '../psp/psps';
import { type StampIssuer } from '../psp/marca-da-bollo';
import { type NodeRegistry, type RegistryEntity, type RegistryStation } from '../registry/node-registry';
import { type ReceiptDispatcher } from './receipt-dispatcher';
import {
  type DeliveryAttempt,
  type ReceiptOrigin,
  type ReceiptStore,
  type StoredReceipt,
} from './receipt-store';
import { buildReceipt, newPaymentToken, paymentAsV2 } from './receipts';
import { type StationCallResult, type StationClient, STATION_SLA_MS } from './station-client';

/** What can go wrong on purpose during a payment (see README, "Fault injection"). */
export interface PaymentFaults {
  /** The node's timeout towards the station for this payment, in ms (default: the official 7 s / 15 s). */
  slowStationMs?: number;
  /** After the receipt is delivered, send it again this many times. */
  duplicateReceipts?: number;
  /** Deliver the receipt only after this many seconds (it waits in the durable queue). */
  lateReceiptSeconds?: number;
  /** The station is considered down: no verify/activate, the receipt carries standIn=true. */
  standIn?: boolean;
  /** A receipt for a notice the station never issued (random notice number of the entity). */
  unknownNotice?: boolean;
  /** Fire this many activations of the notice at once before paying with one of them. */
  concurrentActivations?: number;
}

export interface PaymentRequest {
  noticeNumber?: string;
  /** The entity's fiscal code (the QR code has it); guessed from the notice number when omitted. */
  fiscalCode?: string;
  pspId?: string;
  payer?: { fiscalCode: string; fullName: string; email?: string };
  /** Only the payer's e-mail is known (Checkout): the payer is the debtor, with that address. */
  payerEmail?: string;
  /** Cents; used where the station is not asked (stand-in, unknown notice, external primary). */
  amountCents?: number;
  /** Carried into paGetPayment and the V2 receipt (Checkout puts the idCart here). */
  paymentNote?: string;
  /**
   * The entity is only a secondary beneficiary of a notice issued by an entity outside this intermediary: the node
   * does not call our station for verify/activate, it only pushes the receipt to the broadcast station (EC-PSP-03).
   */
  asSecondaryCreditor?: boolean;
  faults?: PaymentFaults;
  origin?: ReceiptOrigin;
}

export interface StepReport {
  operation: string;
  stationCode: string | null;
  outcome: 'OK' | 'KO' | 'ERROR';
  faultCode?: string;
  detail?: string;
  latencyMs: number;
  withinSla: boolean;
  exchangeId: number;
}

export interface PaymentOutcome {
  outcome: 'OK' | 'KO';
  noticeNumber: string;
  fiscalCode: string | null;
  psp: { idPSP: string; companyName: string };
  /** What the PSP is told when the payment fails (node fault, with the station's code as original). */
  fault?: FaultBean;
  verify?: { amountCents: number; description?: string; companyName?: string; dueDate?: string };
  receipt?: {
    receiptId: string;
    creditorReferenceId: string;
    paymentAmountCents: number;
    feeCents: number;
    totalCents: number;
    paymentDateTime?: string;
    standIn: boolean;
    transfers: { idTransfer: number; fiscalCodePA: string; amountCents: number }[];
    deliveries: {
      stationCode: string;
      idPA: string;
      status: string;
      nextAttemptAt: string | null;
      lastFaultCode?: string;
      problem?: string;
    }[];
  };
  duplicates?: { outcome: string; faultCode?: string; latencyMs: number }[];
  concurrentActivations?: {
    requested: number;
    ok: number;
    faults: Record<string, number>;
    latencyMs: { min: number; median: number; max: number };
  };
  warnings: string[];
  steps: StepReport[];
  stationLatency: { calls: number; averageMs: number; maxMs: number; overSla: number };
}

const NODE_ID = 'NodoDeiPagamentiSPC';

interface Served {
  entity: RegistryEntity;
  station: RegistryStation;
}

interface PreparedPayment {
  qrCode: QrCode;
  payment: PaymentPAV2;
  lockKey: string;
}

function emptyReport(request: PaymentRequest, psp: SimulatedPsp | undefined): PaymentOutcome {
  return {
    outcome: 'KO',
    noticeNumber: request.noticeNumber ?? '',
    fiscalCode: request.fiscalCode ?? null,
    psp: { idPSP: psp?.idPSP ?? request.pspId ?? '', companyName: psp?.companyName ?? '' },
    warnings: [],
    steps: [],
    stationLatency: { calls: 0, averageMs: 0, maxMs: 0, overSla: 0 },
  };
}

class PaymentFailure extends Error {
  constructor(readonly fault: FaultBean) {
    super(fault.faultString);
  }
}

function nodeFault(
  faultCode: string,
  faultString: string,
  description?: string,
  original?: FaultBean,
): FaultBean {
  return {
    faultCode,
    faultString,
    id: NODE_ID,
    ...(description ? { description } : {}),
    ...(original
      ? {
          originalFaultCode: original.faultCode,
          originalFaultString: original.faultString,
          ...(original.description ? { originalDescription: original.description } : {}),
        }
      : {}),
  };
}

/**
 * A payment at a PSP as the node runs it (SPEC.md §10, model 1): verify → activate → the PSP collects → receipt to
 * the stations. Faults are injected on request. The node's checks on the station's answers are applied; the
 * node's own cache of paid notices is not, so the station's duplicate handling is what a second payment meets.
 */
export class PaymentService {
  /** Notices between activation and receipt: the node refuses a second activation (PPT_PAGAMENTO_IN_CORSO). */
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly registry: NodeRegistry,
    private readonly client: StationClient,
    private readonly store: ReceiptStore,
    private readonly dispatcher: ReceiptDispatcher,
    private readonly stamps: StampIssuer,
  ) {}

  async pay(request: PaymentRequest): Promise<PaymentOutcome> {
    const psp = findPsp(request.pspId);
    const report = emptyReport(request, psp);
    let prepared: PreparedPayment | null = null;
    try {
      if (!psp) throw new PaymentFailure(nodeFault('PPT_PSP_SCONOSCIUTO', 'PSP sconosciuto', request.pspId));
      const faults = request.faults ?? {};
      if (faults.unknownNotice || request.asSecondaryCreditor) {
        await this.payWithoutStation(request, psp, report);
      } else if (faults.standIn) {
        await this.payInStandIn(request, psp, report);
      } else {
        prepared = await this.prepare(request, report);
        await this.complete(prepared, psp, request, report);
      }
      report.outcome = 'OK';
    } catch (error) {
      if (!(error instanceof PaymentFailure)) throw error;
      report.fault = error.fault;
    } finally {
      if (prepared) this.inProgress.delete(prepared.lockKey);
      summariseLatency(report);
    }
    return report;
  }

  /**
   * A Checkout cart: every notice is verified and activated first; only if all activations succeed does the PSP
   * collect and the receipts go out, so a cart is paid entirely or not at all.
   */
  async payCart(requests: PaymentRequest[], pspId: string): Promise<PaymentOutcome[]> {
    const psp = findPsp(pspId);
    const entries = requests.map((request) => ({
      request,
      report: emptyReport(request, psp),
      prepared: null as PreparedPayment | null,
    }));
    try {
      if (!psp) throw new PaymentFailure(nodeFault('PPT_PSP_SCONOSCIUTO', 'PSP sconosciuto', pspId));
      for (const entry of entries) {
        try {
          entry.prepared = await this.prepare(entry.request, entry.report);
        } catch (error) {
          if (!(error instanceof PaymentFailure)) throw error;
          entry.report.fault = error.fault;
          return entries.map((e) => e.report);
        }
      }
      for (const entry of entries) {
        if (!entry.prepared) continue;
        await this.complete(entry.prepared, psp, entry.request, entry.report);
        entry.report.outcome = 'OK';
      }
    } catch (error) {
      if (!(error instanceof PaymentFailure)) throw error;
      for (const entry of entries) entry.report.fault ??= error.fault;
    } finally {
      for (const entry of entries) {
        if (entry.prepared) this.inProgress.delete(entry.prepared.lockKey);
        summariseLatency(entry.report);
      }
    }
    return entries.map((e) => e.report);
  }

  /** paVerifyPaymentNotice only, as Checkout does to show the current amount of each notice. */
  async verify(
    noticeNumber: string,
    fiscalCode: string,
  ): Promise<
    | { ok: true; amountCents: number; description?: string; companyName?: string; dueDate?: string }
    | { ok: false; fault: FaultBean }
  > {
    const report = emptyReport({ noticeNumber, fiscalCode }, undefined);
    try {
      const { entity, station } = this.requireServed(fiscalCode, noticeNumber);
      const verify = await this.station(
        report,
        station,
        'paVerifyPaymentNotice',
        {
          idPA: entity.fiscalCode,
          idBrokerPA: station.brokerCode,
          idStation: station.stationCode,
          qrCode: { fiscalCode: entity.fiscalCode, noticeNumber: requireNoticeNumber(noticeNumber) },
        },
        undefined,
      );
      const option = verify.paymentList?.paymentOptionDescription;
      if (!option) throw new PaymentFailure(incompleteVerify());
      return {
        ok: true,
        amountCents: option.amount,
        description: verify.paymentDescription,
        companyName: verify.companyName,
        dueDate: option.dueDate,
      };
    } catch (error) {
      if (!(error instanceof PaymentFailure)) throw error;
      return { ok: false, fault: error.fault };
    }
  }

  /** Verify, then activate (holding the node's lock on the notice); the caller releases `lockKey`. */
  private async prepare(request: PaymentRequest, report: PaymentOutcome): Promise<PreparedPayment> {
    const faults = request.faults ?? {};
    const noticeNumber = requireNoticeNumber(request.noticeNumber);
    const { entity, station } = await this.resolveEntity(
      noticeNumber,
      request.fiscalCode,
      report,
      faults.slowStationMs,
    );
    const qrCode: QrCode = { fiscalCode: entity.fiscalCode, noticeNumber };
    report.fiscalCode = entity.fiscalCode;
    const header = {
      idPA: entity.fiscalCode,
      idBrokerPA: station.brokerCode,
      idStation: station.stationCode,
    };

    const verify = await this.station(
      report,
      station,
      'paVerifyPaymentNotice',
      { ...header, qrCode },
      faults.slowStationMs,
    );
    const option = verify.paymentList?.paymentOptionDescription;
    if (!option || !verify.companyName) throw new PaymentFailure(incompleteVerify());
    report.verify = {
      amountCents: option.amount,
      description: verify.paymentDescription,
      companyName: verify.companyName,
      dueDate: option.dueDate,
    };

    const lockKey = `${entity.fiscalCode}/${noticeNumber}`;
    if (this.inProgress.has(lockKey))
      throw new PaymentFailure(
        nodeFault('PPT_PAGAMENTO_IN_CORSO', 'Pagamento in attesa risulta in corso al sistema pagoPA'),
      );
    this.inProgress.add(lockKey);
    try {
      const activationRequest = {
        ...header,
        qrCode,
        amount: option.amount,
        ...(request.paymentNote ? { paymentNote: request.paymentNote.slice(0, 210) } : {}),
      };
      const payment =
        faults.concurrentActivations && faults.concurrentActivations > 1
          ? await this.activateConcurrently(
              report,
              station,
              activationRequest,
              faults.concurrentActivations,
              verify,
              faults.slowStationMs,
            )
          : await this.activate(
              report,
              station,
              station.primitiveVersion === 2 ? 'paGetPaymentV2' : 'paGetPayment',
              activationRequest,
              verify,
              faults.slowStationMs,
            );
      this.checkPayment(payment, report);
      return { qrCode, payment, lockKey };
    } catch (error) {
      this.inProgress.delete(lockKey);
      throw error;
    }
  }

  /** The PSP collects; the node builds the receipt and delivers it. */
  private async complete(
    prepared: PreparedPayment,
    psp: SimulatedPsp,
    request: PaymentRequest,
    report: PaymentOutcome,
  ): Promise<void> {
    const paidAt = new Date();
    const stampAttachments = new Map<number, string>();
    for (const transfer of prepared.payment.transferList.transfer) {
      if (transfer.richiestaMarcaDaBollo)
        stampAttachments.set(
          transfer.idTransfer,
          this.stamps.issue(psp, transfer.richiestaMarcaDaBollo, transfer.transferAmount, paidAt),
        );
    }
    const debtor = prepared.payment.debtor;
    const payer =
      toSubject(request.payer) ??
      (request.payerEmail && XSD_EMAIL.test(request.payerEmail)
        ? { ...debtor, email: request.payerEmail }
        : undefined);
    const receipt = buildReceipt({
      token: newPaymentToken(),
      qrCode: prepared.qrCode,
      payment: prepared.payment,
      psp,
      payer,
      paidAt,
      standIn: false,
      paymentNote: request.paymentNote?.slice(0, 210),
      stampAttachments,
    });
    await this.record(receipt, paidAt, request.origin ?? 'psp', request, report);
  }

  /** Stand-In: the station is not asked; the node's archive (ACA) knows the amount and the entity's account. */
  private async payInStandIn(
    request: PaymentRequest,
    psp: SimulatedPsp,
    report: PaymentOutcome,
  ): Promise<void> {
    const noticeNumber = requireNoticeNumber(request.noticeNumber);
    const { entity } = this.requireServed(request.fiscalCode, noticeNumber);
    report.fiscalCode = entity.fiscalCode;
    const amountCents = requireAmount(request.amountCents);
    const iuv = iuvOf(noticeNumber);
    const payment = this.singleTransferPayment(
      entity,
      iuv,
      amountCents,
      'Pagamento in Stand-In',
      'STAND-IN',
      request,
    );
    const paidAt = new Date();
    const receipt = buildReceipt({
      token: newPaymentToken(),
      qrCode: { fiscalCode: entity.fiscalCode, noticeNumber },
      payment,
      psp,
      payer: toSubject(request.payer),
      paidAt,
      standIn: true,
    });
    await this.record(receipt, paidAt, 'stand-in', request, report);
  }

  /**
   * Receipts the station never saw coming: a notice number it did not issue (unknown notice), or a notice of an
   * entity outside this intermediary where ours is a secondary beneficiary (only the broadcast reaches us).
   */
  private async payWithoutStation(
    request: PaymentRequest,
    psp: SimulatedPsp,
    report: PaymentOutcome,
  ): Promise<void> {
    const amountCents = requireAmount(request.amountCents ?? 1000);
    const paidAt = new Date();
    if (request.asSecondaryCreditor) {
      const { entity: ours } = this.requireServed(request.fiscalCode, request.noticeNumber);
      report.fiscalCode = ours.fiscalCode;
      const external = EXTERNAL_ENTITY;
      const noticeNumber = request.noticeNumber ?? randomNoticeNumber('01');
      const iuv = parseNoticeNumber(noticeNumber)?.iuv ?? noticeNumber.slice(1);
      const share = Math.max(1, Math.floor(amountCents / 2));
      const payment: PaymentPAV2 = {
        creditorReferenceId: iuv,
        paymentAmount: amountCents,
        dueDate: paidAt.toISOString().slice(0, 10),
        description: 'Avviso di un ente esterno con quota a favore di un ente servito',
        companyName: external.name,
        debtor: toSubject(request.payer) ?? ANONYMOUS_DEBTOR,
        transferList: {
          transfer: [
            {
              idTransfer: 1,
              transferAmount: amountCents - share,
              fiscalCodePA: external.fiscalCode,
              IBAN: external.iban,
              remittanceInformation: 'Quota ente esterno',
              transferCategory: '9/0101101IM/',
            },
            {
              idTransfer: 2,
              transferAmount: share,
              fiscalCodePA: ours.fiscalCode,
              companyName: ours.name,
              IBAN: this.accountOf(ours),
              remittanceInformation: `Quota ${ours.name}`.slice(0, 140),
              transferCategory: '9/0201102IM/',
            },
          ],
        },
      };
      report.noticeNumber = noticeNumber;
      const receipt = buildReceipt({
        token: newPaymentToken(),
        qrCode: { fiscalCode: external.fiscalCode, noticeNumber },
        payment,
        psp,
        payer: toSubject(request.payer),
        paidAt,
        standIn: false,
      });
      await this.record(receipt, paidAt, 'secondary-only', request, report);
      return;
    }
    const { entity } = this.requireServed(request.fiscalCode, request.noticeNumber);
    report.fiscalCode = entity.fiscalCode;
    const noticeNumber = randomNoticeNumber(entity.segregationCode ?? '00');
    report.noticeNumber = noticeNumber;
    const iuv = noticeNumber.slice(1);
    const payment = this.singleTransferPayment(
      entity,
      iuv,
      amountCents,
      'Avviso sconosciuto alla stazione',
      '9/0101108TS/',
      request,
    );
    const receipt = buildReceipt({
      token: newPaymentToken(),
      qrCode: { fiscalCode: entity.fiscalCode, noticeNumber },
      payment,
      psp,
      payer: toSubject(request.payer),
      paidAt,
      standIn: false,
    });
    await this.record(receipt, paidAt, 'unknown-notice', request, report);
  }

  private singleTransferPayment(
    entity: RegistryEntity,
    iuv: string,
    amountCents: number,
    description: string,
    category: string,
    request: PaymentRequest,
  ): PaymentPAV2 {
    return {
      creditorReferenceId: iuv,
      paymentAmount: amountCents,
      dueDate: new Date().toISOString().slice(0, 10),
      description,
      companyName: entity.name,
      debtor: toSubject(request.payer) ?? ANONYMOUS_DEBTOR,
      transferList: {
        transfer: [
          {
            idTransfer: 1,
            transferAmount: amountCents,
            fiscalCodePA: entity.fiscalCode,
            IBAN: this.accountOf(entity),
            remittanceInformation: description,
            transferCategory: category,
          },
        ],
      },
    };
  }

  private accountOf(entity: RegistryEntity): string {
    const account = entity.accounts.find((a) => a.kind === 'BANK') ?? entity.accounts[0];
    if (!account)
      throw new PaymentFailure(
        nodeFault('PPT_IBAN_NON_CENSITO', 'Nessun conto censito per l’ente', entity.fiscalCode),
      );
    return account.iban;
  }

  private async record(
    receipt: ReturnType<typeof buildReceipt>,
    paidAt: Date,
    origin: ReceiptOrigin,
    request: PaymentRequest,
    report: PaymentOutcome,
  ): Promise<void> {
    const faults = request.faults ?? {};
    const beneficiaries = receipt.transferList.transfer.map((t) => t.fiscalCodePA);
    const targets = this.registry.receiptTargets(receipt.fiscalCode, beneficiaries);
    const firstAttemptAt = new Date(Date.now() + (faults.lateReceiptSeconds ?? 0) * 1000);
    const stored: StoredReceipt = {
      receipt,
      origin,
      paidAt: paidAt.toISOString(),
      deliveries: targets.map((t) => ({
        stationCode: t.station.stationCode,
        idPA: t.idPA,
        status: 'pending',
        attemptCount: 0,
        nextAttemptAt: firstAttemptAt.toISOString(),
        attempts: [],
      })),
      reported: {},
    };
    if (targets.length === 0) report.warnings.push('Nessuna stazione registrata riceve questa ricevuta');
    this.store.add(stored);
    if (!faults.lateReceiptSeconds) {
      await Promise.all(
        stored.deliveries.map((d) => this.dispatcher.attempt(stored, d, faults.slowStationMs)),
      );
      for (const delivery of stored.deliveries) {
        const last = delivery.attempts.at(-1);
        if (last) report.steps.push(stepFromAttempt(delivery.stationCode, last, this.registry));
      }
    }
    if (faults.duplicateReceipts && faults.duplicateReceipts > 0) {
      const primary = stored.deliveries[0];
      report.duplicates = [];
      if (primary) {
        for (let i = 0; i < faults.duplicateReceipts; i++) {
          const again = await this.dispatcher.resend(stored, primary);
          if (again === 'not-deliverable') break;
          const answer = again.result;
          report.duplicates.push({
            outcome: answer.kind === 'answer' ? answer.outcome : 'ERROR',
            ...(answer.kind === 'answer' && answer.faultCode ? { faultCode: answer.faultCode } : {}),
            latencyMs: again.latencyMs,
          });
          report.steps.push({
            operation:
              this.registry.station(primary.stationCode)?.primitiveVersion === 1 ? 'paSendRT' : 'paSendRTV2',
            stationCode: primary.stationCode,
            outcome: answer.kind === 'answer' ? answer.outcome : 'ERROR',
            ...(answer.kind === 'answer' && answer.faultCode ? { faultCode: answer.faultCode } : {}),
            latencyMs: again.latencyMs,
            withinSla: again.latencyMs <= STATION_SLA_MS,
            exchangeId: again.exchangeId,
          });
        }
      }
    }
    report.receipt = {
      receiptId: receipt.receiptId,
      creditorReferenceId: receipt.creditorReferenceId,
      paymentAmountCents: receipt.paymentAmount,
      feeCents: receipt.fee ?? 0,
      totalCents: receipt.paymentAmount + (receipt.fee ?? 0),
      paymentDateTime: receipt.paymentDateTime,
      standIn: receipt.standIn === true,
      transfers: receipt.transferList.transfer.map((t) => ({
        idTransfer: t.idTransfer,
        fiscalCodePA: t.fiscalCodePA,
        amountCents: t.transferAmount,
      })),
      deliveries: stored.deliveries.map((d) => {
        const last = d.attempts.at(-1)?.result;
        return {
          stationCode: d.stationCode,
          idPA: d.idPA,
          status: d.status,
          nextAttemptAt: d.nextAttemptAt,
          ...(last?.kind === 'answer' && last.faultCode ? { lastFaultCode: last.faultCode } : {}),
          ...(d.problem ? { problem: d.problem } : {}),
        };
      }),
    };
    report.noticeNumber = receipt.noticeNumber;
  }

  /** Finds the entity of a notice: given, or the one among the candidates whose station knows the notice. */
  private async resolveEntity(
    noticeNumber: string,
    fiscalCode: string | undefined,
    report: PaymentOutcome,
    timeoutMs: number | undefined,
  ): Promise<Served> {
    const candidates = this.registry.candidatesForNotice(noticeNumber);
    if (fiscalCode || candidates.length === 1) return this.requireServed(fiscalCode, noticeNumber);
    for (const candidate of candidates) {
      const station = this.registry.primaryStation(candidate.fiscalCode);
      if (!station) continue;
      const result = await this.client.call(
        'paVerifyPaymentNotice',
        {
          idPA: candidate.fiscalCode,
          idBrokerPA: station.brokerCode,
          idStation: station.stationCode,
          qrCode: { fiscalCode: candidate.fiscalCode, noticeNumber },
        },
        timeoutMs,
      );
      if (result.kind === 'answer' && result.response.outcome === 'OK') {
        report.warnings.push(
          `Ente ricavato interrogando la stazione: ${candidate.fiscalCode} (${candidate.name})`,
        );
        return { entity: candidate, station };
      }
    }
    throw new PaymentFailure(
      nodeFault(
        'PPT_DOMINIO_SCONOSCIUTO',
        'Ente creditore non individuato',
        'Indicare il codice fiscale dell’ente: nessuna stazione riconosce l’avviso',
      ),
    );
  }

  /** The entity (given, or the only candidate for the notice) and the station that serves it. */
  private requireServed(fiscalCode: string | undefined, noticeNumber: string | undefined): Served {
    const entity = fiscalCode
      ? this.registry.entity(fiscalCode)
      : noticeNumber
        ? singleOrUndefined(this.registry.candidatesForNotice(noticeNumber))
        : undefined;
    const station = entity ? this.registry.primaryStation(entity.fiscalCode) : undefined;
    if (!entity || !station)
      throw new PaymentFailure(
        nodeFault(
          'PPT_DOMINIO_SCONOSCIUTO',
          'Ente creditore sconosciuto al sistema pagoPA',
          fiscalCode ?? 'indicare l’ente',
        ),
      );
    return { entity, station };
  }

  private async station<O extends PaForNodeOperation>(
    report: PaymentOutcome,
    station: RegistryStation,
    operation: O,
    message: PaForNodeRequests[O],
    timeoutMs: number | undefined,
  ): Promise<PaForNodeResponses[O]> {
    const result = await this.client.call(operation, message, timeoutMs);
    report.steps.push(stepFromCall(operation, station.stationCode, result));
    return answerOrFail(result);
  }

  private async activate(
    report: PaymentOutcome,
    station: RegistryStation,
    operation: 'paGetPayment' | 'paGetPaymentV2',
    message: PaForNodeRequests['paGetPayment'],
    verify: PaVerifyPaymentNoticeRes,
    timeoutMs: number | undefined,
  ): Promise<PaymentPAV2> {
    if (operation === 'paGetPaymentV2') {
      const data = (await this.station(report, station, 'paGetPaymentV2', message, timeoutMs)).data;
      if (!data) throw new PaymentFailure(incompleteActivation());
      return data;
    }
    const data = (await this.station(report, station, 'paGetPayment', message, timeoutMs)).data;
    if (!data) throw new PaymentFailure(incompleteActivation());
    return paymentAsV2(data, verify.companyName ?? station.description);
  }

  /**
   * N activations of the same notice at once, as several PSPs racing would produce if the node did not serialise
   * them: the station must answer all of them without locking. The payment goes on with the first that succeeded.
   */
  private async activateConcurrently(
    report: PaymentOutcome,
    station: RegistryStation,
    message: PaForNodeRequests['paGetPayment'],
    count: number,
    verify: PaVerifyPaymentNoticeRes,
    timeoutMs: number | undefined,
  ): Promise<PaymentPAV2> {
    const v2 = station.primitiveVersion === 2;
    const results = await Promise.all(
      Array.from({ length: count }, () =>
        v2
          ? this.client.call('paGetPaymentV2', message, timeoutMs)
          : this.client.call('paGetPayment', message, timeoutMs),
      ),
    );
    const faults: Record<string, number> = {};
    let first: PaymentPAV2 | null = null;
    let firstFailure: StationCallResult<'paGetPayment'> | StationCallResult<'paGetPaymentV2'> | null = null;
    for (const result of results) {
      report.steps.push(stepFromCall(v2 ? 'paGetPaymentV2' : 'paGetPayment', station.stationCode, result));
      if (result.kind === 'answer' && result.response.outcome === 'OK' && result.response.data) {
        first ??= v2
          ? (result.response.data as PaymentPAV2)
          : paymentAsV2(result.response.data as PaymentPA, verify.companyName ?? station.description);
        continue;
      }
      firstFailure ??= result;
      const code =
        result.kind === 'answer' ? (result.response.fault?.faultCode ?? 'KO') : result.nodeFaultCode;
      faults[code] = (faults[code] ?? 0) + 1;
    }
    const latencies = results.map((r) => r.latencyMs).sort((a, b) => a - b);
    report.concurrentActivations = {
      requested: count,
      ok: count - Object.values(faults).reduce((a, b) => a + b, 0),
      faults,
      latencyMs: {
        min: latencies[0] ?? 0,
        median: latencies[Math.floor(latencies.length / 2)] ?? 0,
        max: latencies.at(-1) ?? 0,
      },
    };
    if (first) return first;
    if (firstFailure) answerOrFail(firstFailure);
    throw new PaymentFailure(incompleteActivation());
  }

  /** The node's checks on an activation answer (SPEC.md §6.2). */
  private checkPayment(payment: PaymentPAV2, report: PaymentOutcome): void {
    const transfers = payment.transferList.transfer;
    const sum = transfers.reduce((total, t) => total + t.transferAmount, 0);
    if (sum !== payment.paymentAmount)
      throw new PaymentFailure(
        nodeFault(
          'PPT_STAZIONE_INT_PA_ERRORE_RESPONSE',
          'Risposta della stazione non coerente',
          `paymentAmount ${payment.paymentAmount} ≠ somma dei trasferimenti ${sum} (centesimi)`,
        ),
      );
    for (const transfer of transfers) {
      if (!transfer.IBAN) continue;
      if (!hasValidIbanChecksum(transfer.IBAN))
        throw new PaymentFailure(
          nodeFault(
            'PPT_STAZIONE_INT_PA_ERRORE_RESPONSE',
            'IBAN non valido',
            `trasferimento ${transfer.idTransfer}: ${transfer.IBAN}`,
          ),
        );
      const beneficiary = this.registry.entity(transfer.fiscalCodePA);
      if (beneficiary && !beneficiary.accounts.some((a) => a.iban === transfer.IBAN))
        report.warnings.push(
          `IBAN ${transfer.IBAN} non presente tra i conti di ${transfer.fiscalCodePA} nei dati del nodo (il nodo reale risponderebbe PPT_IBAN_NON_CENSITO)`,
        );
    }
  }
}

/** A fictitious entity outside this intermediary, primary creditor of the notices where ours is only secondary. */
const EXTERNAL_ENTITY = {
  fiscalCode: '98000000012',
  name: 'Provincia Esterna (fuori intermediario)',
  iban: 'IT60X0542811101000000123456',
};

/** stEMail of the common types. */
const XSD_EMAIL = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/;

const ANONYMOUS_DEBTOR: Subject = {
  uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'ANONIMO' },
  fullName: 'ANONIMO',
};

function incompleteVerify(): FaultBean {
  return nodeFault(
    'PPT_STAZIONE_INT_PA_ERRORE_RESPONSE',
    'Risposta della stazione incompleta',
    'paymentList e companyName sono obbligatori con esito OK',
  );
}

function incompleteActivation(): FaultBean {
  return nodeFault(
    'PPT_STAZIONE_INT_PA_ERRORE_RESPONSE',
    'Risposta della stazione incompleta',
    'data mancante con esito OK',
  );
}

function answerOrFail<O extends PaForNodeOperation>(result: StationCallResult<O>): PaForNodeResponses[O] {
  if (result.kind === 'transport')
    throw new PaymentFailure(
      nodeFault(result.nodeFaultCode, 'Errore di comunicazione con la stazione', result.detail),
    );
  if (result.response.outcome !== 'OK')
    throw new PaymentFailure(
      nodeFault('PPT_ERRORE_EMESSO_DA_PAA', 'Errore restituito dalla PA', undefined, result.response.fault),
    );
  return result.response;
}

function stepFromCall<O extends PaForNodeOperation>(
  operation: string,
  stationCode: string,
  result: StationCallResult<O>,
): StepReport {
  if (result.kind === 'transport')
    return {
      operation,
      stationCode,
      outcome: 'ERROR',
      faultCode: result.nodeFaultCode,
      detail: result.detail,
      latencyMs: result.latencyMs,
      withinSla: result.latencyMs <= STATION_SLA_MS,
      exchangeId: result.exchangeId,
    };
  return {
    operation,
    stationCode,
    outcome: result.response.outcome,
    ...(result.response.fault ? { faultCode: result.response.fault.faultCode } : {}),
    ...(result.response.fault?.description ? { detail: result.response.fault.description } : {}),
    latencyMs: result.latencyMs,
    withinSla: result.latencyMs <= STATION_SLA_MS,
    exchangeId: result.exchangeId,
  };
}

function stepFromAttempt(stationCode: string, attempt: DeliveryAttempt, registry: NodeRegistry): StepReport {
  const result = attempt.result;
  return {
    operation: registry.station(stationCode)?.primitiveVersion === 1 ? 'paSendRT' : 'paSendRTV2',
    stationCode,
    outcome: result.kind === 'answer' ? result.outcome : 'ERROR',
    ...(result.kind === 'answer' && result.faultCode ? { faultCode: result.faultCode } : {}),
    ...(result.kind === 'transport' ? { detail: result.detail } : {}),
    latencyMs: attempt.latencyMs,
    withinSla: attempt.latencyMs <= STATION_SLA_MS,
    exchangeId: attempt.exchangeId,
  };
}

function summariseLatency(report: PaymentOutcome): void {
  const latencies = report.steps.map((s) => s.latencyMs);
  report.stationLatency = {
    calls: latencies.length,
    averageMs: latencies.length ? Math.round(latencies.reduce((a, b) => a + b, 0) / latencies.length) : 0,
    maxMs: latencies.length ? Math.max(...latencies) : 0,
    overSla: latencies.filter((l) => l > STATION_SLA_MS).length,
  };
}

function toSubject(payer: PaymentRequest['payer']): Subject | undefined {
  if (!payer) return undefined;
  const value = payer.fiscalCode.trim().toUpperCase();
  return {
    uniqueIdentifier: {
      entityUniqueIdentifierType: /^\d{11}$/.test(value) ? 'G' : 'F',
      entityUniqueIdentifierValue: value,
    },
    fullName: payer.fullName.slice(0, 70),
    ...(payer.email && XSD_EMAIL.test(payer.email) ? { email: payer.email } : {}),
  };
}

function requireNoticeNumber(value: string | undefined): string {
  const parsed = value ? parseNoticeNumber(value) : null;
  if (!parsed)
    throw new PaymentFailure(
      nodeFault('PPT_SINTASSI_EXTRAXSD', 'Numero avviso non valido', 'servono 18 cifre che iniziano per 0-3'),
    );
  return parsed.noticeNumber;
}

function requireAmount(value: number | undefined): number {
  if (value === undefined || !Number.isSafeInteger(value) || value < 1)
    throw new PaymentFailure(
      nodeFault(
        'PPT_SINTASSI_EXTRAXSD',
        'Importo mancante',
        'indicare l’importo in centesimi (amountCents ≥ 1)',
      ),
    );
  return value;
}

/** A notice number the entity never issued: aux digit 3, its segregation code, a random base starting with 9. */
function randomNoticeNumber(segregationCode: string): string {
  const base = `9${String(randomInt(0, 1_000_000)).padStart(6, '0')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
  return buildNoticeNumberAux3(segregationCode, base);
}

function iuvOf(noticeNumber: string): string {
  return parseNoticeNumber(noticeNumber)?.iuv ?? noticeNumber.slice(1);
}

function singleOrUndefined<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}
