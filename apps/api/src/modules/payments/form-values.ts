import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { type DueTypeFormSchema, type FieldError } from '@pagamenti/contracts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** SPEC.md §3: the e-mail pattern of the pagoPA XSD. */
const EMAIL = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/;

function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

const ajv = new Ajv({ strict: true, allErrors: true, validateFormats: true });
ajv.addFormat('date', { type: 'string', validate: isIsoDate });
ajv.addFormat('email', {
  type: 'string',
  validate: (value: string) => value.length <= 256 && EMAIL.test(value),
});

/** Compiled forms by their JSON text: a catalogue has few, and each changes rarely. */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 500;

function validatorOf(schema: DueTypeFormSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

const TYPE_MESSAGES: Record<string, string> = {
  string: 'Inserisci un testo.',
  integer: 'Inserisci un numero intero.',
  number: 'Inserisci un numero.',
  boolean: 'Indica sì o no.',
};

function messageOf(error: ErrorObject): { name: string; message: string } {
  const name = error.instancePath.replace(/^\//, '');
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { name: String(params['missingProperty']), message: 'Campo obbligatorio.' };
    case 'additionalProperties':
      return {
        name: String(params['additionalProperty']),
        message: 'Campo sconosciuto per questo servizio.',
      };
    case 'type':
      return { name, message: TYPE_MESSAGES[String(params['type'])] ?? 'Tipo di valore non valido.' };
    case 'minLength':
      return { name, message: `Inserisci almeno ${String(params['limit'])} caratteri.` };
    case 'maxLength':
      return { name, message: `Inserisci al massimo ${String(params['limit'])} caratteri.` };
    case 'minimum':
      return { name, message: `Il valore minimo è ${String(params['limit'])}.` };
    case 'maximum':
      return { name, message: `Il valore massimo è ${String(params['limit'])}.` };
    case 'pattern':
      return { name, message: 'Il formato non è valido.' };
    case 'enum':
      return {
        name,
        message: `Scegli uno dei valori ammessi: ${((params['allowedValues'] as unknown[]) ?? []).join(', ')}.`,
      };
    case 'format':
      return {
        name,
        message:
          params['format'] === 'date'
            ? 'Inserisci una data valida nel formato AAAA-MM-GG.'
            : 'Inserisci un indirizzo e-mail valido.',
      };
    default:
      return { name, message: 'Valore non valido.' };
  }
}

/**
 * Checks the values of a spontaneous-payment form against the due type's JSON Schema (Ajv, every error at once),
 * after dropping empty strings (a field left blank is a field not given). Returns the cleaned values and one
 * field error per bad field, named `formValues.<field>`, in Italian.
 */
export function validateFormValues(
  schema: DueTypeFormSchema | null,
  values: Record<string, unknown>,
): { values: Record<string, string | number | boolean>; errors: FieldError[] } {
  const cleaned = Object.fromEntries(
    Object.entries(values).filter(([, value]) => !(typeof value === 'string' && value.trim() === '')),
  );
  const effective: DueTypeFormSchema = schema ?? {
    type: 'object',
    properties: {},
    additionalProperties: false,
  };
  const validate = validatorOf(effective);
  if (validate(cleaned)) return { values: cleaned as Record<string, string | number | boolean>, errors: [] };
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const error of validate.errors ?? []) {
    const { name, message } = messageOf(error);
    if (seen.has(name)) continue;
    seen.add(name);
    errors.push({ field: `formValues.${name}`, message, rule: error.keyword });
  }
  return { values: {}, errors };
}
