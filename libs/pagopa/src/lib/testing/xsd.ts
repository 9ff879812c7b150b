import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { validateXML } from 'xmllint-wasm';
import { FLUSSO_RIVERSAMENTO_NS, NODE_FOR_PA_NS, PA_FOR_NODE_NS } from '../soap/schemas';
import { SOAP_ENVELOPE_NS } from '../soap/messages';

/**
 * Conformance checks against the official pagoPA schemas, for tests only. The schemas are never copied into the
 * repository: they are read from `../shared/pagopa-spec/pagopa-api` next to the workspace (or `PAGOPA_SPEC_DIR`).
 * Validation runs libxml2's xmllint compiled to WebAssembly (xmllint-wasm), so nothing needs installing.
 */

export type OfficialSchema =
  'paForNode' | 'nodeForPa' | 'FlussoRiversamento_1_0_5' | 'FlussoRiversamento_1_0_4';

const SCHEMA_FILES: Record<OfficialSchema, { main: string; imports: string[] }> = {
  paForNode: { main: 'wsdl/xsd/paForNode.xsd', imports: ['xsd-common/sac-common-types-1.0.xsd'] },
  nodeForPa: { main: 'wsdl/xsd/nodeForPa.xsd', imports: ['xsd-common/sac-common-types-1.0.xsd'] },
  FlussoRiversamento_1_0_5: { main: 'xsd-common/FlussoRiversamento_1_0_5.xsd', imports: [] },
  FlussoRiversamento_1_0_4: { main: 'xsd-common/FlussoRiversamento_1_0_4.xsd', imports: [] },
};

function findWorkspaceRoot(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/** The folder holding pagoPA's published schemas (`pagopa-api`), or null when it is not on this machine. */
export function officialSchemasDir(): string | null {
  const fromEnv = process.env['PAGOPA_SPEC_DIR'];
  const specDir =
    fromEnv ??
    (() => {
      const root = findWorkspaceRoot(process.cwd()) ?? findWorkspaceRoot(__dirname);
      return root ? join(root, '..', 'shared', 'pagopa-spec') : null;
    })();
  if (!specDir) return null;
  const apiDir = join(specDir, 'pagopa-api');
  return existsSync(join(apiDir, SCHEMA_FILES.paForNode.main)) ? apiDir : null;
}

/** Why the conformance tests are skipped, or null when the schemas are there. */
export function officialSchemasMissingReason(): string | null {
  return officialSchemasDir()
    ? null
    : 'official pagoPA schemas not found (../shared/pagopa-spec/pagopa-api, or set PAGOPA_SPEC_DIR): XSD conformance checks skipped';
}

export interface XsdValidation {
  valid: boolean;
  errors: string[];
}

function readSchema(dir: string, file: string) {
  // The 1.0.4 FdR schema starts with a byte-order mark, which libxml2 refuses in an in-memory file.
  return { fileName: file, contents: readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '') };
}

/** Validates standalone XML documents against one official schema, in one WebAssembly run for all of them. */
export async function validateWithOfficialXsd(
  documents: string[],
  schema: OfficialSchema,
): Promise<XsdValidation[]> {
  const dir = officialSchemasDir();
  if (!dir) throw new Error(officialSchemasMissingReason() ?? 'official schemas missing');
  if (documents.length === 0) return [];
  const files = SCHEMA_FILES[schema];
  const names = documents.map((_, index) => `document-${index + 1}.xml`);
  const result = await validateXML({
    xml: documents.map((contents, index) => ({ fileName: names[index] ?? '', contents })),
    schema: [readSchema(dir, files.main)],
    preload: files.imports.map((file) => readSchema(dir, file)),
    // Hundreds of documents at once need more than the default 16 MiB.
    maxMemoryPages: 16384,
  });
  const errorsByFile = new Map<string, string[]>();
  for (const error of result.errors) {
    const file = error.loc?.fileName ?? '';
    errorsByFile.set(file, [...(errorsByFile.get(file) ?? []), error.message]);
  }
  // Errors without a file (e.g. the schema itself failing to compile) concern every document.
  const general = [...errorsByFile.entries()]
    .filter(([file]) => !names.includes(file))
    .flatMap(([, list]) => list);
  return names.map((name) => {
    const errors = [...general, ...(errorsByFile.get(name) ?? [])];
    return { valid: errors.length === 0 && !result.rawOutput.includes(`${name} fails to validate`), errors };
  });
}

/** Validates a standalone document against a schema given as text (e.g. our own WSDL's schema). */
export async function validateWithXsdText(document: string, schemaText: string): Promise<XsdValidation> {
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: document }],
    schema: [{ fileName: 'schema.xsd', contents: schemaText }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}

/** The element inside soapenv:Body of an envelope, serialized as a standalone document. */
export function soapBodyDocument(xml: string): string {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const bodies = document.getElementsByTagNameNS(SOAP_ENVELOPE_NS, 'Body');
  const body = bodies.length === 1 ? bodies.item(0) : null;
  const first = body ? elementChildren(body as unknown as Element)[0] : undefined;
  if (!first) throw new Error('no element in soapenv:Body');
  return new XMLSerializer().serializeToString(first as never);
}

const SCHEMA_BY_NAMESPACE: Record<string, OfficialSchema> = {
  [PA_FOR_NODE_NS]: 'paForNode',
  [NODE_FOR_PA_NS]: 'nodeForPa',
  [FLUSSO_RIVERSAMENTO_NS]: 'FlussoRiversamento_1_0_5',
};

/**
 * Validates a SOAP 1.1 message of paForNode or nodeForPa, or a FlussoRiversamento document: checks the envelope
 * (Envelope, Body, exactly one body element), then validates the body element, as a standalone document with its
 * namespace declarations, against the official schema of its namespace.
 */
export async function validateMessageWithOfficialXsd(xml: string): Promise<XsdValidation> {
  const [result] = await validateMessagesWithOfficialXsd([xml]);
  return result ?? { valid: false, errors: ['no result from xmllint'] };
}

/** The batch form of validateMessageWithOfficialXsd: one xmllint run per schema involved. */
export async function validateMessagesWithOfficialXsd(xmls: string[]): Promise<XsdValidation[]> {
  const results: XsdValidation[] = new Array(xmls.length);
  const bySchema = new Map<OfficialSchema, { index: number; document: string }[]>();
  xmls.forEach((xml, index) => {
    const extracted = extractPayload(xml);
    if ('error' in extracted) results[index] = { valid: false, errors: [extracted.error] };
    else
      bySchema.set(extracted.schema, [
        ...(bySchema.get(extracted.schema) ?? []),
        { index, document: extracted.document },
      ]);
  });
  for (const [schema, items] of bySchema) {
    const validated = await validateWithOfficialXsd(
      items.map((item) => item.document),
      schema,
    );
    items.forEach((item, position) => {
      results[item.index] = validated[position] ?? { valid: false, errors: ['no result from xmllint'] };
    });
  }
  return results;
}

function extractPayload(xml: string): { schema: OfficialSchema; document: string } | { error: string } {
  const problems: string[] = [];
  const document = new DOMParser({
    errorHandler: {
      warning: (m: string) => problems.push(m),
      error: (m: string) => problems.push(m),
      fatalError: (m: string) => problems.push(m),
    },
  }).parseFromString(xml, 'text/xml');
  const root = document.documentElement;
  if (problems.length > 0 || !root) return { error: `not well-formed: ${problems.join('; ')}` };
  let payload: Element = root as unknown as Element;
  if (root.namespaceURI === SOAP_ENVELOPE_NS) {
    if (root.localName !== 'Envelope') return { error: 'root is not soapenv:Envelope' };
    const bodies = elementChildren(root as unknown as Element).filter(
      (e) => e.namespaceURI === SOAP_ENVELOPE_NS && e.localName === 'Body',
    );
    if (bodies.length !== 1) return { error: 'expected exactly one soapenv:Body' };
    const content = bodies[0] ? elementChildren(bodies[0]) : [];
    const [first] = content;
    if (content.length !== 1 || !first) return { error: 'expected exactly one element in soapenv:Body' };
    payload = first;
  }
  const schema = SCHEMA_BY_NAMESPACE[payload.namespaceURI ?? ''];
  if (!schema) return { error: `no official schema for namespace ${payload.namespaceURI ?? '(none)'}` };
  return { schema, document: new XMLSerializer().serializeToString(payload as never) };
}

function elementChildren(parent: Element): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling)
    if (node.nodeType === 1) found.push(node as Element);
  return found;
}
