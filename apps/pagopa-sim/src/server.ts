import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { probeApi } from './api-probe';
import { type SimConfig } from './config';
import { loginPage, postBackPage, refusalPage } from './idp/pages';
import { SamlRefusal, SCENARIOS, type Scenario, TestIdp } from './idp/test-idp';

const COUNTERPARTS = [
  { name: 'Nodo dei pagamenti pagoPA', role: 'verifica, attiva e consegna le ricevute alla stazione' },
  { name: 'PSP', role: 'prestatori di servizi di pagamento: banche, Poste, app, ATM' },
  { name: 'Checkout', role: 'la pagina di pagamento pagoPA a cui il cittadino viene reindirizzato' },
  { name: 'Tesoreria', role: 'accrediti e giornale di cassa per la riconciliazione' },
  { name: 'IdP SPID/CIE di test', role: 'accesso con identità di prova' },
];

export function createSimServer(config: SimConfig): Server {
  const idp = new TestIdp(config.publicUrl, config.spMetadataUrl);
  return createServer((req, res) => {
    route(config, idp, req, res).catch((error: unknown) => {
      if (error instanceof SamlRefusal)
        send(res, 400, 'text/html; charset=utf-8', refusalPage(error.message));
      else send(res, 500, 'application/json', JSON.stringify({ error: 'internal' }));
    });
  });
}

async function route(
  config: SimConfig,
  idp: TestIdp,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://sim').pathname;
  if (path === '/spid/metadata' && req.method === 'GET') {
    send(res, 200, 'application/samlmetadata+xml', idp.metadata());
    return;
  }
  if (path === '/spid/sso' && req.method === 'POST') {
    const key = await idp.acceptRequest(await readForm(req));
    send(res, 200, 'text/html; charset=utf-8', loginPage(key, idp.identities()));
    return;
  }
  if (path === '/spid/login' && req.method === 'POST') {
    const form = await readForm(req);
    const scenario = (form.get('scenario') ?? 'ok') as Scenario;
    if (!(scenario in SCENARIOS)) throw new SamlRefusal('Esito simulato sconosciuto');
    const answer = idp.respond(form.get('request') ?? '', form.get('identity') ?? '', scenario);
    send(
      res,
      200,
      'text/html; charset=utf-8',
      postBackPage(answer.acsUrl, answer.samlResponse, answer.relayState),
    );
    return;
  }
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

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1024 * 1024) throw new SamlRefusal('Richiesta troppo grande');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
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
