import { Inject, Injectable, Logger } from '@nestjs/common';
import { type IdentityProviderSummary } from '@pagamenti/contracts';
import { type AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { certToPem, childElement, childElements, descendants, NS, parseXml, textOf } from './xml';

export interface IdentityProvider extends IdentityProviderSummary {
  ssoPostUrl: string;
  sloUrl: string | null;
  certificates: string[];
}

const POST_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const CIE_HINT = /cie|cartaidentita/i;

/**
 * The identity providers, read from the metadata URLs of the configuration (SPID registry, CIE, the simulator's
 * test IdP), fetched over HTTP and cached. A source that cannot be read is skipped and retried on the next call.
 */
@Injectable()
export class IdpRegistryService {
  private readonly logger = new Logger(IdpRegistryService.name);
  private cache: { at: number; idps: IdentityProvider[]; complete: boolean } | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async list(): Promise<IdentityProvider[]> {
    const maxAge = this.config.identity.idpMetadataCacheSeconds * 1000;
    if (this.cache && this.cache.complete && Date.now() - this.cache.at < maxAge) return this.cache.idps;
    const results = await Promise.all(
      this.config.identity.idpMetadataUrls.map((url) => this.fetchSource(url)),
    );
    const idps = results.flatMap((result) => result ?? []);
    this.cache = { at: Date.now(), idps, complete: results.every((result) => result !== null) };
    return idps;
  }

  async find(entityId: string): Promise<IdentityProvider | null> {
    return (await this.list()).find((idp) => idp.id === entityId) ?? null;
  }

  /** Forgets the cache, e.g. after a signature failure that a key rotation could explain. */
  invalidate(): void {
    this.cache = null;
  }

  private async fetchSource(url: string): Promise<IdentityProvider[] | null> {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return parseIdpMetadata(await response.text());
    } catch (error) {
      this.logger.warn(`IdP metadata not available from ${url}: ${(error as Error).message}`);
      return null;
    }
  }
}

/** Every IDPSSODescriptor of a metadata document (one EntityDescriptor or an EntitiesDescriptor). */
export function parseIdpMetadata(xml: string): IdentityProvider[] {
  const doc = parseXml(xml, 20 * 1024 * 1024);
  return descendants(doc, NS.md, 'EntityDescriptor').flatMap((entity) => {
    const id = entity.getAttribute('entityID');
    const descriptor = childElement(entity, NS.md, 'IDPSSODescriptor');
    if (!id || !descriptor) return [];
    const sso = childElements(descriptor, NS.md, 'SingleSignOnService').find(
      (service) => service.getAttribute('Binding') === POST_BINDING,
    );
    const slo = childElements(descriptor, NS.md, 'SingleLogoutService')[0];
    const certificates = childElements(descriptor, NS.md, 'KeyDescriptor')
      .filter((key) => (key.getAttribute('use') ?? 'signing') === 'signing')
      .flatMap((key) => descendants(key, NS.ds, 'X509Certificate'))
      .map((cert) => textOf(cert))
      .filter((cert): cert is string => cert !== null)
      .map(certToPem);
    const location = sso?.getAttribute('Location');
    if (!location || certificates.length === 0) return [];
    const organization = childElement(entity, NS.md, 'Organization');
    const name =
      textOf(childElement(organization, NS.md, 'OrganizationDisplayName')) ??
      textOf(childElement(organization, NS.md, 'OrganizationName')) ??
      id;
    return [
      {
        id,
        name,
        kind: CIE_HINT.test(id) ? ('cie' as const) : ('spid' as const),
        ssoPostUrl: location,
        sloUrl: slo?.getAttribute('Location') ?? null,
        certificates,
      },
    ];
  });
}
