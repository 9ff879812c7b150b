import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ApiErrorCode,
  type Page,
  POSITION_IMPORT_LIMITS,
  type PositionImport,
  type PositionImportFormat,
} from '@pagamenti/contracts';
import { ApiException } from '../../../common/api-exception';
import { JobsService } from '../../jobs/jobs.service';
import { PositionsRepository } from '../positions.repository';
import { CsvReader, detectSeparator, firstLine, SEPARATOR_LABELS, type CsvSeparator } from './csv-reader';
import { csvLine } from './csv-values';
import { JsonArrayFormatError, JsonArrayReader } from './json-array-reader';
import { POSITION_IMPORT_JOB } from './position-import.job';
import { type PositionImportRow } from './position-import.entity';
import { type ImportProgress, PositionImportsRepository } from './position-imports.repository';
import { readHeader } from './position-csv-format';
import { templateCsv } from './position-template';
import { ChunkDecoder, ENCODING_LABELS, type InspectedFile, UploadInspector } from './text-decoding';

/**
 * Rows per batch (one transaction each): about a hundredth of the file, between 500 and 10,000 rows — big enough
 * for COPY to stream and for the per-transaction costs to vanish, small enough for a lively progress bar.
 */
export function batchSizeFor(totalRows: number): number {
  return Math.min(10_000, Math.max(500, Math.ceil(totalRows / 100 / 500) * 500));
}
/** Bytes per stored chunk of the upload. */
const CHUNK_BYTES = 1024 * 1024;
/** An upload still "streaming" after this long was cut off (its process died): its chunks are removed. */
const ABANDONED_UPLOAD_MS = 3_600_000;

export const OUTCOMES_HEADER = ['riga', 'azione', 'iupd', 'esito', 'numero_avviso', 'iuv', 'messaggio'];
export const JSON_ERRORS_HEADER = ['elemento', 'azione', 'iupd', 'errore'];

export interface UploadRequest {
  entityId: string;
  format: PositionImportFormat;
  fileName: string | null;
  dryRun: boolean;
  actor: string;
  body: AsyncIterable<Buffer>;
  /** Declared length, to refuse an oversized body before reading it. */
  contentLength: number | null;
  /** Tests and the benchmark: rows per batch. */
  batchSize?: number;
}

function tooLarge(message: string): ApiException {
  return new ApiException(ApiErrorCode.PayloadTooLarge, message, HttpStatus.PAYLOAD_TOO_LARGE);
}

const MAX_MB = POSITION_IMPORT_LIMITS.maxBytes / 1024 / 1024;

/**
 * Bulk uploads of debt positions: stores the uploaded file in the database while it streams in (checking size,
 * encoding, header and row count on the way), queues the import job, and serves the import's status and its
 * reports.
 */
@Injectable()
export class PositionImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: PositionImportsRepository,
    private readonly positions: PositionsRepository,
    private readonly jobs: JobsService,
  ) {}

  async upload(request: UploadRequest): Promise<PositionImport> {
    if (request.contentLength !== null && request.contentLength > POSITION_IMPORT_LIMITS.maxBytes) {
      throw tooLarge(`Il file supera il limite di ${MAX_MB} MB: dividilo in più file.`);
    }
    if (!(await this.positions.findEntity(request.entityId))) {
      throw new ApiException(ApiErrorCode.NotFound, 'L’ente non esiste.', HttpStatus.NOT_FOUND);
    }
    await this.imports.deleteAbandonedUploads(new Date(Date.now() - ABANDONED_UPLOAD_MS));
    const record = await this.imports.createImport({
      entityId: request.entityId,
      status: 'UPLOADING',
      dryRun: request.dryRun,
      format: request.format,
      fileName: request.fileName?.slice(0, 255) ?? null,
      batchSize: request.batchSize ?? 0,
      createdBy: request.actor,
    });
    try {
      const inspector = new UploadInspector();
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let seq = 0;
      const flush = async () => {
        if (pendingBytes === 0) return;
        await this.imports.appendChunk(record.id, seq++, Buffer.concat(pending, pendingBytes));
        pending = [];
        pendingBytes = 0;
      };
      for await (const chunk of request.body) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        inspector.update(buffer);
        if (inspector.bytesSeen > POSITION_IMPORT_LIMITS.maxBytes) {
          throw tooLarge(`Il file supera il limite di ${MAX_MB} MB: dividilo in più file.`);
        }
        pending.push(buffer);
        pendingBytes += buffer.length;
        if (pendingBytes >= CHUNK_BYTES) await flush();
      }
      await flush();
      const file = inspector.finish();
      if (file.unreadable) throw badFile(file.unreadable);
      const facts =
        request.format === 'CSV' ? this.csvFacts(file, inspector) : await this.jsonFacts(record.id, file);
      if (facts.totalRows > POSITION_IMPORT_LIMITS.maxRows) {
        throw tooLarge(
          `Il file ha ${facts.totalRows.toLocaleString('it-IT')} righe: il limite è ${POSITION_IMPORT_LIMITS.maxRows.toLocaleString('it-IT')} per caricamento. Dividilo in più file.`,
        );
      }
      await this.dataSource.transaction(async (manager) => {
        const job = await this.jobs.enqueue(
          {
            type: POSITION_IMPORT_JOB,
            payload: { importId: record.id },
            dedupeKey: `${POSITION_IMPORT_JOB}:${record.id}`,
          },
          manager,
        );
        await this.imports.updateImport(
          record.id,
          {
            status: 'QUEUED',
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
            encoding: request.format === 'CSV' ? file.encoding : null,
            separator: facts.separator,
            header: facts.header,
            totalRows: facts.totalRows,
            batchSize: request.batchSize ?? batchSizeFor(facts.totalRows),
            warnings: facts.warnings,
            jobId: job.id,
          },
          manager,
        );
      });
    } catch (error) {
      await this.imports.deleteImport(record.id);
      throw error;
    }
    return this.get(request.entityId, record.id);
  }

  /** Separator, header and row count of a CSV, from the bytes seen during the upload. */
  private csvFacts(file: InspectedFile, inspector: UploadInspector) {
    const warnings: string[] = [];
    const decoder = new ChunkDecoder(file.encoding);
    const headerLine = firstLine(decoder.decode(file.head));
    const separator = detectSeparator(headerLine);
    if (separator === null) {
      throw badFile(
        'Non trovo il separatore delle colonne nella prima riga: il file deve avere l’intestazione con i nomi delle colonne separati da punto e virgola (;) o virgola (,).',
      );
    }
    const headerCells = new CsvReader(separator).push(`${headerLine}\n`)[0];
    const header = headerCells && 'fields' in headerCells ? headerCells.fields : [];
    const check = readHeader(header);
    if (!check.ok) {
      throw new ApiException(
        ApiErrorCode.ValidationFailed,
        `L’intestazione del file non è valida: ${check.errors.map((error) => error.message).join('; ')}.`,
        HttpStatus.BAD_REQUEST,
        check.errors,
      );
    }
    if (file.encoding === 'WINDOWS-1252') {
      warnings.push(
        'Il file non è in UTF-8: è stato letto come Windows-1252 (Latin-1), la codifica di Excel su Windows. Controlla le lettere accentate nell’esito.',
      );
    } else if (file.encoding === 'UTF-16LE' || file.encoding === 'UTF-16BE') {
      warnings.push(`Il file è in ${ENCODING_LABELS[file.encoding]}: è stato convertito.`);
    }
    if (separator !== ';') {
      warnings.push(
        `Colonne separate da ${SEPARATOR_LABELS[separator]} invece che da punto e virgola: riconosciuto.`,
      );
    }
    const records = inspector.recordSeparators + (inspector.endsWithoutLineFeed ? 1 : 0);
    return { separator: separator as CsvSeparator, header, totalRows: Math.max(0, records - 1), warnings };
  }

  /** Item count of a JSON upload: one pass over the stored file with the streaming reader. */
  private async jsonFacts(importId: string, file: InspectedFile) {
    const decoder = new ChunkDecoder(file.encoding);
    const reader = new JsonArrayReader({ parse: false });
    try {
      for await (const chunk of this.imports.chunks(importId)) reader.push(decoder.decode(chunk));
      reader.push(decoder.decode(new Uint8Array(0), true), true);
    } catch (error) {
      if (error instanceof JsonArrayFormatError) throw badFile(error.message);
      throw error;
    }
    return { separator: null, header: null, totalRows: reader.itemsRead, warnings: [] as string[] };
  }

  async get(entityId: string, id: string): Promise<PositionImport> {
    const record = await this.imports.findImport(id);
    if (!record || record.entityId !== entityId || record.status === 'UPLOADING') throw importNotFound();
    const progress = await this.imports.progress([id]);
    return toPositionImport(record, progress.get(id));
  }

  async list(entityId: string, limit: number, cursor?: string): Promise<Page<PositionImport>> {
    const before = cursor ? decodeImportCursor(cursor) : undefined;
    const rows = await this.imports.listImports(entityId, limit + 1, before);
    const page = rows.slice(0, limit);
    const progress = await this.imports.progress(page.map((row) => row.id));
    const last = page[page.length - 1];
    return {
      items: page.map((row) => toPositionImport(row, progress.get(row.id))),
      nextCursor:
        rows.length > limit && last
          ? Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.id])).toString('base64url')
          : null,
    };
  }

  /** `outcomes.csv` or `errors.csv`, streamed batch by batch (UTF-8 with BOM, so that Excel shows accents). */
  async *report(entityId: string, id: string, kind: 'outcomes' | 'errors'): AsyncGenerator<string> {
    const record = await this.imports.findImport(id);
    if (!record || record.entityId !== entityId || record.status === 'UPLOADING') throw importNotFound();
    const header =
      kind === 'outcomes'
        ? OUTCOMES_HEADER
        : record.format === 'CSV'
          ? [...(record.header ?? []), 'riga', 'errore']
          : JSON_ERRORS_HEADER;
    yield `\ufeff${csvLine(header)}`;
    yield* this.imports.reportParts(id, kind);
  }

  async template(entityId: string, dueTypeCode: string): Promise<string> {
    const dueType = await this.positions.findDueType(entityId, { code: dueTypeCode });
    if (!dueType) {
      throw new ApiException(
        ApiErrorCode.NotFound,
        `Il tipo dovuto ${dueTypeCode} non è nel catalogo dell’ente.`,
        HttpStatus.NOT_FOUND,
      );
    }
    return `\ufeff${templateCsv(dueType, new Date())}`;
  }

  async reportFileName(entityId: string, id: string, kind: 'outcomes' | 'errors'): Promise<string> {
    const record = await this.imports.findImport(id);
    if (!record || record.entityId !== entityId) throw importNotFound();
    const base = (record.fileName ?? 'caricamento').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]+/g, '_');
    return `${base}-${kind === 'outcomes' ? 'esiti' : 'errori'}.csv`;
  }
}

function badFile(message: string): ApiException {
  return new ApiException(ApiErrorCode.ValidationFailed, message, HttpStatus.BAD_REQUEST, [
    { field: 'file', message, rule: 'readableFile' },
  ]);
}

function importNotFound(): ApiException {
  return new ApiException(ApiErrorCode.NotFound, 'Il caricamento non esiste.', HttpStatus.NOT_FOUND);
}

function decodeImportCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof createdAt === 'string' &&
      !Number.isNaN(Date.parse(createdAt)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    ) {
      return { createdAt, id };
    }
  } catch {
    // fall through
  }
  throw new ApiException(ApiErrorCode.ValidationFailed, 'Il cursore non è valido.', HttpStatus.BAD_REQUEST, [
    {
      field: 'cursor',
      message: 'cursor non valido: usa il nextCursor della pagina precedente',
      rule: 'cursor',
    },
  ]);
}

export function toPositionImport(
  row: PositionImportRow,
  progress: ImportProgress | undefined,
): PositionImport {
  const finished = row.status === 'SUCCEEDED' || row.status === 'FAILED';
  const totalRows = row.totalRows;
  const rowsDone = Math.min(progress?.rowsDone ?? 0, Math.max(totalRows, progress?.rowsDone ?? 0));
  let estimatedSecondsLeft: number | null = null;
  if (row.status === 'RUNNING' && row.startedAt && rowsDone > 0 && totalRows > rowsDone) {
    const elapsed = (Date.now() - row.startedAt.getTime()) / 1000;
    estimatedSecondsLeft = Math.max(1, Math.round((elapsed * (totalRows - rowsDone)) / rowsDone));
  }
  return {
    id: row.id,
    entityId: row.entityId,
    status: row.status === 'UPLOADING' ? 'QUEUED' : row.status,
    dryRun: row.dryRun,
    format: row.format,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256 ?? '',
    encoding: row.encoding ? ENCODING_LABELS[row.encoding] : null,
    separator: row.separator ? (SEPARATOR_LABELS[row.separator as CsvSeparator] ?? row.separator) : null,
    totalRows,
    rowsDone: row.status === 'SUCCEEDED' ? totalRows : rowsDone,
    counts: {
      created: progress?.created ?? 0,
      updated: progress?.updated ?? 0,
      cancelled: progress?.cancelled ?? 0,
      unchanged: progress?.unchanged ?? 0,
      failedRows: progress?.failedRows ?? 0,
    },
    error: row.error,
    warnings: row.warnings,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: finished && row.finishedAt ? row.finishedAt.toISOString() : null,
    estimatedSecondsLeft,
  };
}
