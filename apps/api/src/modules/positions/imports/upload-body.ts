import { type IncomingMessage } from 'node:http';
import { type Readable } from 'node:stream';
import busboy from 'busboy';
import { HttpStatus } from '@nestjs/common';
import { ApiErrorCode, type PositionImportFormat } from '@pagamenti/contracts';
import { ApiException } from '../../../common/api-exception';

const UPLOAD_PATH = /^\/api\/v1\/entities\/[^/]+\/position-imports\/?(?:\?|$)/;

/**
 * The bulk-upload route reads its own body as a stream (up to 100 MB, into the database chunk by chunk), so the
 * global JSON parser with its small limit must leave it alone. Used by `bootstrap.ts`.
 */
export function streamsOwnBody(request: IncomingMessage): boolean {
  return request.method === 'POST' && UPLOAD_PATH.test(request.url ?? '');
}

export interface UploadStream {
  format: PositionImportFormat;
  fileName: string | null;
  body: AsyncIterable<Buffer>;
}

function formatOf(contentType: string, fileName: string | null): PositionImportFormat | null {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json')) return 'JSON';
  if (fileName?.toLowerCase().endsWith('.json')) return 'JSON';
  if (
    type === 'text/csv' ||
    type === 'text/plain' ||
    type === 'application/csv' ||
    type === 'application/vnd.ms-excel' ||
    type === 'application/octet-stream' ||
    type === ''
  ) {
    return 'CSV';
  }
  return null;
}

function unsupported(contentType: string): ApiException {
  return new ApiException(
    ApiErrorCode.UnsupportedMediaType,
    `Tipo di contenuto non supportato (${contentType || 'assente'}): invia un CSV (text/csv), un JSON (application/json) o un file in multipart/form-data.`,
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  );
}

/**
 * The uploaded file as a stream of bytes: the request body itself (`text/csv`, `application/json`), or the
 * first file of a `multipart/form-data` form (field `file`, as the back office sends it).
 */
export function uploadStream(
  request: IncomingMessage & Readable,
  fileNameParam: string | undefined,
): Promise<UploadStream> {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    const fileName = fileNameParam?.trim() || null;
    const format = formatOf(contentType, fileName);
    if (format === null) return Promise.reject(unsupported(contentType));
    return Promise.resolve({ format, fileName, body: request });
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1, fields: 10 } });
    } catch {
      reject(unsupported(contentType));
      return;
    }
    let found = false;
    parser.on('file', (_field, file, info) => {
      if (found) {
        file.resume();
        return;
      }
      found = true;
      const fileName = info.filename?.trim() || fileNameParam?.trim() || null;
      const format = formatOf(info.mimeType, fileName);
      if (format === null) {
        file.resume();
        reject(unsupported(info.mimeType));
        return;
      }
      resolve({ format, fileName, body: file });
    });
    parser.on('error', () =>
      reject(
        new ApiException(
          ApiErrorCode.BadRequest,
          'Il modulo multipart non è leggibile.',
          HttpStatus.BAD_REQUEST,
        ),
      ),
    );
    parser.on('close', () => {
      if (!found) {
        reject(
          new ApiException(
            ApiErrorCode.ValidationFailed,
            'Nessun file nel modulo: invia il file nel campo "file".',
            HttpStatus.BAD_REQUEST,
            [{ field: 'file', message: 'Il file è obbligatorio.', rule: 'required' }],
          ),
        );
      }
    });
    request.pipe(parser);
  });
}
