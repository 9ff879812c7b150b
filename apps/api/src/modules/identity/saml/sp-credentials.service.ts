import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { generateSelfSignedPair } from '@pagamenti/dev-certificates';

export interface SpCredentials {
  keyPem: string;
  certPem: string;
}

/**
 * The service provider's signing key and certificate: from configuration (production), or generated once into
 * `$DATA_DIR/saml/` for development (git-ignored, never committed). Loaded lazily on first use.
 */
@Injectable()
export class SpCredentialsService {
  private readonly logger = new Logger(SpCredentialsService.name);
  private credentials: SpCredentials | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(): SpCredentials {
    this.credentials ??= this.load();
    return this.credentials;
  }

  private load(): SpCredentials {
    const { spKeyPem, spCertPem, dataDir } = this.config.identity;
    if (spKeyPem && spCertPem) return { keyPem: spKeyPem, certPem: spCertPem };
    const dir = join(dataDir, 'saml');
    const keyFile = join(dir, 'sp-key.pem');
    const certFile = join(dir, 'sp-cert.pem');
    if (existsSync(keyFile) && existsSync(certFile)) {
      return { keyPem: readFileSync(keyFile, 'utf8'), certPem: readFileSync(certFile, 'utf8') };
    }
    const pair = generateSelfSignedPair('SP SAML di sviluppo', this.config.identity.organization.name);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, pair.keyPem, { mode: 0o600 });
    writeFileSync(certFile, pair.certPem, { mode: 0o644 });
    this.logger.warn(
      `Generated a development SAML key pair in ${dir} (set SAML_SP_KEY/SAML_SP_CERT in production)`,
    );
    return pair;
  }
}
