import {
  buildNodeForPaResponse,
  type FaultBean,
  type NodeForPaHeader,
  type NodeForPaOperation,
  parseNodeForPaRequest,
  soapFault,
} from '@pagamenti/pagopa/soap';
import { type NodeRegistry } from '../registry/node-registry';
import { type WireLog } from '../node/wire-log';
import { type ReportingService } from './reporting-service';

export interface NodeForPaAnswer {
  status: number;
  contentType: string;
  body: string;
}

const NODE_FAULT_STRINGS = {
  PPT_SINTASSI_EXTRAXSD: 'Errore di sintassi extra XSD',
  PPT_SINTASSI_XSD: 'Errore di sintassi XSD',
  PPT_INTERMEDIARIO_PA_SCONOSCIUTO: 'Identificativo intermediario PA sconosciuto',
  PPT_STAZIONE_INT_PA_SCONOSCIUTA: 'Identificativo stazione intermediario PA sconosciuto',
  PPT_AUTENTICAZIONE: 'Errore di autenticazione',
  PPT_DOMINIO_SCONOSCIUTO: 'Identificativo dominio sconosciuto',
  PPT_AUTORIZZAZIONE: 'Il richiedente non ha i diritti per l’operazione',
  PPT_ID_FLUSSO_SCONOSCIUTO: 'Identificativo flusso sconosciuto',
} as const;
type NodeFaultCode = keyof typeof NODE_FAULT_STRINGS;

function fault(code: NodeFaultCode, description?: string): FaultBean {
  return {
    faultCode: code,
    faultString: NODE_FAULT_STRINGS[code],
    id: 'NodoDeiPagamentiSPC',
    ...(description ? { description } : {}),
  };
}

const XML = 'text/xml; charset=utf-8';

/**
 * The node's nodeForPa SOAP service (reporting primitives). The subscription key is checked first, as pagoPA's API
 * gateway does (HTTP 401); then the station's credentials, the domain, and the flow. Faults are in-band.
 */
export class NodeForPaService {
  constructor(
    private readonly registry: NodeRegistry,
    private readonly reporting: ReportingService,
    private readonly wire: WireLog,
  ) {}

  handle(body: string, subscriptionKey: string | null, url: string): NodeForPaAnswer {
    const started = performance.now();
    const answer = this.answer(body, subscriptionKey);
    this.wire.record({
      service: 'nodeForPa',
      operation: /nodoChiediFlussoRendicontazione\b/.test(body)
        ? 'nodoChiediFlussoRendicontazione'
        : /nodoChiediElencoFlussiRendicontazione\b/.test(body)
          ? 'nodoChiediElencoFlussiRendicontazione'
          : 'sconosciuta',
      url,
      requestXml: body,
      responseXml: answer.body,
      httpStatus: answer.status,
      latencyMs: Math.round(performance.now() - started),
      error: null,
    });
    return answer;
  }

  private answer(body: string, subscriptionKey: string | null): NodeForPaAnswer {
    const keys = this.registry.subscriptionKeys();
    if (keys.size > 0 && (!subscriptionKey || !keys.has(subscriptionKey))) {
      return {
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 401,
          message: subscriptionKey
            ? 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.'
            : 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
        }),
      };
    }
    const parsed = parseNodeForPaRequest(body);
    if (!parsed.ok) {
      const operation = sniffOperation(body);
      if (!operation)
        return { status: 500, contentType: XML, body: soapFault('Client', parsed.error.message) };
      const code = parsed.error.kind === 'schema' ? 'PPT_SINTASSI_XSD' : 'PPT_SINTASSI_EXTRAXSD';
      return ok(
        buildNodeForPaResponse(operation, { fault: fault(code, parsed.error.message.slice(0, 500)) }),
      );
    }
    const request = parsed.value;
    const refusal = this.authorise(request.message);
    if (refusal) return ok(buildNodeForPaResponse(request.operation, { fault: refusal }));
    const broker = request.message.identificativoIntermediarioPA;
    if (request.operation === 'nodoChiediElencoFlussiRendicontazione') {
      const flows = this.reporting.flows({
        brokerCode: broker,
        receiverFiscalCode: request.message.identificativoDominio,
        pspId: request.message.identificativoPSP,
      });
      return ok(
        buildNodeForPaResponse('nodoChiediElencoFlussiRendicontazione', {
          elencoFlussiRendicontazione: {
            totRestituiti: flows.length,
            idRendicontazione: flows.map((f) => ({
              identificativoFlusso: f.flowId,
              dataOraFlusso: f.createdAt,
            })),
          },
        }),
      );
    }
    const { identificativoFlusso, identificativoDominio, identificativoPSP } = request.message;
    const flow = this.reporting
      .flows({ brokerCode: broker, receiverFiscalCode: identificativoDominio, pspId: identificativoPSP })
      .find((f) => f.flowId === identificativoFlusso);
    if (!flow)
      return ok(
        buildNodeForPaResponse('nodoChiediFlussoRendicontazione', {
          fault: fault('PPT_ID_FLUSSO_SCONOSCIUTO', identificativoFlusso),
        }),
      );
    return ok(
      buildNodeForPaResponse('nodoChiediFlussoRendicontazione', {
        xmlRendicontazione: Buffer.from(flow.xml, 'utf8').toString('base64'),
      }),
    );
  }

  /** Broker, station, password and domain, in the order the node checks them. */
  private authorise(header: NodeForPaHeader): FaultBean | null {
    const broker = header.identificativoIntermediarioPA;
    if (!this.registry.stations().some((s) => s.brokerCode === broker))
      return fault('PPT_INTERMEDIARIO_PA_SCONOSCIUTO', broker);
    const station = this.registry.station(header.identificativoStazioneIntermediarioPA);
    if (!station || station.brokerCode !== broker)
      return fault('PPT_STAZIONE_INT_PA_SCONOSCIUTA', header.identificativoStazioneIntermediarioPA);
    if (!station.password || station.password !== header.password) return fault('PPT_AUTENTICAZIONE');
    if (header.identificativoDominio) {
      const entity = this.registry.entity(header.identificativoDominio);
      if (!entity) return fault('PPT_DOMINIO_SCONOSCIUTO', header.identificativoDominio);
      if (this.registry.primaryStation(entity.fiscalCode)?.brokerCode !== broker)
        return fault('PPT_AUTORIZZAZIONE', `${header.identificativoDominio} non è servito da ${broker}`);
    }
    return null;
  }
}

function ok(body: string): NodeForPaAnswer {
  return { status: 200, contentType: XML, body };
}

function sniffOperation(body: string): NodeForPaOperation | null {
  if (/nodoChiediFlussoRendicontazione[\s/>]/.test(body)) return 'nodoChiediFlussoRendicontazione';
  if (/nodoChiediElencoFlussiRendicontazione[\s/>]/.test(body))
    return 'nodoChiediElencoFlussiRendicontazione';
  return null;
}
