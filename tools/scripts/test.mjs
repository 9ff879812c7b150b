/**
 * `npm test`: lint, typecheck, unit tests, builds, integration tests on PGlite (and on PostgreSQL when DATABASE_URL
 * is set), a boot check of the configuration, then the Playwright smoke test of the three SPAs in Chromium.
 * Ends with `N passed, N failed`: every test counted, plus one per check that is not a test runner (lint, build…).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, nx, root } from './lib/workspace.mjs';

const resultsDir = join(root, 'tmp', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
process.env.TEST_RESULTS_DIR = resultsDir;

const started = Date.now();
const checks = [];
function check(name, ok) {
  checks.push({ name, ok });
  console.log(`${ok ? '✔' : '✖'} ${name}`);
  return ok;
}

/** Jest and Playwright write `{ runner, name, passed, failed, skipped }`; Vitest writes its Jest-style JSON report. */
const readResults = () =>
  readdirSync(resultsDir).map((file) => {
    const data = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
    if (data.runner) return { file, ...data };
    return {
      file,
      runner: 'vitest',
      name: file.replace(/^vitest-(.+)-\d+\.json$/, '$1'),
      passed: data.numPassedTests,
      failed: data.numFailedTests || data.numFailedTestSuites || 0,
      skipped: (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0),
    };
  });

/** Runs test runners through Nx; a run that fails without reporting a failed test (a crash) counts as a failure. */
function tests(name, args, options = {}) {
  const before = new Set(readdirSync(resultsDir));
  const ok = nx([...args, '--output-style=static', '--skip-nx-cache'], { ...options, allowFailure: true });
  const produced = readResults().filter((result) => !before.has(result.file));
  if (!ok && produced.every((result) => result.failed === 0))
    check(`${name}: il runner è terminato con un errore`, false);
  if (ok && produced.length === 0) check(`${name}: nessun test eseguito`, false);
}

ensureDependencies();
const quiet = ['--output-style=static'];

check('lint (eslint, zero avvisi)', nx(['run-many', '-t', 'lint', ...quiet], { allowFailure: true }));
check('typecheck (tsc strict)', nx(['run-many', '-t', 'typecheck', ...quiet], { allowFailure: true }));
check('format (prettier)', nx(['format:check'], { allowFailure: true }));
tests('test unitari', ['run-many', '-t', 'test']);
const built = check(
  'build (API, simulatore, tre SPA)',
  nx(['run-many', '-t', 'build', '-p', 'api', 'pagopa-sim', 'citizen', 'backoffice', 'admin', ...quiet], {
    allowFailure: true,
  }),
);

const pgUrl = process.env.DATABASE_URL;
tests('integrazione PGlite', ['run', 'api:integration'], { env: { DATABASE_URL: '' } });
if (pgUrl) {
  tests('integrazione PostgreSQL', ['run', 'api:integration'], { env: { DATABASE_URL: pgUrl } });
} else {
  console.log('ℹ DATABASE_URL non impostata: test di integrazione su PostgreSQL saltati (solo PGlite).');
}

if (built) {
  const boot = spawnSync(process.execPath, ['dist/apps/api/main.js'], {
    cwd: root,
    env: { ...process.env, PORT: 'abc', NODE_ENV: 'staging' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  check(
    'configurazione non valida: messaggio chiaro e uscita',
    boot.status === 1 && boot.stderr.includes('PORT') && boot.stderr.includes('NODE_ENV'),
  );
  tests('conformità pagoPA (EC-PSP-01/02/02M/03)', ['run', 'pagopa-sim:conformance']);
  tests('smoke Playwright', ['run', 'e2e:e2e']);
}

const results = readResults().sort((a, b) => a.file.localeCompare(b.file));
console.log('\nRiepilogo:');
for (const result of results) {
  console.log(
    `  ${result.failed ? '✖' : '✔'} ${result.runner} ${result.name}: ${result.passed} superati, ${result.failed} falliti`,
  );
}
for (const c of checks) console.log(`  ${c.ok ? '✔' : '✖'} ${c.name}`);
const sum = (key) => results.reduce((total, result) => total + (result[key] ?? 0), 0);
const passed = sum('passed') + checks.filter((c) => c.ok).length;
const failed = sum('failed') + checks.filter((c) => !c.ok).length;
const skipped = sum('skipped');
console.log(`\nDurata: ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
