import { createHash, type Hash } from 'node:crypto';

/**
 * Encodings an uploaded file may arrive in. Spreadsheets save CSV as UTF-8 (with or without BOM), as the
 * Windows code page (Excel "CSV (delimitato dal separatore di elenco)" on Italian Windows: Windows-1252, a
 * superset of Latin-1) or as UTF-16 ("Testo Unicode").
 */
export type FileEncoding = 'UTF-8' | 'UTF-8-BOM' | 'WINDOWS-1252' | 'UTF-16LE' | 'UTF-16BE';

export const ENCODING_LABELS: Readonly<Record<FileEncoding, string>> = {
  'UTF-8': 'UTF-8',
  'UTF-8-BOM': 'UTF-8 con BOM',
  'WINDOWS-1252': 'Windows-1252 (Latin-1)',
  'UTF-16LE': 'UTF-16 (little endian)',
  'UTF-16BE': 'UTF-16 (big endian)',
};

/** What the upload inspector learnt about a file while it streamed past. */
export interface InspectedFile {
  sizeBytes: number;
  sha256: string;
  encoding: FileEncoding;
  /** Why the file cannot be read as text at all (a spreadsheet, an archive, a binary), or null. */
  unreadable: string | null;
  /** The first bytes, to read the header line from without a second pass. */
  head: Buffer;
}

const HEAD_BYTES = 64 * 1024;
const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/**
 * Watches an upload chunk by chunk: size, SHA-256, BOM and signatures of files that are not text, whether the
 * bytes are valid UTF-8, and (for the byte-compatible encodings) how many records the CSV holds — line feeds
 * outside double quotes, counted on the bytes because `"` and LF are single bytes in UTF-8 and Windows-1252.
 */
export class UploadInspector {
  private readonly hash: Hash = createHash('sha256');
  private size = 0;
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private utf8: TextDecoder | null = new TextDecoder('utf-8', { fatal: true });
  private validUtf8 = true;
  private inQuotes = false;
  private lineFeeds = 0;
  private lastByte = -1;

  update(chunk: Buffer): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.headLength < HEAD_BYTES) {
      this.headChunks.push(chunk.subarray(0, HEAD_BYTES - this.headLength));
      this.headLength += Math.min(chunk.length, HEAD_BYTES - this.headLength);
    }
    if (this.utf8) {
      try {
        this.utf8.decode(chunk, { stream: true });
      } catch {
        this.validUtf8 = false;
        this.utf8 = null;
      }
    }
    this.countRecords(chunk);
    if (chunk.length > 0) this.lastByte = chunk[chunk.length - 1] as number;
  }

  /** Line feeds outside quotes seen so far: a cheap count of the CSV records (exact unless cells span lines). */
  get recordSeparators(): number {
    return this.lineFeeds;
  }

  /** True when the file ends without a final line feed (its last record has none). */
  get endsWithoutLineFeed(): boolean {
    return this.size > 0 && this.lastByte !== LINE_FEED;
  }

  get bytesSeen(): number {
    return this.size;
  }

  finish(): InspectedFile {
    if (this.utf8) {
      try {
        this.utf8.decode();
      } catch {
        this.validUtf8 = false;
      }
    }
    const head = Buffer.concat(this.headChunks);
    const bom = detectBom(head);
    const encoding: FileEncoding = bom ?? (this.validUtf8 ? 'UTF-8' : 'WINDOWS-1252');
    return {
      sizeBytes: this.size,
      sha256: this.hash.digest('hex'),
      encoding,
      unreadable: unreadableReason(head, encoding),
      head,
    };
  }

  private countRecords(chunk: Buffer): void {
    let position = 0;
    let inQuotes = this.inQuotes;
    let lineFeeds = this.lineFeeds;
    while (position < chunk.length) {
      if (inQuotes) {
        const close = chunk.indexOf(QUOTE, position);
        if (close < 0) break;
        inQuotes = false;
        position = close + 1;
        continue;
      }
      const quote = chunk.indexOf(QUOTE, position);
      const end = quote < 0 ? chunk.length : quote;
      let feed = chunk.indexOf(LINE_FEED, position);
      while (feed >= 0 && feed < end) {
        lineFeeds++;
        feed = chunk.indexOf(LINE_FEED, feed + 1);
      }
      if (quote < 0) break;
      inQuotes = true;
      position = quote + 1;
    }
    this.inQuotes = inQuotes;
    this.lineFeeds = lineFeeds;
  }
}

export function detectBom(head: Buffer): FileEncoding | null {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'UTF-8-BOM';
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'UTF-16LE';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'UTF-16BE';
  return null;
}

/** Recognises the files people upload by mistake instead of a CSV, to say what to do instead. */
function unreadableReason(head: Buffer, encoding: FileEncoding): string | null {
  if (head.length === 0) return 'Il file è vuoto.';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return 'Il file è un foglio di calcolo Excel/LibreOffice (.xlsx/.ods) o un archivio ZIP: salvalo come "CSV (delimitato da separatore)" e caricalo di nuovo.';
  }
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return 'Il file è un foglio Excel 97-2003 (.xls): salvalo come "CSV (delimitato da separatore)" e caricalo di nuovo.';
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') {
    return 'Il file è un PDF: serve un file CSV (testo separato da punto e virgola).';
  }
  if (encoding !== 'UTF-16LE' && encoding !== 'UTF-16BE' && head.includes(0)) {
    return 'Il file contiene caratteri binari (byte nulli): non è un file di testo CSV.';
  }
  return null;
}

/**
 * A streaming decoder for the detected encoding: strips the BOM and keeps multi-byte characters split across
 * chunks whole. Windows-1252 maps every byte, so it never fails.
 */
export class ChunkDecoder {
  private readonly decoder: TextDecoder;

  constructor(encoding: FileEncoding) {
    const label = encoding === 'UTF-8-BOM' ? 'utf-8' : encoding.toLowerCase();
    // ignoreBOM false (the default) drops a leading BOM of UTF-8 and UTF-16.
    this.decoder = new TextDecoder(label);
  }

  decode(chunk: Uint8Array, final = false): string {
    return this.decoder.decode(chunk, { stream: !final });
  }
}
