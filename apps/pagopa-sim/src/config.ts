export interface SimConfig {
  host: string;
  port: number;
  apiBaseUrl: string;
  /** Where browsers reach the simulator (the test IdP's entityID and SSO URL derive from it). */
  publicUrl: string;
  /** The service provider metadata the test IdP trusts. */
  spMetadataUrl: string;
}

/** Reads the simulator's settings; throws naming the bad variable. */
export function loadSimConfig(env: Record<string, string | undefined>): SimConfig {
  const port = Number(env['SIM_PORT'] ?? 3100);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`SIM_PORT: deve essere un numero intero tra 0 e 65535 (valore: "${env['SIM_PORT']}")`);
  }
  const apiBaseUrl = (env['API_BASE_URL'] ?? 'http://localhost:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(apiBaseUrl)) {
    throw new Error(`API_BASE_URL: deve essere un URL http(s) (valore: "${apiBaseUrl}")`);
  }
  const publicUrl = (env['SIM_PUBLIC_URL'] ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const spMetadataUrl = env['SIM_SP_METADATA_URL'] ?? `${apiBaseUrl}/api/v1/auth/saml/metadata`;
  return { host: env['SIM_HOST'] ?? '127.0.0.1', port, apiBaseUrl, publicUrl, spMetadataUrl };
}
