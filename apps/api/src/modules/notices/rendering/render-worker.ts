import { parentPort } from 'node:worker_threads';
import type { NoticeDocument, ReceiptDocument, RenderImage } from './documents';
import { renderNoticePdf } from './notice-pdf';
import { renderReceiptPdf } from './receipt-pdf';

/** A render request sent to a rendering thread (render-pool.ts). */
export type RenderRequest =
  | { id: number; kind: 'notice'; document: NoticeDocument }
  | { id: number; kind: 'receipt'; document: ReceiptDocument };

export type RenderReply = { id: number; pdf: Uint8Array } | { id: number; error: string };

/** Structured cloning turns a Buffer into a plain Uint8Array: give raster logos their Buffer back. */
function restoreImage(image: RenderImage | undefined): RenderImage | undefined {
  if (!image || image.type === 'svg' || Buffer.isBuffer(image.data)) return image;
  const data = image.data as Uint8Array;
  return { type: image.type, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
}

async function render(request: RenderRequest): Promise<Buffer> {
  if (request.kind === 'notice') {
    const { document } = request;
    return renderNoticePdf({
      ...document,
      creditor: { ...document.creditor, logo: restoreImage(document.creditor.logo) },
    });
  }
  const { document } = request;
  const psp = document.psp ? { ...document.psp, logo: restoreImage(document.psp.logo) } : undefined;
  return renderReceiptPdf({ ...document, ...(psp ? { psp } : {}) });
}

parentPort?.on('message', (request: RenderRequest) => {
  render(request).then(
    (pdf) => {
      // hand the bytes over without a copy
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      const transfer = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? [pdf.buffer] : [];
      parentPort?.postMessage(
        { id: request.id, pdf: bytes } satisfies RenderReply,
        transfer as ArrayBuffer[],
      );
    },
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies RenderReply),
  );
});
