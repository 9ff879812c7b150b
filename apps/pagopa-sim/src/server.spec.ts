import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSimConfig } from './config';
import { createSimulator } from './server';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

const registryDir = join(__dirname, '..', '..', '..', 'tools', 'demo');

function simConfig(env: Record<string, string>) {
  return loadSimConfig({
    SIM_DATA_DIR: mkdtempSync(join(tmpdir(), 'sim-shell-')),
    SIM_REGISTRY_DIR: registryDir,
    ...env,
  });
}

describe('simulator shell', () => {
  const fakeApi = createServer((req, res) => {
    res.writeHead(req.url === '/api/health' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok' }));
  });
  let apiUrl: string;

  beforeAll(async () => {
    apiUrl = await listen(fakeApi);
  });
  afterAll(() => new Promise((resolve) => fakeApi.close(resolve)));

  it('reports whether the API answers over HTTP', async () => {
    const sim = createSimulator(simConfig({ API_BASE_URL: apiUrl }));
    const simUrl = await listen(sim.server);
    const health = await (await fetch(`${simUrl}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', api: { reachable: true, status: 'ok' } });
    const home = await (await fetch(simUrl)).text();
    expect(home).toContain('raggiungibile');
    sim.server.close();
  });

  it('says so when the API is down', async () => {
    const sim = createSimulator(simConfig({ API_BASE_URL: 'http://127.0.0.1:1' }));
    const simUrl = await listen(sim.server);
    const health = (await (await fetch(`${simUrl}/health`)).json()) as { api: unknown };
    expect(health.api).toMatchObject({ reachable: false });
    sim.server.close();
  });

  it('refuses bad settings with the variable name', () => {
    expect(() => loadSimConfig({ SIM_PORT: 'x' })).toThrow(/SIM_PORT/);
    expect(() => loadSimConfig({ API_BASE_URL: 'ftp://x' })).toThrow(/API_BASE_URL/);
    expect(() => loadSimConfig({ SIM_STATION_URL: 'nowhere' })).toThrow(/SIM_STATION_URL/);
    expect(() => loadSimConfig({ SIM_RECEIPT_MAX_ATTEMPTS: '0' })).toThrow(/SIM_RECEIPT_MAX_ATTEMPTS/);
  });

  it('derives the station URL from the API base URL', () => {
    expect(loadSimConfig({ API_BASE_URL: 'http://localhost:3300/' }).stationUrl).toBe(
      'http://localhost:3300/pagopa/paForNode',
    );
  });
});
