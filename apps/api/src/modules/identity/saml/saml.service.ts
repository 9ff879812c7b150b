import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Profile, SAML, ValidateInResponseTo } from '@node-saml/passport-saml';
import { DataSource, LessThan, Repository } from 'typeorm';
import { type LoginApp } from '@pagamenti/contracts';
import { type AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { SamlRequest } from '../identity.entities';
import { IdpRegistryService } from './idp-registry.service';
import { SpCredentialsService } from './sp-credentials.service';
import { buildSpMetadata } from './sp-metadata';
import { buildSpidAuthnRequest } from './spid-request';
import { parseResponse, preValidateSpidResponse, SamlLoginError } from './spid-response';

const REQUEST_TTL_MS = 15 * 60_000;
const CLOCK_SKEW_MS = 60_000;

export interface VerifiedLogin {
  app: LoginApp;
  idpEntityId: string;
  level: string;
  fiscalCode: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  nameId: string | null;
  sessionIndex: string | null;
  /** The app page to go back to, stored with the request when the login started. */
  returnTo: string | null;
}

/** The SAML service provider: metadata, signed AuthnRequests, and the validation of the IdP's responses. */
@Injectable()
export class SamlService {
  private readonly logger = new Logger(SamlService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(SamlRequest) private readonly requests: Repository<SamlRequest>,
    private readonly dataSource: DataSource,
    private readonly idps: IdpRegistryService,
    private readonly credentials: SpCredentialsService,
  ) {}

  get acsUrl(): string {
    return `${this.config.publicBaseUrl}/api/v1/auth/saml/acs`;
  }

  get sloUrl(): string {
    return `${this.config.publicBaseUrl}/api/v1/auth/saml/slo`;
  }

  metadata(): string {
    return buildSpMetadata(
      this.config.identity,
      { acs: this.acsUrl, slo: this.sloUrl },
      this.credentials.get(),
    );
  }

  /** Builds and records a signed AuthnRequest for the IdP; null when the IdP is not configured. */
  async startLogin(
    idpEntityId: string,
    app: LoginApp,
    returnTo: string | null = null,
  ): Promise<{ action: string; samlRequest: string; relayState: string } | null> {
    const idp = await this.idps.find(idpEntityId);
    if (!idp) return null;
    const level = this.config.identity.levels[app];
    const { keyPem, certPem } = this.credentials.get();
    const { id, xml } = await buildSpidAuthnRequest({
      idp,
      spEntityId: this.config.identity.spEntityId,
      acsUrl: this.acsUrl,
      level,
      keyPem,
      certPem,
    });
    const now = new Date();
    await this.requests.insert({
      id,
      idpEntityId: idp.id,
      app,
      level: `https://www.spid.gov.it/${level}`,
      issuedAt: now,
      expiresAt: new Date(now.getTime() + REQUEST_TTL_MS),
      usedAt: null,
      requestXml: xml,
      responseXml: null,
      returnTo,
    });
    return {
      action: idp.ssoPostUrl,
      samlRequest: Buffer.from(xml, 'utf8').toString('base64'),
      relayState: app,
    };
  }

  /**
   * Validates a POSTed response: SPID pre-validation (every family of checks), one-time use of the request id
   * (atomic, in the database), then node-saml (passport-saml) for the signature and its own checks.
   */
  async verifyResponse(body: Record<string, unknown>): Promise<VerifiedLogin> {
    const envelope = parseResponse(body['SAMLResponse']);
    const requestId = envelope.inResponseTo;
    if (!requestId) throw new SamlLoginError('in-response-to-missing');
    const request = await this.requests.findOneBy({ id: requestId });
    if (!request) throw new SamlLoginError('in-response-to-unknown');
    if (request.usedAt) throw new SamlLoginError('in-response-to-replayed');
    if (request.expiresAt.getTime() <= Date.now()) {
      throw new SamlLoginError('in-response-to-expired', 'La richiesta di accesso è scaduta. Riprova.');
    }
    const idp = await this.idps.find(request.idpEntityId);
    if (!idp) throw new SamlLoginError('idp-unknown');
    const outcome = preValidateSpidResponse(envelope, {
      acsUrl: this.acsUrl,
      spEntityId: this.config.identity.spEntityId,
      idpEntityId: idp.id,
      requestId,
      requestIssuedAt: request.issuedAt,
      requestedLevel: request.level,
      now: new Date(),
      skewMs: CLOCK_SKEW_MS,
    });
    // One use, on any replica: only the first UPDATE finds used_at still empty.
    const consumed: { id: string }[] = await this.dataSource.query(
      `WITH used AS (
         UPDATE saml_request SET used_at = now(), response_xml = $2
          WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING id)
       SELECT id FROM used`,
      [requestId, envelope.xml],
    );
    if (consumed.length !== 1) throw new SamlLoginError('in-response-to-replayed');

    const saml = new SAML({
      callbackUrl: this.acsUrl,
      issuer: this.config.identity.spEntityId,
      audience: this.config.identity.spEntityId,
      idpCert: idp.certificates,
      idpIssuer: idp.id,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      validateInResponseTo: ValidateInResponseTo.always,
      acceptedClockSkewMs: CLOCK_SKEW_MS,
      cacheProvider: oneShotCache(requestId, request.issuedAt),
    });
    let profile: Profile | null;
    try {
      ({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: body['SAMLResponse'] as string }));
    } catch (error) {
      const message = (error as Error).message ?? '';
      if (/signature/i.test(message)) this.idps.invalidate();
      this.logger.warn(`SAML response refused by node-saml: ${message}`);
      throw new SamlLoginError(/signature/i.test(message) ? 'signature-invalid' : 'node-saml-refused');
    }
    if (!profile) throw new SamlLoginError('profile-missing');
    const attribute = (name: string): string | null => {
      const value = profile[name] ?? (profile.attributes as Record<string, unknown> | undefined)?.[name];
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
    };
    const fiscalNumber = attribute('fiscalNumber');
    const fiscalCode = fiscalNumber?.replace(/^TINIT-/, '').toUpperCase() ?? null;
    if (!fiscalCode || !/^[A-Z0-9]{16}$/.test(fiscalCode))
      throw new SamlLoginError('attribute-fiscal-number');
    return {
      app: request.app,
      idpEntityId: idp.id,
      level: outcome.level,
      fiscalCode,
      givenName: attribute('name'),
      familyName: attribute('familyName'),
      email: attribute('email'),
      nameId: profile.nameID ?? null,
      sessionIndex: profile.sessionIndex ?? null,
      returnTo: request.returnTo,
    };
  }

  /** The AuthnRequest/Response register is kept 24 months (SPID rules), then purged. */
  async purgeRegister(): Promise<number> {
    const cutoff = new Date();
    cutoff.setUTCMonth(cutoff.getUTCMonth() - 24);
    const result = await this.requests.delete({ issuedAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }

  /** Which app a RelayState names (the app is also stored with the request). */
  appOfRelayState(relayState: unknown): LoginApp {
    return relayState === 'backoffice' || relayState === 'admin' ? relayState : 'citizen';
  }
}

/** node-saml checks InResponseTo against its cache: give it exactly the request consumed above. */
function oneShotCache(id: string, issuedAt: Date) {
  let available = true;
  return {
    saveAsync: async () => null,
    getAsync: async (key: string) => (available && key === id ? issuedAt.toISOString() : null),
    removeAsync: async (key: string | null) => {
      if (key === id) available = false;
      return key;
    },
  };
}
