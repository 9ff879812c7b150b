import { isValidIsoDate } from '@pagamenti/pagopa';

/**
 * Cell values of the bulk-upload CSV as people type them in a spreadsheet: euro amounts with a comma or a dot,
 * Italian or ISO dates. Each parser returns the value, or a message in Italian saying what is wrong.
 */

export type Parsed<T> = { value: T } | { error: string };

const PLAIN_AMOUNT = /^(\d{1,9})(?:[.,](\d{1,2}))?$/;
const ITALIAN_GROUPED = /^(\d{1,3}(?:\.\d{3})+),(\d{1,2})$/;
const ENGLISH_GROUPED = /^(\d{1,3}(?:,\d{3})+)\.(\d{1,2})$/;
const GROUPED_WITHOUT_DECIMALS = /^\d{1,3}(?:[.,]\d{3})+$/;
const CURRENCY = /^€\s*|\s*€$|^EUR\s+|\s+EUR$/gi;

function cents(euros: string, decimals: string | undefined): number {
  const fraction =
    decimals === undefined ? 0 : decimals.length === 1 ? Number(decimals) * 10 : Number(decimals);
  return Number(euros) * 100 + fraction;
}

/**
 * An amount in euro: `123`, `123,4`, `123,45`, `123.45`, `1.234,56`, `1,234.56`, with or without `€`. A number
 * grouped by thousands without decimals (`1.234`) is refused as ambiguous; at most 2 decimals.
 */
export function parseEuroAmount(raw: string): Parsed<number> {
  let text = raw.trim();
  let match = PLAIN_AMOUNT.exec(text);
  if (match) return { value: cents(match[1] as string, match[2]) };
  text = text.replace(CURRENCY, '').replace(/[\s\u00a0]/g, '');
  match = PLAIN_AMOUNT.exec(text);
  if (match) return { value: cents(match[1] as string, match[2]) };
  match = ITALIAN_GROUPED.exec(text) ?? ENGLISH_GROUPED.exec(text);
  if (match) {
    const euros = (match[1] as string).replace(/[.,]/g, '');
    if (euros.length <= 9) return { value: cents(euros, match[2]) };
  }
  if (GROUPED_WITHOUT_DECIMALS.test(text)) {
    return {
      error: `importo ambiguo "${raw.trim()}": scrivi l’importo senza separatore delle migliaia (es. 1234 oppure 1234,00)`,
    };
  }
  if (/^-/.test(text)) return { error: `l’importo "${raw.trim()}" deve essere positivo` };
  return {
    error: `"${raw.trim()}" non è un importo in euro valido (es. 123,45 oppure 123.45, al massimo 2 decimali)`,
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+0{1,2}:00(?::00)?)?$/;
const ISO_WITH_MIDNIGHT = /^(\d{4}-\d{2}-\d{2})(?:[T\s]0{1,2}:00(?::00)?)?$/;

/**
 * A date as `GG/MM/AAAA` (what Italian spreadsheets write; also with `-` or `.`), or `AAAA-MM-GG`, returned as
 * `AAAA-MM-GG`, for a day that exists.
 */
export function parseDate(raw: string): Parsed<string> {
  const text = raw.trim();
  let value: string | null = null;
  if (ISO_DATE.test(text)) {
    value = text;
  } else {
    const dmy = DAY_MONTH_YEAR.exec(text);
    if (dmy) {
      value = `${dmy[3]}-${(dmy[2] as string).padStart(2, '0')}-${(dmy[1] as string).padStart(2, '0')}`;
    } else {
      const iso = ISO_WITH_MIDNIGHT.exec(text);
      if (iso) value = iso[1] as string;
    }
  }
  if (value !== null) {
    return isValidIsoDate(value) ? { value } : { error: `"${text}" non è un giorno del calendario` };
  }
  return { error: `"${text}" non è una data valida: scrivi GG/MM/AAAA (es. 31/12/2026) oppure AAAA-MM-GG` };
}

/** An installment number: empty for the single payment, else a whole number from 1. */
export function parseInstallment(raw: string): Parsed<number | null> {
  const text = raw.trim();
  if (text === '') return { value: null };
  if (/^\d{1,3}$/.test(text) && Number(text) >= 1) return { value: Number(text) };
  return {
    error: `"${text}" non è un numero di rata: scrivi 1, 2, 3… per le rate, lascia vuoto per il pagamento unico`,
  };
}

/** Metadata as `chiave=valore|chiave2=valore2`. */
export function parseMetadata(raw: string): Parsed<{ key: string; value: string }[]> {
  const text = raw.trim();
  if (text === '') return { value: [] };
  const entries: { key: string; value: string }[] = [];
  for (const pair of text.split('|')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      return { error: `"${pair.trim()}" non è una coppia chiave=valore (separa le coppie con |)` };
    }
    entries.push({ key: pair.slice(0, equals).trim(), value: pair.slice(equals + 1).trim() });
  }
  return { value: entries };
}

/**
 * Makes a cell safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`, tab or carriage return
 * would be run as a formula (CSV injection), so it gets a leading apostrophe.
 */
export function neutraliseFormula(value: string): string {
  if (value.length === 0) return value;
  const first = value.charCodeAt(0);
  // = + - @ \t \r
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13) {
    return `'${value}`;
  }
  return value;
}

/** One CSV cell: neutralised, and quoted when it holds the separator, a quote or a line break. */
export function csvCell(value: string, separator = ';'): string {
  const safe = neutraliseFormula(value);
  if (safe.includes(separator) || safe.includes('"') || safe.includes('\n') || safe.includes('\r')) {
    return `"${safe.replace(/"/g, '""')}"`;
  }
  return safe;
}

export function csvLine(cells: readonly string[], separator = ';'): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += separator;
    line += csvCell(cells[i] as string, separator);
  }
  return `${line}\r\n`;
}
