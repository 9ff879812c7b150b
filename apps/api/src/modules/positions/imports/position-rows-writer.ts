import { randomBytes } from 'node:crypto';
import { type Writable } from 'node:stream';
import { type QueryRunner } from 'typeorm';
import { type NormalisedDebtPosition } from '@pagamenti/pagopa';

/**
 * The fast insert path of the bulk import: a batch of new positions, their options and their creation history
 * in three statements. On PostgreSQL it streams `COPY … FROM STDIN` (text format) through the transaction's own
 * connection; on the embedded PGlite, whose pool exposes no COPY stream, and wherever COPY is not wanted it runs
 * one `INSERT … SELECT FROM unnest($1::text[], …)` per table. Both write exactly the same rows.
 */

export type InsertMethod = 'copy' | 'unnest';

export interface NewImportedPosition {
  id: string;
  iupd: string;
  dueTypeId: string;
  position: NormalisedDebtPosition;
  /** One per option of `position.options`, same order. */
  optionIds: string[];
  noticeNumbers: string[];
  /** History note of the creation. */
  note: string;
}

export interface ImportedRowsContext {
  entityId: string;
  importId: string;
  actor: string;
}

/**
 * Time-ordered UUIDs (the RFC 9562 version 7 layout: 48-bit milliseconds, then random bits and a counter). New
 * rows land at the right edge of the primary-key indexes instead of at random pages, which keeps a million-row
 * import from thrashing the buffer cache.
 */
export class TimeOrderedIds {
  private readonly prefix: string;
  private counter = 0;

  constructor(now = Date.now()) {
    const time = now.toString(16).padStart(12, '0');
    const random = randomBytes(6).toString('hex');
    const variant = ((parseInt(random.slice(3, 4), 16) & 0x3) | 0x8).toString(16);
    this.prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(0, 3)}-${variant}${random.slice(4, 7)}-${random.slice(7, 11)}`;
  }

  next(): string {
    const id = this.prefix + this.counter.toString(16).padStart(8, '0');
    this.counter++;
    return id;
  }
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES = /[\\\t\n\r]/g;
const ESCAPED: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format: `\N` for null, backslash escapes for the four special characters. */
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPES, (char) => ESCAPED[char] as string) : value;
}

export const POSITION_COLUMNS =
  'id, entity_id, iupd, due_type_id, debtor_type, debtor_id_value, debtor_name, debtor_street, ' +
  'debtor_civic_number, debtor_postal_code, debtor_city, debtor_province, debtor_country, debtor_email, ' +
  'description, metadata, status, amount_cents, import_id, published_at';
const POSITION_TYPES = [
  'uuid',
  'uuid',
  'text',
  'uuid',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'jsonb',
  'text',
  'bigint',
  'uuid',
  'timestamptz',
];
export const OPTION_COLUMNS =
  'id, position_id, entity_id, notice_number, iuv, installment, amount_cents, due_date, validity_date, ' +
  'retention_date, description, transfers';
const OPTION_TYPES = [
  'uuid',
  'uuid',
  'uuid',
  'text',
  'text',
  'smallint',
  'bigint',
  'date',
  'date',
  'date',
  'text',
  'jsonb',
];
export const HISTORY_COLUMNS = 'position_id, from_status, to_status, actor, note';
const HISTORY_TYPES = ['uuid', 'text', 'text', 'text', 'text'];

/** The column values of the three tables, in the order of the column lists above. */
export function positionValues(
  row: NewImportedPosition,
  context: ImportedRowsContext,
  now: string,
): (string | null)[] {
  const { position } = row;
  const { debtor } = position;
  return [
    row.id,
    context.entityId,
    row.iupd,
    row.dueTypeId,
    debtor.type,
    debtor.idValue,
    debtor.name,
    debtor.streetName,
    debtor.civicNumber,
    debtor.postalCode,
    debtor.city,
    debtor.province,
    debtor.country,
    debtor.email,
    position.description,
    position.metadata.length === 0 ? '[]' : JSON.stringify(position.metadata),
    'VALID',
    String(position.amountCents),
    context.importId,
    now,
  ];
}

export function optionValues(row: NewImportedPosition, index: number, entityId: string): (string | null)[] {
  const option = row.position.options[index];
  if (option === undefined) throw new RangeError(`option ${index} missing`);
  const noticeNumber = row.noticeNumbers[index] as string;
  return [
    row.optionIds[index] as string,
    row.id,
    entityId,
    noticeNumber,
    noticeNumber.slice(1),
    option.installment === null ? null : String(option.installment),
    String(option.amountCents),
    option.dueDate,
    option.validityDate,
    option.retentionDate,
    option.description,
    JSON.stringify(option.transfers),
  ];
}

/**
 * The COPY text of the three tables: the values of `positionValues`, `optionValues` and the history row, built
 * by hand rather than with map/join, because a million rows make every intermediate array count.
 */
export function copyPayload(
  rows: readonly NewImportedPosition[],
  context: ImportedRowsContext,
  now: string,
): { positions: string; options: string; history: string } {
  let positions = '';
  let options = '';
  let history = '';
  const historyTail = `\tVALID\t${copyText(context.actor)}\t`;
  const positionTail = `\t${context.importId}\t${now}\n`;
  const entityId = context.entityId;
  for (const row of rows) {
    const { position } = row;
    const { debtor } = position;
    // Ids, codes, amounts, dates and notice numbers are validated patterns: only free text needs escaping.
    positions +=
      `${row.id}\t${entityId}\t${row.iupd}\t${row.dueTypeId}\t${debtor.type}\t${debtor.idValue}\t` +
      `${copyText(debtor.name)}\t${copyText(debtor.streetName)}\t${copyText(debtor.civicNumber)}\t` +
      `${copyText(debtor.postalCode)}\t${copyText(debtor.city)}\t${debtor.province ?? '\\N'}\t` +
      `${debtor.country ?? '\\N'}\t${debtor.email ?? '\\N'}\t${copyText(position.description)}\t` +
      `${position.metadata.length === 0 ? '[]' : copyText(JSON.stringify(position.metadata))}\tVALID\t` +
      `${position.amountCents}${positionTail}`;
    for (let i = 0; i < position.options.length; i++) {
      const option = position.options[i] as NormalisedDebtPosition['options'][number];
      const noticeNumber = row.noticeNumbers[i] as string;
      options +=
        `${row.optionIds[i]}\t${row.id}\t${entityId}\t${noticeNumber}\t${noticeNumber.slice(1)}\t` +
        `${option.installment === null ? '\\N' : option.installment}\t${option.amountCents}\t` +
        `${option.dueDate}\t${option.validityDate ?? '\\N'}\t${option.retentionDate ?? '\\N'}\t` +
        `${copyText(option.description)}\t${copyText(JSON.stringify(option.transfers))}\n`;
    }
    history += `${row.id}\t\\N${historyTail}${copyText(row.note)}\n`;
  }
  return { positions, options, history };
}

export class PositionRowsWriter {
  constructor(readonly method: InsertMethod) {}

  /** Writes the batch in the query runner's open transaction. */
  async write(
    runner: QueryRunner,
    rows: readonly NewImportedPosition[],
    context: ImportedRowsContext,
  ): Promise<void> {
    if (rows.length === 0) return;
    const now = new Date().toISOString();
    if (this.method === 'copy') await this.copy(runner, rows, context, now);
    else await this.unnest(runner, rows, context, now);
  }

  private async copy(
    runner: QueryRunner,
    rows: readonly NewImportedPosition[],
    context: ImportedRowsContext,
    now: string,
  ): Promise<void> {
    const payload = copyPayload(rows, context, now);
    const client = (await runner.connect()) as CopyCapableClient;
    await copyInto(client, `COPY debt_position (${POSITION_COLUMNS}) FROM STDIN`, payload.positions);
    await copyInto(client, `COPY payment_option (${OPTION_COLUMNS}) FROM STDIN`, payload.options);
    await copyInto(client, `COPY position_history (${HISTORY_COLUMNS}) FROM STDIN`, payload.history);
  }

  private async unnest(
    runner: QueryRunner,
    rows: readonly NewImportedPosition[],
    context: ImportedRowsContext,
    now: string,
  ): Promise<void> {
    const positionColumns: (string | null)[][] = POSITION_TYPES.map(() => []);
    const optionColumns: (string | null)[][] = OPTION_TYPES.map(() => []);
    const historyColumns: (string | null)[][] = HISTORY_TYPES.map(() => []);
    for (const row of rows) {
      positionValues(row, context, now).forEach((value, column) => positionColumns[column]?.push(value));
      for (let i = 0; i < row.position.options.length; i++) {
        optionValues(row, i, context.entityId).forEach((value, column) => optionColumns[column]?.push(value));
      }
      [row.id, null, 'VALID', context.actor, row.note].forEach((value, column) =>
        historyColumns[column]?.push(value),
      );
    }
    await runner.query(unnestInsert('debt_position', POSITION_COLUMNS, POSITION_TYPES), positionColumns);
    await runner.query(unnestInsert('payment_option', OPTION_COLUMNS, OPTION_TYPES), optionColumns);
    await runner.query(unnestInsert('position_history', HISTORY_COLUMNS, HISTORY_TYPES), historyColumns);
  }
}

function unnestInsert(table: string, columns: string, types: readonly string[]): string {
  const arrays = types.map((type, index) => `$${index + 1}::${type}[]`).join(', ');
  return `INSERT INTO ${table} (${columns}) SELECT * FROM unnest(${arrays})`;
}

/** The `pg` client under a PostgreSQL query runner: it runs a pg-copy-streams query as a writable stream. */
interface CopyCapableClient {
  query(stream: Writable): Writable;
}

async function copyInto(client: CopyCapableClient, sql: string, text: string): Promise<void> {
  // Loaded on first use: only the PostgreSQL path needs it.
  const { from } = await import('pg-copy-streams');
  await new Promise<void>((resolve, reject) => {
    const stream = client.query(from(sql));
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.end(text);
  });
}
