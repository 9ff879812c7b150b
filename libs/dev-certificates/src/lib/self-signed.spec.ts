import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { generateSelfSignedPair } from './self-signed';

describe('self-signed development certificates', () => {
  it('produces a certificate Node can parse, for the given names, matching the key and self-verifying', () => {
    const { keyPem, certPem } = generateSelfSignedPair('sp.example.test', 'Ente di prova');
    const certificate = new X509Certificate(certPem);
    expect(certificate.subject).toContain('CN=sp.example.test');
    expect(certificate.subject).toContain('O=Ente di prova');
    expect(certificate.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
    expect(certificate.verify(createPublicKey(keyPem))).toBe(true);
    expect(new Date(certificate.validTo).getTime()).toBeGreaterThan(Date.now());
  });
});
