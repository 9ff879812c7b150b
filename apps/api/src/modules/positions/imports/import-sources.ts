import { type CsvLayout, CsvUnitAssembler, type ImportUnit, readHeader } from './position-csv-format';
import { CsvReader, type CsvSeparator, isBlankRecord, isMalformed } from './csv-reader';
import { jsonItemUnit } from './import-units';
import { JsonArrayFormatError, JsonArrayReader } from './json-array-reader';
import { ChunkDecoder, type FileEncoding } from './text-decoding';

/** A problem with the whole file: the import stops with this message (in Italian) and is not retried. */
export class ImportFileError extends Error {}

export interface SourceFacts {
  format: 'CSV' | 'JSON';
  encoding: FileEncoding;
  separator: CsvSeparator | null;
  sha256: string;
}

/**
 * Reads a stored upload as import units — one per position — chunk by chunk: decode, split into CSV records (or
 * JSON items), group the rows of each position. Malformed records become units carrying their error, so they
 * reach the report like any other refused row.
 */
export class ImportSource {
  layout: CsvLayout | null = null;
  /** Data rows (CSV, blank lines excluded) or items (JSON) read. */
  rows = 0;

  constructor(private readonly facts: SourceFacts) {}

  async *units(chunks: AsyncIterable<Buffer>): AsyncGenerator<ImportUnit[]> {
    const decoder = new ChunkDecoder(this.facts.encoding);
    if (this.facts.format === 'JSON') {
      const reader = new JsonArrayReader();
      const read = (text: string, final: boolean) => {
        try {
          return reader.push(text, final);
        } catch (error) {
          if (error instanceof JsonArrayFormatError) throw new ImportFileError(error.message);
          throw error;
        }
      };
      for await (const chunk of chunks) {
        const units = read(decoder.decode(chunk), false).map((entry) =>
          'error' in entry
            ? errorUnit(entry.item, entry.error, null)
            : jsonItemUnit(entry.item, entry.value, this.facts.sha256),
        );
        this.rows = reader.itemsRead;
        if (units.length > 0) yield units;
      }
      const last = read(decoder.decode(new Uint8Array(0), true), true).map((entry) =>
        'error' in entry
          ? errorUnit(entry.item, entry.error, null)
          : jsonItemUnit(entry.item, entry.value, this.facts.sha256),
      );
      this.rows = reader.itemsRead;
      if (last.length > 0) yield last;
      return;
    }

    const separator = this.facts.separator;
    if (separator === null) throw new ImportFileError('Separatore delle colonne non riconosciuto.');
    const reader = new CsvReader(separator);
    let assembler: CsvUnitAssembler | null = null;
    let columnCount = 0;
    const consume = (text: string, final: boolean): ImportUnit[] => {
      const units: ImportUnit[] = [];
      for (const item of reader.push(text, final)) {
        if (assembler === null) {
          if (isMalformed(item))
            throw new ImportFileError(`Riga di intestazione non leggibile: ${item.error}.`);
          const header = readHeader(item.fields);
          if (!header.ok) {
            throw new ImportFileError(
              `Intestazione non valida: ${header.errors.map((error) => error.message).join('; ')}.`,
            );
          }
          this.layout = header.layout;
          columnCount = header.layout.columnCount;
          assembler = new CsvUnitAssembler(header.layout, this.facts.sha256);
          continue;
        }
        if (isMalformed(item)) {
          const pending = assembler.flush();
          if (pending) units.push(pending);
          this.rows++;
          units.push(errorUnit(item.row, item.error, [item.line]));
          continue;
        }
        if (isBlankRecord(item.fields)) continue;
        this.rows++;
        if (item.fields.length !== columnCount) {
          const pending = assembler.flush();
          if (pending) units.push(pending);
          units.push(
            errorUnit(
              item.row,
              `la riga ha ${item.fields.length} ${item.fields.length === 1 ? 'colonna' : 'colonne'}, l’intestazione ne ha ${columnCount} (controlla separatori e virgolette)`,
              item.fields,
            ),
          );
          continue;
        }
        const unit = assembler.push(item);
        if (unit) units.push(unit);
      }
      if (final) {
        if (assembler === null)
          throw new ImportFileError('Il file è vuoto: manca anche la riga di intestazione.');
        const last = assembler.flush();
        if (last) units.push(last);
      }
      return units;
    };
    for await (const chunk of chunks) {
      const units = consume(decoder.decode(chunk), false);
      if (units.length > 0) yield units;
    }
    const last = consume(decoder.decode(new Uint8Array(0), true), true);
    if (last.length > 0) yield last;
  }
}

/** A row (or item) that could not be read at all: it reaches the error report with its message. */
function errorUnit(row: number, message: string, cells: string[] | null): ImportUnit {
  return {
    rows: [row],
    cells: cells === null ? null : [cells],
    action: 'CREATE',
    iupd: '',
    generatedIupd: false,
    dueTypeCode: '',
    input: null,
    cancelReason: null,
    errors: [[message]],
  };
}
