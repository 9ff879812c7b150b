import type { DueTypeFormField, DueTypeFormSchema } from '@pagamenti/contracts';
import type { Translate } from '../../i18n/i18n';

/** What the inputs hold: text for every field, "true"/"" for checkboxes. */
export type FormDraft = Record<string, string>;

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

const EMAIL = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/;

/** The value to send for a field, or undefined when left blank. Numbers stay text when they do not parse. */
function valueOf(field: DueTypeFormField, text: string): string | number | boolean | undefined {
  if (field.type === 'boolean') return text === 'true';
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (field.type === 'integer' || field.type === 'number') {
    const number = Number(trimmed.replace(',', '.'));
    return Number.isFinite(number) ? number : trimmed;
  }
  return trimmed;
}

/**
 * Checks the draft against the due type's JSON Schema, with the same rules as the server (which checks again):
 * required, types, lengths, pattern, bounds, enum, date and e-mail formats. Returns the values to send and the
 * error of each bad field in the page's language.
 */
export function checkForm(
  schema: DueTypeFormSchema | null,
  draft: FormDraft,
  t: Translate,
): { values: Record<string, string | number | boolean>; errors: Record<string, string> } {
  const values: Record<string, string | number | boolean> = {};
  const errors: Record<string, string> = {};
  for (const [name, field] of Object.entries(schema?.properties ?? {})) {
    const value = valueOf(field, draft[name] ?? '');
    const required = schema?.required?.includes(name) ?? false;
    if (value === undefined) {
      if (required) errors[name] = t('validation.required');
      continue;
    }
    const error = fieldError(field, value, t);
    if (error) errors[name] = error;
    else values[name] = value;
  }
  return { values, errors };
}

function fieldError(field: DueTypeFormField, value: string | number | boolean, t: Translate): string | null {
  if (field.type === 'boolean') return null;
  if (field.type === 'integer' || field.type === 'number') {
    if (typeof value !== 'number')
      return t(field.type === 'integer' ? 'validation.integer' : 'validation.number');
    if (field.type === 'integer' && !Number.isInteger(value)) return t('validation.integer');
    if (field.minimum !== undefined && value < field.minimum)
      return t('validation.minimum', { n: field.minimum });
    if (field.maximum !== undefined && value > field.maximum)
      return t('validation.maximum', { n: field.maximum });
    if (field.enum && !field.enum.includes(value)) return t('validation.pattern');
    return null;
  }
  const text = String(value);
  if (field.enum && !field.enum.includes(text)) return t('validation.pattern');
  if (field.minLength !== undefined && text.length < field.minLength)
    return t('validation.minLength', { n: field.minLength });
  if (field.maxLength !== undefined && text.length > field.maxLength)
    return t('validation.maxLength', { n: field.maxLength });
  if (field.format === 'date' && !isIsoDate(text)) return t('validation.date');
  if (field.format === 'email' && !EMAIL.test(text)) return t('validation.email');
  if (field.pattern && !safeTest(field.pattern, text)) return t('validation.pattern');
  return null;
}

/** Patterns are checked by the API when saved; one the browser cannot compile is left to the server. */
function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return true;
  }
}

/** A hint from the field's description and its limits, so the rules are visible before an error. */
export function fieldHint(field: DueTypeFormField, t: Translate): string | undefined {
  const parts: string[] = [];
  if (field.description) parts.push(field.description);
  if (field.type === 'string' && field.maxLength !== undefined && !field.enum)
    parts.push(t('validation.maxLength', { n: field.maxLength }));
  if ((field.type === 'integer' || field.type === 'number') && field.minimum !== undefined)
    parts.push(t('validation.minimum', { n: field.minimum }));
  if ((field.type === 'integer' || field.type === 'number') && field.maximum !== undefined)
    parts.push(t('validation.maximum', { n: field.maximum }));
  return parts.length > 0 ? parts.join(' ') : undefined;
}
