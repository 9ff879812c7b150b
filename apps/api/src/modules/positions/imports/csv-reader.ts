/**
 * A streaming CSV reader (RFC 4180 with the leniencies spreadsheets need), written for the bulk import of debt
 * positions: a million rows in about a second. Lines without quotes — nearly all of them — take a fast path
 * (`indexOf` + `split`); quoted cells, escaped quotes (`""`) and line breaks inside quotes go through a small
 * state machine. Malformed records are reported with their row number and the reader carries on with the next
 * line, so one stray quote does not swallow the rest of the file.
 *
 * Row numbers are those a spreadsheet shows: the header is row 1, and every record (blank ones too) is one row,
 * even when a quoted cell spans several lines.
 */

export interface CsvRecord {
  row: number;
  fields: string[];
}

export interface CsvMalformedRecord {
  row: number;
  error: string;
  /** The physical line the problem was found on, for the error report. */
  line: string;
}

export type CsvItem = CsvRecord | CsvMalformedRecord;

export function isMalformed(item: CsvItem): item is CsvMalformedRecord {
  return (item as CsvMalformedRecord).error !== undefined;
}

export type CsvSeparator = ';' | ',' | '\t';

export const SEPARATOR_LABELS: Readonly<Record<CsvSeparator, string>> = {
  ';': 'punto e virgola',
  ',': 'virgola',
  '\t': 'tabulazione',
};

const QUOTE = 34;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/**
 * A quoted cell longer than this is an unbalanced quote, not data: no column of the format is anywhere near it
 * (the longest, `metadati`, is a few hundred characters). Reading stops there and resumes on the next line.
 */
export const MAX_QUOTED_CELL = 8192;

/** Picks the separator of a header line: the most frequent of `;`, `,` and tab outside quotes; null if none. */
export function detectSeparator(headerLine: string): CsvSeparator | null {
  let semicolons = 0;
  let commas = 0;
  let tabs = 0;
  let inQuotes = false;
  for (let i = 0; i < headerLine.length; i++) {
    const char = headerLine[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (char === ';') semicolons++;
    else if (char === ',') commas++;
    else if (char === '\t') tabs++;
  }
  const best = Math.max(semicolons, commas, tabs);
  if (best === 0) return null;
  if (best === semicolons) return ';';
  if (best === tabs) return '\t';
  return ',';
}

/** The first line of a text (without its line break), for separator detection and header checks. */
export function firstLine(text: string): string {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** True when every cell is blank: spreadsheets leave `;;;;` lines where rows were deleted. */
export function isBlankRecord(fields: readonly string[]): boolean {
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string;
    if (field.length > 0 && field.trim().length > 0) return false;
  }
  return true;
}

export class CsvReader {
  private buffer = '';
  private row = 0;
  /** Index in `buffer` of the next quote at or after the read position; -1 when there is none. */
  private nextQuote = -2;

  constructor(private readonly separator: CsvSeparator) {}

  /**
   * Feeds decoded text and returns the records it completes. With `final`, the text is the end of the file and
   * a last record without a line break is returned too.
   */
  push(text: string, final = false): CsvItem[] {
    const buffer = this.buffer.length === 0 ? text : this.buffer + text;
    const items: CsvItem[] = [];
    const separator = this.separator;
    let position = 0;
    this.nextQuote = -2;
    while (position < buffer.length) {
      let lineEnd = buffer.indexOf('\n', position);
      if (lineEnd < 0) {
        if (!final) break;
        lineEnd = buffer.length;
      }
      if (this.nextQuote !== -1 && this.nextQuote < position) this.nextQuote = buffer.indexOf('"', position);
      if (this.nextQuote === -1 || this.nextQuote >= lineEnd) {
        const end =
          lineEnd > position && buffer.charCodeAt(lineEnd - 1) === CARRIAGE_RETURN ? lineEnd - 1 : lineEnd;
        this.row++;
        items.push({ row: this.row, fields: buffer.slice(position, end).split(separator) });
        position = lineEnd + 1;
        continue;
      }
      const next = this.readQuotedRecord(buffer, position, final, items);
      if (next < 0) break;
      position = next;
    }
    this.buffer = position >= buffer.length ? '' : buffer.slice(position);
    return items;
  }

  /** Rows read so far (records, blank ones included, after the last `push`). */
  get rowsRead(): number {
    return this.row;
  }

  /**
   * Reads one record containing quotes, starting at `start`. Returns where the next record starts, or -1 when
   * the buffer ends inside the record and more text is needed.
   */
  private readQuotedRecord(buffer: string, start: number, final: boolean, items: CsvItem[]): number {
    const separator = this.separator.charCodeAt(0);
    const fields: string[] = [];
    let position = start;
    let cell = '';
    for (;;) {
      if (position < buffer.length && buffer.charCodeAt(position) === QUOTE) {
        // A quoted cell: up to the closing quote, `""` standing for one quote.
        let cursor = position + 1;
        cell = '';
        for (;;) {
          const close = buffer.indexOf('"', cursor);
          if (close < 0 || close - position > MAX_QUOTED_CELL) {
            if (close < 0 && !final && buffer.length - position <= MAX_QUOTED_CELL) return -1;
            return this.malformed(
              buffer,
              start,
              items,
              'virgolette non chiuse: manca la " di chiusura di una cella',
            );
          }
          if (close + 1 >= buffer.length && !final) return -1;
          if (buffer.charCodeAt(close + 1) === QUOTE) {
            cell += buffer.slice(cursor, close + 1);
            cursor = close + 2;
            continue;
          }
          cell += buffer.slice(cursor, close);
          position = close + 1;
          break;
        }
        const after = position < buffer.length ? buffer.charCodeAt(position) : LINE_FEED;
        if (after === CARRIAGE_RETURN && buffer.charCodeAt(position + 1) === LINE_FEED) position++;
        else if (after === CARRIAGE_RETURN && position + 1 >= buffer.length && !final) return -1;
        const terminator = position < buffer.length ? buffer.charCodeAt(position) : LINE_FEED;
        if (terminator !== separator && terminator !== LINE_FEED) {
          return this.malformed(
            buffer,
            start,
            items,
            `testo dopo le virgolette di chiusura nella colonna ${fields.length + 1}: una cella tra virgolette deve finire con la "`,
          );
        }
        fields.push(cell);
        position++;
        if (terminator === LINE_FEED) break;
        continue;
      }
      // An unquoted cell: up to the separator or the end of the line (a quote inside it is kept as it is).
      let end = position;
      while (end < buffer.length) {
        const code = buffer.charCodeAt(end);
        if (code === separator || code === LINE_FEED) break;
        end++;
      }
      if (end >= buffer.length && !final) return -1;
      const terminator = end < buffer.length ? buffer.charCodeAt(end) : LINE_FEED;
      const cellEnd =
        terminator === LINE_FEED && end > position && buffer.charCodeAt(end - 1) === CARRIAGE_RETURN
          ? end - 1
          : end;
      fields.push(buffer.slice(position, cellEnd));
      position = end + 1;
      if (terminator === LINE_FEED) break;
    }
    this.row++;
    items.push({ row: this.row, fields });
    return position;
  }

  /** Reports the record starting at `start` as malformed and resumes after the line it starts on. */
  private malformed(buffer: string, start: number, items: CsvItem[], error: string): number {
    const lineEnd = buffer.indexOf('\n', start);
    const end = lineEnd < 0 ? buffer.length : lineEnd;
    this.row++;
    const line = buffer.slice(
      start,
      end > start && buffer.charCodeAt(end - 1) === CARRIAGE_RETURN ? end - 1 : end,
    );
    items.push({ row: this.row, error, line });
    this.nextQuote = -2;
    return end + 1;
  }
}
