import { LEVEL_RANK } from './spid-request';
import { childElement, childElements, NAMEID_ENTITY, NAMEID_TRANSIENT, NS, parseXml, textOf } from './xml';

const GENERIC = 'Non è stato possibile accedere. Riprova o scegli un altro gestore di identità.';

/** SPID ErrorCodes (AgID, "Tabella messaggi di anomalia") the user must be told about. */
export const SPID_ERROR_MESSAGES: Record<number, string> = {
  19: 'Hai inserito credenziali errate troppe volte. Attendi e riprova più tardi.',
  20: 'Le tue credenziali non consentono il livello di sicurezza richiesto da questo servizio.',
  21: 'Il tempo a disposizione per l’accesso è scaduto. Riprova.',
  22: 'Non hai dato il consenso all’invio dei dati: senza consenso non è possibile accedere.',
  23: 'La tua identità digitale risulta sospesa, revocata o con credenziali bloccate. Contatta il tuo gestore.',
  24: 'Il gestore di identità non ha potuto completare l’accesso. Riprova più tardi.',
  25: 'Hai annullato l’accesso.',
};

/** A refused login: `reason` goes to the audit log, `userMessage` (Italian) to the person. */
export class SamlLoginError extends Error {
  constructor(
    readonly reason: string,
    readonly userMessage: string = GENERIC,
  ) {
    super(reason);
  }
}

const fail = (reason: string, message?: string): never => {
  throw new SamlLoginError(reason, message);
};

export interface ParsedEnvelope {
  xml: string;
  doc: Document;
  inResponseTo: string | null;
}

/** Decodes the POSTed SAMLResponse and reads what is needed to find the request it answers. */
export function parseResponse(samlResponse: unknown): ParsedEnvelope {
  if (typeof samlResponse !== 'string' || samlResponse.length === 0) fail('response-missing');
  const xml = Buffer.from(samlResponse as string, 'base64').toString('utf8');
  let doc: Document;
  try {
    doc = parseXml(xml);
  } catch {
    return fail('response-malformed');
  }
  const root = doc.documentElement;
  if (root.namespaceURI !== NS.samlp || root.localName !== 'Response') fail('response-malformed');
  return { xml, doc, inResponseTo: root.getAttribute('InResponseTo') };
}

export interface PreValidationContext {
  acsUrl: string;
  spEntityId: string;
  idpEntityId: string;
  requestId: string;
  requestIssuedAt: Date;
  requestedLevel: string;
  now: Date;
  skewMs: number;
}

export interface SpidOutcome {
  assertionId: string;
  level: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function instant(value: string | null, reason: string): number {
  if (!value || !ISO_INSTANT.test(value)) return fail(reason);
  return Date.parse(value as string);
}

/**
 * The SPID checks node-saml does not make (or makes differently), run before it on the untrusted document:
 * the families of AgID's spid-saml-check. Signature validity itself is node-saml's (and xml-crypto's) job;
 * here the signature must exist where SPID wants it and reference the one assertion (no wrapping).
 */
export function preValidateSpidResponse(envelope: ParsedEnvelope, ctx: PreValidationContext): SpidOutcome {
  const response = envelope.doc.documentElement;
  const now = ctx.now.getTime();
  if (response.getAttribute('Version') !== '2.0') fail('response-version');
  if (!response.getAttribute('ID')) fail('response-id-missing');
  const issueInstant = instant(response.getAttribute('IssueInstant'), 'response-issue-instant');
  if (issueInstant < ctx.requestIssuedAt.getTime() - ctx.skewMs || issueInstant > now + ctx.skewMs) {
    fail('response-issue-instant');
  }
  if (response.getAttribute('Destination') !== ctx.acsUrl) fail('response-destination');
  const issuer = childElement(response, NS.saml, 'Issuer');
  if (textOf(issuer) !== ctx.idpEntityId) fail('response-issuer');
  const format = issuer?.getAttribute('Format');
  if (format && format !== NAMEID_ENTITY) fail('response-issuer-format');

  const statusCode = childElement(childElement(response, NS.samlp, 'Status'), NS.samlp, 'StatusCode');
  if (statusCode?.getAttribute('Value') !== 'urn:oasis:names:tc:SAML:2.0:status:Success') {
    const message = textOf(
      childElement(childElement(response, NS.samlp, 'Status'), NS.samlp, 'StatusMessage'),
    );
    const code = /ErrorCode nr(\d+)/i.exec(message ?? '')?.[1];
    const known = code ? SPID_ERROR_MESSAGES[Number(code)] : undefined;
    fail(code ? `status-error-code-${code}` : 'status-not-success', known);
  }

  // Exactly one assertion, anywhere in the document: a second (unsigned) one is signature wrapping.
  const assertions = Array.from(envelope.doc.getElementsByTagNameNS(NS.saml, 'Assertion'));
  if (assertions.length !== 1) fail('assertion-count');
  const assertion = assertions[0] as Element;
  if (assertion.parentNode !== response) fail('assertion-position');
  const assertionId = assertion.getAttribute('ID');
  if (!assertionId) fail('assertion-id-missing');
  const signatures = Array.from(envelope.doc.getElementsByTagNameNS(NS.ds, 'Signature'));
  const assertionSignature = childElement(assertion, NS.ds, 'Signature');
  if (!assertionSignature) fail('assertion-unsigned');
  const references = Array.from(assertionSignature?.getElementsByTagNameNS(NS.ds, 'Reference') ?? []);
  if (references.length !== 1 || references[0]?.getAttribute('URI') !== `#${assertionId}`) {
    fail('assertion-signature-reference');
  }
  for (const signature of signatures) {
    const parent = signature.parentNode;
    if (parent !== assertion && parent !== response) fail('signature-position');
  }
  if (textOf(childElement(assertion, NS.saml, 'Issuer')) !== ctx.idpEntityId) fail('assertion-issuer');

  const subject = childElement(assertion, NS.saml, 'Subject');
  const nameId = childElement(subject, NS.saml, 'NameID');
  if (
    !textOf(nameId) ||
    nameId?.getAttribute('Format') !== NAMEID_TRANSIENT ||
    !nameId.getAttribute('NameQualifier')
  ) {
    fail('subject-name-id');
  }
  const confirmations = subject ? childElements(subject, NS.saml, 'SubjectConfirmation') : [];
  const bearer = confirmations.find(
    (c) => c.getAttribute('Method') === 'urn:oasis:names:tc:SAML:2.0:cm:bearer',
  );
  if (!bearer) fail('subject-confirmation-method');
  const data = childElement(bearer, NS.saml, 'SubjectConfirmationData');
  if (data?.getAttribute('Recipient') !== ctx.acsUrl) fail('subject-confirmation-recipient');
  if (data?.getAttribute('InResponseTo') !== ctx.requestId) fail('subject-confirmation-in-response-to');
  if (
    instant(data?.getAttribute('NotOnOrAfter') ?? null, 'subject-confirmation-expired') <=
    now - ctx.skewMs
  ) {
    fail('subject-confirmation-expired');
  }

  const conditions = childElement(assertion, NS.saml, 'Conditions');
  if (!conditions) fail('conditions-missing');
  if (instant(conditions?.getAttribute('NotBefore') ?? null, 'conditions-not-before') > now + ctx.skewMs) {
    fail('conditions-not-before');
  }
  if (instant(conditions?.getAttribute('NotOnOrAfter') ?? null, 'conditions-expired') <= now - ctx.skewMs) {
    fail('conditions-expired');
  }
  const audiences = Array.from(conditions?.getElementsByTagNameNS(NS.saml, 'Audience') ?? []).map(textOf);
  if (audiences.length === 0 || audiences.some((audience) => audience !== ctx.spEntityId)) fail('audience');

  const classRef = textOf(
    childElement(
      childElement(childElement(assertion, NS.saml, 'AuthnStatement'), NS.saml, 'AuthnContext'),
      NS.saml,
      'AuthnContextClassRef',
    ),
  );
  const rank = classRef ? LEVEL_RANK[classRef] : undefined;
  const wanted = LEVEL_RANK[ctx.requestedLevel] ?? 2;
  if (rank === undefined || rank < wanted) {
    fail(
      'authn-context-level',
      'Il livello di sicurezza usato per l’accesso è inferiore a quello richiesto dal servizio.',
    );
  }
  return { assertionId: assertionId as string, level: classRef as string };
}
