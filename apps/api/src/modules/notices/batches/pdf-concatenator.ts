/**
 * Streams many PDFs into one, page after page, in constant memory: each input's objects are written out as
 * soon as it arrives, renumbered after the previous ones, and only the object offsets and page numbers are
 * kept (a few bytes per object) for the final page tree and cross-reference table.
 *
 * pdf-lib (or pdfmake rendering every notice into one document) would hold the whole merged document in memory
 * until it is saved: hundreds of MB for a batch of 10,000. The inputs are the notices our own renderer
 * (pdfmake → pdfkit) writes: a classic `xref` table, one page tree, no object streams, no encryption, and no
 * user text outside content streams and the Info dictionary (which is dropped). References are rewritten only in
 * the dictionary part of each object; stream bytes are copied untouched (their /Length is a direct number).
 */
export class PdfConcatenator {
  private written = 0;
  /** Byte offset of every object, by number; 1 is the catalog, 2 the page tree. */
  private readonly offsets: number[] = [0, 0, 0];
  private readonly pages: number[] = [];
  private started = false;

  constructor(private readonly sink: (chunk: Buffer) => Promise<void>) {}

  get pageCount(): number {
    return this.pages.length;
  }

  /** Appends every page of `pdf`; returns how many it had. */
  async append(pdf: Buffer): Promise<number> {
    if (!this.started) {
      this.started = true;
      await this.emit(Buffer.from('%PDF-1.3\n%\xE2\xE3\xCF\xD3\n', 'latin1'));
    }
    const { objects, root, info } = readXref(pdf);
    const catalog = objectAt(pdf, objects.get(root) ?? -1);
    const pagesRef = refIn(catalog.dictionary, 'Pages');
    const tree = objectAt(pdf, objects.get(pagesRef) ?? -1);
    const kids = [...(/\/Kids\s*\[([^\]]*)\]/.exec(tree.dictionary)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map(
      (match) => Number(match[1]),
    );
    if (!kids.length) throw new Error('PDF without pages');
    const skipped = new Set([root, pagesRef, ...(info !== undefined ? [info] : [])]);
    const renumber = new Map<number, number>([[pagesRef, 2]]);
    const kept = [...objects.keys()].filter((number) => !skipped.has(number)).sort((a, b) => a - b);
    for (const number of kept) renumber.set(number, this.offsets.length + renumber.size - 1);
    for (const number of kept) {
      const object = objectAt(pdf, objects.get(number) as number);
      const dictionary = object.dictionary.replace(/(\d+) 0 R/g, (_match, ref: string) => {
        const target = renumber.get(Number(ref));
        if (target === undefined) throw new Error(`PDF object ${number} refers to a missing object ${ref}`);
        return `${target} 0 R`;
      });
      this.offsets.push(this.written);
      await this.emit(
        Buffer.concat([
          Buffer.from(`${renumber.get(number)} 0 obj\n${dictionary}`, 'latin1'),
          pdf.subarray(object.bodyStart, object.end),
        ]),
      );
    }
    for (const kid of kids) this.pages.push(renumber.get(kid) as number);
    return kids.length;
  }

  /** Writes the page tree, the catalog, the cross-reference table and the trailer. */
  async finish(): Promise<void> {
    if (!this.pages.length) throw new Error('no pages to write');
    this.offsets[2] = this.written;
    await this.emit(
      Buffer.from(
        `2 0 obj\n<<\n/Type /Pages\n/Count ${this.pages.length}\n/Kids [${this.pages
          .map((page) => `${page} 0 R`)
          .join(' ')}]\n>>\nendobj\n`,
        'latin1',
      ),
    );
    this.offsets[1] = this.written;
    await this.emit(Buffer.from('1 0 obj\n<<\n/Type /Catalog\n/Pages 2 0 R\n>>\nendobj\n', 'latin1'));
    const xrefAt = this.written;
    const size = this.offsets.length;
    let table = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let number = 1; number < size; number++) {
      table += `${String(this.offsets[number]).padStart(10, '0')} 00000 n \n`;
      if (table.length > 1 << 16) {
        await this.emit(Buffer.from(table, 'latin1'));
        table = '';
      }
    }
    table += `trailer\n<<\n/Size ${size}\n/Root 1 0 R\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;
    await this.emit(Buffer.from(table, 'latin1'));
  }

  private async emit(chunk: Buffer): Promise<void> {
    this.written += chunk.length;
    await this.sink(chunk);
  }
}

interface PdfObject {
  /** The object's text from after `N G obj` up to its stream data or `endobj` (latin1). */
  dictionary: string;
  /** Where the bytes copied verbatim start (stream data or `endobj`), and where the object ends. */
  bodyStart: number;
  end: number;
}

function readXref(pdf: Buffer): { objects: Map<number, number>; root: number; info?: number } {
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!startxref) throw new Error('PDF without startxref');
  const xref = pdf.subarray(Number(startxref[1])).toString('latin1');
  const header = /^xref\s+0\s+(\d+)\s+/.exec(xref);
  if (!header) throw new Error('PDF without a classic cross-reference table');
  const count = Number(header[1]);
  const objects = new Map<number, number>();
  const entries = xref.slice(header[0].length).split(/\r?\n/);
  for (let number = 0; number < count; number++) {
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(entries[number]?.trim() ?? '');
    if (!entry) throw new Error(`bad cross-reference entry ${number}`);
    if (entry[3] === 'n') objects.set(number, Number(entry[1]));
  }
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(xref)?.[1] ?? '';
  const root = refIn(trailer, 'Root');
  const info = /\/Info (\d+) 0 R/.exec(trailer);
  return { objects, root, ...(info ? { info: Number(info[1]) } : {}) };
}

function refIn(dictionary: string, key: string): number {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary);
  if (!match) throw new Error(`PDF dictionary without /${key}`);
  return Number(match[1]);
}

function objectAt(pdf: Buffer, offset: number): PdfObject {
  if (offset < 0) throw new Error('PDF object missing from the cross-reference table');
  // the dictionary part is short: read a window, larger until it holds the end of the dictionary
  let size = 4096;
  let window = '';
  let streamAt = -1;
  let endobjAt = -1;
  let header: RegExpExecArray | null = null;
  for (;;) {
    window = pdf.subarray(offset, Math.min(pdf.length, offset + size)).toString('latin1');
    header = /^\d+ \d+ obj\s*/.exec(window);
    if (!header) throw new Error(`no PDF object at offset ${offset}`);
    streamAt = window.indexOf('stream\n', header[0].length);
    endobjAt = window.indexOf('endobj', header[0].length);
    if (streamAt >= 0 || endobjAt >= 0 || offset + size >= pdf.length) break;
    size *= 4;
  }
  if (streamAt >= 0 && (endobjAt < 0 || streamAt < endobjAt)) {
    const dictionary = window.slice(header[0].length, streamAt);
    const length = /\/Length (\d+)/.exec(dictionary);
    if (!length) throw new Error('PDF stream without a direct /Length');
    const dataStart = offset + streamAt + 'stream\n'.length;
    const after = pdf.indexOf('endobj', dataStart + Number(length[1]), 'latin1');
    if (after < 0) throw new Error('unterminated PDF stream object');
    return { dictionary, bodyStart: offset + streamAt, end: after + 'endobj\n'.length };
  }
  if (endobjAt < 0) throw new Error('unterminated PDF object');
  return {
    dictionary: window.slice(header[0].length, endobjAt),
    bodyStart: offset + endobjAt,
    end: offset + endobjAt + 'endobj\n'.length,
  };
}
