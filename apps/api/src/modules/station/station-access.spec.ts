import { addressInRange, stationAccessRefusal } from './station-access';

const request = (remoteAddress: string | null, headers: Record<string, string> = {}) => ({
  remoteAddress,
  header: (name: string) => headers[name.toLowerCase()],
});

describe('station network checks', () => {
  it('matches IPv4, IPv4-mapped IPv6 and IPv6 addresses against addresses and CIDRs', () => {
    expect(addressInRange('10.1.2.3', '10.0.0.0/8')).toBe(true);
    expect(addressInRange('::ffff:10.1.2.3', '10.0.0.0/8')).toBe(true);
    expect(addressInRange('11.1.2.3', '10.0.0.0/8')).toBe(false);
    expect(addressInRange('192.168.1.7', '192.168.1.7')).toBe(true);
    expect(addressInRange('192.168.1.8', '192.168.1.7')).toBe(false);
    expect(addressInRange('2001:db8::1', '2001:db8::/32')).toBe(true);
    expect(addressInRange('2001:db9::1', '2001:db8::/32')).toBe(false);
    expect(addressInRange('::1', '::1')).toBe(true);
    expect(addressInRange('not-an-ip', '10.0.0.0/8')).toBe(false);
  });

  it('lets everyone in when nothing is configured', () => {
    expect(
      stationAccessRefusal({ clientCertHeader: null, clientCertValues: [], ipAllowList: [] }, request(null)),
    ).toBeNull();
  });

  it('refuses callers outside the allow-list', () => {
    const config = { clientCertHeader: null, clientCertValues: [], ipAllowList: ['10.0.0.0/8', '127.0.0.1'] };
    expect(stationAccessRefusal(config, request('127.0.0.1'))).toBeNull();
    expect(stationAccessRefusal(config, request('10.9.9.9'))).toBeNull();
    expect(stationAccessRefusal(config, request('8.8.8.8'))).toContain('8.8.8.8');
    expect(stationAccessRefusal(config, request(null))).not.toBeNull();
  });

  it('requires the proxy header with an accepted certificate fingerprint, compared without colons and case', () => {
    const config = {
      clientCertHeader: 'x-client-cert-sha256',
      clientCertValues: ['AB:CD:EF:01'],
      ipAllowList: [],
    };
    expect(
      stationAccessRefusal(config, request('1.2.3.4', { 'x-client-cert-sha256': 'abcdef01' })),
    ).toBeNull();
    expect(
      stationAccessRefusal(config, request('1.2.3.4', { 'x-client-cert-sha256': 'abcdef02' })),
    ).toContain('certificato');
    expect(stationAccessRefusal(config, request('1.2.3.4'))).toContain('certificato');
  });
});
