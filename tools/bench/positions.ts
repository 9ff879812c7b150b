/**
 * Bulk-upload and list benchmark of debt positions on PostgreSQL (DATABASE_URL, or a throwaway database made
 * with createdb/dropdb). It generates a CSV of realistic positions (single payments and 3-installment plans),
 * then measures:
 *   (b) the end-to-end import through the real code path: upload (the file stored in the database) and the
 *       import job (parse, validate, allocate notice numbers, insert with COPY — or `--method unnest`);
 *   (a) the baseline: a raw COPY of exactly the rows (b) wrote into bare tables with the same columns (no index,
 *       constraint or foreign key), and the ratio of the two rates;
 *   (c) latency of the positions list and search over HTTP (p50/p95/p99): filters by status, due type, debtor,
 *       `q` by notice number / IUV / IUPD, first page and a deep cursor page.
 * Usage: npm run bench:positions -- [--rows 1000000] [--method copy|unnest|both] [--concurrency 2] [--batch N] [--requests 200]
 *        [--keep]
 * With DATABASE_URL, give it an empty database: the benchmark truncates the positions tables.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { type AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { type PoolClient } from 'pg';
import { DataSource } from 'typeorm';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark drives the API's real code path
import { createApp } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { loadConfig } from '../../apps/api/src/config/app-config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { JobWorker } from '../../apps/api/src/modules/jobs/job-worker.service';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { RolesRepository } from '../../apps/api/src/modules/identity/roles/roles.repository';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { SessionsService } from '../../apps/api/src/modules/identity/sessions/sessions.service';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { PositionImportJob } from '../../apps/api/src/modules/positions/imports/position-import.job';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { PositionImportsService } from '../../apps/api/src/modules/positions/imports/position-imports.service';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { createSampleEntity } from '../../apps/api/src/modules/positions/imports/sample-entity';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { sampleRows } from '../../apps/api/src/modules/positions/imports/sample-positions-csv';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import {
  HISTORY_COLUMNS,
  type InsertMethod,
  OPTION_COLUMNS,
  POSITION_COLUMNS,
} from '../../apps/api/src/modules/positions/imports/position-rows-writer';

const PINETO = '99023040399';
const OPERATOR = 'BNCHMK80A01H501Z';

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? (process.argv[index + 1] as string) : fallback;
}

const seconds = (from: number) => (performance.now() - from) / 1000;
const fmt = (value: number, digits = 1) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The database: DATABASE_URL, or a throwaway one dropped at the end. */
function database(): { url: string; drop: () => void } {
  const url = process.env['DATABASE_URL'];
  if (url) return { url, drop: () => undefined };
  const name = `bench_positions_${process.pid}`;
  const host = process.env['PGHOST'] ?? 'localhost';
  const user = process.env['PGUSER'] ?? 'postgres';
  execFileSync('createdb', ['-h', host, '-U', user, name], { stdio: 'inherit' });
  return {
    url: `postgres://${user}@${host}:${process.env['PGPORT'] ?? '5432'}/${name}`,
    drop: () => execFileSync('dropdb', ['-h', host, '-U', user, '--if-exists', name], { stdio: 'inherit' }),
  };
}

async function writeSampleFile(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  for (const cells of sampleRows({
    rows,
    dueTypeCode: 'TARI',
    iupdPrefix: 'B',
    seed: 2026,
    installmentShare: 0.1,
  })) {
    if (!out.write(`${cells.join(';')}\r\n`)) await new Promise((done) => out.once('drain', done));
  }
  await new Promise<void>((done) => out.end(done));
}

/** A logged-in operator of the entity, as the back office would be (cookie + CSRF token). */
async function operatorSession(app: NestExpressApplication, entityId: string) {
  const roles = app.get(RolesRepository);
  await roles.upsertPerson({
    fiscalCode: OPERATOR,
    givenName: 'Bench',
    familyName: 'Mark',
    email: null,
    lastLoginAt: new Date(),
  });
  await roles.grantEntityRole({ entityId }, OPERATOR, 'operator', null);
  const session = await app.get(SessionsService).create({
    fiscalCode: OPERATOR,
    idpEntityId: 'bench',
    level: 'https://www.spid.gov.it/SpidL2',
    nameId: null,
    sessionIndex: null,
  });
  return { cookie: `pp_session=${session.token}; pp_csrf=${session.csrfToken}` };
}

function get(port: number, path: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const request = httpRequest({ port, path, headers: { Cookie: cookie } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', fail);
    request.end();
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function importOnce(
  app: NestExpressApplication,
  entityId: string,
  file: string,
  method: InsertMethod,
  concurrency: number | null,
  batchSize: number | null,
) {
  const db = app.get(DataSource);
  await db.query('TRUNCATE position_history, payment_option, debt_position, position_import CASCADE');
  await db.query('DELETE FROM notice_number_counter');
  await db.query('CHECKPOINT');
  const job = app.get(PositionImportJob);
  job.insertMethod = method;
  if (concurrency !== null) job.concurrency = concurrency;
  const started = performance.now();
  const upload = await app.get(PositionImportsService).upload({
    entityId,
    format: 'CSV',
    fileName: 'bench.csv',
    dryRun: false,
    actor: OPERATOR,
    body: createReadStream(file, { highWaterMark: 1024 * 1024 }),
    contentLength: statSync(file).size,
    ...(batchSize !== null ? { batchSize } : {}),
  });
  const uploaded = seconds(started);
  await app.get(JobWorker).drain();
  const total = seconds(started);
  const done = await app.get(PositionImportsService).get(entityId, upload.id);
  if (done.status !== 'SUCCEEDED') throw new Error(`import ${done.status}: ${done.error ?? ''}`);
  const [counts] = (await db.query(
    `SELECT (SELECT count(*) FROM debt_position WHERE import_id = $1)::int AS positions,
            (SELECT count(*) FROM payment_option o JOIN debt_position p ON p.id = o.position_id WHERE p.import_id = $1)::int AS options`,
    [upload.id],
  )) as { positions: number; options: number }[];
  return {
    importId: upload.id,
    uploaded,
    job: total - uploaded,
    total,
    rows: done.totalRows,
    failed: done.counts.failedRows,
    positions: counts?.positions ?? 0,
    options: counts?.options ?? 0,
  };
}

/** COPY of the very rows the import wrote, from memory into bare tables (same columns, nothing else). */
async function rawCopy(
  app: NestExpressApplication,
  importId: string,
): Promise<{ bare: number; indexed: number }> {
  const db = app.get(DataSource);
  const runner = db.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  const { to, from } = await import('pg-copy-streams');
  const tables = [
    [
      'debt_position',
      POSITION_COLUMNS,
      `SELECT ${POSITION_COLUMNS} FROM debt_position WHERE import_id = '${importId}'`,
    ],
    [
      'payment_option',
      OPTION_COLUMNS,
      `SELECT ${OPTION_COLUMNS.split(', ')
        .map((c) => `o.${c}`)
        .join(
          ', ',
        )} FROM payment_option o JOIN debt_position p ON p.id = o.position_id WHERE p.import_id = '${importId}'`,
    ],
    [
      'position_history',
      HISTORY_COLUMNS,
      `SELECT ${HISTORY_COLUMNS.split(', ')
        .map((c) => `h.${c}`)
        .join(
          ', ',
        )} FROM position_history h JOIN debt_position p ON p.id = h.position_id WHERE p.import_id = '${importId}'`,
    ],
  ] as const;
  const data: Buffer[] = [];
  for (const [, , select] of tables) {
    const chunks: Buffer[] = [];
    await new Promise<void>((done, fail) => {
      const stream = client.query(to(`COPY (${select}) TO STDOUT`));
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => done());
      stream.on('error', fail);
    });
    data.push(Buffer.concat(chunks));
  }
  const timeCopy = async (prefix: string, create: (table: string) => string[]): Promise<number> => {
    for (const [table] of [...tables].reverse())
      await client.query(`DROP TABLE IF EXISTS ${prefix}_${table}`);
    for (const [table] of tables) for (const sql of create(table)) await client.query(sql);
    await client.query('CHECKPOINT');
    const started = performance.now();
    await client.query('BEGIN');
    for (const [i, [table, columns]] of tables.entries()) {
      await new Promise<void>((done, fail) => {
        const stream = client.query(from(`COPY ${prefix}_${table} (${columns}) FROM STDIN`));
        stream.on('finish', () => done());
        stream.on('error', fail);
        stream.end(data[i]);
      });
    }
    await client.query('COMMIT');
    const elapsed = seconds(started);
    for (const [table] of [...tables].reverse()) await client.query(`DROP TABLE ${prefix}_${table}`);
    return elapsed;
  };
  // The baseline: bare tables, the same columns and nothing else.
  const bare = await timeCopy('bare', (table) => [
    `CREATE TABLE bare_${table} (LIKE ${table} INCLUDING DEFAULTS)`,
  ]);
  // What any import pays for these tables: their indexes, checks and foreign keys, fed by a raw COPY.
  const indexed = await timeCopy('indexed', (table) => [
    `CREATE TABLE indexed_${table} (LIKE ${table} INCLUDING ALL)`,
    ...(table === 'debt_position'
      ? [
          'ALTER TABLE indexed_debt_position ADD FOREIGN KEY (entity_id) REFERENCES creditor_entity (id)',
          'ALTER TABLE indexed_debt_position ADD FOREIGN KEY (due_type_id) REFERENCES due_type (id)',
        ]
      : table === 'payment_option'
        ? [
            'ALTER TABLE indexed_payment_option ADD FOREIGN KEY (position_id) REFERENCES indexed_debt_position (id)',
          ]
        : []),
  ]);
  await runner.release();
  return { bare, indexed };
}

async function latencies(app: NestExpressApplication, entityId: string, requests: number) {
  const db = app.get(DataSource);
  await db.query('ANALYZE debt_position');
  await db.query('ANALYZE payment_option');
  const server = app.getHttpServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const { cookie } = await operatorSession(app, entityId);
  const [{ total }] = (await db.query(
    'SELECT count(*)::int AS total FROM debt_position WHERE entity_id = $1',
    [entityId],
  )) as { total: number }[];
  const sample = (await db.query(
    `SELECT p.iupd, p.debtor_id_value, p.debtor_name, o.notice_number, o.iuv FROM debt_position p
       JOIN payment_option o ON o.position_id = p.id WHERE p.entity_id = $1 ORDER BY p.created_at, p.id OFFSET $2 LIMIT 50`,
    [entityId, Math.floor(total * 0.4)],
  )) as { iupd: string; debtor_id_value: string; debtor_name: string; notice_number: string; iuv: string }[];
  const deep = (await db.query(
    `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at, id FROM debt_position
      WHERE entity_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
    [entityId, Math.floor(total / 2)],
  )) as { created_at: string; id: string }[];
  const middle = deep[0] ?? {
    created_at: new Date().toISOString(),
    id: '00000000-0000-0000-0000-000000000000',
  };
  const cursor = Buffer.from(JSON.stringify([middle.created_at, middle.id])).toString('base64url');
  const base = `/api/v1/entities/${entityId}/positions?limit=20`;
  const pick = (i: number) =>
    sample[i % sample.length] ?? {
      iupd: '',
      debtor_id_value: '',
      debtor_name: '',
      notice_number: '',
      iuv: '',
    };
  const cases: [string, (i: number) => string][] = [
    ['first page', () => base],
    ['status=VALID', () => `${base}&status=VALID`],
    ['status=CANCELLED (rare)', () => `${base}&status=CANCELLED`],
    ['dueTypeCode=TARI', () => `${base}&dueTypeCode=TARI`],
    ['debtor = fiscal code', (i) => `${base}&debtor=${pick(i).debtor_id_value}`],
    ['debtor = name prefix', (i) => `${base}&debtor=${encodeURIComponent(pick(i).debtor_name.slice(0, 8))}`],
    ['q = notice number', (i) => `${base}&q=${pick(i).notice_number}`],
    ['q = IUV', (i) => `${base}&q=${pick(i).iuv}`],
    ['q = IUPD', (i) => `${base}&q=${pick(i).iupd}`],
    [`deep cursor page (${Math.floor(total / 2).toLocaleString('en-US')})`, () => `${base}&cursor=${cursor}`],
    ['status + due type + deep cursor', () => `${base}&status=VALID&dueTypeCode=TARI&cursor=${cursor}`],
  ];
  const results: { name: string; p50: number; p95: number; p99: number; rows: number }[] = [];
  for (const [name, path] of cases) {
    for (let i = 0; i < 5; i++) await get(port, path(i), cookie); // warm-up
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      const response = await get(port, path(i), cookie);
      times.push(performance.now() - started);
      if (response.status !== 200)
        throw new Error(`${name}: HTTP ${response.status} ${response.body.slice(0, 300)}`);
      rows = (JSON.parse(response.body) as { items: unknown[] }).items.length;
    }
    times.sort((a, b) => a - b);
    results.push({
      name,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      rows,
    });
  }
  await new Promise<void>((done) => server.close(() => done()));
  return results;
}

async function main(): Promise<void> {
  const rows = Number(arg('rows', '1000000'));
  const methodArg = arg('method', 'copy');
  const methods: InsertMethod[] = methodArg === 'both' ? ['unnest', 'copy'] : [methodArg as InsertMethod];
  const requests = Number(arg('requests', '200'));
  const concurrencyArg = process.argv.includes('--concurrency') ? Number(arg('concurrency', '2')) : null;
  const batchArg = process.argv.includes('--batch') ? Number(arg('batch', '10000')) : null;
  const dir = resolve('tmp/bench-positions');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'positions.csv');
  const db = database();
  let app: NestExpressApplication | null = null;
  try {
    console.log(
      `Positions benchmark: ${rows.toLocaleString('en-US')} CSV rows, PostgreSQL ${db.url.replace(/\/\/[^@]*@/, '//')}, ${cpus().length} cores`,
    );
    let started = performance.now();
    await writeSampleFile(file, rows);
    const size = statSync(file).size;
    console.log(`CSV generated: ${fmt(size / 1024 / 1024)} MB in ${fmt(seconds(started))} s`);

    app = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: db.url,
        MIGRATE_ON_BOOT: 'true',
        JOBS_ENABLED: 'false',
        SPA_ROOT: '/nonexistent',
      }),
    );
    await app.init();
    const { entityId } = await createSampleEntity(app, PINETO);

    const runs: (Awaited<ReturnType<typeof importOnce>> & { method: InsertMethod })[] = [];
    for (const method of methods) {
      started = performance.now();
      const run = await importOnce(app, entityId, file, method, concurrencyArg, batchArg);
      runs.push({ method, ...run });
      console.log(`import (${method}): ${fmt(run.total)} s`);
    }
    const last = runs[runs.length - 1];
    if (!last) throw new Error('no import ran');
    const copies = await rawCopy(app, last.importId);
    const raw = copies.bare;
    const rawRate = last.positions / raw;

    console.log('');
    console.log(
      '| step                                          | seconds | positions/s | rows/s  | vs raw COPY |',
    );
    console.log(
      '| --------------------------------------------- | ------- | ----------- | ------- | ----------- |',
    );
    const line = (name: string, time: number, positions: number, csvRows: number) =>
      console.log(
        `| ${name.padEnd(45)} | ${fmt(time).padStart(7)} | ${Math.round(positions / time)
          .toLocaleString('en-US')
          .padStart(11)} | ${Math.round(csvRows / time)
          .toLocaleString('en-US')
          .padStart(7)} | ${fmt(positions / time / rawRate, 2).padStart(11)} |`,
      );
    line('(a) raw COPY of the same rows, bare tables', raw, last.positions, last.rows);
    line('(a2) raw COPY into tables with the same indexes', copies.indexed, last.positions, last.rows);
    for (const run of runs) {
      line(`(b) upload: file stored in the database`, run.uploaded, run.positions, run.rows);
      line(`(b) import job (${run.method})`, run.job, run.positions, run.rows);
      line(`(b) end to end: upload + import (${run.method})`, run.total, run.positions, run.rows);
    }
    console.log('');
    console.log(
      `rows ${last.rows.toLocaleString('en-US')}, positions ${last.positions.toLocaleString('en-US')}, payment options ${last.options.toLocaleString('en-US')}, refused rows ${last.failed}`,
    );
    const best = Math.min(...runs.map((run) => run.total));
    console.log(
      `(a2) is the floor of any import into these tables: their ${'indexes, checks and foreign keys'} cost ${fmt(copies.indexed / raw, 1)}× the bare COPY; the import job runs at ${fmt(copies.indexed / Math.min(...runs.map((run) => run.job)), 2)} of (a2)'s rate`,
    );
    console.log(
      `targets: end to end ≤ 60 s → ${fmt(best)} s ${best <= 60 ? 'OK' : 'MISSED'}; ≥ 1/3 of raw COPY rate → ${fmt(raw / best, 2)} ${raw / best >= 1 / 3 ? 'OK' : 'MISSED'}`,
    );

    console.log('');
    console.log(
      `(c) list and search over HTTP, ${requests} requests each, ${last.positions.toLocaleString('en-US')} positions in the entity`,
    );
    console.log('| query                                | p50 ms | p95 ms | p99 ms | rows |');
    console.log('| ------------------------------------ | ------ | ------ | ------ | ---- |');
    const results = await latencies(app, entityId, requests);
    for (const result of results) {
      console.log(
        `| ${result.name.padEnd(36)} | ${fmt(result.p50).padStart(6)} | ${fmt(result.p95).padStart(6)} | ${fmt(result.p99).padStart(6)} | ${String(result.rows).padStart(4)} |`,
      );
    }
    const worst = Math.max(...results.map((result) => result.p95));
    console.log(`target: p95 ≤ 50 ms → worst p95 ${fmt(worst)} ms ${worst <= 50 ? 'OK' : 'MISSED'}`);
  } finally {
    await app?.close();
    if (!process.argv.includes('--keep')) {
      db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
