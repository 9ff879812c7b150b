import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { probeApi } from './api-probe';
import { CartStore } from './checkout/carts';
import { CheckoutRoutes } from './checkout/checkout';
import { type SimConfig } from './config';
import {
  BadRequest,
  escapeHtml as e,
  euro,
  readBody,
  readForm,
  readJson,
  redirect,
  send,
  sendHtml,
  sendJson,
} from './http';
import { loginPage, postBackPage, refusalPage } from './idp/pages';
import { SamlRefusal, SCENARIOS, type Scenario, TestIdp } from './idp/test-idp';
import { romeDate } from './node/calendar';
import { ReceiptDispatcher } from './node/receipt-dispatcher';
import { ReceiptStore } from './node/receipt-store';
import { PaymentService } from './node/payment-service';
import { StationClient } from './node/station-client';
import { WireLog } from './node/wire-log';
import { page } from './pages/layout';
import { StampIssuer } from './psp/marca-da-bollo';
import { formToPaymentBody, parsePaymentRequest } from './psp/payment-request';
import { pspFormPage, pspResultPage } from './psp/psp-pages';
import { describeFee, PSPS } from './psp/psps';
import { NodeRegistry } from './registry/node-registry';
import { NodeForPaService } from './reporting/node-for-pa';
import { ReportingService } from './reporting/reporting-service';

/** The simulated pagoPA world: its HTTP server and the background work (receipt retries, settlement). */
export interface Simulator {
  server: Server;
  registry: NodeRegistry;
  receipts: ReceiptStore;
  dispatcher: ReceiptDispatcher;
  reporting: ReportingService;
  payments: PaymentService;
  wire: WireLog;
  /** Starts the receipt retries and the automatic settlement. */
  start(): void;
  stop(): void;
  /** Stops and writes the receipt snapshot (a restart replays the journal anyway). */
  close(): void;
}

/** Paths of the node's nodeForPa service: the official one, and the one of tools/demo/stations.json. */
export const NODE_FOR_PA_PATHS = ['/nodo-auth/node-for-pa/v1', '/nodo/node-for-pa'];
export const CARTS_PATH = '/checkout/ec/v1/carts';

export function createSimulator(config: SimConfig): Simulator {
  const idp = new TestIdp(config.publicUrl, config.spMetadataUrl);
  const registry = NodeRegistry.fromDirectory(config.registryDir);
  const wire = new WireLog();
  const client = new StationClient(config.stationUrl, wire);
  const receipts = new ReceiptStore(config.dataDir);
  const dispatcher = new ReceiptDispatcher(receipts, registry, client, config.receiptRetry);
  const reporting = new ReportingService(config.dataDir, receipts, registry);
  const payments = new PaymentService(registry, client, receipts, dispatcher, new StampIssuer());
  const nodeForPa = new NodeForPaService(registry, reporting, wire);
  const checkout = new CheckoutRoutes(new CartStore(), payments, registry, config.publicUrl);
  const world = {
    config,
    idp,
    registry,
    wire,
    receipts,
    dispatcher,
    reporting,
    payments,
    nodeForPa,
    checkout,
  };

  const server = createServer((req, res) => {
    route(world, req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else if (error instanceof SamlRefusal) sendHtml(res, 400, refusalPage(error.message));
      else if (error instanceof BadRequest) sendJson(res, error.status, { error: error.message });
      else sendJson(res, 500, { error: 'internal', message: (error as Error).message });
    });
  });
  return {
    server,
    registry,
    receipts,
    dispatcher,
    reporting,
    payments,
    wire,
    start() {
      dispatcher.start();
      reporting.start(config.settleIntervalMs);
    },
    stop() {
      dispatcher.stop();
      reporting.stop();
    },
    close() {
      this.stop();
      receipts.close();
    },
  };
}

type World = {
  config: SimConfig;
  idp: TestIdp;
  registry: NodeRegistry;
  wire: WireLog;
  receipts: ReceiptStore;
  dispatcher: ReceiptDispatcher;
  reporting: ReportingService;
  payments: PaymentService;
  nodeForPa: NodeForPaService;
  checkout: CheckoutRoutes;
};

function subscriptionKey(req: IncomingMessage, url: URL): string | null {
  const header = req.headers['ocp-apim-subscription-key'];
  return (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('subscription-key');
}

async function route(world: World, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';

  // --- SPID/CIE test identity provider
  if (path === '/spid/metadata' && method === 'GET') {
    send(res, 200, 'application/samlmetadata+xml', world.idp.metadata());
    return;
  }
  if (path === '/spid/sso' && method === 'POST') {
    const key = await world.idp.acceptRequest(await readForm(req));
    sendHtml(res, 200, loginPage(key, world.idp.identities()));
    return;
  }
  if (path === '/spid/login' && method === 'POST') {
    const form = await readForm(req);
    const scenario = (form.get('scenario') ?? 'ok') as Scenario;
    if (!(scenario in SCENARIOS)) throw new SamlRefusal('Esito simulato sconosciuto');
    const answer = world.idp.respond(form.get('request') ?? '', form.get('identity') ?? '', scenario);
    sendHtml(res, 200, postBackPage(answer.acsUrl, answer.samlResponse, answer.relayState));
    return;
  }

  // --- the node: nodeForPa SOAP (reporting)
  if (NODE_FOR_PA_PATHS.includes(path) && method === 'POST') {
    const body = await readBody(req, 2 * 1024 * 1024);
    const answer = world.nodeForPa.handle(body, subscriptionKey(req, url), path);
    send(res, answer.status, answer.contentType, answer.body);
    return;
  }
  if (path === '/node/exchanges' && method === 'GET') {
    const after = Number(url.searchParams.get('after') ?? 0) || 0;
    const limit = Math.min(2000, Number(url.searchParams.get('limit') ?? 500) || 500);
    sendJson(res, 200, { latestId: world.wire.latestId(), exchanges: world.wire.since(after, limit) });
    return;
  }
  if (path === '/node/registry' && method === 'GET') {
    sendJson(res, 200, {
      stations: world.registry.stations().map(({ password: _p, subscriptionKey: _k, ...s }) => s),
      entities: world.registry
        .entities()
        .map((x) => ({ fiscalCode: x.fiscalCode, name: x.name, stationCode: x.stationCode })),
      psps: PSPS,
    });
    return;
  }

  // --- PSPs
  if (path === '/psp/payments' && method === 'POST') {
    const outcome = await world.payments.pay(parsePaymentRequest(await readJson(req)));
    sendJson(res, outcome.outcome === 'OK' ? 200 : 422, outcome);
    return;
  }
  if (path === '/psp/verify' && method === 'POST') {
    const body = await readJson(req);
    const { noticeNumber, fiscalCode } = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    if (typeof noticeNumber !== 'string' || typeof fiscalCode !== 'string')
      throw new BadRequest('noticeNumber e fiscalCode sono obbligatori');
    const result = await world.payments.verify(noticeNumber.replace(/\s+/g, ''), fiscalCode);
    sendJson(res, result.ok ? 200 : 422, result);
    return;
  }
  if (path === '/psp' && method === 'GET') {
    sendHtml(res, 200, pspFormPage(servedEntities(world.registry)));
    return;
  }
  if (path === '/psp' && method === 'POST') {
    let request;
    try {
      request = parsePaymentRequest(formToPaymentBody(await readForm(req)));
    } catch (error) {
      if (!(error instanceof BadRequest)) throw error;
      sendHtml(res, 400, pspFormPage(servedEntities(world.registry), error.message));
      return;
    }
    sendHtml(res, 200, pspResultPage(await world.payments.pay(request)));
    return;
  }
  if (path === '/psp/receipts' && method === 'GET') {
    sendJson(res, 200, world.receipts.all().map(receiptSummary));
    return;
  }
  const receiptMatch = /^\/psp\/receipts\/([0-9a-f]{32})(\/resend)?$/.exec(path);
  if (receiptMatch && method === 'GET' && !receiptMatch[2]) {
    const stored = world.receipts.get(receiptMatch[1] ?? '');
    if (!stored) return sendJson(res, 404, { error: 'ricevuta sconosciuta' });
    sendJson(res, 200, stored);
    return;
  }
  if (receiptMatch && method === 'POST' && receiptMatch[2]) {
    const stored = world.receipts.get(receiptMatch[1] ?? '');
    if (!stored) return sendJson(res, 404, { error: 'ricevuta sconosciuta' });
    const now = new Date();
    for (const delivery of stored.deliveries)
      if (delivery.status !== 'delivered' && delivery.status !== 'not-deliverable')
        world.receipts.requeue(stored, delivery, now);
    await world.dispatcher.tick(now);
    sendJson(res, 200, receiptSummary(stored));
    return;
  }

  // --- Checkout
  if (path === CARTS_PATH && method === 'POST') {
    await world.checkout.createCart(req, res, subscriptionKey(req, url));
    return;
  }
  const cartMatch = /^\/checkout\/carts\/([0-9a-f-]{36})(?:\/(pay|cancel))?$/.exec(path);
  if (cartMatch) {
    const [, id = '', action] = cartMatch;
    if (!action && method === 'GET') return world.checkout.showCart(res, id);
    if (action === 'pay' && method === 'POST') return world.checkout.pay(req, res, id);
    if (action === 'cancel' && method === 'POST') return world.checkout.cancel(req, res, id);
  }

  // --- Reporting and bank
  if (path === '/reporting/settle' && method === 'POST') {
    const date = url.searchParams.get('date') ?? undefined;
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new BadRequest('date: AAAA-MM-GG');
    // "Settle now": everything collected so far, on the given day (default today), without waiting for the timer.
    const flows = world.reporting.settle(date ?? romeDate(new Date()));
    sendJson(res, 200, { flows: flows.map(({ xml: _xml, ...f }) => f) });
    return;
  }
  if (path === '/reporting/flows' && method === 'GET') {
    const flows = world.reporting.flows({
      receiverFiscalCode: url.searchParams.get('fiscalCode') ?? undefined,
      pspId: url.searchParams.get('psp') ?? undefined,
    });
    sendJson(
      res,
      200,
      flows.map(({ xml: _xml, ...f }) => f),
    );
    return;
  }
  const flowMatch = /^\/reporting\/flows\/([a-zA-Z0-9_-]{1,35})$/.exec(path);
  if (flowMatch && method === 'GET') {
    const flow = world.reporting.flow(flowMatch[1] ?? '');
    if (!flow) return sendJson(res, 404, { error: 'flusso sconosciuto' });
    send(res, 200, 'application/xml; charset=utf-8', flow.xml);
    return;
  }
  if (path === '/bank/statements' && method === 'GET') {
    sendJson(
      res,
      200,
      world.reporting.statementDays().map((day) => ({
        ...day,
        csv: `/bank/statements/${day.date}.csv`,
        camt053: `/bank/statements/${day.date}.xml`,
      })),
    );
    return;
  }
  const statementMatch = /^\/bank\/statements\/(\d{4}-\d{2}-\d{2})\.(csv|xml)$/.exec(path);
  if (statementMatch && method === 'GET') {
    const [, date = '', format] = statementMatch;
    const filter = {
      iban: url.searchParams.get('iban') ?? undefined,
      fiscalCode: url.searchParams.get('fiscalCode') ?? undefined,
    };
    if (format === 'csv')
      send(res, 200, 'text/csv; charset=utf-8', world.reporting.statementCsv(date, filter));
    else send(res, 200, 'application/xml; charset=utf-8', world.reporting.statementCamt053(date, filter));
    return;
  }

  if (method !== 'GET' && method !== 'HEAD') {
    sendJson(res, 405, { error: 'method not allowed' });
    return;
  }
  if (path === '/health') {
    const api = await probeApi(world.config.apiBaseUrl);
    sendJson(res, 200, { status: 'ok', api });
    return;
  }
  if (path === '/') {
    const api = await probeApi(world.config.apiBaseUrl);
    sendHtml(res, 200, homePage(world, api.reachable));
    return;
  }
  if (path === '/checkout') {
    redirect(res, '/');
    return;
  }
  sendJson(res, 404, { error: 'not found' });
}

function servedEntities(registry: NodeRegistry) {
  return registry
    .entities()
    .filter((x) => registry.primaryStation(x.fiscalCode))
    .sort((a, b) => a.name.localeCompare(b.name, 'it'));
}

function receiptSummary(stored: ReturnType<ReceiptStore['all']>[number]) {
  return {
    receiptId: stored.receipt.receiptId,
    noticeNumber: stored.receipt.noticeNumber,
    fiscalCode: stored.receipt.fiscalCode,
    creditorReferenceId: stored.receipt.creditorReferenceId,
    paymentAmountCents: stored.receipt.paymentAmount,
    idPSP: stored.receipt.idPSP,
    paymentDateTime: stored.receipt.paymentDateTime,
    standIn: stored.receipt.standIn === true,
    origin: stored.origin,
    deliveries: stored.deliveries.map(({ attempts, ...d }) => ({
      ...d,
      lastAttempt: attempts.at(-1) ?? null,
    })),
    reported: stored.reported,
  };
}

function homePage(world: World, apiReachable: boolean): string {
  const pending = world.receipts
    .all()
    .flatMap((r) => r.deliveries.filter((d) => d.status === 'pending')).length;
  const flows = world.reporting.flows();
  const psps = PSPS.map(
    (p) =>
      `<li>${e(p.companyName)} (<code>${p.idPSP}</code>, ${e(p.channelDescription)}, ${e(describeFee(p))})</li>`,
  ).join('');
  return page(
    'Simulatore pagoPA',
    `<h1>Simulatore pagoPA</h1>
<p>Simula le controparti della piattaforma per sviluppo, dimostrazioni e test. Parla con l’API solo via HTTP.</p>
<p>API della piattaforma (${e(world.config.apiBaseUrl)}): <strong>${apiReachable ? 'raggiungibile' : 'non raggiungibile'}</strong>.
Stazione chiamata dal nodo: <code>${e(world.config.stationUrl)}</code>.</p>
<h2>Controparti simulate</h2>
<ul>
<li><strong>Nodo dei pagamenti pagoPA</strong>: verifica, attiva e consegna le ricevute alla stazione; nodeForPa su
<code>${NODE_FOR_PA_PATHS[0]}</code>. Ricevute in attesa di consegna: ${pending}. <a href="/node/exchanges">Ultimi messaggi SOAP</a>.</li>
<li><strong>PSP</strong>: <a href="/psp">paga un avviso</a> (anche con guasti simulati).<ul>${psps}</ul></li>
<li><strong>Checkout</strong>: <code>POST ${CARTS_PATH}</code> crea un carrello e rimanda alla pagina di pagamento.</li>
<li><strong>Rendicontazione e tesoreria</strong>: ${flows.length} flussi di rendicontazione
(${euro(flows.reduce((s, f) => s + f.totalCents, 0))}); <a href="/reporting/flows">flussi</a>,
<a href="/bank/statements">estratti conto</a>.</li>
<li><strong>IdP SPID/CIE di test</strong>: accesso con identità di prova (<a href="/spid/metadata">metadata</a>).</li>
</ul>`,
  );
}
