import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { probeApi } from './api-probe';
import { type SimConfig } from './config';

const COUNTERPARTS = [
  { name: 'Nodo dei pagamenti pagoPA', role: 'verifica, attiva e consegna le ricevute alla stazione' },
  { name: 'PSP', role: 'prestatori di servizi di pagamento: banche, Poste, app, ATM' },
  { name: 'Checkout', role: 'la pagina di pagamento pagoPA a cui il cittadino viene reindirizzato' },
  { name: 'Tesoreria', role: 'accrediti e giornale di cassa per la riconciliazione' },
  { name: 'IdP SPID/CIE di test', role: 'accesso con identità di prova' },
];

export function createSimServer(config: SimConfig): Server {
  return createServer((req, res) => {
    route(config, req, res).catch(() =>
      send(res, 500, 'application/json', JSON.stringify({ error: 'internal' })),
    );
  });
}

async function route(config: SimConfig, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://sim').pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'application/json', JSON.stringify({ error: 'method not allowed' }));
    return;
  }
  if (path === '/health') {
    const api = await probeApi(config.apiBaseUrl);
    send(res, 200, 'application/json', JSON.stringify({ status: 'ok', api }));
    return;
  }
  if (path === '/') {
    const api = await probeApi(config.apiBaseUrl);
    send(res, 200, 'text/html; charset=utf-8', homePage(config, api.reachable));
    return;
  }
  send(res, 404, 'application/json', JSON.stringify({ error: 'not found' }));
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function homePage(config: SimConfig, apiReachable: boolean): string {
  const rows = COUNTERPARTS.map((c) => `<li><strong>${c.name}</strong>: ${c.role}</li>`).join('');
  return `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Simulatore pagoPA</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.ok{color:#00693e}.ko{color:#a61919}</style></head>
<body><main><h1>Simulatore pagoPA</h1>
<p>Simula le controparti della piattaforma per sviluppo, dimostrazioni e test. Parla con l’API solo via HTTP.</p>
<p>API della piattaforma (${config.apiBaseUrl}): <strong class="${apiReachable ? 'ok' : 'ko'}">${apiReachable ? 'raggiungibile' : 'non raggiungibile'}</strong></p>
<h2>Controparti simulate</h2><ul>${rows}</ul></main></body></html>`;
}
