import { readComplex, writeComplex, type ComplexType, type SchemaViolation } from './schema';
import {
  FLUSSO_RIVERSAMENTO_NS,
  FLUSSO_RIVERSAMENTO_READ_TYPE,
  FLUSSO_RIVERSAMENTO_WRITE_TYPE,
  NODE_FOR_PA_NS,
  NODE_FOR_PA_TYPES,
  PA_FOR_NODE_NS,
  PA_FOR_NODE_TYPES,
} from './schemas';
import type {
  FaultBean,
  FlussoRiversamento,
  NodoChiediElencoFlussiRendicontazione,
  NodoChiediElencoFlussiRendicontazioneRisposta,
  NodoChiediFlussoRendicontazione,
  NodoChiediFlussoRendicontazioneRisposta,
  PaDemandPaymentNoticeRequest,
  PaDemandPaymentNoticeResponse,
  PaGetPaymentReq,
  PaGetPaymentRes,
  PaGetPaymentV2Request,
  PaGetPaymentV2Response,
  PaSendRTReq,
  PaSendRTRes,
  PaSendRTV2Request,
  PaSendRTV2Response,
  PaVerifyPaymentNoticeReq,
  PaVerifyPaymentNoticeRes,
} from './types';
import { DEFAULT_MAX_XML_BYTES, escapeXml, parseXmlSafely, XmlSyntaxError, type XmlElement } from './xml';

export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

// ---------------------------------------------------------------------------------------------------------------
// Operations

export interface PaForNodeRequests {
  paVerifyPaymentNotice: PaVerifyPaymentNoticeReq;
  paGetPayment: PaGetPaymentReq;
  paGetPaymentV2: PaGetPaymentV2Request;
  paSendRT: PaSendRTReq;
  paSendRTV2: PaSendRTV2Request;
  paDemandPaymentNotice: PaDemandPaymentNoticeRequest;
}

export interface PaForNodeResponses {
  paVerifyPaymentNotice: PaVerifyPaymentNoticeRes;
  paGetPayment: PaGetPaymentRes;
  paGetPaymentV2: PaGetPaymentV2Response;
  paSendRT: PaSendRTRes;
  paSendRTV2: PaSendRTV2Response;
  paDemandPaymentNotice: PaDemandPaymentNoticeResponse;
}

export type PaForNodeOperation = keyof PaForNodeRequests;

/** Body root element names of each paForNode operation (the WSDL's soapAction is the operation name). */
export const PA_FOR_NODE_OPERATIONS = {
  paVerifyPaymentNotice: { request: 'paVerifyPaymentNoticeReq', response: 'paVerifyPaymentNoticeRes' },
  paGetPayment: { request: 'paGetPaymentReq', response: 'paGetPaymentRes' },
  paGetPaymentV2: { request: 'paGetPaymentV2Request', response: 'paGetPaymentV2Response' },
  paSendRT: { request: 'paSendRTReq', response: 'paSendRTRes' },
  paSendRTV2: { request: 'paSendRTV2Request', response: 'paSendRTV2Response' },
  paDemandPaymentNotice: {
    request: 'paDemandPaymentNoticeRequest',
    response: 'paDemandPaymentNoticeResponse',
  },
} as const satisfies Record<
  PaForNodeOperation,
  { request: keyof typeof PA_FOR_NODE_TYPES; response: keyof typeof PA_FOR_NODE_TYPES }
>;

export interface NodeForPaRequests {
  nodoChiediElencoFlussiRendicontazione: NodoChiediElencoFlussiRendicontazione;
  nodoChiediFlussoRendicontazione: NodoChiediFlussoRendicontazione;
}

export interface NodeForPaResponses {
  nodoChiediElencoFlussiRendicontazione: NodoChiediElencoFlussiRendicontazioneRisposta;
  nodoChiediFlussoRendicontazione: NodoChiediFlussoRendicontazioneRisposta;
}

export type NodeForPaOperation = keyof NodeForPaRequests;

export const NODE_FOR_PA_OPERATIONS = {
  nodoChiediElencoFlussiRendicontazione: {
    request: 'nodoChiediElencoFlussiRendicontazione',
    response: 'nodoChiediElencoFlussiRendicontazioneRisposta',
  },
  nodoChiediFlussoRendicontazione: {
    request: 'nodoChiediFlussoRendicontazione',
    response: 'nodoChiediFlussoRendicontazioneRisposta',
  },
} as const satisfies Record<
  NodeForPaOperation,
  { request: keyof typeof NODE_FOR_PA_TYPES; response: keyof typeof NODE_FOR_PA_TYPES }
>;

/** A parsed paForNode request: the operation (from the Body root element) and its typed message. */
export type PaForNodeRequest = {
  [O in PaForNodeOperation]: { operation: O; message: PaForNodeRequests[O] };
}[PaForNodeOperation];

export type NodeForPaRequest = {
  [O in NodeForPaOperation]: { operation: O; message: NodeForPaRequests[O] };
}[NodeForPaOperation];

// ---------------------------------------------------------------------------------------------------------------
// Results

/**
 * Why a message could not be read. `malformed`: not XML, DTD/entities, too large, not a SOAP 1.1 envelope (the
 * station answers PAA_SINTASSI_EXTRAXSD); `unknown-operation`: the Body holds an element we do not serve;
 * `schema`: well-formed but against the XSD (PAA_SINTASSI_XSD), with the violations.
 */
export interface SoapReadError {
  kind: 'malformed' | 'unknown-operation' | 'schema';
  message: string;
  violations: SchemaViolation[];
}

export type SoapReadResult<T> = { ok: true; value: T } | { ok: false; error: SoapReadError };

/** A failed read of a request whose operation is known nonetheless (the answer can be in-band). */
export type PaForNodeRequestResult =
  | { ok: true; value: PaForNodeRequest }
  | { ok: false; error: SoapReadError; operation: PaForNodeOperation | null };

export interface ReadOptions {
  /** Largest document accepted, in bytes (default 1 MiB). */
  maxBytes?: number;
  /** Skip elements the schema does not know (default false: refuse them as the XSD does). */
  lenient?: boolean;
}

function failure(kind: SoapReadError['kind'], message: string, violations: SchemaViolation[] = []) {
  return { ok: false as const, error: { kind, message, violations } };
}

function describeViolations(violations: SchemaViolation[]): string {
  return violations.map((v) => `${v.path}: ${v.message}`).join('; ');
}

// ---------------------------------------------------------------------------------------------------------------
// Envelope

/** Wraps a body element in a SOAP 1.1 envelope. No default namespace is declared, so unprefixed children stay unqualified. */
export function soapEnvelope(bodyXml: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENVELOPE_NS}"><soapenv:Body>${bodyXml}</soapenv:Body></soapenv:Envelope>`
  );
}

/**
 * A SOAP 1.1 Fault, for what cannot be answered in-band because the operation is unknown (garbage, another
 * service's message, a body over the limit).
 */
export function soapFault(faultcode: 'Client' | 'Server', faultstring: string, detail?: string): string {
  const detailXml = detail ? `<detail><description>${escapeXml(detail)}</description></detail>` : '';
  return soapEnvelope(
    `<soapenv:Fault><faultcode>soapenv:${faultcode}</faultcode><faultstring>${escapeXml(faultstring)}</faultstring>${detailXml}</soapenv:Fault>`,
  );
}

/** The single element inside soapenv:Body, or the reason there is none. */
export function readSoapBody(
  input: string | Uint8Array,
  maxBytes = DEFAULT_MAX_XML_BYTES,
): SoapReadResult<XmlElement> {
  let root: XmlElement;
  try {
    root = parseXmlSafely(input, maxBytes);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return failure('malformed', error.message);
    throw error;
  }
  if (root.namespace !== SOAP_ENVELOPE_NS || root.localName !== 'Envelope')
    return failure('malformed', 'non è una busta SOAP 1.1 (soapenv:Envelope)');
  const bodies = root.children.filter((c) => c.namespace === SOAP_ENVELOPE_NS && c.localName === 'Body');
  const [body] = bodies;
  if (bodies.length !== 1 || !body)
    return failure('malformed', 'la busta SOAP deve contenere un solo soapenv:Body');
  const [content] = body.children;
  if (body.children.length !== 1 || !content)
    return failure('malformed', 'soapenv:Body deve contenere un solo elemento');
  return { ok: true, value: content };
}

function writeBodyElement(
  rootName: string,
  prefix: string,
  namespace: string,
  type: ComplexType,
  value: object,
): string {
  const out: string[] = [`<${prefix}:${rootName} xmlns:${prefix}="${namespace}">`];
  writeComplex(value as Record<string, unknown>, type, rootName, out);
  out.push(`</${prefix}:${rootName}>`);
  return out.join('');
}

function readBodyElement<T>(
  element: XmlElement,
  rootName: string,
  namespace: string,
  type: ComplexType,
  lenient: boolean,
): SoapReadResult<T> {
  if (element.localName !== rootName || element.namespace !== namespace)
    return failure(
      'unknown-operation',
      `atteso ${rootName} nel namespace ${namespace}, trovato ${element.localName} (${element.namespace ?? 'nessun namespace'})`,
    );
  const { value, violations } = readComplex(element, type, rootName, { childNamespace: null, lenient });
  if (violations.length > 0) return failure('schema', describeViolations(violations), violations);
  return { ok: true, value: value as T };
}

// ---------------------------------------------------------------------------------------------------------------
// paForNode (node → station)

const PA_FOR_NODE_BY_REQUEST = new Map<string, PaForNodeOperation>(
  (Object.keys(PA_FOR_NODE_OPERATIONS) as PaForNodeOperation[]).map((op) => [
    PA_FOR_NODE_OPERATIONS[op].request,
    op,
  ]),
);

const PA_FOR_NODE_SNIFF = new RegExp(
  `<(?:[A-Za-z_][\\w.-]*:)?(${[...PA_FOR_NODE_BY_REQUEST.keys()].join('|')})[\\s/>]`,
);

/**
 * Guesses the operation of a request that could not be parsed (the first paForNode request element name in the
 * text), so that even a malformed request can get an in-band KO of the right type.
 */
export function sniffPaForNodeOperation(raw: string): PaForNodeOperation | null {
  const match = PA_FOR_NODE_SNIFF.exec(raw.length > 65536 ? raw.slice(0, 65536) : raw);
  return match?.[1] ? (PA_FOR_NODE_BY_REQUEST.get(match[1]) ?? null) : null;
}

/** Station side: reads a paForNode request, dispatching on the Body root element (never on SOAPAction). */
export function parsePaForNodeRequest(
  input: string | Uint8Array,
  options: ReadOptions = {},
): PaForNodeRequestResult {
  const body = readSoapBody(input, options.maxBytes);
  if (!body.ok) {
    const raw = typeof input === 'string' ? input : new TextDecoder().decode(input.subarray(0, 65536));
    return { ...body, operation: sniffPaForNodeOperation(raw) };
  }
  const element = body.value;
  const operation = PA_FOR_NODE_BY_REQUEST.get(element.localName) ?? null;
  if (!operation || element.namespace !== PA_FOR_NODE_NS) {
    const found = `${element.localName} (${element.namespace ?? 'nessun namespace'})`;
    return {
      ...failure('unknown-operation', `operazione non supportata: ${found}`),
      operation: element.namespace === PA_FOR_NODE_NS ? null : operation,
    };
  }
  const rootName = PA_FOR_NODE_OPERATIONS[operation].request;
  const result = readBodyElement<PaForNodeRequests[typeof operation]>(
    element,
    rootName,
    PA_FOR_NODE_NS,
    PA_FOR_NODE_TYPES[rootName],
    options.lenient ?? false,
  );
  if (!result.ok) return { ...result, operation };
  return { ok: true, value: { operation, message: result.value } as PaForNodeRequest };
}

/** Simulator side: the SOAP envelope of a paForNode request. Throws SchemaWriteError on values the XSD refuses. */
export function buildPaForNodeRequest<O extends PaForNodeOperation>(
  operation: O,
  message: PaForNodeRequests[O],
): string {
  const rootName = PA_FOR_NODE_OPERATIONS[operation].request;
  return soapEnvelope(
    writeBodyElement(rootName, 'pafn', PA_FOR_NODE_NS, PA_FOR_NODE_TYPES[rootName], message),
  );
}

/** Station side: the SOAP envelope of a paForNode response. Throws SchemaWriteError on values the XSD refuses. */
export function buildPaForNodeResponse<O extends PaForNodeOperation>(
  operation: O,
  message: PaForNodeResponses[O],
): string {
  const rootName = PA_FOR_NODE_OPERATIONS[operation].response;
  return soapEnvelope(
    writeBodyElement(rootName, 'pafn', PA_FOR_NODE_NS, PA_FOR_NODE_TYPES[rootName], message),
  );
}

/** Simulator side: reads the station's answer to `operation`. */
export function parsePaForNodeResponse<O extends PaForNodeOperation>(
  operation: O,
  input: string | Uint8Array,
  options: ReadOptions = {},
): SoapReadResult<PaForNodeResponses[O]> {
  const body = readSoapBody(input, options.maxBytes);
  if (!body.ok) return body;
  const rootName = PA_FOR_NODE_OPERATIONS[operation].response;
  return readBodyElement(
    body.value,
    rootName,
    PA_FOR_NODE_NS,
    PA_FOR_NODE_TYPES[rootName],
    options.lenient ?? false,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// nodeForPa (station → node)

const NODE_FOR_PA_BY_REQUEST = new Map<string, NodeForPaOperation>(
  (Object.keys(NODE_FOR_PA_OPERATIONS) as NodeForPaOperation[]).map((op) => [
    NODE_FOR_PA_OPERATIONS[op].request,
    op,
  ]),
);

/** Our side: the SOAP envelope of a nodeForPa request. */
export function buildNodeForPaRequest<O extends NodeForPaOperation>(
  operation: O,
  message: NodeForPaRequests[O],
): string {
  const rootName = NODE_FOR_PA_OPERATIONS[operation].request;
  return soapEnvelope(
    writeBodyElement(rootName, 'nfpa', NODE_FOR_PA_NS, NODE_FOR_PA_TYPES[rootName], message),
  );
}

/** Simulator side: reads a nodeForPa request, dispatching on the Body root element. */
export function parseNodeForPaRequest(
  input: string | Uint8Array,
  options: ReadOptions = {},
): SoapReadResult<NodeForPaRequest> {
  const body = readSoapBody(input, options.maxBytes);
  if (!body.ok) return body;
  const operation = NODE_FOR_PA_BY_REQUEST.get(body.value.localName);
  if (!operation || body.value.namespace !== NODE_FOR_PA_NS)
    return failure('unknown-operation', `operazione non supportata: ${body.value.localName}`);
  const rootName = NODE_FOR_PA_OPERATIONS[operation].request;
  const result = readBodyElement<NodeForPaRequests[typeof operation]>(
    body.value,
    rootName,
    NODE_FOR_PA_NS,
    NODE_FOR_PA_TYPES[rootName],
    options.lenient ?? false,
  );
  if (!result.ok) return result;
  return { ok: true, value: { operation, message: result.value } as NodeForPaRequest };
}

/** Simulator side: the SOAP envelope of a nodeForPa response. */
export function buildNodeForPaResponse<O extends NodeForPaOperation>(
  operation: O,
  message: NodeForPaResponses[O],
): string {
  const rootName = NODE_FOR_PA_OPERATIONS[operation].response;
  return soapEnvelope(
    writeBodyElement(rootName, 'nfpa', NODE_FOR_PA_NS, NODE_FOR_PA_TYPES[rootName], message),
  );
}

/**
 * Our side: reads the node's answer. Lenient by default: documentation examples carry an `esito` element the XSD
 * does not have (SPEC.md §12); unknown elements are skipped, known ones are still checked.
 */
export function parseNodeForPaResponse<O extends NodeForPaOperation>(
  operation: O,
  input: string | Uint8Array,
  options: ReadOptions = {},
): SoapReadResult<NodeForPaResponses[O]> {
  const body = readSoapBody(input, options.maxBytes);
  if (!body.ok) return body;
  const rootName = NODE_FOR_PA_OPERATIONS[operation].response;
  return readBodyElement(
    body.value,
    rootName,
    NODE_FOR_PA_NS,
    NODE_FOR_PA_TYPES[rootName],
    options.lenient ?? true,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// FlussoRiversamento

/** The FlussoRiversamento document (1.0.5, qualified, default namespace), with the XML declaration. */
export function buildFlussoRiversamento(flow: FlussoRiversamento): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<FlussoRiversamento xmlns="${FLUSSO_RIVERSAMENTO_NS}">`,
  ];
  writeComplex(
    flow as unknown as Record<string, unknown>,
    FLUSSO_RIVERSAMENTO_WRITE_TYPE,
    'FlussoRiversamento',
    out,
  );
  out.push('</FlussoRiversamento>');
  return out.join('');
}

/** Reads a FlussoRiversamento document (1.0.4 or 1.0.5; any prefix for its namespace). */
export function parseFlussoRiversamento(
  input: string | Uint8Array,
  options: ReadOptions = {},
): SoapReadResult<FlussoRiversamento> {
  let root: XmlElement;
  try {
    root = parseXmlSafely(input, options.maxBytes ?? 16 * DEFAULT_MAX_XML_BYTES);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return failure('malformed', error.message);
    throw error;
  }
  if (root.localName !== 'FlussoRiversamento' || root.namespace !== FLUSSO_RIVERSAMENTO_NS)
    return failure('unknown-operation', `atteso FlussoRiversamento nel namespace ${FLUSSO_RIVERSAMENTO_NS}`);
  const { value, violations } = readComplex(root, FLUSSO_RIVERSAMENTO_READ_TYPE, 'FlussoRiversamento', {
    childNamespace: FLUSSO_RIVERSAMENTO_NS,
    lenient: options.lenient ?? false,
  });
  if (violations.length > 0) return failure('schema', describeViolations(violations), violations);
  return { ok: true, value: value as unknown as FlussoRiversamento };
}

// ---------------------------------------------------------------------------------------------------------------
// Faults

/** Fault codes an entity's station returns (SPEC.md §6.5). */
export type PaaFaultCode =
  | 'PAA_PAGAMENTO_SCONOSCIUTO'
  | 'PAA_PAGAMENTO_DUPLICATO'
  | 'PAA_PAGAMENTO_SCADUTO'
  | 'PAA_PAGAMENTO_ANNULLATO'
  | 'PAA_PAGAMENTO_IN_CORSO'
  | 'PAA_ID_DOMINIO_ERRATO'
  | 'PAA_ID_INTERMEDIARIO_ERRATO'
  | 'PAA_STAZIONE_INT_ERRATA'
  | 'PAA_SINTASSI_XSD'
  | 'PAA_SINTASSI_EXTRAXSD'
  | 'PAA_SEMANTICA'
  | 'PAA_SYSTEM_ERROR'
  | 'PAA_RECEIPT_DUPLICATA';

/** The standard Italian faultString of each code (docs.pagopa.it, "Gestione degli errori", Dominio EC). */
export const PAA_FAULT_STRINGS: Record<PaaFaultCode, string> = {
  PAA_PAGAMENTO_SCONOSCIUTO: "Pagamento in attesa risulta sconosciuto all'Ente Creditore",
  PAA_PAGAMENTO_DUPLICATO: 'Pagamento in attesa risulta concluso all’Ente Creditore',
  PAA_PAGAMENTO_SCADUTO: 'Pagamento in attesa risulta scaduto all’Ente Creditore',
  PAA_PAGAMENTO_ANNULLATO: 'Pagamento in attesa risulta annullato all’Ente Creditore',
  PAA_PAGAMENTO_IN_CORSO: 'Pagamento in attesa risulta in corso all’Ente Creditore',
  PAA_ID_DOMINIO_ERRATO: 'La PAA non corrisponde al Dominio indicato',
  PAA_ID_INTERMEDIARIO_ERRATO: 'Identificativo intermediario non corrispondente',
  PAA_STAZIONE_INT_ERRATA: 'Stazione intermediario non corrispondente',
  PAA_SINTASSI_XSD: 'Errore di sintassi XSD',
  PAA_SINTASSI_EXTRAXSD: 'Errore di sintassi extra XSD',
  PAA_SEMANTICA: 'Errore semantico',
  PAA_SYSTEM_ERROR: 'Errore generico',
  PAA_RECEIPT_DUPLICATA: 'Ricevuta già acquisita',
};

/** A fault bean emitted by an entity: `id` is the entity's fiscal code (or the broker's when the entity is unknown). */
export function paaFault(faultCode: PaaFaultCode, id: string, description?: string): FaultBean {
  return {
    faultCode,
    faultString: PAA_FAULT_STRINGS[faultCode],
    id,
    ...(description ? { description } : {}),
  };
}
