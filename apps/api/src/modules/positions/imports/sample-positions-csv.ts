import { entityFiscalCodeCheckDigit, personFiscalCodeCheckChar } from '@pagamenti/pagopa';

/**
 * Realistic bulk-upload files for the benchmark and the tests: people and companies with valid fiscal codes,
 * addresses, single payments and installment plans, in the documented CSV format. Deterministic for a seed.
 */

export const SAMPLE_HEADER = [
  'iupd',
  'codice_tipo_dovuto',
  'codice_fiscale_debitore',
  'nome_debitore',
  'email_debitore',
  'indirizzo',
  'civico',
  'cap',
  'comune',
  'provincia',
  'causale',
  'rata',
  'importo',
  'scadenza',
];

const SURNAMES = [
  'Rossi',
  'Bianchi',
  'Verdi',
  'Russo',
  'Ferrari',
  'Esposito',
  'Romano',
  'Colombo',
  'Ricci',
  'Marino',
  'Greco',
  'Bruno',
  'Gallo',
  'Conti',
  'De Luca',
  'Mancini',
  'Costa',
  'Giordano',
  'Rizzo',
  'Lombardi',
];
const NAMES = [
  'Mario',
  'Giulia',
  'Luca',
  'Anna',
  'Paolo',
  'Sara',
  'Marco',
  'Francesca',
  'Andrea',
  'Chiara',
  'Giuseppe',
  'Elena',
  'Antonio',
  'Laura',
  'Davide',
  'Martina',
];
const STREETS = [
  'Via Roma',
  'Corso Vittorio Emanuele',
  'Via Garibaldi',
  'Piazza Martiri',
  'Via Nazionale',
  'Viale della Riviera',
  'Via Mazzini',
  'Via dei Mille',
];
const CITIES: readonly [string, string, string][] = [
  ['Teramo', 'TE', '64100'],
  ['Pescara', 'PE', '65121'],
  ['L’Aquila', 'AQ', '67100'],
  ['Chieti', 'CH', '66100'],
  ['Giulianova', 'TE', '64021'],
  ['Roseto degli Abruzzi', 'TE', '64026'],
  ['Montesilvano', 'PE', '65015'],
  ['Vasto', 'CH', '66054'],
];
const MONTH_LETTERS = 'ABCDEHLMPRST';
const CONSONANTS = 'BCDFGHLMNPRSTVZ';

/** A small deterministic generator (mulberry32), so the same seed gives the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

function personFiscalCode(next: () => number): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += pick([...CONSONANTS], next);
  code += String(40 + Math.floor(next() * 60)).padStart(2, '0');
  code += pick([...MONTH_LETTERS], next);
  code += String(1 + Math.floor(next() * 28)).padStart(2, '0');
  code += pick(['H501', 'L103', 'G482', 'A345', 'C632', 'F205'], next);
  return code + personFiscalCodeCheckChar(code);
}

function companyFiscalCode(next: () => number): string {
  const first = String(Math.floor(next() * 1e10)).padStart(10, '0');
  return first + String(entityFiscalCodeCheckDigit(first));
}

function euro(cents: number): string {
  return `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

function italianDate(date: Date): string {
  return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
}

export interface SampleOptions {
  /** Data rows to write (installment plans take one row per installment). */
  rows: number;
  dueTypeCode: string;
  /** Share of positions that are 3-installment plans (default 0.1). */
  installmentShare?: number;
  /** IUPD prefix; null leaves single payments without IUPD (derived by the importer). */
  iupdPrefix?: string | null;
  seed?: number;
  /** Due dates are after this day. */
  today?: Date;
}

/** The rows of a sample file (header first), as arrays of cells. */
export function* sampleRows(options: SampleOptions): Generator<string[]> {
  const next = random(options.seed ?? 42);
  const share = options.installmentShare ?? 0.1;
  const today = options.today ?? new Date();
  const day = (offset: number) =>
    italianDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset)));
  const prefix = options.iupdPrefix === undefined ? 'POS' : options.iupdPrefix;
  yield SAMPLE_HEADER;
  let written = 0;
  let position = 0;
  while (written < options.rows) {
    position++;
    const company = next() < 0.15;
    const city = pick(CITIES, next);
    const name = company
      ? `${pick(SURNAMES, next)} ${pick(['S.r.l.', 'S.p.A.', 'S.n.c.', '& C. S.a.s.'], next)}`
      : `${pick(NAMES, next)} ${pick(SURNAMES, next)}`;
    const debtor = [
      company ? companyFiscalCode(next) : personFiscalCode(next),
      name,
      next() < 0.1 ? `c${position}@example.it` : '',
      pick(STREETS, next),
      String(1 + Math.floor(next() * 200)),
      city[2],
      city[0],
      city[1],
    ];
    const amount = 2000 + Math.floor(next() * 98000);
    const installments = options.rows - written >= 3 && next() < share ? 3 : 0;
    const iupd = prefix === null && installments === 0 ? '' : `${prefix ?? 'POS'}-${position}`;
    const description = `TARI ${today.getUTCFullYear()}`;
    if (installments === 0) {
      yield [iupd, options.dueTypeCode, ...debtor, description, '', euro(amount), day(30 + (position % 60))];
      written++;
      continue;
    }
    // Installment rows after the first leave the position's columns empty, as the format allows.
    const blank = debtor.map(() => '');
    const part = Math.floor(amount / installments);
    for (let n = 1; n <= installments; n++) {
      const cents = n === installments ? amount - part * (installments - 1) : part;
      yield [
        iupd,
        n === 1 ? options.dueTypeCode : '',
        ...(n === 1 ? debtor : blank),
        n === 1 ? description : '',
        String(n),
        euro(cents),
        day(30 * n),
      ];
      written++;
    }
  }
}

/** A whole sample file as text, `;`-separated, with CRLF line ends as spreadsheets write them. */
export function sampleCsv(options: SampleOptions): string {
  let text = '';
  for (const cells of sampleRows(options)) text += `${cells.join(';')}\r\n`;
  return text;
}
