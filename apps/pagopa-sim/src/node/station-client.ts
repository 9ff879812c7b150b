import {
  buildPaForNodeRequest,
  parsePaForNodeResponse,
  type PaForNodeOperation,
  type PaForNodeRequests,
  type PaForNodeResponses,
} from '@pagamenti/pagopa/soap';
import { type WireLog } from './wire-log';

/** The node's timeouts towards a station (SPEC.md §5): 7 s for verify and activation, 15 s for receipts. */
export const NODE_TIMEOUTS_MS: Record<PaForNodeOperation, number> = {
  paVerifyPaymentNotice: 7000,
  paGetPayment: 7000,
  paGetPaymentV2: 7000,
  paDemandPaymentNotice: 7000,
  paSendRT: 15000,
  paSendRTV2: 15000,
};

/** pagoPA's service level for stations: 98% of the calls answered within 2 s. */
export const STATION_SLA_MS = 2000;

export type StationCallResult<O extends PaForNodeOperation> =
  | { kind: 'answer'; response: PaForNodeResponses[O]; latencyMs: number; exchangeId: number }
  | {
      kind: 'transport';
      /** The node's own fault code for the situation, as a PSP would see it. */
      nodeFaultCode:
        | 'PPT_STAZIONE_INT_PA_TIMEOUT'
        | 'PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE'
        | 'PPT_STAZIONE_INT_PA_ERRORE_RESPONSE';
      reason: 'timeout' | 'unreachable' | 'http-status' | 'bad-response';
      detail: string;
      latencyMs: number;
      exchangeId: number;
    };

/** Calls a station's paForNode endpoint like the node does: SOAP 1.1 over HTTP, timed out, every exchange logged. */
export class StationClient {
  constructor(
    private readonly stationUrl: string,
    private readonly wire: WireLog,
  ) {}

  async call<O extends PaForNodeOperation>(
    operation: O,
    message: PaForNodeRequests[O],
    timeoutMs: number = NODE_TIMEOUTS_MS[operation],
  ): Promise<StationCallResult<O>> {
    const requestXml = buildPaForNodeRequest(operation, message);
    const started = performance.now();
    let httpStatus: number | null = null;
    let responseXml: string | null = null;
    const finish = (error: string | null) => {
      const latencyMs = Math.round(performance.now() - started);
      const entry = this.wire.record({
        service: 'paForNode',
        operation,
        url: this.stationUrl,
        requestXml,
        responseXml,
        httpStatus,
        latencyMs,
        error,
      });
      return { latencyMs, exchangeId: entry.id };
    };
    try {
      const response = await fetch(this.stationUrl, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${operation}"` },
        body: requestXml,
        signal: AbortSignal.timeout(timeoutMs),
      });
      httpStatus = response.status;
      responseXml = await response.text();
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      const detail = timedOut
        ? `nessuna risposta entro ${timeoutMs} ms`
        : `stazione non raggiungibile: ${causeOf(error)}`;
      return {
        kind: 'transport',
        nodeFaultCode: timedOut ? 'PPT_STAZIONE_INT_PA_TIMEOUT' : 'PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE',
        reason: timedOut ? 'timeout' : 'unreachable',
        detail,
        ...finish(detail),
      };
    }
    if (httpStatus !== 200) {
      const detail = `HTTP ${httpStatus}`;
      return {
        kind: 'transport',
        nodeFaultCode: 'PPT_STAZIONE_INT_PA_ERRORE_RESPONSE',
        reason: 'http-status',
        detail,
        ...finish(detail),
      };
    }
    const parsed = parsePaForNodeResponse(operation, responseXml);
    if (!parsed.ok) {
      const detail = `risposta non conforme: ${parsed.error.message}`;
      return {
        kind: 'transport',
        nodeFaultCode: 'PPT_STAZIONE_INT_PA_ERRORE_RESPONSE',
        reason: 'bad-response',
        detail,
        ...finish(detail),
      };
    }
    return { kind: 'answer', response: parsed.value, ...finish(null) };
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
