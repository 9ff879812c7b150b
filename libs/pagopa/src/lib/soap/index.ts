export * from './types';
export * from './messages';
export { paForNodeWsdl, paForNodeXsd } from './wsdl';
export { PA_FOR_NODE_NS, NODE_FOR_PA_NS, FLUSSO_RIVERSAMENTO_NS } from './schemas';
export { SchemaWriteError, type SchemaViolation } from './schema';
export { parseXmlSafely, escapeXml, XmlSyntaxError, DEFAULT_MAX_XML_BYTES, type XmlElement } from './xml';
