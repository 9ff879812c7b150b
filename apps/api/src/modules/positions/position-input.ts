import { createHash } from 'node:crypto';
import { type FieldError } from '@pagamenti/contracts';

/*
 * Request bodies of the positions API are checked by the domain validation of libs/pagopa (the same the bulk
 * importer uses), so both name fields the same way (`options[1].transfers[0].iban`). What it does not do — refuse
 * fields nobody knows, a typo such as `dueDtae` that would otherwise be silently ignored — is done here.
 */

interface Shape {
  keys: ReadonlySet<string>;
  children?: Record<string, { shape: Shape; array: boolean }>;
}

const METADATA: Shape = { keys: new Set(['key', 'value']) };
const STAMP: Shape = { keys: new Set(['type', 'hashDocument', 'province']) };
const TRANSFER: Shape = {
  keys: new Set([
    'beneficiaryFiscalCode',
    'iban',
    'stamp',
    'category',
    'remittanceInformation',
    'amountCents',
    'metadata',
  ]),
  children: { stamp: { shape: STAMP, array: false }, metadata: { shape: METADATA, array: true } },
};
const OPTION: Shape = {
  keys: new Set([
    'installment',
    'amountCents',
    'dueDate',
    'validityDate',
    'retentionDate',
    'description',
    'transfers',
  ]),
  children: { transfers: { shape: TRANSFER, array: true } },
};
const DEBTOR: Shape = {
  keys: new Set([
    'type',
    'idValue',
    'name',
    'streetName',
    'civicNumber',
    'postalCode',
    'city',
    'province',
    'country',
    'email',
  ]),
};
const COMMON_CHILDREN = {
  debtor: { shape: DEBTOR, array: false },
  metadata: { shape: METADATA, array: true },
  options: { shape: OPTION, array: true },
};

export const CREATE_POSITION_SHAPE: Shape = {
  keys: new Set(['iupd', 'dueTypeCode', 'debtor', 'description', 'metadata', 'options', 'publish']),
  children: COMMON_CHILDREN,
};

export const UPDATE_POSITION_SHAPE: Shape = {
  keys: new Set(['debtor', 'description', 'metadata', 'options', 'version']),
  children: COMMON_CHILDREN,
};

/** Fields of `body` the shape does not know, one error each, with the same paths as the domain validation. */
export function unknownFields(body: unknown, shape: Shape, path = ''): FieldError[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const field = path ? `${path}.${key}` : key;
    if (!shape.keys.has(key)) {
      errors.push({ field, message: `Campo sconosciuto: ${field}.`, rule: 'whitelist' });
      continue;
    }
    const child = shape.children?.[key];
    if (!child) continue;
    if (child.array && Array.isArray(value)) {
      value.forEach((item, index) => errors.push(...unknownFields(item, child.shape, `${field}[${index}]`)));
    } else if (!child.array) {
      errors.push(...unknownFields(value, child.shape, field));
    }
  }
  return errors;
}

/** JSON with object keys sorted, so that two bodies equal as data hash the same whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 (hex) of the request body, stored with the Idempotency-Key to recognise a reused key. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** Idempotency-Key as sent by the client: 1-100 visible ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,100}$/;

/** Keys of the API are stored with a prefix so they never meet the bulk importer's `<job id>:<row>` keys. */
export function apiCreationKey(idempotencyKey: string): string {
  return `api:${idempotencyKey}`;
}
