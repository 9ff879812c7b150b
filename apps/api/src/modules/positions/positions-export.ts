import { once } from 'node:events';
import { type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type DebtPositionSummary } from '@pagamenti/contracts';
import { POSITION_STATUS_LABELS } from '@pagamenti/pagopa';
import { neutraliseFormula } from './imports/csv-values';

/*
 * Exports of the positions list for people in Italian offices: one row per position, the columns of the list.
 * CSV: UTF-8 with BOM, semicolons, CRLF, euro amounts with a decimal comma, dates dd/mm/yyyy — what Excel opens
 * right with Italian settings. XLSX: written as a stream (exceljs WorkbookWriter), amounts as numbers in euro and
 * dates as dates, so they can be summed and sorted. In both, text that a spreadsheet would take for a formula
 * (starting with = + - @, tab or CR) gets a leading apostrophe.
 */

type Cell = string | number | Date;

interface Column {
  header: string;
  /** Width in characters, for XLSX. */
  width: number;
  /** XLSX number format. */
  numFmt?: string;
  value: (row: DebtPositionSummary) => Cell;
}

const ROME_DATE_TIME = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as Europe/Rome wall-clock time, in a Date whose UTC fields carry it (spreadsheets have no zones). */
function romeWallClock(iso: string): Date {
  const parts = Object.fromEntries(
    ROME_DATE_TIME.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return new Date(
    Date.UTC(
      Number(parts['year']),
      Number(parts['month']) - 1,
      Number(parts['day']),
      Number(parts['hour']),
      Number(parts['minute']),
      Number(parts['second']),
    ),
  );
}

function isoDateAsUtc(date: string): Date | string {
  return date ? new Date(`${date}T00:00:00Z`) : '';
}

const COLUMNS: Column[] = [
  { header: 'IUPD', width: 24, value: (row) => row.iupd },
  { header: 'Stato', width: 16, value: (row) => POSITION_STATUS_LABELS[row.status] },
  { header: 'Tipo dovuto', width: 18, value: (row) => row.dueTypeCode },
  { header: 'Codice fiscale / P. IVA debitore', width: 20, value: (row) => row.debtorIdValue },
  { header: 'Debitore', width: 30, value: (row) => row.debtorName },
  { header: 'Descrizione', width: 40, value: (row) => row.description },
  { header: 'Importo (€)', width: 14, numFmt: '#,##0.00', value: (row) => row.amountCents / 100 },
  { header: 'Pagato (€)', width: 14, numFmt: '#,##0.00', value: (row) => row.paidCents / 100 },
  { header: 'Numero avviso', width: 22, value: (row) => row.noticeNumber },
  { header: 'Scadenza', width: 12, numFmt: 'dd/mm/yyyy', value: (row) => isoDateAsUtc(row.dueDate) },
  { header: 'Rate', width: 6, value: (row) => row.installments },
  {
    header: 'Creata il',
    width: 18,
    numFmt: 'dd/mm/yyyy hh:mm',
    value: (row) => romeWallClock(row.createdAt),
  },
];

const CSV_NEEDS_QUOTES = /[;"\r\n]/;
const LONG_DIGITS = /^(0\d+|\d{16,})$/;

function csvCell(value: Cell, column: Column): string {
  let text: string;
  if (value instanceof Date) {
    const day = `${String(value.getUTCDate()).padStart(2, '0')}/${String(value.getUTCMonth() + 1).padStart(2, '0')}/${value.getUTCFullYear()}`;
    text =
      column.numFmt === 'dd/mm/yyyy'
        ? day
        : `${day} ${String(value.getUTCHours()).padStart(2, '0')}:${String(value.getUTCMinutes()).padStart(2, '0')}`;
  } else if (typeof value === 'number') {
    text = column.numFmt ? value.toFixed(2).replace('.', ',') : String(value);
  } else if (LONG_DIGITS.test(value)) {
    // Excel would turn an 18-digit notice number into 3,07E+17 and drop leading zeros: keep them as text.
    return `="${value}"`;
  } else {
    text = neutraliseFormula(value);
  }
  return CSV_NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes respecting back-pressure: waits for `drain` when the socket's buffer is full. */
async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Streams the CSV; returns the number of positions written. */
export async function writePositionsCsv(
  pages: AsyncIterable<DebtPositionSummary[]>,
  out: Writable,
): Promise<number> {
  let count = 0;
  await write(out, `\uFEFF${COLUMNS.map((column) => csvCell(column.header, column)).join(';')}\r\n`);
  for await (const page of pages) {
    let chunk = '';
    for (const row of page) {
      chunk += `${COLUMNS.map((column) => csvCell(column.value(row), column)).join(';')}\r\n`;
    }
    count += page.length;
    if (chunk) await write(out, chunk);
  }
  out.end();
  return count;
}

/** Rows per sheet: Excel stops at 1,048,576; a bigger export continues on "Posizioni (2)". */
export const XLSX_ROWS_PER_SHEET = 1_000_000;

/** Streams the XLSX; returns the number of positions written. */
export async function writePositionsXlsx(
  pages: AsyncIterable<DebtPositionSummary[]>,
  out: Writable,
  title: string,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Piattaforma pagamenti pagoPA';
  workbook.title = title;
  let sheets = 0;
  let sheet: ExcelJS.Worksheet | null = null;
  let rowsInSheet = 0;
  const newSheet = () => {
    sheet?.commit();
    sheets++;
    const next = workbook.addWorksheet(sheets === 1 ? 'Posizioni' : `Posizioni (${sheets})`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    next.columns = COLUMNS.map((column, index) => ({
      key: String(index),
      header: column.header,
      width: column.width,
      ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}),
    }));
    next.getRow(1).font = { bold: true };
    next.getRow(1).commit();
    rowsInSheet = 0;
    return next;
  };
  sheet = newSheet();
  let count = 0;
  for await (const page of pages) {
    for (const row of page) {
      if (rowsInSheet === XLSX_ROWS_PER_SHEET) sheet = newSheet();
      sheet
        .addRow(
          COLUMNS.map((column) => {
            const value = column.value(row);
            return typeof value === 'string' ? neutraliseFormula(value) : value;
          }),
        )
        .commit();
      rowsInSheet++;
    }
    count += page.length;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/** `posizioni-debitorie_comune-di-pineto_2026-03-01.csv`: ASCII only, safe in every browser and OS. */
export function exportFileName(entityName: string, today: string, format: 'csv' | 'xlsx'): string {
  const slug = entityName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `posizioni-debitorie_${slug || 'ente'}_${today}.${format}`;
}
