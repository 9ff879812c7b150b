import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { NoticeDocument, ReceiptDocument } from './rendering/documents';
import type { RenderReply, RenderRequest } from './rendering/render-worker';

type Task = {
  request: RenderRequest;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
};

interface Slot {
  worker: Worker;
  inFlight: Map<number, Task>;
}

/** Requests each thread holds at once: the next one is queued while the current one renders. */
const PER_THREAD = 2;
/**
 * Heap ceiling of a rendering thread. A thread's live data is a few tens of MB (fonts, caches, one document),
 * but V8 lets the old generation grow far beyond it under pdfmake's allocation rate; a ceiling keeps the RSS of
 * a long batch flat.
 */
const THREAD_HEAP_MB = 160;

/**
 * Where the rendering thread's code is: next to the bundle (`notice-render-worker.js`, a webpack entry of the API)
 * or, when running from the TypeScript sources (tests, scripts), the .ts file through the workspace's TS loader.
 */
function workerEntry(): { file: string; execArgv: string[] } {
  const bundled = join(__dirname, 'notice-render-worker.js');
  if (existsSync(bundled)) return { file: bundled, execArgv: [] };
  const source = join(__dirname, 'rendering', 'render-worker.ts');
  const loader = resolve(__dirname, '../../../../../tools/scripts/register-ts.cjs');
  if (!existsSync(source) || !existsSync(loader)) {
    throw new Error('notice rendering thread not found (notice-render-worker.js or render-worker.ts)');
  }
  return { file: source, execArgv: ['-r', loader] };
}

/**
 * Renders notices and receipts in worker threads, so the API's event loop never runs pdfmake. Threads start on
 * demand and stop after `idleMs` without work (or on `close`), handing their memory back. Results come back in any order;
 * callers that need order (batches) keep their own window.
 */
export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private sequence = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly threads = Math.max(1, availableParallelism()),
    private readonly idleMs = 30_000,
  ) {}

  renderNotice(document: NoticeDocument): Promise<Buffer> {
    return this.submit({ id: ++this.sequence, kind: 'notice', document });
  }

  renderReceipt(document: ReceiptDocument): Promise<Buffer> {
    return this.submit({ id: ++this.sequence, kind: 'receipt', document });
  }

  /** Stops every thread; queued and running renders are rejected. */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const slots = this.slots.splice(0);
    for (const task of this.queue.splice(0)) task.reject(new Error('rendering stopped'));
    await Promise.all(
      slots.map(async (slot) => {
        this.failAll(slot, new Error('rendering stopped'));
        await slot.worker.terminate();
      }),
    );
  }

  private submit(request: RenderRequest): Promise<Buffer> {
    return new Promise<Buffer>((resolvePdf, reject) => {
      this.queue.push({ request, resolve: resolvePdf, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    while (this.queue.length) {
      let slot = this.slots.reduce<Slot | undefined>(
        (best, candidate) =>
          candidate.inFlight.size < PER_THREAD && (!best || candidate.inFlight.size < best.inFlight.size)
            ? candidate
            : best,
        undefined,
      );
      if ((!slot || slot.inFlight.size > 0) && this.slots.length < this.threads) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift() as Task;
      slot.inFlight.set(task.request.id, task);
      slot.worker.postMessage(task.request);
    }
    this.scheduleIdleStop();
  }

  private spawn(): Slot {
    const { file, execArgv } = workerEntry();
    const worker = new Worker(file, {
      execArgv,
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    const slot: Slot = { worker, inFlight: new Map() };
    worker.on('message', (reply: RenderReply) => {
      const task = slot.inFlight.get(reply.id);
      if (!task) return;
      slot.inFlight.delete(reply.id);
      if ('error' in reply) task.reject(new Error(reply.error));
      else task.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
      this.dispatch();
    });
    const retire = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      this.failAll(slot, error);
      this.dispatch();
    };
    worker.on('error', (error) => retire(error));
    worker.on('exit', (code) => retire(new Error(`rendering thread stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  private failAll(slot: Slot, error: Error): void {
    for (const task of slot.inFlight.values()) task.reject(error);
    slot.inFlight.clear();
  }

  private scheduleIdleStop(): void {
    const busy = this.queue.length > 0 || this.slots.some((slot) => slot.inFlight.size > 0);
    if (busy || !this.slots.length || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.queue.length || this.slots.some((slot) => slot.inFlight.size > 0)) return;
      for (const slot of this.slots.splice(0)) void slot.worker.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }
}
