import { randomBytes } from 'node:crypto';
import { findIdentity, IDENTITY_GROUPS, type TestIdentity } from './identities';
import {
  certToPem,
  escapeXml as e,
  NS,
  parseXml,
  pemBody,
  signElement,
  verifyRootSignature,
} from './saml-xml';
import { generateSelfSignedPair } from '@pagamenti/dev-certificates';

/** What a test response can get wrong on purpose, one per family of checks the service provider must make. */
export const SCENARIOS = {
  ok: 'Accesso riuscito',
  'unsigned-assertion': 'Asserzione non firmata',
  'wrong-certificate': 'Firmata con un certificato diverso',
  'signature-wrapping': 'Signature wrapping (asserzione non firmata aggiunta)',
  'wrong-destination': 'Destination errata',
  'wrong-recipient': 'Recipient errato',
  'wrong-audience': 'Audience errata',
  expired: 'Asserzione scaduta (NotOnOrAfter passato)',
  'not-yet-valid': 'Asserzione non ancora valida (NotBefore futuro)',
  'unknown-in-response-to': 'InResponseTo sconosciuto',
  'lower-level': 'Livello SPID inferiore a quello richiesto',
  'error-19': 'Errore 19: troppi tentativi',
  'error-20': 'Errore 20: credenziali non adeguate al livello',
  'error-21': 'Errore 21: tempo scaduto',
  'error-22': 'Errore 22: consenso negato',
  'error-23': 'Errore 23: identità sospesa o revocata',
  'error-24': 'Errore 24',
  'error-25': 'Errore 25: accesso annullato dall’utente',
} as const;
export type Scenario = keyof typeof SCENARIOS;

interface PendingRequest {
  requestId: string;
  acsUrl: string;
  spEntityId: string;
  level: string;
  relayState: string;
  at: number;
}

interface SpInfo {
  entityId: string;
  certPem: string;
  acsUrl: string;
}

export class SamlRefusal extends Error {}

/**
 * The simulator's SPID/CIE test identity provider. A throwaway key pair is generated at start; the SP's
 * metadata is fetched over HTTP (the API is never imported). Responses are signed like a real IdP's
 * (assertion signed, rsa-sha256, exc-c14n, signature after the Issuer), or broken on purpose for tests.
 */
export class TestIdp {
  readonly entityId: string;
  readonly ssoUrl: string;
  private readonly credentials = generateSelfSignedPair('IdP SPID di test', 'Simulatore pagoPA');
  private readonly rogue = generateSelfSignedPair('IdP non autorizzato', 'Altro');
  private readonly pending = new Map<string, PendingRequest>();
  private sp: { info: SpInfo; at: number } | null = null;

  constructor(
    publicUrl: string,
    private readonly spMetadataUrl: string,
  ) {
    this.entityId = `${publicUrl}/spid`;
    this.ssoUrl = `${publicUrl}/spid/sso`;
  }

  metadata(): string {
    return (
      `<md:EntityDescriptor xmlns:md="${NS.md}" entityID="${e(this.entityId)}">` +
      `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="true">` +
      `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="${NS.ds}"><ds:X509Data><ds:X509Certificate>${pemBody(this.credentials.certPem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
      `<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>` +
      `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${e(this.ssoUrl)}"/>` +
      `</md:IDPSSODescriptor>` +
      `<md:Organization><md:OrganizationName xml:lang="it">IdP SPID di test</md:OrganizationName><md:OrganizationDisplayName xml:lang="it">IdP di test (simulatore)</md:OrganizationDisplayName><md:OrganizationURL xml:lang="it">${e(this.ssoUrl)}</md:OrganizationURL></md:Organization>` +
      `</md:EntityDescriptor>`
    );
  }

  /** Checks the SP's signed AuthnRequest (HTTP-POST) and returns the key of the pending login. */
  async acceptRequest(form: URLSearchParams): Promise<string> {
    const encoded = form.get('SAMLRequest');
    if (!encoded) throw new SamlRefusal('SAMLRequest mancante');
    const xml = Buffer.from(encoded, 'base64').toString('utf8');
    const doc = parseXml(xml);
    const request = doc.documentElement;
    if (request.localName !== 'AuthnRequest' || request.namespaceURI !== NS.samlp)
      throw new SamlRefusal('Non è una AuthnRequest');
    const issuer = request.getElementsByTagNameNS(NS.saml, 'Issuer')[0];
    const sp = await this.serviceProvider();
    if (issuer?.textContent?.trim() !== sp.entityId) throw new SamlRefusal('Issuer sconosciuto');
    if (
      issuer.getAttribute('Format') !== 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity' ||
      issuer.getAttribute('NameQualifier') !== sp.entityId
    ) {
      throw new SamlRefusal('Issuer senza Format o NameQualifier');
    }
    const policy = request.getElementsByTagNameNS(NS.samlp, 'NameIDPolicy')[0];
    if (!policy || policy.hasAttribute('AllowCreate')) throw new SamlRefusal('NameIDPolicy con AllowCreate');
    const destination = request.getAttribute('Destination');
    if (destination !== this.entityId && destination !== this.ssoUrl)
      throw new SamlRefusal('Destination errata');
    if (!verifyRootSignature(xml, sp.certPem)) throw new SamlRefusal('Firma della richiesta non valida');
    const level =
      request.getElementsByTagNameNS(NS.saml, 'AuthnContextClassRef')[0]?.textContent?.trim() ?? '';
    if (!/^https:\/\/www\.spid\.gov\.it\/SpidL[123]$/.test(level))
      throw new SamlRefusal('Livello SPID mancante');
    if (level !== 'https://www.spid.gov.it/SpidL1' && request.getAttribute('ForceAuthn') !== 'true')
      throw new SamlRefusal('ForceAuthn mancante');
    const key = randomBytes(16).toString('hex');
    this.pending.set(key, {
      requestId: request.getAttribute('ID') ?? '',
      acsUrl: sp.acsUrl,
      spEntityId: sp.entityId,
      level,
      relayState: form.get('RelayState') ?? '',
      at: Date.now(),
    });
    return key;
  }

  /** The SAMLResponse for a pending login, as the identity and scenario say. */
  respond(
    key: string,
    fiscalCode: string,
    scenario: Scenario,
  ): { acsUrl: string; samlResponse: string; relayState: string } {
    const pending = this.pending.get(key);
    if (!pending || Date.now() - pending.at > 15 * 60_000)
      throw new SamlRefusal('Richiesta di accesso scaduta o sconosciuta');
    this.pending.delete(key);
    const person = findIdentity(fiscalCode);
    if (!person) throw new SamlRefusal('Identità di test sconosciuta');
    const xml = this.buildResponse(pending, person, scenario);
    return {
      acsUrl: pending.acsUrl,
      samlResponse: Buffer.from(xml, 'utf8').toString('base64'),
      relayState: pending.relayState,
    };
  }

  identities() {
    return IDENTITY_GROUPS;
  }

  private buildResponse(pending: PendingRequest, person: TestIdentity, scenario: Scenario): string {
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const id = () => `_${randomBytes(16).toString('hex')}`;
    const inResponseTo = scenario === 'unknown-in-response-to' ? id() : pending.requestId;
    const destination = scenario === 'wrong-destination' ? 'https://altro-sp.example/acs' : pending.acsUrl;
    const recipient = scenario === 'wrong-recipient' ? 'https://altro-sp.example/acs' : pending.acsUrl;
    const audience = scenario === 'wrong-audience' ? 'https://altro-sp.example/metadata' : pending.spEntityId;
    const notOnOrAfter = scenario === 'expired' ? iso(now - 10 * 60_000) : iso(now + 5 * 60_000);
    const notBefore = scenario === 'not-yet-valid' ? iso(now + 10 * 60_000) : iso(now - 1000);
    const level = scenario === 'lower-level' ? 'https://www.spid.gov.it/SpidL1' : pending.level;
    const issuer = `<saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">${e(this.entityId)}</saml:Issuer>`;
    const open =
      `<samlp:Response xmlns:samlp="${NS.samlp}" xmlns:saml="${NS.saml}" xmlns:xs="http://www.w3.org/2001/XMLSchema" ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${id()}" Version="2.0" IssueInstant="${iso(now)}" ` +
      `Destination="${e(destination)}" InResponseTo="${e(inResponseTo)}">${issuer}`;
    const errorCode = /^error-(\d+)$/.exec(scenario)?.[1];
    if (errorCode) {
      return (
        `${open}<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder">` +
        `<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/></samlp:StatusCode>` +
        `<samlp:StatusMessage>ErrorCode nr${errorCode}</samlp:StatusMessage></samlp:Status></samlp:Response>`
      );
    }
    const assertion = (subject: TestIdentity, assertionId: string) =>
      `<saml:Assertion ID="${assertionId}" Version="2.0" IssueInstant="${iso(now)}">${issuer}` +
      `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient" NameQualifier="${e(this.entityId)}">${id()}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
      `<saml:SubjectConfirmationData InResponseTo="${e(inResponseTo)}" NotOnOrAfter="${notOnOrAfter}" Recipient="${e(recipient)}"/>` +
      `</saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${e(audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${iso(now)}" SessionIndex="${id()}"><saml:AuthnContext><saml:AuthnContextClassRef>${level}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      `<saml:AttributeStatement>` +
      attribute('fiscalNumber', `TINIT-${subject.fiscalCode}`) +
      attribute('name', subject.name) +
      attribute('familyName', subject.familyName) +
      attribute('email', subject.email) +
      `</saml:AttributeStatement></saml:Assertion>`;
    const status = `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>`;
    const assertionId = id();
    const unsigned = `${open}${status}${assertion(person, assertionId)}</samlp:Response>`;
    if (scenario === 'unsigned-assertion') return unsigned;
    const keys = scenario === 'wrong-certificate' ? this.rogue : this.credentials;
    const signed = signElement(unsigned, 'Assertion', keys.keyPem, keys.certPem);
    if (scenario !== 'signature-wrapping') return signed;
    // A forged, unsigned assertion for someone else placed before the genuine signed one.
    const forged = assertion({ ...person, fiscalCode: 'RSSMRA80A01H501U', name: 'Falso' }, id());
    return signed.replace(status, `${status}${forged}`);
  }

  private async serviceProvider(): Promise<SpInfo> {
    if (this.sp && Date.now() - this.sp.at < 60_000) return this.sp.info;
    const response = await fetch(this.spMetadataUrl, { signal: AbortSignal.timeout(5000) });
    if (!response.ok)
      throw new SamlRefusal(`Metadata del fornitore di servizi non disponibili (HTTP ${response.status})`);
    const doc = parseXml(await response.text());
    const root = doc.documentElement;
    const cert = root.getElementsByTagNameNS(NS.ds, 'X509Certificate')[0]?.textContent?.trim();
    const acs = Array.from(root.getElementsByTagNameNS(NS.md, 'AssertionConsumerService')).find(
      (a) => a.getAttribute('index') === '0',
    );
    const entityId = root.getAttribute('entityID');
    if (!cert || !acs || !entityId) throw new SamlRefusal('Metadata del fornitore di servizi incompleti');
    if (!verifyRootSignature(doc.toString(), certToPem(cert)))
      throw new SamlRefusal('Firma dei metadata del fornitore di servizi non valida');
    const info = { entityId, certPem: certToPem(cert), acsUrl: acs.getAttribute('Location') ?? '' };
    this.sp = { info, at: Date.now() };
    return info;
  }
}

function attribute(name: string, value: string): string {
  return `<saml:Attribute Name="${name}"><saml:AttributeValue xsi:type="xs:string">${e(value)}</saml:AttributeValue></saml:Attribute>`;
}
