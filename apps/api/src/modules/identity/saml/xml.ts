import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';

export const NS = {
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

export const NAMEID_ENTITY = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';
export const NAMEID_TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';

/**
 * Parses untrusted XML: documents with a DOCTYPE (DTDs, entity declarations) are refused before parsing, and any
 * parser warning or error makes the document invalid. xmldom never fetches external resources.
 */
export function parseXml(xml: string, maxLength = 512 * 1024): Document {
  if (xml.length > maxLength) throw new Error('XML troppo grande');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('XML con DOCTYPE non ammesso');
  const problems: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: (message: string) => problems.push(`warning: ${message}`),
      error: (message: string) => problems.push(`error: ${message}`),
      fatalError: (message: string) => problems.push(`fatal: ${message}`),
    },
  }).parseFromString(xml, 'text/xml') as unknown as Document;
  if (problems.length > 0 || !doc.documentElement) throw new Error(`XML non valido: ${problems.join('; ')}`);
  return doc;
}

export function childElements(parent: Element, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    const element = node as Element;
    if (node.nodeType === 1 && element.namespaceURI === ns && element.localName === localName)
      found.push(element);
  }
  return found;
}

export function childElement(
  parent: Element | null | undefined,
  ns: string,
  localName: string,
): Element | null {
  if (!parent) return null;
  return childElements(parent, ns, localName)[0] ?? null;
}

export function textOf(element: Element | null): string | null {
  const text = element?.textContent?.trim();
  return text === undefined || text === '' ? null : text;
}

export function descendants(root: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

export function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
}

export function certToPem(base64: string): string {
  const body = base64.replace(/\s+/g, '').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${body.trim()}\n-----END CERTIFICATE-----\n`;
}

/**
 * Enveloped signature (rsa-sha256, sha256 digest, exc-c14n) of the root element whose local name is given,
 * placed right after its Issuer as SAML requires, with the certificate in KeyInfo.
 */
export function signRootAfterIssuer(
  xml: string,
  rootLocalName: string,
  keyPem: string,
  certPem: string,
  placement: 'after-issuer' | 'first-child' = 'after-issuer',
): string {
  const signer = new SignedXml({
    privateKey: keyPem,
    publicCert: certPem,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  const root = `/*[local-name(.)='${rootLocalName}']`;
  signer.addReference({
    xpath: root,
    transforms: [
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  signer.computeSignature(xml, {
    location:
      placement === 'after-issuer'
        ? { reference: `${root}/*[local-name(.)='Issuer']`, action: 'after' }
        : { reference: root, action: 'prepend' },
  });
  return signer.getSignedXml();
}

/** True when the document's root carries an enveloped signature valid for one of the certificates. */
export function verifyRootSignature(xml: string, certsPem: string[]): boolean {
  const doc = parseXml(xml);
  const root = doc.documentElement;
  const signature = childElement(root, NS.ds, 'Signature');
  if (!signature) return false;
  for (const cert of certsPem) {
    const verifier = new SignedXml({ publicCert: cert });
    verifier.loadSignature(signature);
    try {
      if (verifier.checkSignature(xml)) {
        const references = verifier.getReferences();
        const uri = references[0]?.uri ?? '';
        if (references.length === 1 && uri === `#${root.getAttribute('ID') ?? ''}`) return true;
      }
    } catch {
      // try the next certificate
    }
  }
  return false;
}
