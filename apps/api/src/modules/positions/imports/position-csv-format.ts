import { type FieldError, type PositionImportAction } from '@pagamenti/contracts';
import {
  type DebtPaymentOptionInput,
  type DebtPositionInput,
  type DebtTransferInput,
} from '@pagamenti/pagopa';
import { type CsvRecord } from './csv-reader';
import { parseDate, parseEuroAmount, parseInstallment, parseMetadata } from './csv-values';

/**
 * The bulk-upload CSV format of debt positions (documented for people in `../IMPORT.md`): Italian column names,
 * one row per payment option; the rows of one position (its installments) share the IUPD and follow each other.
 */

export const MAX_TRANSFERS = 5;

type TransferField =
  | 'importo'
  | 'iban'
  | 'beneficiario_cf'
  | 'tassonomia'
  | 'causale'
  | 'bollo_tipo'
  | 'bollo_hash'
  | 'bollo_provincia';
const TRANSFER_FIELDS: readonly TransferField[] = [
  'importo',
  'iban',
  'beneficiario_cf',
  'tassonomia',
  'causale',
  'bollo_tipo',
  'bollo_hash',
  'bollo_provincia',
];

/** Columns describing the position: on every row of it, equal (or empty) after the first. */
export const POSITION_COLUMNS = [
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
  'metadati',
  'motivo_annullamento',
] as const;

/** Columns of one payment option (the row's own). */
export const OPTION_COLUMNS = [
  'rata',
  'importo',
  'scadenza',
  'data_validita',
  'data_conservazione',
  'causale_rata',
] as const;

export const TRANSFER_COLUMNS: readonly string[] = Array.from({ length: MAX_TRANSFERS }, (_, i) =>
  TRANSFER_FIELDS.map((field) => `${field}_${i + 1}`),
).flat();

export type ColumnName = (typeof POSITION_COLUMNS)[number] | (typeof OPTION_COLUMNS)[number];

/** Every column the importer understands, in the order of the template. */
export const ALL_COLUMNS: readonly string[] = [...POSITION_COLUMNS, ...OPTION_COLUMNS, ...TRANSFER_COLUMNS];

export const REQUIRED_COLUMNS: readonly string[] = [
  'codice_tipo_dovuto',
  'codice_fiscale_debitore',
  'nome_debitore',
  'causale',
  'importo',
  'scadenza',
];

/** Shorter names accepted for the first transfer. */
const ALIASES: Readonly<Record<string, string>> = {
  iban: 'iban_1',
  beneficiario_cf: 'beneficiario_cf_1',
  tassonomia: 'tassonomia_1',
  codice_tassonomico: 'tassonomia_1',
  tipo_dovuto: 'codice_tipo_dovuto',
  codice_fiscale: 'codice_fiscale_debitore',
  partita_iva_debitore: 'codice_fiscale_debitore',
  email: 'email_debitore',
  data_scadenza: 'scadenza',
  numero_rata: 'rata',
};

/** Columns our own reports add (`riga`, `errore`, `esito`): ignored, so an error report can be fixed and re-uploaded. */
const REPORT_COLUMNS = new Set(['riga', 'errore', 'esito', 'numero_avviso', 'iuv', 'messaggio']);

const KNOWN_COLUMNS = new Set(ALL_COLUMNS);

/** `Codice Fiscale Debitore ` → `codice_fiscale_debitore`; `Data validità` → `data_validita`. */
export function normaliseColumnName(raw: string): string {
  return raw
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Where each understood column is in the file's rows (-1 when absent). */
export interface CsvLayout {
  header: string[];
  columnCount: number;
  index: Readonly<Record<string, number>>;
  /** How the file names a canonical column (its header text), for error messages. */
  label(column: string): string;
  /** Transfers with at least one column in the header (1-based numbers). */
  transferSlots: number;
}

export type HeaderCheck = { ok: true; layout: CsvLayout } | { ok: false; errors: FieldError[] };

/** Checks the header row: every column known, none repeated, the required ones present. */
export function readHeader(cells: readonly string[]): HeaderCheck {
  const errors: FieldError[] = [];
  const index: Record<string, number> = {};
  const labels: Record<string, string> = {};
  for (const column of ALL_COLUMNS) index[column] = -1;
  cells.forEach((cell, position) => {
    const name = normaliseColumnName(cell);
    if (name === '' || REPORT_COLUMNS.has(name)) return;
    const canonical = ALIASES[name] ?? name;
    if (!KNOWN_COLUMNS.has(canonical)) {
      errors.push({
        field: cell.trim(),
        message: `colonna ${position + 1} "${cell.trim()}": nome di colonna sconosciuto (vedi il modello scaricabile per i nomi ammessi)`,
        rule: 'unknownColumn',
      });
      return;
    }
    if ((index[canonical] ?? -1) >= 0) {
      errors.push({
        field: cell.trim(),
        message: `colonna ${position + 1} "${cell.trim()}": la colonna ${canonical} compare due volte`,
        rule: 'duplicateColumn',
      });
      return;
    }
    index[canonical] = position;
    labels[canonical] = cell.trim();
  });
  for (const column of REQUIRED_COLUMNS) {
    if ((index[column] ?? -1) < 0) {
      errors.push({
        field: column,
        message: `manca la colonna obbligatoria ${column}`,
        rule: 'requiredColumn',
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  let transferSlots = 0;
  for (let slot = 1; slot <= MAX_TRANSFERS; slot++) {
    if (TRANSFER_FIELDS.some((field) => (index[`${field}_${slot}`] ?? -1) >= 0)) transferSlots = slot;
  }
  return {
    ok: true,
    layout: {
      header: [...cells],
      columnCount: cells.length,
      index,
      label: (column) => labels[column] ?? column,
      transferSlots,
    },
  };
}

/** One position's worth of input: the consecutive CSV rows sharing an IUPD, or one JSON item. */
export interface ImportUnit {
  /** Row numbers (CSV, header = 1) or item numbers (JSON, first = 1). */
  rows: number[];
  /** The raw cells of each row, mirrored in the error report (CSV only). */
  cells: string[][] | null;
  action: PositionImportAction;
  iupd: string;
  /** The row had no IUPD: this one derives from the file's hash and the row number. */
  generatedIupd: boolean;
  dueTypeCode: string;
  /** Null for a cancellation, or when the rows could not be read into a position. */
  input: DebtPositionInput | null;
  cancelReason: string | null;
  /** Messages per row (index into `rows`); null while there is none. */
  errors: (string[] | undefined)[] | null;
}

export function addUnitError(unit: ImportUnit, rowIndex: number, message: string): void {
  const errors = (unit.errors ??= []);
  (errors[rowIndex] ??= []).push(message);
}

export function unitHasErrors(unit: ImportUnit): boolean {
  return unit.errors !== null;
}

const ACTIONS: Readonly<Record<string, PositionImportAction>> = {
  '': 'CREATE',
  CREA: 'CREATE',
  CREATE: 'CREATE',
  AGGIORNA: 'UPDATE',
  MODIFICA: 'UPDATE',
  UPDATE: 'UPDATE',
  ANNULLA: 'CANCEL',
  CANCEL: 'CANCEL',
};

export const ACTION_LABELS: Readonly<Record<PositionImportAction, string>> = {
  CREATE: 'CREA',
  UPDATE: 'AGGIORNA',
  CANCEL: 'ANNULLA',
};

const ELEVEN_DIGITS = /^\d{11}$/;

/** A cell, trimmed; '' when the column is absent or the row is short. */
function cellAt(fields: readonly string[], index: number): string {
  if (index < 0) return '';
  const value = fields[index];
  return value === undefined ? '' : value.trim();
}

/** The IUPD of a row that has none: the same file always gives the same IUPD, so a re-upload finds it. */
export function derivedIupd(fileSha256: string, row: number): string {
  return `IMP-${fileSha256.slice(0, 16).toUpperCase()}-${row}`;
}

/**
 * Turns the stream of CSV records into positions: consecutive rows with the same IUPD make one position (its
 * installments); a row without IUPD is a position of its own. Cells are read into the typed input of
 * `validateDebtPositionInput`, and what cannot even be read (an amount, a date) is reported here with the row
 * number and the column name.
 */
export class CsvUnitAssembler {
  private pending: { rows: number[]; cells: string[][]; iupd: string } | null = null;

  /** Where each column is (-1 when absent), read once: the per-row code never looks a name up. */
  private readonly at: Readonly<Record<ColumnName, number>>;
  /** The position columns present in the header, for the agreement check of later rows. */
  private readonly positionColumns: readonly { name: string; index: number }[];
  /** Column index of each transfer field (TRANSFER_FIELDS order), per transfer in the header; -1 if absent. */
  private readonly transferColumns: number[][];

  constructor(
    private readonly layout: CsvLayout,
    private readonly fileSha256: string,
  ) {
    const at = {} as Record<ColumnName, number>;
    for (const column of [...POSITION_COLUMNS, ...OPTION_COLUMNS]) at[column] = layout.index[column] ?? -1;
    this.at = at;
    this.positionColumns = POSITION_COLUMNS.map((name) => ({ name, index: at[name] })).filter(
      (column) => column.index >= 0,
    );
    this.transferColumns = Array.from({ length: layout.transferSlots }, (_, slot) =>
      TRANSFER_FIELDS.map((field) => layout.index[`${field}_${slot + 1}`] ?? -1),
    );
  }

  /** Adds a data row; returns the position it completes (the previous one), if any. */
  push(record: CsvRecord): ImportUnit | null {
    const iupd = cellAt(record.fields, this.at.iupd);
    const pending = this.pending;
    if (pending !== null && iupd !== '' && iupd === pending.iupd) {
      pending.rows.push(record.row);
      pending.cells.push(record.fields);
      return null;
    }
    this.pending = { rows: [record.row], cells: [record.fields], iupd };
    return pending === null ? null : this.build(pending);
  }

  /** The last position, at the end of the file. */
  flush(): ImportUnit | null {
    const pending = this.pending;
    this.pending = null;
    return pending === null ? null : this.build(pending);
  }

  private build(group: { rows: number[]; cells: string[][]; iupd: string }): ImportUnit {
    const { layout, at } = this;
    const first = group.cells[0] as string[];
    const unit: ImportUnit = {
      rows: group.rows,
      cells: group.cells,
      action: 'CREATE',
      iupd: group.iupd,
      generatedIupd: false,
      dueTypeCode: cellAt(first, at.codice_tipo_dovuto),
      input: null,
      cancelReason: null,
      errors: null,
    };
    const fail = (rowIndex: number, column: string, message: string) =>
      addUnitError(unit, rowIndex, `${layout.label(column)}: ${message}`);

    const rawAction = cellAt(first, at.azione);
    const action = ACTIONS[rawAction] ?? ACTIONS[rawAction.toUpperCase()];
    if (action === undefined) {
      fail(0, 'azione', `"${rawAction}" non è un’azione: scrivi CREA, AGGIORNA o ANNULLA (vuoto vale CREA)`);
    } else {
      unit.action = action;
    }
    if (group.iupd === '') {
      if (unit.action !== 'CREATE') {
        fail(0, 'iupd', `per ${ACTION_LABELS[unit.action]} serve lo IUPD della posizione`);
      }
      unit.iupd = derivedIupd(this.fileSha256, group.rows[0] as number);
      unit.generatedIupd = true;
    }

    // Position columns repeated on later rows must agree with the first row.
    for (let r = 1; r < group.cells.length; r++) {
      const fields = group.cells[r] as string[];
      for (const { name, index } of this.positionColumns) {
        const value = cellAt(fields, index);
        const expected = cellAt(first, index);
        if (value !== '' && value !== expected) {
          fail(
            r,
            name,
            `"${value}" è diverso dalla prima riga della posizione (riga ${group.rows[0]}: "${expected}"); le righe della stessa posizione ripetono gli stessi dati o li lasciano vuoti`,
          );
        }
      }
    }

    if (unit.action === 'CANCEL') {
      unit.cancelReason = cellAt(first, at.motivo_annullamento) || null;
      return unit;
    }

    if (unit.dueTypeCode === '') fail(0, 'codice_tipo_dovuto', 'obbligatorio');
    const idValue = cellAt(first, at.codice_fiscale_debitore).toUpperCase();
    let debtorType = cellAt(first, at.tipo_debitore).toUpperCase();
    if (debtorType === '') debtorType = ELEVEN_DIGITS.test(idValue) ? 'G' : 'F';
    const rawMetadata = cellAt(first, at.metadati);
    const metadata = rawMetadata === '' ? null : parseMetadata(rawMetadata);
    if (metadata !== null && 'error' in metadata) fail(0, 'metadati', metadata.error);

    const options: DebtPaymentOptionInput[] = [];
    for (let r = 0; r < group.cells.length; r++) {
      const fields = group.cells[r] as string[];
      const rawInstallment = cellAt(fields, at.rata);
      let installment: number | null = null;
      if (rawInstallment !== '') {
        const parsed = parseInstallment(rawInstallment);
        if ('error' in parsed) fail(r, 'rata', parsed.error);
        else installment = parsed.value;
        if (group.iupd === '') {
          fail(r, 'iupd', 'le rate di una posizione vanno su righe con lo stesso IUPD: indicalo');
        }
      }
      const rawAmount = cellAt(fields, at.importo);
      let amountCents = 0;
      if (rawAmount === '') {
        fail(r, 'importo', 'obbligatorio');
      } else {
        const amount = parseEuroAmount(rawAmount);
        if ('error' in amount) fail(r, 'importo', amount.error);
        else amountCents = amount.value;
      }
      const dueDate = this.date(unit, r, fields, 'scadenza', true);
      const validityDate = this.date(unit, r, fields, 'data_validita', false);
      const retentionDate = this.date(unit, r, fields, 'data_conservazione', false);
      options.push({
        installment,
        amountCents,
        dueDate: dueDate ?? '',
        validityDate,
        retentionDate,
        description: cellAt(fields, at.causale_rata) || null,
        transfers: this.transfers(unit, r, fields, amountCents),
      });
    }

    unit.input = {
      iupd: unit.iupd,
      debtor: {
        type: debtorType as 'F' | 'G',
        idValue,
        name: cellAt(first, at.nome_debitore),
        streetName: cellAt(first, at.indirizzo) || null,
        civicNumber: cellAt(first, at.civico) || null,
        postalCode: cellAt(first, at.cap) || null,
        city: cellAt(first, at.comune) || null,
        province: cellAt(first, at.provincia) || null,
        country: cellAt(first, at.nazione) || null,
        email: cellAt(first, at.email_debitore) || null,
      },
      description: cellAt(first, at.causale),
      metadata: metadata !== null && 'value' in metadata ? metadata.value : [],
      options,
    };
    return unit;
  }

  private date(
    unit: ImportUnit,
    rowIndex: number,
    fields: string[],
    column: 'scadenza' | 'data_validita' | 'data_conservazione',
    required: boolean,
  ): string | null {
    const raw = cellAt(fields, this.at[column]);
    if (raw === '') {
      if (required) addUnitError(unit, rowIndex, `${this.layout.label(column)}: obbligatoria`);
      return null;
    }
    const parsed = parseDate(raw);
    if ('error' in parsed) {
      addUnitError(unit, rowIndex, `${this.layout.label(column)}: ${parsed.error}`);
      return null;
    }
    return parsed.value;
  }

  /**
   * The row's transfers from the `_1`…`_5` columns. None filled: null (one transfer of the whole amount on the
   * due type's account). `importo_1` may stay empty: it is the amount minus the other transfers.
   */
  private transfers(
    unit: ImportUnit,
    rowIndex: number,
    fields: string[],
    optionAmount: number,
  ): DebtTransferInput[] | null {
    const columns = this.transferColumns;
    if (columns.length === 0) return null;
    const value = (slot: number, field: number): string => {
      const position = (columns[slot] as number[])[field] as number;
      return position < 0 ? '' : (fields[position] ?? '').trim();
    };
    // The highest transfer with a value: transfers 1..last exist (an empty first one takes every default).
    let last = -1;
    for (let slot = columns.length - 1; slot >= 0 && last < 0; slot--) {
      for (let field = 0; field < TRANSFER_FIELDS.length; field++) {
        if (value(slot, field) !== '') {
          last = slot;
          break;
        }
      }
    }
    if (last < 0) return null;
    const transfers: DebtTransferInput[] = [];
    let others = 0;
    let firstAmountMissing = false;
    for (let slot = 0; slot <= last; slot++) {
      const label = (field: TransferField) => this.layout.label(`${field}_${slot + 1}`);
      const values = TRANSFER_FIELDS.map((_, field) => value(slot, field));
      if (slot > 0 && values.every((text) => text === '')) {
        addUnitError(
          unit,
          rowIndex,
          `${label('importo')}: il versamento ${slot + 1} è vuoto ma il ${last + 1} è compilato; usa i versamenti in ordine`,
        );
        continue;
      }
      const [rawAmount, iban, beneficiary, category, remittance, stampType, stampHash, stampProvince] =
        values as [string, string, string, string, string, string, string, string];
      let amountCents = 0;
      if (rawAmount === '') {
        if (slot === 0) firstAmountMissing = true;
        else addUnitError(unit, rowIndex, `${label('importo')}: obbligatorio per il versamento ${slot + 1}`);
      } else {
        const amount = parseEuroAmount(rawAmount);
        if ('error' in amount) addUnitError(unit, rowIndex, `${label('importo')}: ${amount.error}`);
        else amountCents = amount.value;
        if (slot > 0) others += amountCents;
      }
      transfers.push({
        beneficiaryFiscalCode: beneficiary || null,
        iban: iban || null,
        stamp:
          stampHash === ''
            ? null
            : { type: stampType || '01', hashDocument: stampHash, province: stampProvince },
        category: category || null,
        remittanceInformation: remittance || null,
        amountCents,
      });
    }
    if (firstAmountMissing && transfers[0]) transfers[0].amountCents = optionAmount - others;
    return transfers;
  }
}

const OPTION_FIELD_COLUMNS: Readonly<Record<string, string>> = {
  installment: 'rata',
  amountCents: 'importo',
  dueDate: 'scadenza',
  validityDate: 'data_validita',
  retentionDate: 'data_conservazione',
  description: 'causale_rata',
};

const TRANSFER_FIELD_COLUMNS: Readonly<Record<string, TransferField>> = {
  amountCents: 'importo',
  iban: 'iban',
  beneficiaryFiscalCode: 'beneficiario_cf',
  category: 'tassonomia',
  remittanceInformation: 'causale',
  type: 'bollo_tipo',
  hashDocument: 'bollo_hash',
  province: 'bollo_provincia',
};

const POSITION_FIELD_COLUMNS: Readonly<Record<string, string>> = {
  iupd: 'iupd',
  dueTypeCode: 'codice_tipo_dovuto',
  description: 'causale',
  'debtor.type': 'tipo_debitore',
  'debtor.idValue': 'codice_fiscale_debitore',
  'debtor.name': 'nome_debitore',
  'debtor.email': 'email_debitore',
  'debtor.streetName': 'indirizzo',
  'debtor.civicNumber': 'civico',
  'debtor.postalCode': 'cap',
  'debtor.city': 'comune',
  'debtor.province': 'provincia',
  'debtor.country': 'nazione',
  debtor: 'codice_fiscale_debitore',
};

const OPTION_PATH = /^options\[(\d+)\](?:\.(\w+))?(?:\[(\d+)\])?(?:\.(\w+))?(?:\.(\w+))?/;

/**
 * Where a validation error of `validateDebtPositionInput` (a field path such as `options[1].transfers[0].iban`)
 * sits in the CSV: the row (index into the unit's rows) and the column name.
 */
export function csvLocation(field: string, rule: string | undefined): { rowIndex: number; column: string } {
  const option = OPTION_PATH.exec(field);
  if (option) {
    const rowIndex = Number(option[1]);
    const member = option[2];
    if (member === 'transfers') {
      if (option[3] === undefined) {
        return { rowIndex, column: rule === 'required' ? 'iban_1' : 'importo_1' };
      }
      const slot = Number(option[3]) + 1;
      const leaf = option[5] ?? option[4] ?? 'amountCents';
      return { rowIndex, column: `${TRANSFER_FIELD_COLUMNS[leaf] ?? 'importo'}_${slot}` };
    }
    return { rowIndex, column: OPTION_FIELD_COLUMNS[member ?? 'amountCents'] ?? 'importo' };
  }
  if (field === 'options') {
    if (rule === 'payableToday') return { rowIndex: 0, column: 'scadenza' };
    if (rule === 'consecutive') return { rowIndex: 0, column: 'rata' };
    return { rowIndex: 0, column: 'importo' };
  }
  if (field.startsWith('metadata')) return { rowIndex: 0, column: 'metadati' };
  return { rowIndex: 0, column: POSITION_FIELD_COLUMNS[field] ?? 'causale' };
}
