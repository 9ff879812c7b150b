import { EventEmitter, once } from 'node:events';
import yazl from 'yazl';
import { PdfConcatenator } from './pdf-concatenator';

/** Size of the pieces a batch file is stored in. */
export const CHUNK_BYTES = 1024 * 1024;

/** Collects a stream of bytes into pieces of `CHUNK_BYTES` handed to `store` in order. */
export class ChunkedSink {
  private parts: Buffer[] = [];
  private buffered = 0;
  private seq = 0;
  size = 0;

  constructor(private readonly store: (seq: number, data: Buffer) => Promise<void>) {}

  async write(chunk: Buffer): Promise<void> {
    this.parts.push(chunk);
    this.buffered += chunk.length;
    this.size += chunk.length;
    while (this.buffered >= CHUNK_BYTES) {
      const all = Buffer.concat(this.parts);
      await this.store(this.seq++, all.subarray(0, CHUNK_BYTES));
      this.parts = all.length > CHUNK_BYTES ? [all.subarray(CHUNK_BYTES)] : [];
      this.buffered = all.length - CHUNK_BYTES;
    }
  }

  async close(): Promise<void> {
    if (this.buffered) await this.store(this.seq++, Buffer.concat(this.parts));
    this.parts = [];
    this.buffered = 0;
  }
}

/** Where the notices of a batch go: one merged PDF or a ZIP with one PDF per notice. */
export interface BatchOutput {
  add(fileName: string, pdf: Buffer): Promise<void>;
  finish(): Promise<{ pages: number | null }>;
}

export class MergedPdfOutput implements BatchOutput {
  private readonly pdf: PdfConcatenator;

  constructor(sink: ChunkedSink) {
    this.pdf = new PdfConcatenator((chunk) => sink.write(chunk));
  }

  async add(_fileName: string, pdf: Buffer): Promise<void> {
    await this.pdf.append(pdf);
  }

  async finish(): Promise<{ pages: number }> {
    await this.pdf.finish();
    return { pages: this.pdf.pageCount };
  }
}

/** Bytes the ZIP may hold ahead of the storage before `add` waits. */
const ZIP_AHEAD_BYTES = 8 * 1024 * 1024;

/**
 * A ZIP written by yazl as the PDFs arrive. PDFs are stored without compression (their content is deflated
 * already). yazl queues what it is given, so `add` waits while the storage is more than 8 MiB behind.
 */
export class ZipOutput implements BatchOutput {
  private readonly zip = new yazl.ZipFile();
  private readonly progress = new EventEmitter();
  private added = 0;
  private stored = 0;
  private failure: unknown;
  private readonly pumped: Promise<void>;

  constructor(
    sink: ChunkedSink,
    private readonly mtime = new Date(),
  ) {
    this.pumped = (async () => {
      try {
        for await (const chunk of this.zip.outputStream as AsyncIterable<Buffer>) {
          await sink.write(chunk);
          this.stored += chunk.length;
          this.progress.emit('stored');
        }
      } catch (error) {
        this.failure = error;
        this.progress.emit('stored');
      }
    })();
  }

  async add(fileName: string, pdf: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.zip.addBuffer(pdf, fileName, { compress: false, mtime: this.mtime });
    this.added += pdf.length;
    while (!this.failure && this.added - this.stored > ZIP_AHEAD_BYTES) await once(this.progress, 'stored');
    if (this.failure) throw this.failure;
  }

  async finish(): Promise<{ pages: null }> {
    this.zip.end();
    await this.pumped;
    if (this.failure) throw this.failure;
    return { pages: null };
  }
}
