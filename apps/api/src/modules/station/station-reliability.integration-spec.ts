import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildPaForNodeRequest } from '@pagamenti/pagopa/soap';
import { callStation, header, optionByIupd, PINETO, receiptFor, sendRTXml } from '../../../test/station';
import { startTestApp } from '../../../test/test-app';
import { DemoSeedService } from '../../seed/demo-seed.service';

/**
 * Reliability with real processes and a real PostgreSQL: each test gets its own throwaway database on the server
 * of DATABASE_URL. On the embedded PGlite there is no separate database to take away, so they are skipped there.
 */
const serverUrl = process.env['DATABASE_URL'];
const describePostgres = serverUrl ? describe : describe.skip;
if (!serverUrl)
  process.stderr.write('station reliability tests need PostgreSQL (DATABASE_URL): skipped on PGlite\n');

const workspaceRoot = join(__dirname, '..', '..', '..', '..', '..');
const builtApi = join(workspaceRoot, 'dist', 'apps', 'api', 'main.js');

function databaseUrl(name: string): string {
  const url = new URL(serverUrl ?? 'postgres://localhost/postgres');
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(name: string): Promise<void> {
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

async function dropDatabase(name: string): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

describePostgres('station reliability on postgresql', () => {
  describe('PostgreSQL unavailable for a while', () => {
    const name = `station_outage_${process.pid}`;
    let app: NestExpressApplication;
    let baseUrl = '';

    beforeAll(async () => {
      await createDatabase(name);
      app = await startTestApp({ DATABASE_URL: databaseUrl(name), DB_POOL_SIZE: '4' });
      await app.get(DemoSeedService).seed();
      await app.listen(0, '127.0.0.1');
      baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    }, 120_000);

    afterAll(async () => {
      await admin((client) => client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`));
      await app?.close();
      await dropDatabase(name);
    });

    it('answers PAA_SYSTEM_ERROR (HTTP 200, never 500) while the database is down, and the retried receipts land', async () => {
      const db = app.get(DataSource);
      const options = await Promise.all(
        ['DEMO-PINETO-TARI-2026-RSSMRA', 'DEMO-MONTESILVANO-MENSA-T1-RSSMRA'].map((iupd) =>
          optionByIupd(db, iupd),
        ),
      );
      const receipts = options.map((option) => receiptFor(option));

      await admin(async (client) => {
        await client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
          name,
        ]);
      });
      // Past the station's cache of entities and stations, so every call needs the database.
      await new Promise((resolve) => setTimeout(resolve, 5500));

      const verify = await callStation(
        baseUrl,
        'paVerifyPaymentNotice',
        buildPaForNodeRequest('paVerifyPaymentNotice', {
          ...header(),
          qrCode: { fiscalCode: PINETO, noticeNumber: options[0]!.noticeNumber },
        }),
      );
      expect(verify.status).toBe(200);
      expect(verify.response.fault?.faultCode).toBe('PAA_SYSTEM_ERROR');
      for (const receipt of receipts) {
        const sent = await callStation(baseUrl, 'paSendRT', sendRTXml(receipt));
        expect(sent.status).toBe(200);
        expect(sent.response).toMatchObject({ outcome: 'KO', fault: { faultCode: 'PAA_SYSTEM_ERROR' } });
      }

      await admin((client) => client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`));
      // The node's retry queue delivers them again: they all land, once.
      for (const receipt of receipts) {
        const retried = await callStation(baseUrl, 'paSendRT', sendRTXml(receipt));
        expect(retried.response).toEqual({ outcome: 'OK' });
      }
      const stored: { n: string }[] = await db.query(
        'SELECT count(*) AS n FROM receipt WHERE receipt_id = ANY($1)',
        [receipts.map((receipt) => receipt.receiptId)],
      );
      expect(Number(stored[0]?.n)).toBe(2);
    }, 60_000);
  });

  const describeBuilt = existsSync(builtApi) ? describe : describe.skip;
  if (!existsSync(builtApi))
    process.stderr.write(`${builtApi} missing: run \`npx nx run api:build\` for the SIGKILL test\n`);

  describeBuilt('the API killed with SIGKILL right after acknowledging a receipt', () => {
    const name = `station_crash_${process.pid}`;
    let child: ChildProcess | null = null;

    afterAll(async () => {
      child?.kill('SIGKILL');
      await dropDatabase(name);
    });

    async function freePort(): Promise<number> {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      await new Promise((resolve) => server.close(resolve));
      return port;
    }

    async function startApi(port: number): Promise<ChildProcess> {
      const started = spawn(process.execPath, [builtApi], {
        cwd: workspaceRoot,
        env: {
          PATH: process.env['PATH'],
          NODE_ENV: 'test',
          HOST: '127.0.0.1',
          PORT: String(port),
          DATABASE_URL: databaseUrl(name),
          MIGRATE_ON_BOOT: 'true',
          SEED_DEMO_DATA: 'true',
          JOBS_ENABLED: 'false',
          LOG_LEVEL: 'warn',
          SPA_ROOT: '/nonexistent',
          DATA_DIR: join(workspaceRoot, 'tmp', `station-crash-${process.pid}`),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const deadline = Date.now() + 45_000;
      while (Date.now() < deadline) {
        if (started.exitCode !== null) throw new Error(`API exited (${started.exitCode}): ${stderr}`);
        try {
          const health = await fetch(`http://127.0.0.1:${port}/api/health`);
          if (health.ok) return started;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      started.kill('SIGKILL');
      throw new Error(`API did not start: ${stderr}`);
    }

    it('finds the receipt stored after a restart, and the position paid', async () => {
      await createDatabase(name);
      const port = await freePort();
      child = await startApi(port);
      const db = new Client({ connectionString: databaseUrl(name) });
      await db.connect();
      try {
        const option = (
          await db.query(
            `SELECT o.position_id, o.notice_number, o.iuv, o.amount_cents, o.transfers FROM payment_option o
             JOIN debt_position p ON p.id = o.position_id WHERE p.iupd = 'DEMO-PINETO-TARI-2026-RSSMRA' AND o.installment IS NULL`,
          )
        ).rows[0] as {
          position_id: string;
          notice_number: string;
          iuv: string;
          amount_cents: string;
          transfers: never;
        };
        const receipt = receiptFor({
          entityFiscalCode: PINETO,
          noticeNumber: option.notice_number,
          iuv: option.iuv,
          amountCents: Number(option.amount_cents),
          transfers: option.transfers,
        });
        const baseUrl = `http://127.0.0.1:${port}`;
        const acknowledged = await callStation(baseUrl, 'paSendRT', sendRTXml(receipt));
        child.kill('SIGKILL');
        expect(acknowledged.response).toEqual({ outcome: 'OK' });
        await new Promise((resolve) => child?.once('exit', resolve));

        const stored = await db.query('SELECT anomaly FROM receipt WHERE receipt_id = $1', [
          receipt.receiptId,
        ]);
        expect(stored.rows).toEqual([{ anomaly: null }]);
        const position = await db.query('SELECT status FROM debt_position WHERE id = $1', [
          option.position_id,
        ]);
        expect(position.rows[0]).toEqual({ status: 'PAID' });

        child = await startApi(port);
        const again = await callStation(baseUrl, 'paSendRT', sendRTXml(receipt));
        expect(again.response.fault?.faultCode).toBe('PAA_RECEIPT_DUPLICATA');
      } finally {
        await db.end();
      }
    }, 120_000);
  });
});
