import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  buildNodeForPaRequest,
  type FaultBean,
  type FlussoRiversamento,
  type IdRendicontazione,
  type NodeForPaOperation,
  type NodeForPaRequests,
  type NodeForPaResponses,
  parseFlussoRiversamento,
  parseNodeForPaResponse,
} from '@pagamenti/pagopa/soap';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { fetchWithRetry, PlatformCallError } from './http-retry';
import { PlatformCredentials, type StationCredentials } from './platform-credentials.service';

/** The node answered with a fault (e.g. PPT_ID_FLUSSO_SCONOSCIUTO, PPT_AUTENTICAZIONE). */
export class NodeFaultError extends Error {
  constructor(readonly fault: FaultBean) {
    super(`${fault.faultCode}: ${fault.description ?? fault.faultString}`);
    this.name = 'NodeFaultError';
  }
}

export interface FlowQuery {
  /** The station to call with; default: the station of `entityFiscalCode`. */
  stationCode?: string;
  /** identificativoDominio: only the flows of this entity. */
  entityFiscalCode?: string;
  /** identificativoPSP: only the flows of this PSP. */
  pspId?: string;
}

export interface ReportingFlow {
  /** The document as received, for archiving. */
  xml: string;
  flow: FlussoRiversamento;
}

/**
 * Our client of the node's nodeForPa SOAP service (reporting flows). SOAP 1.1, the station password in the body,
 * the station's subscription key in `Ocp-Apim-Subscription-Key`; timeouts and retries with backoff
 * (PAGOPA_NODE_TIMEOUT_MS, PAGOPA_NODE_RETRIES). The URL is the station's nodeEndpointUrl, else PAGOPA_NODE_URL.
 */
@Injectable()
export class NodeClient {
  private readonly logger = new Logger(NodeClient.name);

  constructor(
    private readonly credentials: PlatformCredentials,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** nodoChiediElencoFlussiRendicontazione: the flows available to the station (optionally for one entity/PSP). */
  async listReportingFlows(query: FlowQuery): Promise<IdRendicontazione[]> {
    const station = await this.station(query);
    const response = await this.call(station, 'nodoChiediElencoFlussiRendicontazione', {
      ...this.headerOf(station),
      ...(query.entityFiscalCode ? { identificativoDominio: query.entityFiscalCode } : {}),
      ...(query.pspId ? { identificativoPSP: query.pspId } : {}),
    });
    return response.elencoFlussiRendicontazione?.idRendicontazione ?? [];
  }

  /** nodoChiediFlussoRendicontazione: one flow, decoded and read (1.0.4 or 1.0.5). */
  async fetchReportingFlow(query: FlowQuery & { flowId: string }): Promise<ReportingFlow> {
    const station = await this.station(query);
    const response = await this.call(station, 'nodoChiediFlussoRendicontazione', {
      ...this.headerOf(station),
      ...(query.entityFiscalCode ? { identificativoDominio: query.entityFiscalCode } : {}),
      ...(query.pspId ? { identificativoPSP: query.pspId } : {}),
      identificativoFlusso: query.flowId,
    });
    if (!response.xmlRendicontazione)
      throw new PlatformCallError('risposta del Nodo senza xmlRendicontazione', 'rejected', 200, 1);
    const xml = Buffer.from(response.xmlRendicontazione, 'base64').toString('utf8');
    const parsed = parseFlussoRiversamento(xml);
    if (!parsed.ok)
      throw new PlatformCallError(
        `flusso ${query.flowId} non valido: ${parsed.error.message}`,
        'rejected',
        200,
        1,
      );
    return { xml, flow: parsed.value };
  }

  private async station(query: FlowQuery): Promise<StationCredentials> {
    const station = query.stationCode
      ? await this.credentials.forStation({ stationCode: query.stationCode })
      : query.entityFiscalCode
        ? await this.credentials.forStation({ entityFiscalCode: query.entityFiscalCode })
        : null;
    if (!station) throw new Error('stazione sconosciuta: indicare stationCode o un ente con stazione');
    if (!station.password) throw new Error(`la stazione ${station.stationCode} non ha una password del Nodo`);
    return station;
  }

  private headerOf(station: StationCredentials) {
    return {
      identificativoIntermediarioPA: station.brokerCode,
      identificativoStazioneIntermediarioPA: station.stationCode,
      password: station.password ?? '',
    };
  }

  private async call<O extends NodeForPaOperation>(
    station: StationCredentials,
    operation: O,
    request: NodeForPaRequests[O],
  ): Promise<NodeForPaResponses[O]> {
    const headers: Record<string, string> = {
      'content-type': 'text/xml; charset=utf-8',
      soapaction: operation,
    };
    if (station.subscriptionKey) headers['ocp-apim-subscription-key'] = station.subscriptionKey;
    const response = await fetchWithRetry(
      station.nodeForPaUrl,
      { method: 'POST', headers, body: buildNodeForPaRequest(operation, request) },
      { timeoutMs: this.config.pagopaNode.timeoutMs, retries: this.config.pagopaNode.retries },
    );
    const body = await response.text();
    if (!response.ok)
      throw new PlatformCallError(
        `${operation}: HTTP ${response.status} dal Nodo${response.status === 401 ? ' (chiave di sottoscrizione rifiutata)' : ''}`,
        'rejected',
        response.status,
        1,
      );
    const parsed = parseNodeForPaResponse(operation, body, { maxBytes: 64 * 1024 * 1024 });
    if (!parsed.ok) {
      this.logger.warn({ operation, problem: parsed.error.message }, 'Unreadable nodeForPa answer');
      throw new PlatformCallError(
        `${operation}: risposta illeggibile (${parsed.error.message})`,
        'rejected',
        200,
        1,
      );
    }
    if (parsed.value.fault) throw new NodeFaultError(parsed.value.fault);
    return parsed.value;
  }
}
