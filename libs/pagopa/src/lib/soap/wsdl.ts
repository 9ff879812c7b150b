import { PA_FOR_NODE_OPERATIONS, SOAP_ENVELOPE_NS } from './messages';
import { type ComplexType, type Field, type SimpleType } from './schema';
import { PA_FOR_NODE_NS, PA_FOR_NODE_TYPES } from './schemas';
import { escapeXml } from './xml';

/**
 * Our station's WSDL, written from the same schema model the station validates with (so the published contract
 * is exactly what we enforce), with our endpoint address. Types are inline; child elements are unqualified, as in
 * pagoPA's paForNode.xsd; soapAction = operation name.
 */
export function paForNodeWsdl(endpointUrl: string): string {
  const operations = Object.entries(PA_FOR_NODE_OPERATIONS);
  const schemaElements = Object.entries(PA_FOR_NODE_TYPES)
    .map(([name, type]) => `<xsd:element name="${name}">${complexTypeXsd(type)}</xsd:element>`)
    .join('');
  const messages = operations
    .map(
      ([operation, { request, response }]) =>
        `<wsdl:message name="${operation}Request"><wsdl:part name="bodyrequest" element="pafn:${request}"/></wsdl:message>` +
        `<wsdl:message name="${operation}Response"><wsdl:part name="bodyresponse" element="pafn:${response}"/></wsdl:message>`,
    )
    .join('');
  const portOperations = operations
    .map(
      ([operation]) =>
        `<wsdl:operation name="${operation}"><wsdl:input message="tns:${operation}Request"/><wsdl:output message="tns:${operation}Response"/></wsdl:operation>`,
    )
    .join('');
  const bindingOperations = operations
    .map(
      ([operation]) =>
        `<wsdl:operation name="${operation}"><soap:operation soapAction="${operation}"/>` +
        '<wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"' +
    ' xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="http://pagopa-api.pagopa.gov.it/paForNode"' +
    ` xmlns:pafn="${PA_FOR_NODE_NS}" targetNamespace="http://pagopa-api.pagopa.gov.it/paForNode">` +
    `<wsdl:documentation>paForNode station (SOAP 1.1, document/literal). Envelope namespace ${SOAP_ENVELOPE_NS}.</wsdl:documentation>` +
    `<wsdl:types><xsd:schema targetNamespace="${PA_FOR_NODE_NS}" version="1.0.0">${schemaElements}</xsd:schema></wsdl:types>` +
    messages +
    `<wsdl:portType name="paForNode">${portOperations}</wsdl:portType>` +
    '<wsdl:binding name="paForNodeBinding" type="tns:paForNode">' +
    '<soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>' +
    `${bindingOperations}</wsdl:binding>` +
    '<wsdl:service name="paForNode_Service"><wsdl:port name="paForNodePort" binding="tns:paForNodeBinding">' +
    `<soap:address location="${escapeXml(endpointUrl)}"/></wsdl:port></wsdl:service>` +
    '</wsdl:definitions>'
  );
}

/** The WSDL's schema as a standalone XSD document (to check it with any validator). */
export function paForNodeXsd(): string {
  const elements = Object.entries(PA_FOR_NODE_TYPES)
    .map(([name, type]) => `<xsd:element name="${name}">${complexTypeXsd(type)}</xsd:element>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="${PA_FOR_NODE_NS}">${elements}</xsd:schema>`
  );
}

function complexTypeXsd(type: ComplexType): string {
  const parts: string[] = [];
  const fields = [...type.fields];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as Field;
    if (field.choice) {
      const members = fields.filter((f) => f.choice === field.choice);
      parts.push(
        `<xsd:choice>${members.map((member) => fieldXsd({ ...member, min: 1 })).join('')}</xsd:choice>`,
      );
      i += members.length - 1;
    } else {
      parts.push(fieldXsd(field));
    }
  }
  return `<xsd:complexType><xsd:sequence>${parts.join('')}</xsd:sequence></xsd:complexType>`;
}

function fieldXsd(field: Field): string {
  const min = field.min ?? 1;
  const max = field.max ?? 1;
  const occurs =
    (min !== 1 ? ` minOccurs="${min}"` : '') +
    (max !== 1 ? ` maxOccurs="${Number.isFinite(max) ? max : 'unbounded'}"` : '');
  const typeXsd = field.type.kind === 'complex' ? complexTypeXsd(field.type) : simpleTypeXsd(field.type);
  return `<xsd:element name="${field.xml}"${occurs}>${typeXsd}</xsd:element>`;
}

function xsdPattern(regex: RegExp): string {
  return escapeXml(regex.source.replace(/^\^/, '').replace(/\$$/, ''));
}

function simpleTypeXsd(type: SimpleType): string {
  const restriction = (base: string, facets: string) =>
    `<xsd:simpleType><xsd:restriction base="${base}">${facets}</xsd:restriction></xsd:simpleType>`;
  switch (type.kind) {
    case 'string':
      return restriction(
        'xsd:string',
        (type.minLength !== undefined ? `<xsd:minLength value="${type.minLength}"/>` : '') +
          (type.maxLength !== undefined ? `<xsd:maxLength value="${type.maxLength}"/>` : '') +
          (type.pattern ? `<xsd:pattern value="${xsdPattern(type.pattern)}"/>` : '') +
          (type.enumeration ?? []).map((value) => `<xsd:enumeration value="${escapeXml(value)}"/>`).join(''),
      );
    case 'amount':
      return restriction(
        'xsd:decimal',
        '<xsd:pattern value="\\d+\\.\\d{2}"/>' +
          (type.notZero ? '<xsd:minInclusive value="0.01"/>' : '') +
          '<xsd:maxInclusive value="999999999.99"/>',
      );
    case 'int':
      return restriction(
        'xsd:int',
        (type.enumeration ?? []).map((value) => `<xsd:enumeration value="${value}"/>`).join('') +
          (type.min !== undefined ? `<xsd:minInclusive value="${type.min}"/>` : ''),
      );
    case 'boolean':
      return restriction('xsd:boolean', '');
    case 'date':
      return restriction('xsd:date', '');
    case 'dateTime':
      return restriction('xsd:dateTime', '');
    case 'base64':
      return restriction(
        'xsd:base64Binary',
        type.pattern ? `<xsd:pattern value="${xsdPattern(type.pattern)}"/>` : '',
      );
  }
}
