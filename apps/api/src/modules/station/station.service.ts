import { Inject, Injectable, Logger } from '@nestjs/common';
import { optionPayability, todayInRome, type OptionPayability } from '@pagamenti/pagopa';
import {
  buildPaForNodeResponse,
  paaFault,
  type PaaFaultCode,
  type PaDemandPaymentNoticeRequest,
  type PaDemandPaymentNoticeResponse,
  type PaForNodeOperation,
  type PaForNodeRequest,
  type PaForNodeRequestResult,
  type PaForNodeResponses,
  type PaGetPaymentReq,
  type PaRequestHeader,
  type PaVerifyPaymentNoticeReq,
  type PaVerifyPaymentNoticeRes,
  parsePaForNodeRequest,
  SchemaWriteError,
  soapFault,
} from '@pagamenti/pagopa/soap';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { DemandService } from './demand.service';
import { ReceiptsService } from './receipts.service';
import { StationFault } from './station-fault';
import {
  type DirectoryEntity,
  type DirectoryStation,
  isServed,
  StationDirectory,
} from './station-directory.service';
import { hasStampTransfer, paymentDataV1, paymentDataV2, verifyResponse } from './station-mapping';
import { StationRepository } from './station.repository';

/** pagoPA's Stand-In probe: answered at once, without touching the database. */
export const STAND_IN_PROBE_NOTICE = '000000000000000000';

/** The node waits 7 s for verify/activate and 15 s for a receipt: answer a retryable fault well before. */
const DEADLINE_MS: Record<PaForNodeOperation, number> = {
  paVerifyPaymentNotice: 5000,
  paGetPayment: 5000,
  paGetPaymentV2: 5000,
  paDemandPaymentNotice: 5000,
  paSendRT: 12000,
  paSendRTV2: 12000,
};

class DeadlineExceeded extends Error {}

export interface StationCall {
  body: Buffer;
  correlationId: string;
}

/** What the journal keeps of a call. */
export interface CallSummary {
  operation: string;
  idPa: string | null;
  idBrokerPa: string | null;
  idStation: string | null;
  noticeNumber: string | null;
  pspId: string | null;
  outcome: 'OK' | 'KO';
  faultCode: string | null;
  faultDescription: string | null;
}

export interface StationAnswer {
  httpStatus: number;
  xml: string;
  summary: CallSummary;
}

interface Authorized {
  station: DirectoryStation;
  entity: DirectoryEntity;
}

const PAYABILITY_FAULTS: Record<
  Exclude<OptionPayability, 'PAYABLE'>,
  { code: PaaFaultCode; text: string }
> = {
  UNKNOWN: { code: 'PAA_PAGAMENTO_SCONOSCIUTO', text: 'La posizione non è ancora pubblicata.' },
  PAID: { code: 'PAA_PAGAMENTO_DUPLICATO', text: 'L’avviso risulta già pagato.' },
  EXPIRED: { code: 'PAA_PAGAMENTO_SCADUTO', text: 'L’avviso è scaduto e non è più pagabile.' },
  CANCELLED: { code: 'PAA_PAGAMENTO_ANNULLATO', text: 'La posizione è stata annullata dall’ente.' },
};

/**
 * The station's rules: reads the request (dispatching on the Body root element), checks who is calling for whom,
 * and answers with current data. Every outcome is a SOAP answer: rule violations are in-band KO faults, failures
 * (database down, too slow) are PAA_SYSTEM_ERROR so that the node retries — never an HTTP 500.
 */
@Injectable()
export class StationService {
  private readonly logger = new Logger(StationService.name);

  constructor(
    private readonly directory: StationDirectory,
    private readonly repository: StationRepository,
    private readonly receipts: ReceiptsService,
    private readonly demand: DemandService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(call: StationCall): Promise<StationAnswer> {
    const parsed = parsePaForNodeRequest(call.body, { maxBytes: this.config.station.bodyLimitBytes });
    if (!parsed.ok) return this.unreadable(parsed);
    const request = parsed.value;
    const summary = summarize(request);
    if (
      request.operation === 'paVerifyPaymentNotice' &&
      request.message.qrCode.noticeNumber === STAND_IN_PROBE_NOTICE
    )
      return this.fault(
        request.operation,
        summary,
        request.message.idPA,
        'PAA_PAGAMENTO_SCONOSCIUTO',
        'Avviso di prova.',
      );
    try {
      const response = await withDeadline(this.dispatch(request, call), DEADLINE_MS[request.operation]);
      const xml = buildPaForNodeResponse(request.operation, response as never);
      return { httpStatus: 200, xml, summary: { ...summary, ...faultSummary(response) } };
    } catch (error) {
      if (error instanceof StationFault)
        return this.fault(
          request.operation,
          summary,
          faultId(request.message),
          error.code,
          error.description,
        );
      if (error instanceof SchemaWriteError) {
        this.logger.error({ err: error, correlationId: call.correlationId }, 'Station data outside the XSD');
        return this.fault(
          request.operation,
          summary,
          faultId(request.message),
          'PAA_SEMANTICA',
          'I dati della posizione non sono esprimibili secondo lo schema.',
        );
      }
      const timedOut = error instanceof DeadlineExceeded;
      this.logger.error({ err: error, correlationId: call.correlationId }, 'Station call failed');
      return this.fault(
        request.operation,
        summary,
        faultId(request.message),
        'PAA_SYSTEM_ERROR',
        timedOut
          ? 'Tempo di risposta superato: riprovare.'
          : 'Servizio temporaneamente non disponibile: riprovare.',
      );
    }
  }

  /** The answer to a caller refused by the network checks, or to a body over the limit. */
  refusal(httpStatus: 403 | 413, reason: string): StationAnswer {
    return {
      httpStatus,
      xml: soapFault('Client', httpStatus === 413 ? 'PAA_SINTASSI_EXTRAXSD' : 'ACCESSO_NEGATO', reason),
      summary: unknownCall(httpStatus === 413 ? 'PAA_SINTASSI_EXTRAXSD' : 'ACCESSO_NEGATO', reason),
    };
  }

  private dispatch(
    request: PaForNodeRequest,
    call: StationCall,
  ): Promise<PaForNodeResponses[PaForNodeOperation]> {
    switch (request.operation) {
      case 'paVerifyPaymentNotice':
        return this.verify(request.message);
      case 'paGetPayment':
        return this.activate(request.message, 1, call);
      case 'paGetPaymentV2':
        return this.activate(request.message, 2, call);
      case 'paSendRT':
      case 'paSendRTV2':
        return this.receiptOf(request, call);
      case 'paDemandPaymentNotice':
        return this.demandNotice(request.message);
    }
  }

  private async verify(message: PaVerifyPaymentNoticeReq): Promise<PaVerifyPaymentNoticeRes> {
    const { entity } = await this.authorize(message, message.qrCode.fiscalCode);
    const record = await this.payableOption(entity, message.qrCode.noticeNumber);
    return verifyResponse(record, entity);
  }

  private async activate(message: PaGetPaymentReq, version: 1 | 2, call: StationCall) {
    const { entity, station } = await this.authorize(message, message.qrCode.fiscalCode);
    const record = await this.payableOption(entity, message.qrCode.noticeNumber);
    let data;
    if (version === 1) {
      if (hasStampTransfer(record))
        throw new StationFault(
          'PAA_SEMANTICA',
          'L’avviso comprende una marca da bollo digitale: serve paGetPaymentV2.',
        );
      data = paymentDataV1(record, entity);
    } else {
      const names = await this.beneficiaryNames(record.transfers.map((t) => t.beneficiaryFiscalCode));
      data = paymentDataV2(record, entity, (fiscalCode) => names.get(fiscalCode));
    }
    // Recorded, never a lock: the node serializes activations; the position stays payable until a receipt.
    await this.repository.insertActivation({
      entityFiscalCode: entity.fiscalCode,
      noticeNumber: record.noticeNumber,
      optionId: record.optionId,
      primitiveVersion: version,
      requestedAmountCents: message.amount ?? null,
      amountCents: record.amountCents,
      paymentNote: message.paymentNote ?? null,
      transferType: message.transferType ?? null,
      stationCode: station.code,
      correlationId: call.correlationId,
    });
    return { outcome: 'OK' as const, data };
  }

  private async receiptOf(
    request: Extract<PaForNodeRequest, { operation: 'paSendRT' | 'paSendRTV2' }>,
    call: StationCall,
  ) {
    const { entity, station } = await this.authorize(request.message, null, { receipt: true });
    await this.receipts.store({
      version: request.operation === 'paSendRT' ? 1 : 2,
      header: request.message,
      receipt: request.message.receipt,
      recipient: entity,
      station,
      rawXml: call.body.toString('utf8'),
      correlationId: call.correlationId,
    });
    return { outcome: 'OK' as const };
  }

  private async demandNotice(message: PaDemandPaymentNoticeRequest): Promise<PaDemandPaymentNoticeResponse> {
    const { entity } = await this.authorize(message, null);
    return this.demand.createNotice(entity, message);
  }

  /**
   * idBrokerPA must be ours, idStation one of our enabled stations of that broker, idPA an entity we serve whose
   * station it is (receipts may also come through a broadcast station). `noticeFiscalCode`, when it differs from
   * idPA, must be served too: it is the entity that owns the notice.
   */
  private async authorize(
    header: PaRequestHeader,
    noticeFiscalCode: string | null,
    options: { receipt?: boolean } = {},
  ): Promise<Authorized> {
    if (!(await this.directory.brokerCodes()).has(header.idBrokerPA))
      throw new StationFault(
        'PAA_ID_INTERMEDIARIO_ERRATO',
        `Intermediario ${header.idBrokerPA} sconosciuto.`,
      );
    const station = await this.directory.station(header.idStation);
    if (!station || !station.enabled || station.brokerCode !== header.idBrokerPA)
      throw new StationFault(
        'PAA_STAZIONE_INT_ERRATA',
        `Stazione ${header.idStation} sconosciuta, disabilitata o di un altro intermediario.`,
      );
    const recipient = await this.directory.entity(header.idPA);
    if (!recipient || !isServed(recipient))
      throw new StationFault(
        'PAA_ID_DOMINIO_ERRATO',
        `Ente ${header.idPA} non servito da questo intermediario.`,
      );
    if (recipient.stationId !== station.id && !(options.receipt && station.broadcast))
      throw new StationFault(
        'PAA_STAZIONE_INT_ERRATA',
        `La stazione ${header.idStation} non è quella dell’ente ${header.idPA}.`,
      );
    if (noticeFiscalCode === null || noticeFiscalCode === recipient.fiscalCode)
      return { station, entity: recipient };
    const owner = await this.directory.entity(noticeFiscalCode);
    if (!owner || !isServed(owner))
      throw new StationFault(
        'PAA_ID_DOMINIO_ERRATO',
        `Ente ${noticeFiscalCode} non servito da questo intermediario.`,
      );
    return { station, entity: owner };
  }

  private async payableOption(entity: DirectoryEntity, noticeNumber: string) {
    const record = await this.repository.findOption(entity.id, noticeNumber);
    if (!record)
      throw new StationFault('PAA_PAGAMENTO_SCONOSCIUTO', `Avviso ${noticeNumber} sconosciuto all’ente.`);
    const payability = optionPayability(
      { status: record.positionStatus },
      {
        installment: record.installment,
        status: record.optionStatus,
        amountCents: record.amountCents,
        dueDate: record.dueDate,
        validityDate: record.validityDate,
      },
      romeToday(),
    );
    if (payability !== 'PAYABLE') {
      const fault = PAYABILITY_FAULTS[payability];
      throw new StationFault(fault.code, fault.text);
    }
    return record;
  }

  private async beneficiaryNames(fiscalCodes: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const fiscalCode of new Set(fiscalCodes)) {
      const entity = await this.directory.entity(fiscalCode);
      if (entity) names.set(fiscalCode, entity.name);
    }
    return names;
  }

  private unreadable(parsed: Extract<PaForNodeRequestResult, { ok: false }>): StationAnswer {
    const error = parsed.error;
    const code: PaaFaultCode = error.kind === 'malformed' ? 'PAA_SINTASSI_EXTRAXSD' : 'PAA_SINTASSI_XSD';
    if (parsed.operation)
      return this.fault(
        parsed.operation,
        unknownCall(code, error.message, parsed.operation),
        this.brokerId(),
        code,
        error.message,
      );
    return {
      httpStatus: 400,
      xml: soapFault('Client', code, error.message),
      summary: unknownCall(code, error.message),
    };
  }

  private fault(
    operation: PaForNodeOperation,
    summary: CallSummary,
    id: string | null,
    code: PaaFaultCode,
    description: string,
  ): StationAnswer {
    const xml = buildPaForNodeResponse(operation, {
      outcome: 'KO',
      fault: paaFault(code, id && /^\d{11}$/.test(id) ? id : this.brokerId(), description.slice(0, 500)),
    });
    return {
      httpStatus: 200,
      xml,
      summary: { ...summary, outcome: 'KO', faultCode: code, faultDescription: description.slice(0, 500) },
    };
  }

  private brokerId(): string {
    return this.config.intermediary.fiscalCode;
  }
}

let romeDay = { computedAt: 0, day: '' };

/** Today in Europe/Rome, recomputed at most once a second (Intl formatting is measurable on the hot path). */
function romeToday(): string {
  const now = Date.now();
  if (now - romeDay.computedAt > 1000) romeDay = { computedAt: now, day: todayInRome() };
  return romeDay.day;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(`deadline of ${ms} ms exceeded`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function faultId(message: PaRequestHeader): string {
  return message.idPA;
}

function faultSummary(response: {
  outcome: 'OK' | 'KO';
  fault?: { faultCode: string; description?: string };
}) {
  return {
    outcome: response.outcome,
    faultCode: response.fault?.faultCode ?? null,
    faultDescription: response.fault?.description ?? null,
  };
}

function summarize(request: PaForNodeRequest): CallSummary {
  const message = request.message;
  const base = {
    operation: request.operation,
    idPa: message.idPA,
    idBrokerPa: message.idBrokerPA,
    idStation: message.idStation,
    outcome: 'OK' as const,
    faultCode: null,
    faultDescription: null,
  };
  switch (request.operation) {
    case 'paVerifyPaymentNotice':
    case 'paGetPayment':
    case 'paGetPaymentV2':
      return { ...base, noticeNumber: request.message.qrCode.noticeNumber, pspId: null };
    case 'paSendRT':
    case 'paSendRTV2':
      return {
        ...base,
        noticeNumber: request.message.receipt.noticeNumber,
        pspId: request.message.receipt.idPSP,
      };
    case 'paDemandPaymentNotice':
      return { ...base, noticeNumber: null, pspId: null };
  }
}

function unknownCall(code: string, description: string, operation = 'unknown'): CallSummary {
  return {
    operation,
    idPa: null,
    idBrokerPa: null,
    idStation: null,
    noticeNumber: null,
    pspId: null,
    outcome: 'KO',
    faultCode: code,
    faultDescription: description.slice(0, 500),
  };
}
