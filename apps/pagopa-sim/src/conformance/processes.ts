import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The workspace root (apps/pagopa-sim/src/conformance → four levels up). */
export const WORKSPACE = join(__dirname, '..', '..', '..', '..');

export interface RunningWorld {
  apiUrl: string;
  simUrl: string;
  logs: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url}: il processo è terminato (codice ${child.exitCode})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url}: nessuna risposta entro ${timeoutMs} ms`);
}

/**
 * Starts the built API (fresh embedded database, demo data) and the built simulator on free ports, exactly as
 * `npm start` and Playwright's webServer do, each with its own throwaway data folder.
 */
export async function startWorld(): Promise<RunningWorld> {
  for (const main of ['dist/apps/api/main.js', 'dist/apps/pagopa-sim/main.js'])
    if (!existsSync(join(WORKSPACE, main)))
      throw new Error(`${main} mancante: esegui prima \`npx nx run-many -t build -p api pagopa-sim\``);
  const [apiPort, simPort] = [await freePort(), await freePort()];
  const apiUrl = `http://localhost:${apiPort}`;
  const simUrl = `http://localhost:${simPort}`;
  const scratch = mkdtempSync(join(tmpdir(), 'pagopa-conformance-'));
  const output: string[] = [];
  const launch = (name: string, script: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, [script], {
      cwd: WORKSPACE,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      output.push(`[${name}] ${chunk.toString('utf8')}`);
      if (output.length > 400) output.splice(0, output.length - 400);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return child;
  };
  const sim = launch('sim', 'dist/apps/pagopa-sim/main.js', {
    SIM_PORT: String(simPort),
    API_BASE_URL: apiUrl,
    SIM_PUBLIC_URL: simUrl,
    SIM_DATA_DIR: join(scratch, 'sim'),
  });
  const api = launch('api', 'dist/apps/api/main.js', {
    PORT: String(apiPort),
    DATABASE_URL: '',
    PGLITE_DIR: join(scratch, 'pglite'),
    DATA_DIR: join(scratch, 'data'),
    MIGRATE_ON_BOOT: 'true',
    SEED_DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    SAML_IDP_METADATA_URLS: `${simUrl}/spid/metadata`,
    PAGOPA_SIM_URL: simUrl,
  });
  const stop = async () => {
    for (const child of [api, sim]) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    await Promise.all([
      waitForHealth(`${apiUrl}/api/health`, api, 150_000),
      waitForHealth(`${simUrl}/health`, sim, 30_000),
    ]);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output.join('')}`, { cause: error });
  }
  return { apiUrl, simUrl, logs: () => output.join(''), stop };
}
