/**
 * Notice rendering benchmark: renders N notices (default 10,000; `--count N`) with worker threads (default one
 * per core; `--workers N`), streams every PDF to disk, and prints notices/s, average and largest size, and RSS.
 * Usage: npm run bench:notices -- [--count 10000] [--workers 2] [--variant single-postal|single|installments-3] [--keep]
 */
import { mkdirSync, rmSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark drives the API's renderer directly
import {
  POSTAL,
  installmentNotice,
  noticeNumber,
  singleNotice,
} from '../../apps/api/src/modules/notices/rendering/fixtures';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { renderNoticePdf } from '../../apps/api/src/modules/notices/rendering/notice-pdf';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import type { NoticeDocument } from '../../apps/api/src/modules/notices/rendering/documents';

interface Job {
  from: number;
  to: number;
  variant: string;
  out: string;
}
interface Report {
  done: number;
  bytes: number;
  maxBytes: number;
  rss: number;
}

function documentFor(variant: string, i: number): NoticeDocument {
  const base =
    variant === 'installments-3'
      ? installmentNotice(3)
      : singleNotice(
          variant === 'single' ? {} : { creditor: { ...singleNotice().creditor, postal: POSTAL } },
        );
  return {
    ...base,
    notice: {
      ...base.notice,
      noticeNumber: noticeNumber('02', 1_000_000 + i),
      amountCents: 1000 + (i % 50_000),
    },
    debtor: { ...base.debtor, fullName: `Contribuente di prova n. ${i}` },
  };
}

async function work(job: Job): Promise<void> {
  // one file per worker: notices are appended as they are rendered (what a merged or zipped batch streams)
  const stream = createWriteStream(join(job.out, `batch-${job.from}.bin`));
  let bytes = 0;
  let maxBytes = 0;
  for (let i = job.from; i < job.to; i++) {
    const pdf = await renderNoticePdf(documentFor(job.variant, i));
    bytes += pdf.length;
    maxBytes = Math.max(maxBytes, pdf.length);
    if (!stream.write(pdf)) await new Promise((r) => stream.once('drain', r));
    if ((i - job.from) % 50 === 49 || i === job.to - 1) {
      const report: Report = { done: i - job.from + 1, bytes, maxBytes, rss: process.memoryUsage().rss };
      parentPort?.postMessage(report);
      bytes = 0;
    }
  }
  await new Promise<void>((r) => stream.end(r));
}

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const count = Number(arg('count', '10000'));
  const workers = Number(arg('workers', String(availableParallelism())));
  const variant = arg('variant', 'single-postal');
  const out = resolve('tmp/bench-notices');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  console.log(`Rendering ${count} notices (${variant}) with ${workers} worker thread(s) into ${out}`);
  const started = performance.now();
  let done = 0;
  let bytes = 0;
  let maxBytes = 0;
  const rss: number[] = [process.memoryUsage().rss];
  const workerRss = new Map<number, number>();
  let middleReported = false;
  // worker threads share the process: its RSS covers every worker heap
  const totalRss = () => Math.max(process.memoryUsage().rss, ...workerRss.values());
  const per = Math.ceil(count / workers);
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const job: Job = { from: w * per, to: Math.min(count, (w + 1) * per), variant, out };
      const worker = new Worker(__filename, { workerData: job, execArgv: process.execArgv });
      const doneBefore = new Map<number, number>();
      return new Promise<void>((resolveWorker, reject) => {
        worker.on('message', (report: Report) => {
          done += report.done - (doneBefore.get(w) ?? 0);
          doneBefore.set(w, report.done);
          bytes += report.bytes;
          maxBytes = Math.max(maxBytes, report.maxBytes);
          workerRss.set(w, report.rss);
          if (!middleReported && done >= count / 2) {
            middleReported = true;
            rss.push(totalRss());
          }
          if (done % 1000 < 50) process.stdout.write(`  ${done}/${count}\r`);
        });
        worker.on('error', reject);
        worker.on('exit', (code) =>
          code === 0 ? resolveWorker() : reject(new Error(`worker exit ${code}`)),
        );
      });
    }),
  );
  rss.push(totalRss());
  const seconds = (performance.now() - started) / 1000;
  console.log(`notices:          ${count}`);
  console.log(`time:             ${seconds.toFixed(1)} s`);
  console.log(`throughput:       ${(count / seconds).toFixed(0)} notices/s`);
  console.log(`average size:     ${(bytes / count / 1024).toFixed(1)} KB`);
  console.log(`largest size:     ${(maxBytes / 1024).toFixed(1)} KB`);
  console.log(`RSS start/middle/end (whole process): ${rss.map(mb).join(' / ')}`);
  if (!process.argv.includes('--keep')) rmSync(out, { recursive: true, force: true });
}

if (isMainThread) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  work(workerData as Job).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
