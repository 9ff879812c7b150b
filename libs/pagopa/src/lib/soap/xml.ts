import { DOMParser } from '@xmldom/xmldom';

/** An element of a parsed document, reduced to what SOAP mapping needs: name, namespace, children, text. */
export interface XmlElement {
  /** Namespace URI, or null for an unqualified element. */
  namespace: string | null;
  localName: string;
  children: XmlElement[];
  /** Concatenated character data directly inside the element (text and CDATA), untrimmed. */
  text: string;
}

/** Why a document could not be read: not XML, a refused construct (DTD) or too large. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

/** Default largest document accepted: far above any paForNode/nodeForPa message, far below harm. */
export const DEFAULT_MAX_XML_BYTES = 1024 * 1024;

const REFUSED_DECLARATIONS = /<!DOCTYPE|<!ENTITY/i;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

interface DomNode {
  nodeType: number;
  namespaceURI: string | null;
  localName: string | null;
  nodeValue: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}

/**
 * Parses untrusted XML. Documents carrying a DOCTYPE or an ENTITY declaration are refused before parsing (no DTD,
 * hence no entity expansion and no external entities), as is anything above `maxBytes`, invalid UTF-8, or any
 * parser warning. xmldom never fetches external resources.
 */
export function parseXmlSafely(input: string | Uint8Array, maxBytes = DEFAULT_MAX_XML_BYTES): XmlElement {
  if (exceedsBytes(input, maxBytes))
    throw new XmlSyntaxError(`documento XML oltre il limite di ${maxBytes} byte`);
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw new XmlSyntaxError('codifica non UTF-8');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (REFUSED_DECLARATIONS.test(text)) throw new XmlSyntaxError('DOCTYPE/ENTITY non ammessi');
  const declaredEncoding = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (declaredEncoding && !/^(utf-8|us-ascii)$/i.test(declaredEncoding))
    throw new XmlSyntaxError(`codifica ${declaredEncoding} non supportata (solo UTF-8)`);
  const problems: string[] = [];
  const document = new DOMParser({
    errorHandler: {
      warning: (message: string) => problems.push(message),
      error: (message: string) => problems.push(message),
      fatalError: (message: string) => problems.push(message),
    },
  }).parseFromString(text, 'text/xml') as unknown as { documentElement: DomNode | null };
  if (problems.length > 0 || !document.documentElement)
    throw new XmlSyntaxError(`XML non ben formato: ${firstLine(problems[0] ?? 'documento vuoto')}`);
  return toElement(document.documentElement);
}

function exceedsBytes(input: string | Uint8Array, maxBytes: number): boolean {
  if (typeof input !== 'string') return input.byteLength > maxBytes;
  // UTF-8 needs at most 3 bytes per UTF-16 code unit: encode only when the cheap bounds do not decide.
  if (input.length * 3 <= maxBytes) return false;
  if (input.length > maxBytes) return true;
  return new TextEncoder().encode(input).byteLength > maxBytes;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/^\[xmldom \w+\]\s*/, '').slice(0, 200);
}

function toElement(node: DomNode): XmlElement {
  const element: XmlElement = {
    namespace: node.namespaceURI || null,
    localName: node.localName ?? '',
    children: [],
    text: '',
  };
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) element.children.push(toElement(child));
    else if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE)
      element.text += child.nodeValue ?? '';
  }
  return element;
}

const ESCAPES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for element content or attribute values. */
export function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => ESCAPES[c] ?? c);
}
