/**
 * Station benchmark, against PostgreSQL, everything on this machine:
 *   1. a throwaway database (migrated, demo data, N extra payable positions of the Comune di Pineto);
 *   2. raw `pgbench -S` (select-only, point selects by primary key) on another throwaway database, as the yardstick;
 *   3. the built API (dist/apps/api/main.js) as W processes sharing one port (Node's cluster: what W replicas
 *      behind a load balancer would be), LOG_LEVEL=warn;
 *   4. a keep-alive HTTP load generator in this process: paVerifyPaymentNotice on random notices for D seconds,
 *      then the full payment flow (verify → paGetPayment → paSendRT, one notice per payment) for D seconds.
 * Prints requests/s, latency percentiles, payments/s and the ratios to pgbench's rate.
 * Usage: npm run bench:station -- [--positions 100000] [--workers 2] [--duration 15] [--connections 16]
 *        [--flow-concurrency 16] [--keep]
 * PostgreSQL: BENCH_DATABASE_URL or DATABASE_URL (any database on the server; default postgres://postgres@localhost:5432/postgres).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const root = resolve(__dirname, '..', '..');
const mainJs = join(root, 'dist', 'apps', 'api', 'main.js');
const BROKER = '99000000010';
const STATION = '99000000010_01';
const PINETO = '99023040399';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}
const positions = option('positions', 100_000);
const workers = option('workers', 2);
const duration = option('duration', 15);
const connections = option('connections', 16);
const flowConcurrency = option('flow-concurrency', 16);
const keep = process.argv.includes('--keep');

const serverUrl =
  process.env['BENCH_DATABASE_URL'] ??
  process.env['DATABASE_URL'] ??
  'postgres://postgres@localhost:5432/postgres';
function urlOf(database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(database: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: urlOf(database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  await new Promise((done) => server.close(done));
  return port;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const soap = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
const head = `<idPA>${PINETO}</idPA><idBrokerPA>${BROKER}</idBrokerPA><idStation>${STATION}</idStation>`;
const verifyXml = (notice: string) =>
  soap(
    `<pafn:paVerifyPaymentNoticeReq xmlns:pafn="http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd">${head}<qrCode><fiscalCode>${PINETO}</fiscalCode><noticeNumber>${notice}</noticeNumber></qrCode></pafn:paVerifyPaymentNoticeReq>`,
  );
const activateXml = (notice: string) =>
  soap(
    `<pafn:paGetPaymentReq xmlns:pafn="http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd">${head}<qrCode><fiscalCode>${PINETO}</fiscalCode><noticeNumber>${notice}</noticeNumber></qrCode></pafn:paGetPaymentReq>`,
  );
interface Seeded {
  notice: string;
  iuv: string;
  amount: string;
}
const receiptXml = (seeded: Seeded) =>
  soap(
    `<pafn:paSendRTReq xmlns:pafn="http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd">${head}<receipt>` +
      `<receiptId>${randomBytes(16).toString('hex')}</receiptId><noticeNumber>${seeded.notice}</noticeNumber>` +
      `<fiscalCode>${PINETO}</fiscalCode><outcome>OK</outcome><creditorReferenceId>${seeded.iuv}</creditorReferenceId>` +
      `<paymentAmount>${seeded.amount}</paymentAmount><description>TARI 2026</description><companyName>Comune di Pineto</companyName>` +
      `<debtor><uniqueIdentifier><entityUniqueIdentifierType>F</entityUniqueIdentifierType><entityUniqueIdentifierValue>RSSMRA80A01H501U</entityUniqueIdentifierValue></uniqueIdentifier><fullName>Mario Rossi</fullName></debtor>` +
      `<transferList><transfer><idTransfer>1</idTransfer><transferAmount>${seeded.amount}</transferAmount><fiscalCodePA>${PINETO}</fiscalCodePA>` +
      `<IBAN>IT60X0542811101000000123456</IBAN><remittanceInformation>TARI 2026</remittanceInformation><transferCategory>9/0101101IM/</transferCategory></transfer></transferList>` +
      `<idPSP>BCITITMM</idPSP><PSPCompanyName>Banca di prova</PSPCompanyName><idChannel>BCITITMM_01</idChannel><channelDescription>app</channelDescription>` +
      `<paymentMethod>creditCard</paymentMethod><fee>1.00</fee><paymentDateTime>2026-03-01T10:15:30</paymentDateTime></receipt></pafn:paSendRTReq>`,
  );

class Station {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  constructor(private readonly port: number) {}

  /** Posts one SOAP call; resolves with the latency in ms and whether the outcome was OK. */
  call(xml: string): Promise<{ ms: number; ok: boolean; body: string }> {
    const started = process.hrtime.bigint();
    return new Promise((done, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: '/pagopa/paForNode',
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'text/xml; charset=utf-8', 'content-length': Buffer.byteLength(xml) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            done({ ms, ok: res.statusCode === 200 && body.includes('<outcome>OK</outcome>'), body });
          });
        },
      );
      req.on('error', fail);
      req.end(xml);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** CPU seconds used so far by a process and its children (the API workers), from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const stat = (each: string) => {
    const text = readFileSync(`/proc/${each}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  };
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = stat(entry);
      if (Number(entry) === pid || Number(fields[1]) === pid)
        ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100;
}

async function runFor(seconds: number, concurrency: number, task: () => Promise<boolean>) {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const ok = await task().catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    errors,
    rate: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

function pgbenchRate(database: string, seconds: number): number {
  const url = new URL(urlOf(database));
  const env = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username) || 'postgres',
    PGPASSWORD: decodeURIComponent(url.password),
  };
  const init = spawnSync('pgbench', ['-i', '-q', '-s', '10', database], { env, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  const run = spawnSync(
    'pgbench',
    ['-S', '-c', String(connections), '-j', '2', '-T', String(seconds), database],
    {
      env,
      encoding: 'utf8',
    },
  );
  const tps = /tps = ([\d.]+)/.exec(run.stdout);
  if (!tps) throw new Error(`pgbench -S failed: ${run.stderr}${run.stdout}`);
  return Number(tps[1]);
}

async function seedPositions(database: string): Promise<Seeded[]> {
  return withClient(database, async (client) => {
    const entity = (
      await client.query(
        `SELECT e.id, e.segregation_code, d.id AS due_type_id FROM creditor_entity e
         JOIN due_type d ON d.entity_id = e.id AND d.code = 'TARI' WHERE e.fiscal_code = $1`,
        [PINETO],
      )
    ).rows[0] as { id: string; segregation_code: string; due_type_id: string };
    await client.query(
      `INSERT INTO debt_position (entity_id, iupd, due_type_id, debtor_type, debtor_id_value, debtor_name, description,
         status, amount_cents, published_at)
       SELECT $1, 'BENCH-' || i, $2, 'F', 'RSSMRA80A01H501U', 'Contribuente ' || i, 'TARI 2026', 'VALID',
         10000 + i % 5000, now() FROM generate_series(1, $3::int) AS i`,
      [entity.id, entity.due_type_id, positions],
    );
    await client.query(
      `INSERT INTO payment_option (position_id, entity_id, notice_number, iuv, installment, amount_cents, due_date,
         description, transfers)
       SELECT p.id, p.entity_id, n.notice, substr(n.notice, 2), NULL, p.amount_cents, current_date + 60, 'TARI 2026',
         jsonb_build_array(jsonb_build_object('index', 1, 'beneficiaryFiscalCode', $2::text,
           'iban', 'IT60X0542811101000000123456', 'postalIban', false, 'stamp', null, 'category', '9/0101101IM/',
           'remittanceInformation', 'TARI 2026', 'amountCents', p.amount_cents))
       FROM debt_position p,
         LATERAL (SELECT '3' || $3::text || lpad((8000000000000 + substring(p.iupd from 7)::bigint)::text, 13, '0') AS head) h,
         LATERAL (SELECT h.head || lpad((h.head::numeric % 93)::text, 2, '0') AS notice) n
       WHERE p.entity_id = $1 AND p.iupd LIKE 'BENCH-%'`,
      [entity.id, PINETO, entity.segregation_code],
    );
    await client.query('ANALYZE');
    const rows = (
      await client.query(
        `SELECT notice_number, iuv, amount_cents FROM payment_option WHERE entity_id = $1 AND notice_number LIKE $2`,
        [entity.id, `3${entity.segregation_code}8%`],
      )
    ).rows as { notice_number: string; iuv: string; amount_cents: string }[];
    return rows.map((row) => ({
      notice: row.notice_number,
      iuv: row.iuv,
      amount: (Number(row.amount_cents) / 100).toFixed(2),
    }));
  });
}

async function startCluster(database: string, port: number): Promise<ChildProcess> {
  const launcher = `
    const cluster = require('node:cluster');
    cluster.setupPrimary({ exec: ${JSON.stringify(mainJs)}, args: ['serve'], execArgv: [] });
    for (let i = 0; i < ${workers}; i++) cluster.fork();
    cluster.on('exit', (worker, code) => { if (code) process.exit(code); });`;
  const child = spawn(process.execPath, ['-e', launcher], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: urlOf(database),
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      SPA_ROOT: '/nonexistent',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error('the API did not start within 60 s');
}

async function main(): Promise<void> {
  if (!existsSync(mainJs)) {
    console.log('Building the API (dist/apps/api/main.js)…');
    const build = spawnSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const suffix = `${process.pid}`;
  const database = `bench_station_${suffix}`;
  const pgbenchDatabase = `bench_pgbench_${suffix}`;
  await withClient('postgres', async (client) => {
    await client.query(`CREATE DATABASE "${database}"`);
    await client.query(`CREATE DATABASE "${pgbenchDatabase}"`);
  });
  let api: ChildProcess | null = null;
  try {
    console.log(`Database ${database}: migrations and demo data…`);
    const seed = spawnSync(process.execPath, [mainJs, 'seed'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: urlOf(database), LOG_LEVEL: 'warn' },
      stdio: 'inherit',
    });
    if (seed.status !== 0) throw new Error('seed failed');
    const seedStarted = performance.now();
    const seeded = await seedPositions(database);
    console.log(
      `${seeded.length.toLocaleString('it-IT')} positions seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    console.log(`pgbench -S (select-only), ${connections} clients, ${duration} s…`);
    const pgbench = pgbenchRate(pgbenchDatabase, duration);

    const port = await freePort();
    api = await startCluster(database, port);
    const apiPid = api.pid ?? 0;
    const station = new Station(port);
    const random = () => seeded[Math.floor(Math.random() * seeded.length)] as Seeded;
    const verifyRandom = async () => (await station.call(verifyXml(random().notice))).ok;

    await runFor(3, connections, verifyRandom);
    console.log(`paVerifyPaymentNotice, ${connections} connections, ${duration} s…`);
    let cpuBefore = cpuSeconds(apiPid);
    const verify = await runFor(duration, connections, verifyRandom);
    const verifyCpuMs = ((cpuSeconds(apiPid) - cpuBefore) * 1000) / Math.max(1, verify.count);

    console.log(`verify + activate + receipt, ${flowConcurrency} payments in flight, ${duration} s…`);
    let next = 0;
    cpuBefore = cpuSeconds(apiPid);
    const flow = await runFor(duration, flowConcurrency, async () => {
      const notice = seeded[next++ % seeded.length] as Seeded;
      const verified = await station.call(verifyXml(notice.notice));
      const activated = await station.call(activateXml(notice.notice));
      const paid = await station.call(receiptXml(notice));
      return verified.ok && activated.ok && paid.ok;
    });
    const flowCpuMs = ((cpuSeconds(apiPid) - cpuBefore) * 1000) / Math.max(1, flow.count);
    station.close();
    const paidRows = await withClient(database, async (client) =>
      Number((await client.query(`SELECT count(*) AS n FROM receipt`)).rows[0].n),
    );

    const fmt = (value: number, digits = 0) =>
      value.toLocaleString('it-IT', { maximumFractionDigits: digits, minimumFractionDigits: digits });
    const row = (cells: (string | number)[]) => console.log(`| ${cells.join(' | ')} |`);
    console.log('');
    console.log(
      `Station benchmark — ${workers} API process(es), ${seeded.length.toLocaleString('it-IT')} positions, ${cpus().length} CPU`,
    );
    row([
      'measure',
      'rate /s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      'API CPU ms each',
      'ratio to pgbench -S',
      'target',
    ]);
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---']);
    row([
      `pgbench -S (point selects, ${connections} clients)`,
      fmt(pgbench),
      '',
      '',
      '',
      '',
      '',
      '1,000',
      '',
    ]);
    row([
      'paVerifyPaymentNotice',
      fmt(verify.rate),
      fmt(verify.p50, 1),
      fmt(verify.p95, 1),
      fmt(verify.p99, 1),
      verify.errors,
      fmt(verifyCpuMs, 2),
      fmt(verify.rate / pgbench, 3),
      '≥ 2.000/s, p99 ≤ 25 ms',
    ]);
    row([
      'payments (verify + activate + receipt)',
      fmt(flow.rate),
      fmt(flow.p50, 1),
      fmt(flow.p95, 1),
      fmt(flow.p99, 1),
      flow.errors,
      fmt(flowCpuMs, 2),
      fmt(flow.rate / pgbench, 3),
      '≥ 500 payments/s',
    ]);
    console.log(
      `receipts stored: ${paidRows.toLocaleString('it-IT')} (payments completed: ${flow.count - flow.errors})`,
    );
    console.log(
      `load average (1 min) at the end: ${fmt(loadavg()[0] ?? 0, 2)} on ${cpus().length} CPU — other work on the machine lowers every figure`,
    );
  } finally {
    api?.kill('SIGTERM');
    await new Promise((done) => setTimeout(done, 1000));
    if (!keep)
      await withClient('postgres', async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await client.query(`DROP DATABASE IF EXISTS "${pgbenchDatabase}" WITH (FORCE)`);
      });
    else console.log(`Kept databases ${database} and ${pgbenchDatabase}.`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
