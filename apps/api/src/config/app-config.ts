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
}

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

  const config: AppConfig = {
    environment,
    host: read.string('HOST', '127.0.0.1'),
    port: read.integer('PORT', 3000, 0, 65535),
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
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
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
