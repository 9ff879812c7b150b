/**
 * Notice rendering benchmark: renders N notices (default 10,000; `--count N`) through the API's own batch path
 * — the rendering threads of RenderPool (default one per core; `--workers N`) and the streaming merged PDF or
 * ZIP writer (`--output pdf|zip|none`) — to a file in tmp/bench-notices/, and prints notices/s, average and
 * largest notice size, and the process RSS (all threads) at start, middle and end.
 * Usage: npm run bench:notices -- [--count 10000] [--workers 2] [--output pdf|zip|none]
 *        [--variant single-postal|single|installments-3] [--keep]
 */
import { createWriteStream, mkdirSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark drives the API's renderer directly
import {
  ChunkedSink,
  MergedPdfOutput,
  ZipOutput,
} from '../../apps/api/src/modules/notices/batches/batch-outputs';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { RenderPool } from '../../apps/api/src/modules/notices/render-pool';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import type { NoticeDocument } from '../../apps/api/src/modules/notices/rendering/documents';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import * as fixtures from '../../apps/api/src/modules/notices/rendering/fixtures';

const { POSTAL, installmentNotice, noticeNumber, singleNotice } = fixtures;

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

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function fileWriter(stream: WriteStream) {
  return async (chunk: Buffer) => {
    if (!stream.write(chunk)) await new Promise<void>((drained) => stream.once('drain', () => drained()));
  };
}

async function main(): Promise<void> {
  const count = Number(arg('count', '10000'));
  const workers = Number(arg('workers', String(availableParallelism())));
  const variant = arg('variant', 'single-postal');
  const format = arg('output', 'pdf');
  const out = resolve('tmp/bench-notices');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const file = join(out, `notices.${format}`);
  console.log(`Rendering ${count} notices (${variant}) with ${workers} rendering thread(s) into ${file}`);
  const stream = createWriteStream(file);
  const write = fileWriter(stream);
  const sink = new ChunkedSink(async (_seq, data) => write(data));
  const output =
    format === 'pdf' ? new MergedPdfOutput(sink) : format === 'zip' ? new ZipOutput(sink) : undefined;
  const pool = new RenderPool(workers, 5_000);
  const rss: number[] = [process.memoryUsage().rss];
  let peak = rss[0];
  let bytes = 0;
  let maxBytes = 0;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const window: Promise<Buffer>[] = [];
  const limit = workers * 4;
  let done = 0;
  const take = async () => {
    const pdf = await (window.shift() as Promise<Buffer>);
    bytes += pdf.length;
    maxBytes = Math.max(maxBytes, pdf.length);
    await output?.add(`avviso-${done}.pdf`, pdf);
    done++;
    if (done % 250 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    if (done === Math.floor(count / 2)) rss.push(process.memoryUsage().rss);
    if (done % 1000 === 0) process.stdout.write(`  ${done}/${count}\r`);
  };
  for (let i = 0; i < count; i++) {
    window.push(pool.renderNotice(documentFor(variant, i)));
    if (window.length >= limit) await take();
  }
  while (window.length) await take();
  await output?.finish();
  await sink.close();
  await new Promise<void>((closed) => stream.end(closed));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMsPerNotice = (cpu.user + cpu.system) / 1000 / count;
  rss.push(process.memoryUsage().rss);
  await pool.close();
  console.log(`notices:          ${count}`);
  console.log(`time:             ${seconds.toFixed(1)} s`);
  console.log(`throughput:       ${(count / seconds).toFixed(0)} notices/s`);
  // CPU time of the whole process (main and rendering threads): what a notice costs whatever else the
  // machine is running; wall-clock throughput on a shared machine depends on the other load
  console.log(
    `CPU time:         ${cpuMsPerNotice.toFixed(1)} ms per notice (all threads) → ` +
      `${Math.round((workers * 1000) / cpuMsPerNotice)} notices/s on ${workers} free core(s)`,
  );
  console.log(`average size:     ${(bytes / count / 1024).toFixed(1)} KB`);
  console.log(`largest size:     ${(maxBytes / 1024).toFixed(1)} KB`);
  console.log(`output file:      ${mb(statSync(file).size)} (${format})`);
  console.log(
    `RSS start/middle/end (whole process, all threads): ${rss.map(mb).join(' / ')}, peak ${mb(peak)}`,
  );
  if (!process.argv.includes('--keep')) rmSync(out, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
