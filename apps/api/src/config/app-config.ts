import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { type PlatformEnvironment } from '@pagamenti/contracts';
import { isValidEntityFiscalCode } from '@pagamenti/pagopa';

/** The API's whole configuration, typed. Nothing outside this folder reads `process.env`. */
export interface AppConfig {
  environment: PlatformEnvironment;
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  trustProxy: boolean;
  bodyLimit: string;
  platformName: string;
  intermediary: { name: string; fiscalCode: string };
  database: { engine: 'postgresql'; url: string; poolSize: number } | { engine: 'pglite'; dataDir: string };
  migrateOnBoot: boolean;
  seedDemoData: boolean;
  demoDataDir: string;
  spaRoot: string | null;
  jobs: { enabled: boolean; pollIntervalMs: number; retentionDays: number };
  /** Payment notice rendering: worker threads per replica (default one per core). */
  notices: { renderThreads: number };
  /** AES-256 key (32 bytes) encrypting secrets at rest: station passwords, node subscription keys. */
  secretsKey: Buffer;
  /** Where browsers reach the API (SAML endpoints, cookies); the SP entityID derives from it. */
  publicBaseUrl: string;
  identity: IdentityConfig;
  audit: { retentionMonths: number };
  station: StationConfig;
  pagopaNode: PagopaNodeConfig;
}

/** The pagoPA station (paForNode). Network checks are off by default: the TLS proxy and firewall do them. */
export interface StationConfig {
  /** Largest SOAP body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Header set by the TLS-terminating proxy with the client certificate's identity; null = no check. */
  clientCertHeader: string | null;
  /** Accepted values of that header (e.g. SHA-256 fingerprints of pagoPA's forwarder certificate). */
  clientCertValues: string[];
  /** Caller IPs or CIDRs allowed to call the station; empty = any. */
  ipAllowList: string[];
  /** The endpoint address published in our WSDL. */
  publicUrl: string;
  journalRetentionMonths: number;
  /** How long entity/station lookups are cached on the hot path. */
  cacheTtlMs: number;
}

/** Our calls to the pagoPA platform (nodeForPa SOAP, Checkout REST). Defaults point at the simulator. */
export interface PagopaNodeConfig {
  /** nodeForPa endpoint, used when the station has no nodeEndpointUrl of its own. */
  nodeForPaUrl: string;
  /** Checkout's `…/checkout/ec/v1` base: carts are POSTed to `${base}/carts`. */
  checkoutBaseUrl: string;
  timeoutMs: number;
  /** Further attempts after a failed one (network error, timeout, 5xx, 429), with exponential backoff. */
  retries: number;
}

/** SAML (SPID/CIE) service provider, sessions and API keys. */
export interface IdentityConfig {
  spEntityId: string;
  /** PEM strings, or null to generate a development pair in `dataDir` (refused in production). */
  spKeyPem: string | null;
  spCertPem: string | null;
  dataDir: string;
  idpMetadataUrls: string[];
  idpMetadataCacheSeconds: number;
  levels: Record<'citizen' | 'backoffice' | 'admin', 'SpidL1' | 'SpidL2' | 'SpidL3'>;
  organization: { name: string; url: string; ipaCode: string; email: string };
  session: { idleMinutes: number; absoluteHours: number; secureCookie: boolean };
  apiKeyRateLimitPerMinute: number;
}

/**
 * DEVELOPMENT-ONLY secrets key, used when SECRETS_KEY is unset and NODE_ENV is not production. It is public
 * (it is in the repository): never use it for real station passwords or subscription keys.
 */
export const DEVELOPMENT_SECRETS_KEY = Buffer.from('DEVELOPMENT-ONLY-KEY-not-secret!', 'utf8').toString(
  'base64',
);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configurazione non valida:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the environment. Throws a ConfigError naming every bad variable. */
export function loadConfig(env: Env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const environment = read.oneOf('NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const dataDir = absolute(read.string('DATA_DIR', 'data'), cwd);
  const databaseUrl = read.optionalString('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    problems.push('DATABASE_URL: deve essere un URL postgres://utente:password@host:porta/database');
  }
  const pgliteDir = read.string('PGLITE_DIR', join(dataDir, 'pglite'));
  const intermediaryFiscalCode = read.string('INTERMEDIARY_FISCAL_CODE', '99000000010');
  if (!isValidEntityFiscalCode(intermediaryFiscalCode)) {
    problems.push(
      `INTERMEDIARY_FISCAL_CODE: deve essere un codice fiscale di 11 cifre con carattere di controllo valido (valore: "${intermediaryFiscalCode}")`,
    );
  }
  const spaRootSetting = read.optionalString('SPA_ROOT');
  const secretsKey = readSecretsKey(read.optionalString('SECRETS_KEY'), environment, problems);
  const port = read.integer('PORT', 3000, 0, 65535);
  const publicBaseUrl = read
    .matching('PUBLIC_BASE_URL', /^https?:\/\/[^/]+/, `http://localhost:${port}`, 'un URL http(s)')
    .replace(/\/+$/, '');
  const identity = readIdentity(read, problems, { environment, dataDir, publicBaseUrl, cwd });

  const config: AppConfig = {
    environment,
    host: read.string('HOST', '127.0.0.1'),
    port,
    logLevel: read.oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      environment === 'test' ? 'warn' : 'info',
    ),
    trustProxy: read.boolean('TRUST_PROXY', false),
    bodyLimit: read.matching('BODY_LIMIT', /^\d+(kb|mb)$/, '1mb', 'un numero seguito da kb o mb, es. 1mb'),
    platformName: read.string('PLATFORM_NAME', 'Piattaforma pagamenti pagoPA'),
    intermediary: {
      name: read.string('INTERMEDIARY_NAME', 'Regione Abruzzo'),
      fiscalCode: intermediaryFiscalCode,
    },
    database:
      databaseUrl !== undefined
        ? { engine: 'postgresql', url: databaseUrl, poolSize: read.integer('DB_POOL_SIZE', 10, 1, 200) }
        : { engine: 'pglite', dataDir: pgliteDir === 'memory://' ? pgliteDir : absolute(pgliteDir, cwd) },
    migrateOnBoot: read.boolean('MIGRATE_ON_BOOT', false),
    seedDemoData: read.boolean('SEED_DEMO_DATA', false),
    demoDataDir: absolute(read.string('DEMO_DATA_DIR', join('tools', 'demo')), cwd),
    spaRoot: spaRootSetting === undefined ? null : absolute(spaRootSetting, cwd),
    jobs: {
      enabled: read.boolean('JOBS_ENABLED', true),
      pollIntervalMs: read.integer('JOBS_POLL_INTERVAL_MS', 1000, 50, 60000),
      retentionDays: read.integer('JOBS_RETENTION_DAYS', 30, 1, 3650),
    },
    notices: { renderThreads: read.integer('NOTICE_RENDER_THREADS', availableParallelism(), 1, 64) },
    secretsKey,
    publicBaseUrl,
    identity,
    audit: { retentionMonths: read.integer('AUDIT_RETENTION_MONTHS', 24, 1, 240) },
    station: readStation(read, problems, publicBaseUrl),
    pagopaNode: {
      nodeForPaUrl: read
        .matching(
          'PAGOPA_NODE_URL',
          /^https?:\/\/[^/]+/,
          'http://localhost:3100/nodo/node-for-pa',
          'un URL http(s)',
        )
        .replace(/\/+$/, ''),
      checkoutBaseUrl: read
        .matching(
          'PAGOPA_CHECKOUT_BASE_URL',
          /^https?:\/\/[^/]+/,
          'http://localhost:3100/checkout/ec/v1',
          'un URL http(s)',
        )
        .replace(/\/+$/, ''),
      timeoutMs: read.integer('PAGOPA_NODE_TIMEOUT_MS', 10000, 100, 120000),
      retries: read.integer('PAGOPA_NODE_RETRIES', 3, 0, 10),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const IPV4_CIDR = /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/;
const IPV6_CIDR = /^[0-9a-fA-F:]+(\/\d{1,3})?$/;

function readStation(read: EnvReader, problems: string[], publicBaseUrl: string): StationConfig {
  const list = (name: string) =>
    (read.optionalString(name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const limit = read.matching(
    'STATION_BODY_LIMIT',
    /^\d+(kb|mb)$/,
    '1mb',
    'un numero seguito da kb o mb, es. 1mb',
  );
  const limitMatch = /^(\d+)(kb|mb)$/.exec(limit);
  const ipAllowList = list('STATION_IP_ALLOWLIST');
  for (const entry of ipAllowList) {
    if (!IPV4_CIDR.test(entry) && !IPV6_CIDR.test(entry)) {
      problems.push(`STATION_IP_ALLOWLIST: ogni voce deve essere un IP o una rete CIDR (valore: "${entry}")`);
    }
  }
  const clientCertHeader = read.optionalString('STATION_CLIENT_CERT_HEADER')?.toLowerCase() ?? null;
  const clientCertValues = list('STATION_CLIENT_CERT_VALUES');
  if (clientCertHeader !== null && clientCertValues.length === 0) {
    problems.push('STATION_CLIENT_CERT_VALUES: obbligatoria quando STATION_CLIENT_CERT_HEADER è impostata');
  }
  return {
    bodyLimitBytes: limitMatch
      ? Number(limitMatch[1]) * (limitMatch[2] === 'mb' ? 1024 * 1024 : 1024)
      : 1024 * 1024,
    clientCertHeader,
    clientCertValues,
    ipAllowList,
    publicUrl: read
      .matching(
        'STATION_PUBLIC_URL',
        /^https?:\/\/[^/]+/,
        `${publicBaseUrl}/pagopa/paForNode`,
        'un URL http(s)',
      )
      .replace(/\/+$/, ''),
    journalRetentionMonths: read.integer('STATION_JOURNAL_RETENTION_MONTHS', 24, 1, 240),
    cacheTtlMs: read.integer('STATION_CACHE_TTL_MS', 5000, 0, 600000),
  };
}

const SPID_LEVELS = ['SpidL1', 'SpidL2', 'SpidL3'] as const;

function readIdentity(
  read: EnvReader,
  problems: string[],
  context: { environment: PlatformEnvironment; dataDir: string; publicBaseUrl: string; cwd: string },
): IdentityConfig {
  const pem = (name: string, fileName: string): string | null => {
    const inline = read.optionalString(name);
    if (inline !== undefined) return inline.replace(/\\n/g, '\n');
    const file = read.optionalString(fileName);
    if (file === undefined) return null;
    try {
      return readFileSync(absolute(file, context.cwd), 'utf8');
    } catch {
      problems.push(`${fileName}: file non leggibile (valore: "${file}")`);
      return null;
    }
  };
  const spKeyPem = pem('SAML_SP_KEY', 'SAML_SP_KEY_FILE');
  const spCertPem = pem('SAML_SP_CERT', 'SAML_SP_CERT_FILE');
  if ((spKeyPem === null) !== (spCertPem === null)) {
    problems.push('SAML_SP_KEY / SAML_SP_CERT: vanno indicati insieme (chiave privata e certificato)');
  }
  if (spKeyPem !== null && !spKeyPem.includes('PRIVATE KEY-----')) {
    problems.push('SAML_SP_KEY: deve essere una chiave privata PEM');
  }
  if (spCertPem !== null && !spCertPem.includes('BEGIN CERTIFICATE-----')) {
    problems.push('SAML_SP_CERT: deve essere un certificato PEM');
  }
  if (context.environment === 'production' && spKeyPem === null) {
    problems.push('SAML_SP_KEY: obbligatoria in produzione (o SAML_SP_KEY_FILE), insieme a SAML_SP_CERT');
  }
  const idpMetadataUrls = (read.optionalString('SAML_IDP_METADATA_URLS') ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  for (const url of idpMetadataUrls) {
    if (!/^https?:\/\/[^/]+/.test(url)) {
      problems.push(`SAML_IDP_METADATA_URLS: ogni voce deve essere un URL http(s) (valore: "${url}")`);
    }
  }
  return {
    spEntityId: read.string('SAML_SP_ENTITY_ID', `${context.publicBaseUrl}/api/v1/auth/saml/metadata`),
    spKeyPem,
    spCertPem,
    dataDir: context.dataDir,
    idpMetadataUrls,
    idpMetadataCacheSeconds: read.integer('SAML_IDP_METADATA_CACHE_SECONDS', 3600, 0, 604800),
    levels: {
      citizen: read.oneOf('SAML_LEVEL_CITIZEN', SPID_LEVELS, 'SpidL2'),
      backoffice: read.oneOf('SAML_LEVEL_BACKOFFICE', SPID_LEVELS, 'SpidL2'),
      admin: read.oneOf('SAML_LEVEL_ADMIN', SPID_LEVELS, 'SpidL2'),
    },
    organization: {
      name: read.string('SAML_ORGANIZATION_NAME', read.string('INTERMEDIARY_NAME', 'Regione Abruzzo')),
      url: read.string('SAML_ORGANIZATION_URL', context.publicBaseUrl),
      ipaCode: read.string('SAML_IPA_CODE', 'r_abruzz'),
      email: read.string('SAML_CONTACT_EMAIL', 'spid@example.invalid'),
    },
    session: {
      idleMinutes: read.integer('SESSION_IDLE_MINUTES', 30, 1, 1440),
      absoluteHours: read.integer('SESSION_ABSOLUTE_HOURS', 8, 1, 168),
      secureCookie: read.boolean(
        'SESSION_COOKIE_SECURE',
        context.environment === 'production' || context.publicBaseUrl.startsWith('https:'),
      ),
    },
    apiKeyRateLimitPerMinute: read.integer('API_KEY_RATE_LIMIT_PER_MINUTE', 120, 1, 100000),
  };
}

function readSecretsKey(
  raw: string | undefined,
  environment: PlatformEnvironment,
  problems: string[],
): Buffer {
  if (raw === undefined) {
    if (environment === 'production') {
      problems.push(
        'SECRETS_KEY: obbligatoria in produzione (32 byte casuali in base64, es. `openssl rand -base64 32`)',
      );
    }
    return Buffer.from(DEVELOPMENT_SECRETS_KEY, 'base64');
  }
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(raw) ? Buffer.from(raw, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) {
    problems.push('SECRETS_KEY: deve essere una chiave di 32 byte codificata in base64 (44 caratteri)');
  } else if (environment === 'production' && raw === DEVELOPMENT_SECRETS_KEY) {
    problems.push('SECRETS_KEY: la chiave di sviluppo pubblica non può essere usata in produzione');
  }
  return key.length === 32 ? key : Buffer.from(DEVELOPMENT_SECRETS_KEY, 'base64');
}

function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  optionalString(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.optionalString(name) ?? fallback;
  }

  matching(name: string, pattern: RegExp, fallback: string, expected: string): string {
    const value = this.string(name, fallback);
    if (!pattern.test(value)) this.problems.push(`${name}: deve essere ${expected} (valore: "${value}")`);
    return value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optionalString(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name}: deve essere un numero intero tra ${min} e ${max} (valore: "${raw}")`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optionalString(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(raw)) return true;
    if (['false', '0', 'no', 'off'].includes(raw)) return false;
    this.problems.push(`${name}: deve essere true o false (valore: "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optionalString(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name}: deve essere uno tra ${allowed.join(', ')} (valore: "${raw}")`);
    return fallback;
  }
}
