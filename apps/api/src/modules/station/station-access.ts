import { isIP } from 'node:net';
import { type StationConfig } from '../../config/app-config';

/**
 * The station is authenticated by the network: pagoPA's forwarder presents a client certificate to the TLS proxy
 * in front of us, and calls from known addresses. Both checks are optional and configured; both must pass.
 * Returns the reason of a refusal, or null.
 */
export function stationAccessRefusal(
  config: Pick<StationConfig, 'clientCertHeader' | 'clientCertValues' | 'ipAllowList'>,
  request: { remoteAddress: string | null; header: (name: string) => string | undefined },
): string | null {
  if (config.ipAllowList.length > 0) {
    const address = request.remoteAddress ?? '';
    if (!config.ipAllowList.some((entry) => addressInRange(address, entry)))
      return `indirizzo ${address || 'sconosciuto'} non autorizzato`;
  }
  if (config.clientCertHeader) {
    const presented = normaliseCertValue(request.header(config.clientCertHeader) ?? '');
    if (presented === '' || !config.clientCertValues.some((value) => normaliseCertValue(value) === presented))
      return 'certificato client assente o non autorizzato';
  }
  return null;
}

/** Fingerprints are compared without separators and case; subject DNs without surrounding spaces. */
function normaliseCertValue(value: string): string {
  const trimmed = value.trim();
  return /^[0-9a-fA-F:]+$/.test(trimmed) ? trimmed.replace(/:/g, '').toLowerCase() : trimmed;
}

/** Whether `address` (IPv4, IPv6 or IPv4-mapped IPv6) is `entry` or inside the CIDR `entry`. */
export function addressInRange(address: string, entry: string): boolean {
  const [network = '', prefixText] = entry.split('/');
  const candidate = toBytes(address);
  const base = toBytes(network);
  if (!candidate || !base || candidate.length !== base.length) return false;
  const prefix = prefixText === undefined ? base.length * 8 : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > base.length * 8) return false;
  for (let bit = 0; bit < prefix; bit++) {
    const byte = Math.floor(bit / 8);
    const mask = 0x80 >> (bit % 8);
    if (((candidate[byte] ?? 0) & mask) !== ((base[byte] ?? 0) & mask)) return false;
  }
  return true;
}

function toBytes(address: string): number[] | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped?.[1] ?? address;
  switch (isIP(ip)) {
    case 4:
      return ip.split('.').map(Number);
    case 6: {
      const [head = '', tail = ''] = ip.split('::');
      const groups = (part: string) => (part === '' ? [] : part.split(':'));
      const left = groups(head);
      const right = groups(tail);
      const missing = ip.includes('::') ? 8 - left.length - right.length : 0;
      const all = [...left, ...Array<string>(missing).fill('0'), ...right];
      if (all.length !== 8) return null;
      return all.flatMap((group) => {
        const value = parseInt(group, 16);
        return [value >> 8, value & 0xff];
      });
    }
    default:
      return null;
  }
}
