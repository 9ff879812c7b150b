import type { PositionImport } from '@pagamenti/contracts';

/** Reads the API's `;` CSV reports (UTF-8 with BOM, quoted cells, CRLF) into rows of cells. */
export function readReportCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.replace(/^\ufeff/, '');
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += char;
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A refused row of the error report: its row number and what is wrong, column by column. */
export interface ReportError {
  row: string;
  problems: string[];
}

/** The `riga` (or `elemento`) and `errore` columns of the error report. */
export function reportErrors(rows: string[][]): ReportError[] {
  const [header, ...data] = rows;
  if (!header) return [];
  const rowColumn = header.includes('riga') ? header.lastIndexOf('riga') : header.indexOf('elemento');
  const errorColumn = header.lastIndexOf('errore');
  return data.map((cells) => ({
    row: cells[rowColumn] ?? '',
    problems: (cells[errorColumn] ?? '').split(' | ').filter(Boolean),
  }));
}

export const IMPORT_STATUS_LABELS: Record<PositionImport['status'], string> = {
  QUEUED: 'In coda',
  RUNNING: 'In corso',
  SUCCEEDED: 'Completato',
  FAILED: 'Non riuscito',
};

/** "2 min 5 s", "40 s": the estimated time left, for people. */
export function formatSecondsLeft(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024)
    return `${(bytes / 1024).toLocaleString('it-IT', { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('it-IT', { maximumFractionDigits: 1 })} MB`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('it-IT');
}
