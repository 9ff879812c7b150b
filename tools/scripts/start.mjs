/**
 * `npm start`: installs what is missing, builds what is stale (Nx cache), then runs the API (serving the three
 * SPAs, migrating and loading the demo data on the embedded database unless DATABASE_URL is set) and the pagoPA
 * simulator. Ctrl-C stops both.
 */
import { mkdirSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import {
  ensureDependencies,
  nx,
  portIsFree,
  root,
  startProcess,
  stopProcesses,
  waitForHttp,
} from './lib/workspace.mjs';

const started = Date.now();
const apiPort = Number(process.env.PORT ?? 3000);
const simPort = Number(process.env.SIM_PORT ?? 3100);
const verbose = process.argv.includes('--verbose') || process.env.START_VERBOSE === '1';

ensureDependencies();
console.log('» Compilo ciò che è cambiato (Nx)…');
nx([
  'run-many',
  '-t',
  'build',
  '-p',
  'api',
  'pagopa-sim',
  'citizen',
  'backoffice',
  'admin',
  '--output-style=static',
]);

for (const [name, port] of [
  ['API', apiPort],
  ['simulatore', simPort],
]) {
  if (!(await portIsFree(port))) {
    console.error(
      `✖ La porta ${port} (${name}) è già occupata: ferma l'altro processo o scegli PORT / SIM_PORT.`,
    );
    process.exit(1);
  }
}

const logDir = join(root, 'data', 'logs');
mkdirSync(logDir, { recursive: true });
const logs = {
  api: createWriteStream(join(logDir, 'api.log')),
  sim: createWriteStream(join(logDir, 'pagopa-sim.log')),
};
const echo = (name, line) => {
  logs[name].write(`${line}\n`);
  if (verbose || /"level":(50|60)/.test(line) || !line.startsWith('{')) console.log(`[${name}] ${line}`);
};

const children = [
  startProcess(
    'sim',
    process.execPath,
    ['dist/apps/pagopa-sim/main.js'],
    { SIM_PORT: String(simPort), API_BASE_URL: `http://localhost:${apiPort}` },
    echo,
  ),
  startProcess(
    'api',
    process.execPath,
    ['--enable-source-maps', 'dist/apps/api/main.js'],
    {
      PORT: String(apiPort),
      MIGRATE_ON_BOOT: process.env.MIGRATE_ON_BOOT ?? 'true',
      SEED_DEMO_DATA: process.env.SEED_DEMO_DATA ?? 'true',
      PAGOPA_SIM_URL: `http://localhost:${simPort}`,
      // Demo login: the simulator's test SPID IdP (its key changes at each start, so the cache is short).
      SAML_IDP_METADATA_URLS:
        process.env.SAML_IDP_METADATA_URLS ?? `http://localhost:${simPort}/spid/metadata`,
      SAML_IDP_METADATA_CACHE_SECONDS: process.env.SAML_IDP_METADATA_CACHE_SECONDS ?? '60',
    },
    echo,
  ),
];

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\n» Arresto in corso…');
  await stopProcesses(children);
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
for (const child of children) {
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`✖ Un processo si è fermato (codice ${code}); dettagli in data/logs/. Arresto tutto.`);
      void shutdown(1);
    }
  });
}

try {
  await Promise.all([
    waitForHttp(`http://localhost:${apiPort}/api/health`, children[1], 120_000),
    waitForHttp(`http://localhost:${simPort}/health`, children[0], 30_000),
  ]);
} catch (error) {
  console.error(`✖ Avvio non riuscito: ${error.message}. Log in data/logs/.`);
  await shutdown(1);
}

const base = `http://localhost:${apiPort}`;
console.log(`
✔ Piattaforma pronta in ${((Date.now() - started) / 1000).toFixed(1)} s

  Area cittadino          ${base}/
  Back office enti        ${base}/backoffice/
  Console intermediario   ${base}/admin/
  API (documentazione)    ${base}/api/docs
  Stato del servizio      ${base}/api/health
  Simulatore pagoPA       http://localhost:${simPort}/

  Database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite incorporato in data/pglite'} · log in data/logs/ · Ctrl-C per fermare
`);
