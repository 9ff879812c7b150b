import { resolve } from 'node:path';
import { type RetryPolicy } from './node/retry-schedule';

export interface SimConfig {
  host: string;
  port: number;
  apiBaseUrl: string;
  /** Where browsers reach the simulator (the test IdP's entityID and SSO URL derive from it). */
  publicUrl: string;
  /** The service provider metadata the test IdP trusts. */
  spMetadataUrl: string;
  /** The station (paForNode) the node calls. */
  stationUrl: string;
  /** Receipts, flows, bank statements. */
  dataDir: string;
  /** stations.json and entities.json: the node's registry. */
  registryDir: string;
  receiptRetry: RetryPolicy;
  /** How often automatic settlement looks for payments to report. */
  settleIntervalMs: number;
}

function integer(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
) {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name}: deve essere un numero intero tra ${min} e ${max} (valore: "${raw}")`);
  return value;
}

function httpUrl(name: string, value: string): string {
  const trimmed = value.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(trimmed))
    throw new Error(`${name}: deve essere un URL http(s) (valore: "${value}")`);
  return trimmed;
}

/** Reads the simulator's settings; throws naming the bad variable. */
export function loadSimConfig(env: Record<string, string | undefined>): SimConfig {
  const port = integer(env, 'SIM_PORT', 3100, 0, 65535);
  const apiBaseUrl = httpUrl('API_BASE_URL', env['API_BASE_URL'] ?? 'http://localhost:3000');
  const publicUrl = (env['SIM_PUBLIC_URL'] ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const spMetadataUrl = env['SIM_SP_METADATA_URL'] ?? `${apiBaseUrl}/api/v1/auth/saml/metadata`;
  const stationUrl = httpUrl('SIM_STATION_URL', env['SIM_STATION_URL'] ?? `${apiBaseUrl}/pagopa/paForNode`);
  const baseDelayMs = integer(env, 'SIM_RECEIPT_RETRY_BASE_MS', 2000, 10, 3_600_000);
  return {
    host: env['SIM_HOST'] ?? '127.0.0.1',
    port,
    apiBaseUrl,
    publicUrl,
    spMetadataUrl,
    stationUrl,
    dataDir: resolve(env['SIM_DATA_DIR'] ?? 'data/pagopa-sim'),
    registryDir: resolve(env['SIM_REGISTRY_DIR'] ?? env['DEMO_DATA_DIR'] ?? 'tools/demo'),
    receiptRetry: {
      baseDelayMs,
      maxDelayMs: integer(env, 'SIM_RECEIPT_RETRY_MAX_MS', 300_000, baseDelayMs, 86_400_000),
      maxAttempts: integer(env, 'SIM_RECEIPT_MAX_ATTEMPTS', 48, 1, 10_000),
    },
    settleIntervalMs: integer(env, 'SIM_SETTLE_INTERVAL_MS', 60_000, 100, 86_400_000),
  };
}
