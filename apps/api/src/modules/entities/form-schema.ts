import Ajv from 'ajv';
import { type FieldError } from '@pagamenti/contracts';

/** Limits that keep an operator-written form schema small, flat and safe to evaluate on every payment. */
export const FORM_SCHEMA_LIMITS = {
  maxBytes: 16 * 1024,
  maxDepth: 4,
  maxProperties: 30,
  maxPatternLength: 200,
  maxEnumValues: 100,
} as const;

const ROOT_KEYWORDS = new Set([
  '$schema',
  'type',
  'title',
  'description',
  'properties',
  'required',
  'additionalProperties',
]);
const FIELD_KEYWORDS = new Set([
  'type',
  'title',
  'description',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'enum',
  'format',
  'default',
  'examples',
]);
const FIELD_TYPES = new Set(['string', 'integer', 'number', 'boolean']);
const FORMATS = new Set(['date', 'email']);
const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

const ajv = new Ajv({ strict: true, allErrors: false, validateFormats: false });

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  return 1 + children.reduce<number>((max, child) => Math.max(max, depthOf(child)), 0);
}

/**
 * Checks the JSON Schema of a spontaneous-payment form: a flat object of at most 30 scalar fields, using only
 * a whitelist of keywords (no `$ref`, no `$id`, no remote references, no nested objects), patterns that compile
 * and are short, then a strict compilation with Ajv. Returns field errors under `field` (e.g. `formSchema`).
 */
export function validateFormSchema(schema: unknown, field = 'formSchema'): FieldError[] {
  const error = (path: string, message: string, rule: string): FieldError[] => [
    { field: path ? `${field}.${path}` : field, message, rule },
  ];
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    return error('', 'Lo schema del modulo deve essere un oggetto JSON Schema', 'formSchema');
  }
  if (Buffer.byteLength(JSON.stringify(schema), 'utf8') > FORM_SCHEMA_LIMITS.maxBytes) {
    return error(
      '',
      `Lo schema del modulo supera ${FORM_SCHEMA_LIMITS.maxBytes / 1024} KB`,
      'formSchemaSize',
    );
  }
  if (depthOf(schema) > FORM_SCHEMA_LIMITS.maxDepth) {
    return error(
      '',
      `Lo schema del modulo è annidato oltre ${FORM_SCHEMA_LIMITS.maxDepth} livelli`,
      'formSchemaDepth',
    );
  }
  const root = schema as Record<string, unknown>;
  for (const keyword of Object.keys(root)) {
    if (!ROOT_KEYWORDS.has(keyword))
      return error(keyword, `La parola chiave "${keyword}" non è ammessa`, 'formSchemaKeyword');
  }
  if (root['type'] !== 'object') return error('type', 'Lo schema deve avere type "object"', 'formSchemaType');
  if (root['additionalProperties'] !== undefined && root['additionalProperties'] !== false) {
    return error('additionalProperties', 'additionalProperties può essere solo false', 'formSchemaKeyword');
  }
  const properties = root['properties'];
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
    return error('properties', 'properties deve elencare i campi del modulo', 'formSchemaProperties');
  }
  const names = Object.keys(properties);
  if (names.length === 0 || names.length > FORM_SCHEMA_LIMITS.maxProperties) {
    return error(
      'properties',
      `Il modulo deve avere da 1 a ${FORM_SCHEMA_LIMITS.maxProperties} campi`,
      'formSchemaProperties',
    );
  }
  for (const name of names) {
    const path = `properties.${name}`;
    if (!FIELD_NAME.test(name)) {
      return error(
        path,
        'Nome di campo non valido: lettere, cifre e _, iniziale una lettera, massimo 40',
        'formSchemaFieldName',
      );
    }
    const definition = (properties as Record<string, unknown>)[name];
    if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
      return error(path, 'Ogni campo deve essere un oggetto', 'formSchemaField');
    }
    const fieldDef = definition as Record<string, unknown>;
    for (const keyword of Object.keys(fieldDef)) {
      if (!FIELD_KEYWORDS.has(keyword))
        return error(
          `${path}.${keyword}`,
          `La parola chiave "${keyword}" non è ammessa`,
          'formSchemaKeyword',
        );
    }
    if (typeof fieldDef['type'] !== 'string' || !FIELD_TYPES.has(fieldDef['type'])) {
      return error(
        `${path}.type`,
        'Il tipo deve essere string, integer, number o boolean',
        'formSchemaFieldType',
      );
    }
    if (
      typeof fieldDef['title'] !== 'string' ||
      fieldDef['title'].trim() === '' ||
      fieldDef['title'].length > 100
    ) {
      return error(
        `${path}.title`,
        'Ogni campo deve avere un’etichetta (title) di al massimo 100 caratteri',
        'formSchemaFieldTitle',
      );
    }
    const pattern = fieldDef['pattern'];
    if (pattern !== undefined) {
      if (typeof pattern !== 'string' || pattern.length > FORM_SCHEMA_LIMITS.maxPatternLength) {
        return error(
          `${path}.pattern`,
          `Il pattern deve essere un testo di al massimo ${FORM_SCHEMA_LIMITS.maxPatternLength} caratteri`,
          'formSchemaPattern',
        );
      }
      if (/\\[1-9]|\(\?[=!<]/.test(pattern) || /\([^)]*[+*][^)]*\)[+*{]/.test(pattern)) {
        return error(
          `${path}.pattern`,
          'Il pattern usa costrutti non ammessi (riferimenti, lookaround o quantificatori annidati)',
          'formSchemaPattern',
        );
      }
      try {
        new RegExp(pattern, 'u');
      } catch {
        return error(
          `${path}.pattern`,
          'Il pattern non è un’espressione regolare valida',
          'formSchemaPattern',
        );
      }
    }
    const format = fieldDef['format'];
    if (format !== undefined && (typeof format !== 'string' || !FORMATS.has(format))) {
      return error(`${path}.format`, 'Il formato può essere solo date o email', 'formSchemaFormat');
    }
    const values = fieldDef['enum'];
    if (
      values !== undefined &&
      (!Array.isArray(values) || values.length === 0 || values.length > FORM_SCHEMA_LIMITS.maxEnumValues)
    ) {
      return error(
        `${path}.enum`,
        `enum deve elencare da 1 a ${FORM_SCHEMA_LIMITS.maxEnumValues} valori`,
        'formSchemaEnum',
      );
    }
  }
  const required = root['required'];
  if (required !== undefined) {
    if (
      !Array.isArray(required) ||
      required.some((name) => typeof name !== 'string' || !names.includes(name))
    ) {
      return error(
        'required',
        'required può elencare solo campi definiti in properties',
        'formSchemaRequired',
      );
    }
  }
  const { $schema: _ignored, ...withoutDialect } = root;
  try {
    ajv.compile(withoutDialect);
  } catch (cause) {
    return error(
      '',
      `Lo schema non è un JSON Schema valido: ${(cause as Error).message}`.slice(0, 300),
      'formSchemaCompile',
    );
  }
  return [];
}
