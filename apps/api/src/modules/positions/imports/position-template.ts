import { type PositionDueType } from '../positions.repository';
import { csvLine } from './csv-values';

/** The columns of the downloadable template: the common ones, and two transfers (e.g. TARI + TEFA). */
export const TEMPLATE_COLUMNS = [
  'azione',
  'iupd',
  'codice_tipo_dovuto',
  'tipo_debitore',
  'codice_fiscale_debitore',
  'nome_debitore',
  'email_debitore',
  'indirizzo',
  'civico',
  'cap',
  'comune',
  'provincia',
  'nazione',
  'causale',
  'rata',
  'importo',
  'scadenza',
  'data_validita',
  'causale_rata',
  'importo_1',
  'iban_1',
  'beneficiario_cf_1',
  'tassonomia_1',
  'causale_1',
  'importo_2',
  'iban_2',
  'beneficiario_cf_2',
  'tassonomia_2',
  'causale_2',
  'metadati',
  'motivo_annullamento',
] as const;

type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];

function euro(cents: number): string {
  return `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

function italianDate(date: Date): string {
  const day = String(date.getUTCDate()).padStart(2, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${day}/${month}/${date.getUTCFullYear()}`;
}

function daysAfter(today: Date, days: number): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days));
}

/** An amount the due type accepts: its fixed amount, or 120,00 € kept within its minimum and maximum. */
function exampleAmount(dueType: PositionDueType): number {
  if (dueType.amountMode === 'FIXED' && dueType.fixedAmountCents !== null) return dueType.fixedAmountCents;
  let amount = 12000;
  if (dueType.minAmountCents !== null) amount = Math.max(amount, dueType.minAmountCents);
  if (dueType.maxAmountCents !== null) amount = Math.min(amount, dueType.maxAmountCents);
  return amount;
}

/**
 * The template of a due type: the header and three example rows that pass validation as they are — a single
 * payment of a person without IUPD (one is derived), and a two-installment plan of a company (two rows, one
 * IUPD). Transfers are left empty: the due type's account and taxonomy apply.
 */
export function templateCsv(dueType: PositionDueType, today: Date): string {
  const amount = exampleAmount(dueType);
  const firstInstallment = Math.ceil(amount / 2);
  const year = today.getUTCFullYear();
  const row = (values: Partial<Record<TemplateColumn, string>>) =>
    csvLine(TEMPLATE_COLUMNS.map((column) => values[column] ?? ''));
  const common = { codice_tipo_dovuto: dueType.code, nazione: 'IT' };
  const person = {
    ...common,
    azione: 'CREA',
    tipo_debitore: 'F',
    codice_fiscale_debitore: 'RSSMRA80A01H501U',
    nome_debitore: 'Mario Rossi',
    email_debitore: 'mario.rossi@example.it',
    indirizzo: 'Via Roma',
    civico: '1',
    cap: '64100',
    comune: 'Teramo',
    provincia: 'TE',
    causale: `${dueType.name} ${year}`.slice(0, 140),
    importo: euro(amount),
    scadenza: italianDate(daysAfter(today, 30)),
  };
  const company = {
    ...common,
    azione: 'CREA',
    iupd: `${dueType.code}-${year}-000002`.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 70),
    tipo_debitore: 'G',
    codice_fiscale_debitore: '01199250158',
    nome_debitore: 'Esempio S.r.l.',
    email_debitore: 'amministrazione@example.it',
    indirizzo: 'Corso Vittorio Emanuele',
    civico: '10',
    cap: '65121',
    comune: 'Pescara',
    provincia: 'PE',
    causale: `${dueType.name} ${year} - piano rateale`.slice(0, 140),
    metadati: 'pratica=2026/123',
  };
  return (
    csvLine([...TEMPLATE_COLUMNS]) +
    row(person) +
    row({
      ...company,
      rata: '1',
      importo: euro(firstInstallment),
      scadenza: italianDate(daysAfter(today, 30)),
      causale_rata: 'Prima rata',
    }) +
    row({
      ...company,
      rata: '2',
      importo: euro(amount - firstInstallment),
      scadenza: italianDate(daysAfter(today, 90)),
      causale_rata: 'Seconda rata',
    })
  );
}
