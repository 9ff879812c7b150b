import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { startTestApp } from './test-app';

const root = join(__dirname, '..', '..', '..');

export function freePort(): Promise<number> {
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

/** The API listening on a real port and the simulator (its test IdP) as a separate process, over HTTP only. */
export async function startApiWithTestIdp(overrides: Record<string, string> = {}) {
  const [apiPort, simPort] = [await freePort(), await freePort()];
  const apiUrl = `http://localhost:${apiPort}`;
  const simUrl = `http://localhost:${simPort}`;
  const sim: ChildProcess = spawn(
    process.execPath,
    ['-r', join(root, 'tools/scripts/register-ts.cjs'), join(root, 'apps/pagopa-sim/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        SIM_PORT: String(simPort),
        API_BASE_URL: apiUrl,
        // Its own folder: a test simulator never shares pending receipts or keys with another run.
        SIM_DATA_DIR: mkdtempSync(join(tmpdir(), 'saml-test-sim-')),
      },
      stdio: 'ignore',
    },
  );
  const app: NestExpressApplication = await startTestApp({
    PORT: String(apiPort),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'saml-test-')),
    SAML_IDP_METADATA_URLS: `${simUrl}/spid/metadata`,
    SAML_IDP_METADATA_CACHE_SECONDS: '0',
    ...overrides,
  });
  await app.listen(apiPort, '127.0.0.1');
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${simUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const stop = async () => {
    sim.kill('SIGTERM');
    await app.close();
  };
  return { app, apiUrl, simUrl, idpId: `${simUrl}/spid`, stop };
}

export function formFields(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields[match[1] as string] = decodeEntities(match[2] as string);
  }
  return { action: decodeEntities(action), fields };
}

function decodeEntities(value: string): string {
  return value.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
}

function post(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/**
 * Runs a login through the test IdP up to the response the IdP would post back; returns it without posting it,
 * so that tests can post it (or post it twice).
 */
export async function idpResponse(
  env: { apiUrl: string; idpId: string },
  identity: string,
  scenario = 'ok',
  app = 'citizen',
  returnTo?: string,
) {
  const query = new URLSearchParams({ idp: env.idpId, app, ...(returnTo ? { returnTo } : {}) });
  const start = await fetch(`${env.apiUrl}/api/v1/auth/saml/login?${query}`);
  if (start.status !== 200) throw new Error(`login start answered ${start.status}`);
  const toIdp = formFields(await start.text());
  const loginPage = await post(toIdp.action, toIdp.fields);
  const loginHtml = await loginPage.text();
  if (loginPage.status !== 200) throw new Error(`IdP refused the request: ${loginHtml}`);
  const request = formFields(loginHtml).fields['request'] ?? '';
  const back = await post(`${new URL(toIdp.action).origin}/spid/login`, { request, identity, scenario });
  return formFields(await back.text());
}

export function postToAcs(response: { action: string; fields: Record<string, string> }): Promise<Response> {
  return post(response.action, response.fields);
}

/** Cookie header from a login answer's Set-Cookie lines. */
export function cookiesOf(response: Response): { cookie: string; csrf: string } {
  const pairs = response.headers.getSetCookie().map((line) => line.split(';')[0] ?? '');
  const csrf = pairs.find((pair) => pair.startsWith('pp_csrf='))?.slice('pp_csrf='.length) ?? '';
  return { cookie: pairs.join('; '), csrf: decodeURIComponent(csrf) };
}
