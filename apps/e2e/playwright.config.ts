import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * Smoke tests of the product as `npm start` runs it: the built API (serving the three SPAs) on a fresh embedded
 * database with the demo data, and the simulator, in Debian's Chromium. Browsers are never downloaded.
 */
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `Chromium non trovato in ${chromium}. Installalo (apt-get install chromium) o indica il percorso in CHROMIUM_PATH.`,
  );
}

const root = join(__dirname, '..', '..');
const apiPort = Number(process.env['E2E_API_PORT'] ?? 3300);
const simPort = Number(process.env['E2E_SIM_PORT'] ?? 3400);
export const baseURL = `http://localhost:${apiPort}`;
const resultsDir = process.env['TEST_RESULTS_DIR'];

export default defineConfig({
  testDir: './src',
  // Screenshots and traces; E2E_OUTPUT_DIR keeps two concurrent runs (other ports) from wiping each other's.
  outputDir: process.env['E2E_OUTPUT_DIR'] ?? join(root, 'test-artifacts', 'e2e'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  forbidOnly: !!process.env['CI'],
  reporter: [
    ['list'],
    ...(resultsDir ? [[join(root, 'tools/test-reporters/playwright-summary.cjs')] as [string]] : []),
  ],
  use: {
    baseURL,
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: 'node dist/apps/api/main.js',
      cwd: root,
      url: `${baseURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        PORT: String(apiPort),
        PGLITE_DIR: mkdtempSync(join(tmpdir(), 'e2e-pglite-')),
        DATABASE_URL: '',
        MIGRATE_ON_BOOT: 'true',
        SEED_DEMO_DATA: 'true',
        LOG_LEVEL: 'warn',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'e2e-data-')),
        SAML_IDP_METADATA_URLS: `http://localhost:${simPort}/spid/metadata`,
        // Carts go to this run's simulator (the default is the simulator of `npm start`, port 3100).
        PAGOPA_CHECKOUT_BASE_URL: `http://localhost:${simPort}/checkout/ec/v1`,
      },
    },
    {
      command: 'node dist/apps/pagopa-sim/main.js',
      cwd: root,
      url: `http://localhost:${simPort}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: {
        SIM_PORT: String(simPort),
        API_BASE_URL: baseURL,
        // Receipts, flows and statements of this run only (never retried against another run's API).
        SIM_DATA_DIR: mkdtempSync(join(tmpdir(), 'e2e-sim-')),
      },
    },
  ],
});
