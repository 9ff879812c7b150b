import { ConfigError, loadConfig } from '../../config/app-config';

describe('station and node client configuration', () => {
  it('defaults: network checks off, 1 MiB bodies, WSDL address from PUBLIC_BASE_URL, node client on the simulator', () => {
    const config = loadConfig({ PUBLIC_BASE_URL: 'https://pagamenti.example.it' });
    expect(config.station).toEqual({
      bodyLimitBytes: 1024 * 1024,
      clientCertHeader: null,
      clientCertValues: [],
      ipAllowList: [],
      publicUrl: 'https://pagamenti.example.it/pagopa/paForNode',
      journalRetentionMonths: 24,
      cacheTtlMs: 5000,
    });
    expect(config.pagopaNode).toEqual({
      nodeForPaUrl: 'http://localhost:3100/nodo/node-for-pa',
      checkoutBaseUrl: 'http://localhost:3100/checkout/ec/v1',
      timeoutMs: 10000,
      retries: 3,
    });
  });

  it('reads the allow-list, the certificate header and its accepted values', () => {
    const config = loadConfig({
      STATION_BODY_LIMIT: '256kb',
      STATION_IP_ALLOWLIST: '10.0.0.0/8, 2001:db8::/32,192.168.1.7',
      STATION_CLIENT_CERT_HEADER: 'X-SSL-Client-SHA256',
      STATION_CLIENT_CERT_VALUES: 'AA:BB,CC:DD',
      PAGOPA_NODE_URL: 'https://api.uat.platform.pagopa.it/nodo-auth/node-for-pa/v1/',
    });
    expect(config.station).toMatchObject({
      bodyLimitBytes: 256 * 1024,
      ipAllowList: ['10.0.0.0/8', '2001:db8::/32', '192.168.1.7'],
      clientCertHeader: 'x-ssl-client-sha256',
      clientCertValues: ['AA:BB', 'CC:DD'],
    });
    expect(config.pagopaNode.nodeForPaUrl).toBe(
      'https://api.uat.platform.pagopa.it/nodo-auth/node-for-pa/v1',
    );
  });

  it('refuses a malformed allow-list entry and a certificate header without values', () => {
    let error: unknown;
    try {
      loadConfig({ STATION_IP_ALLOWLIST: 'everyone', STATION_CLIENT_CERT_HEADER: 'x-cert' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringContaining('STATION_IP_ALLOWLIST'),
      expect.stringContaining('STATION_CLIENT_CERT_VALUES'),
    ]);
  });
});
