import { centsToDecimal, decimalToCents } from '../money';
import { escapeXml, type XmlElement } from './xml';

/**
 * A hand-written model of the parts of the pagoPA XSDs we exchange. One description drives three things, so they
 * cannot drift apart: reading an element tree into a typed object (with the checks of the XSD: required elements,
 * order, occurrences, lengths, patterns, enumerations), writing a typed object as XML in the XSD's element order,
 * and the checks on what we write. Amounts become integer cents, booleans booleans, ints numbers; dates, date-times
 * and base64 stay strings. Conformance with the official XSD files is proven by tests, not loaded at run time.
 */
export type SimpleType =
  | {
      kind: 'string';
      minLength?: number;
      maxLength?: number;
      pattern?: RegExp;
      enumeration?: readonly string[];
    }
  | { kind: 'amount'; notZero: boolean }
  | { kind: 'int'; enumeration?: readonly number[]; min?: number }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'dateTime' }
  | { kind: 'base64'; pattern?: RegExp };

export interface ComplexType {
  kind: 'complex';
  name: string;
  fields: readonly Field[];
}

export interface Field {
  /** Element name on the wire. */
  xml: string;
  /** Property name in the typed object, when it differs from the element name (`e-mail` → `email`). */
  key?: string;
  type: SimpleType | ComplexType;
  /** minOccurs, default 1. */
  min?: number;
  /** maxOccurs, default 1; above 1 the property is an array. */
  max?: number;
  /** Members of one `xsd:choice`: exactly one of the fields with the same group must be present. */
  choice?: string;
}

/** A violation of the schema, with the path of the element (`paGetPaymentReq/qrCode/noticeNumber`). */
export interface SchemaViolation {
  path: string;
  message: string;
}

/** Raised when we are asked to write a message that the schema would refuse: a bug on our side. */
export class SchemaWriteError extends Error {
  override readonly name = 'SchemaWriteError';
  constructor(readonly violations: SchemaViolation[]) {
    super(violations.map((v) => `${v.path}: ${v.message}`).join('; '));
  }
}

const MAX_VIOLATIONS = 10;

export function complex(name: string, fields: readonly Field[]): ComplexType {
  return { kind: 'complex', name, fields };
}

export function text(minLength: number, maxLength: number): SimpleType {
  return { kind: 'string', minLength, maxLength };
}

export function pattern(regex: RegExp, maxLength?: number): SimpleType {
  return { kind: 'string', pattern: regex, maxLength };
}

export function enumeration(values: readonly string[]): SimpleType {
  return { kind: 'string', enumeration: values };
}

export const anyString: SimpleType = { kind: 'string' };

interface ReadContext {
  /** Namespace every child element must have (null: unqualified). */
  childNamespace: string | null;
  /** Skip elements the schema does not know instead of refusing them (for answers of the other side). */
  lenient: boolean;
  violations: SchemaViolation[];
}

/**
 * Reads the children of `element` as an instance of `type`. Returns the object and every violation found (at most
 * ten); the object is meaningful only when there are none.
 */
export function readComplex(
  element: XmlElement,
  type: ComplexType,
  path: string,
  options: { childNamespace: string | null; lenient?: boolean },
): { value: Record<string, unknown>; violations: SchemaViolation[] } {
  const context: ReadContext = {
    childNamespace: options.childNamespace,
    lenient: options.lenient ?? false,
    violations: [],
  };
  const value = readSequence(element, type, path, context);
  return { value, violations: context.violations };
}

function violate(context: ReadContext, path: string, message: string): void {
  if (context.violations.length < MAX_VIOLATIONS) context.violations.push({ path, message });
}

function readSequence(
  element: XmlElement,
  type: ComplexType,
  path: string,
  context: ReadContext,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (element.text.trim() !== '') violate(context, path, 'testo non ammesso in un elemento complesso');
  let children = element.children;
  if (context.lenient) {
    const known = new Set(type.fields.map((f) => f.xml));
    children = children.filter((c) => known.has(c.localName));
  }
  let index = 0;
  const choicesSeen = new Map<string, string[]>();
  for (const field of type.fields) {
    const max = field.max ?? 1;
    const values: unknown[] = [];
    for (let child = children[index]; child && values.length < max && child.localName === field.xml;) {
      const childPath = `${path}/${field.xml}`;
      if (child.namespace !== context.childNamespace)
        violate(
          context,
          childPath,
          context.childNamespace
            ? `l'elemento deve essere nel namespace ${context.childNamespace}`
            : "l'elemento non deve avere namespace (unqualified)",
        );
      values.push(
        field.type.kind === 'complex'
          ? readSequence(child, field.type, childPath, context)
          : readSimple(child, field.type, childPath, context),
      );
      child = children[++index];
    }
    if (field.choice) {
      if (values.length > 0)
        choicesSeen.set(field.choice, [...(choicesSeen.get(field.choice) ?? []), field.xml]);
    } else if (values.length < (field.min ?? 1)) {
      violate(context, `${path}/${field.xml}`, 'elemento obbligatorio mancante');
    }
    if (values.length > 0) result[field.key ?? field.xml] = max > 1 ? values : values[0];
  }
  for (const group of new Set(type.fields.flatMap((f) => (f.choice ? [f.choice] : [])))) {
    const members = type.fields.filter((f) => f.choice === group).map((f) => f.xml);
    const seen = choicesSeen.get(group) ?? [];
    if (seen.length !== 1) violate(context, path, `serve esattamente uno tra ${members.join(', ')}`);
  }
  const unexpected = children[index];
  if (unexpected) {
    violate(context, `${path}/${unexpected.localName}`, 'elemento inatteso o fuori ordine');
  }
  return result;
}

function readSimple(element: XmlElement, type: SimpleType, path: string, context: ReadContext): unknown {
  if (element.children.length > 0) {
    violate(context, path, 'elementi figli non ammessi');
    return undefined;
  }
  // The platform's own samples pad values with whitespace and line breaks: read them trimmed.
  const raw = element.text.trim();
  const problem = simpleProblem(raw, type);
  if (problem) {
    violate(context, path, problem);
    return undefined;
  }
  return fromLexical(raw, type);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const INT = /^[+-]?\d{1,10}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function codePointLength(value: string): number {
  let length = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) length++;
  }
  return length;
}

/** Year, month and day in groups 1-3 of a match: is it a day of the calendar? */
function validCalendarDate(match: RegExpExecArray): boolean {
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(Number(match[1]), m, 0)).getUTCDate();
  return d <= daysInMonth;
}

/** The problem with a lexical value for a simple type, in Italian, or null when it is valid. */
export function simpleProblem(raw: string, type: SimpleType): string | null {
  switch (type.kind) {
    case 'string': {
      const length = codePointLength(raw);
      if (type.minLength !== undefined && length < type.minLength)
        return type.minLength === 1 ? 'valore vuoto' : `lunghezza minima ${type.minLength}`;
      if (type.maxLength !== undefined && length > type.maxLength)
        return `lunghezza massima ${type.maxLength}`;
      if (type.pattern && !type.pattern.test(raw)) return `formato non valido (${type.pattern.source})`;
      if (type.enumeration && !type.enumeration.includes(raw))
        return `valore non ammesso (ammessi: ${type.enumeration.join(', ')})`;
      return null;
    }
    case 'amount': {
      const cents = decimalToCents(raw);
      if (cents === null) return 'importo non valido (formato \\d+\\.\\d{2}, massimo 999999999.99)';
      if (type.notZero && cents < 1) return 'importo minimo 0.01';
      return null;
    }
    case 'int': {
      if (!INT.test(raw)) return 'intero non valido';
      const value = Number(raw);
      if (value > 2147483647 || value < -2147483648) return 'intero fuori intervallo';
      if (type.enumeration && !type.enumeration.includes(value))
        return `valore non ammesso (ammessi: ${type.enumeration.join(', ')})`;
      if (type.min !== undefined && value < type.min) return `valore minimo ${type.min}`;
      return null;
    }
    case 'boolean':
      return /^(true|false|1|0)$/.test(raw) ? null : 'booleano non valido (true/false)';
    case 'date': {
      const match = DATE.exec(raw);
      return match && validCalendarDate(match) ? null : 'data non valida (AAAA-MM-GG)';
    }
    case 'dateTime': {
      const match = DATE_TIME.exec(raw);
      const valid =
        match &&
        validCalendarDate(match) &&
        Number(match[4]) <= 24 &&
        Number(match[5]) <= 59 &&
        Number(match[6]) <= 59;
      return valid ? null : 'data e ora non valide (AAAA-MM-GGThh:mm:ss)';
    }
    case 'base64': {
      const compact = raw.replace(/\s+/g, '');
      if (!BASE64.test(compact) || compact.length % 4 !== 0) return 'base64 non valido';
      if (type.pattern && !type.pattern.test(raw)) return `formato non valido (${type.pattern.source})`;
      return null;
    }
  }
}

function fromLexical(raw: string, type: SimpleType): unknown {
  switch (type.kind) {
    case 'amount':
      return decimalToCents(raw);
    case 'int':
      return Number(raw);
    case 'boolean':
      return raw === 'true' || raw === '1';
    case 'base64':
      return raw.replace(/\s+/g, '');
    case 'string':
    case 'date':
    case 'dateTime':
      return raw;
  }
}

function toLexical(value: unknown, type: SimpleType): string | null {
  switch (type.kind) {
    case 'amount':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
        ? centsToDecimal(value)
        : null;
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? String(value) : null;
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : null;
    case 'string':
    case 'date':
    case 'dateTime':
    case 'base64':
      return typeof value === 'string' ? value : null;
  }
}

/**
 * Writes `value` as the children of an element of `type`, appending to `out`. Elements are unprefixed: they are
 * unqualified, or in the default namespace the caller declared on the root. Throws SchemaWriteError when the value
 * breaks the schema.
 */
export function writeComplex(
  value: Record<string, unknown>,
  type: ComplexType,
  path: string,
  out: string[],
): void {
  const violations: SchemaViolation[] = [];
  writeSequence(value, type, path, out, violations);
  if (violations.length > 0) throw new SchemaWriteError(violations);
}

function writeSequence(
  value: Record<string, unknown>,
  type: ComplexType,
  path: string,
  out: string[],
  violations: SchemaViolation[],
): void {
  const choicesSeen = new Map<string, number>();
  for (const field of type.fields) {
    const fieldPath = `${path}/${field.xml}`;
    const raw = value[field.key ?? field.xml];
    const max = field.max ?? 1;
    const items = raw === undefined || raw === null ? [] : max > 1 ? raw : [raw];
    if (!Array.isArray(items)) {
      violations.push({ path: fieldPath, message: 'atteso un elenco' });
      continue;
    }
    if (field.choice) {
      if (items.length > 0) choicesSeen.set(field.choice, (choicesSeen.get(field.choice) ?? 0) + 1);
    } else if (items.length < (field.min ?? 1)) {
      violations.push({ path: fieldPath, message: 'elemento obbligatorio mancante' });
    }
    if (items.length > max) violations.push({ path: fieldPath, message: `al massimo ${max} elementi` });
    for (const item of items) {
      if (field.type.kind === 'complex') {
        if (typeof item !== 'object' || item === null) {
          violations.push({ path: fieldPath, message: 'atteso un oggetto' });
          continue;
        }
        out.push(`<${field.xml}>`);
        writeSequence(item as Record<string, unknown>, field.type, fieldPath, out, violations);
        out.push(`</${field.xml}>`);
      } else {
        const lexical = toLexical(item, field.type);
        if (lexical === null) {
          violations.push({ path: fieldPath, message: 'tipo del valore errato' });
          continue;
        }
        const problem = simpleProblem(lexical, field.type);
        if (problem) violations.push({ path: fieldPath, message: problem });
        else out.push(`<${field.xml}>${escapeXml(lexical)}</${field.xml}>`);
      }
    }
  }
  for (const group of new Set(type.fields.flatMap((f) => (f.choice ? [f.choice] : [])))) {
    if (choicesSeen.get(group) !== 1) {
      const members = type.fields.filter((f) => f.choice === group).map((f) => f.xml);
      violations.push({ path, message: `serve esattamente uno tra ${members.join(', ')}` });
    }
  }
}
