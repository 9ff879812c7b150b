import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';

export const NS = {
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

/** Parses untrusted XML: no DOCTYPE, no parser warnings. */
export function parseXml(xml: string): Document {
  if (xml.length > 512 * 1024 || /<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('XML non ammesso');
  const problems: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: (m: string) => problems.push(m),
      error: (m: string) => problems.push(m),
      fatalError: (m: string) => problems.push(m),
    },
  }).parseFromString(xml, 'text/xml') as unknown as Document;
  if (problems.length > 0 || !doc.documentElement) throw new Error(`XML non valido: ${problems.join('; ')}`);
  return doc;
}

export function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
}

export function certToPem(base64: string): string {
  return `-----BEGIN CERTIFICATE-----\n${base64
    .replace(/\s+/g, '')
    .replace(/(.{64})/g, '$1\n')
    .trim()}\n-----END CERTIFICATE-----\n`;
}

/** Enveloped signature of the element with the given ID (rsa-sha256, exc-c14n), right after its Issuer. */
export function signElement(xml: string, localName: string, keyPem: string, certPem: string): string {
  const signer = new SignedXml({
    privateKey: keyPem,
    publicCert: certPem,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  const target = `//*[local-name(.)='${localName}']`;
  signer.addReference({
    xpath: target,
    transforms: [
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  signer.computeSignature(xml, {
    location: { reference: `${target}/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return signer.getSignedXml();
}

/** Checks the enveloped signature of a document's root against a certificate and that it covers the root. */
export function verifyRootSignature(xml: string, certPem: string): boolean {
  const doc = parseXml(xml);
  const root = doc.documentElement;
  const signature = Array.from(root.childNodes).find(
    (node) =>
      node.nodeType === 1 &&
      (node as Element).localName === 'Signature' &&
      (node as Element).namespaceURI === NS.ds,
  ) as Element | undefined;
  if (!signature) return false;
  const verifier = new SignedXml({ publicCert: certPem });
  verifier.loadSignature(signature);
  try {
    return (
      verifier.checkSignature(xml) && verifier.getReferences()[0]?.uri === `#${root.getAttribute('ID') ?? ''}`
    );
  } catch {
    return false;
  }
}
