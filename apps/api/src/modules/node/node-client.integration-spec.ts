import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import {
  buildFlussoRiversamento,
  buildNodeForPaResponse,
  type FlussoRiversamento,
  parseNodeForPaRequest,
} from '@pagamenti/pagopa/soap';
import { officialSchemasMissingReason, validateMessagesWithOfficialXsd } from '@pagamenti/pagopa/testing';
import { engine, resetDatabase, startTestApp } from '../../../test/test-app';
import { StationsService } from '../entities/stations.service';
import { CheckoutClient } from './checkout-client.service';
import { PlatformCallError } from './http-retry';
import { NodeClient, NodeFaultError } from './node-client.service';

const FLOW: FlussoRiversamento = {
  versioneOggetto: '1.0',
  identificativoFlusso: '2026-03-02BCITITMM-S000000001',
  dataOraFlusso: '2026-03-02T12:00:00',
  identificativoUnivocoRegolamento: 'TRN-0001',
  dataRegolamento: '2026-03-02',
  istitutoMittente: {
    identificativoUnivocoMittente: {
      tipoIdentificativoUnivoco: 'B',
      codiceIdentificativoUnivoco: 'BCITITMM',
    },
  },
  istitutoRicevente: {
    identificativoUnivocoRicevente: {
      tipoIdentificativoUnivoco: 'G',
      codiceIdentificativoUnivoco: '99023040399',
    },
  },
  numeroTotalePagamenti: 1,
  importoTotalePagamenti: 10000,
  datiSingoliPagamenti: [
    {
      identificativoUnivocoVersamento: '07000000000000199',
      identificativoUnivocoRiscossione: 'c110729d258c4ab1b765fe902aae41d6',
      indiceDatiSingoloPagamento: 1,
      singoloImportoPagato: 10000,
      codiceEsitoSingoloPagamento: '0',
      dataEsitoSingoloPagamento: '2026-03-01',
    },
  ],
};

/**
 * A stand-in for the platform's side of the wire (the simulator implements the real one): it checks the
 * subscription key and the password like the node does, and can fail the first calls to exercise the retries.
 */
class FakePlatform {
  readonly seen: { path: string; key: string | undefined; body: string }[] = [];
  failuresLeft = 0;
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const key = req.headers['ocp-apim-subscription-key'] as string | undefined;
    this.seen.push({ path: req.url ?? '', key, body });
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      res.writeHead(503).end('busy');
      return;
    }
    if (key !== 'key-0001') {
      res.writeHead(401).end();
      return;
    }
    if (req.url === '/checkout/ec/v1/carts') {
      res.writeHead(302, { location: '/checkout/carts/abc123' }).end();
      return;
    }
    const parsed = parseNodeForPaRequest(body);
    if (!parsed.ok) {
      res.writeHead(400).end();
      return;
    }
    const { operation, message } = parsed.value;
    res.setHeader('content-type', 'text/xml');
    if (message.password !== 'Password01!') {
      res.end(
        buildNodeForPaResponse(operation, {
          fault: {
            faultCode: 'PPT_AUTENTICAZIONE',
            faultString: 'Password sconosciuta o errata',
            id: 'NodoDeiPagamentiSPC',
          },
        }),
      );
      return;
    }
    if (operation === 'nodoChiediElencoFlussiRendicontazione') {
      // Like the documentation examples, with an esito the XSD does not have.
      res.end(
        buildNodeForPaResponse(operation, {
          elencoFlussiRendicontazione: {
            totRestituiti: 1,
            idRendicontazione: [
              { identificativoFlusso: FLOW.identificativoFlusso, dataOraFlusso: FLOW.dataOraFlusso },
            ],
          },
        }).replace('<elencoFlussiRendicontazione>', '<esito>OK</esito><elencoFlussiRendicontazione>'),
      );
      return;
    }
    if (
      parsed.value.operation === 'nodoChiediFlussoRendicontazione' &&
      parsed.value.message.identificativoFlusso === FLOW.identificativoFlusso
    ) {
      res.end(
        buildNodeForPaResponse('nodoChiediFlussoRendicontazione', {
          xmlRendicontazione: Buffer.from(buildFlussoRiversamento(FLOW)).toString('base64'),
        }),
      );
      return;
    }
    res.end(
      buildNodeForPaResponse(operation, {
        fault: {
          faultCode: 'PPT_ID_FLUSSO_SCONOSCIUTO',
          faultString: 'Flusso sconosciuto',
          id: 'NodoDeiPagamentiSPC',
        },
      }),
    );
  }
}

describe(`node client (nodeForPa, Checkout) on ${engine}`, () => {
  const platform = new FakePlatform();
  let app: NestExpressApplication;
  let base = '';

  beforeAll(async () => {
    base = await platform.start();
    app = await startTestApp({
      PAGOPA_NODE_URL: `${base}/nodo/node-for-pa`,
      PAGOPA_CHECKOUT_BASE_URL: `${base}/checkout/ec/v1`,
      PAGOPA_NODE_TIMEOUT_MS: '2000',
      PAGOPA_NODE_RETRIES: '2',
    });
    await resetDatabase(app);
    const stations = app.get(StationsService);
    await stations.create({
      stationCode: '99000000010_01',
      brokerCode: '99000000010',
      description: 'Stazione di prova',
      primitiveVersion: 2,
      environment: 'TEST',
      password: 'Password01!',
      subscriptionKey: 'key-0001',
    });
    await stations.create({
      stationCode: '99000000010_02',
      brokerCode: '99000000010',
      description: 'Stazione con password sbagliata',
      primitiveVersion: 1,
      environment: 'TEST',
      password: 'Sbagliata01!',
      subscriptionKey: 'key-0001',
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await platform.stop();
  });

  it('lists and fetches reporting flows with the station password and subscription key', async () => {
    const client = app.get(NodeClient);
    const flows = await client.listReportingFlows({
      stationCode: '99000000010_01',
      entityFiscalCode: '99023040399',
    });
    expect(flows).toEqual([
      { identificativoFlusso: FLOW.identificativoFlusso, dataOraFlusso: FLOW.dataOraFlusso },
    ]);
    const fetched = await client.fetchReportingFlow({
      stationCode: '99000000010_01',
      flowId: FLOW.identificativoFlusso,
    });
    expect(fetched.flow).toEqual(FLOW);
    const call = platform.seen[platform.seen.length - 1]!;
    expect(call).toMatchObject({ path: '/nodo/node-for-pa', key: 'key-0001' });
    expect(call.body).toContain('<password>Password01!</password>');
    if (!officialSchemasMissingReason()) {
      const results = await validateMessagesWithOfficialXsd(platform.seen.map((seen) => seen.body));
      expect(results.map((result) => result.errors)).toEqual(platform.seen.map(() => []));
    }
  });

  it('surfaces node faults (unknown flow, wrong password) as NodeFaultError', async () => {
    const client = app.get(NodeClient);
    await expect(
      client.fetchReportingFlow({ stationCode: '99000000010_01', flowId: 'nope' }),
    ).rejects.toMatchObject({
      fault: { faultCode: 'PPT_ID_FLUSSO_SCONOSCIUTO' },
    });
    await expect(client.listReportingFlows({ stationCode: '99000000010_02' })).rejects.toBeInstanceOf(
      NodeFaultError,
    );
  });

  it('retries with backoff on 503 and gives up after the configured attempts', async () => {
    const client = app.get(NodeClient);
    platform.failuresLeft = 2;
    expect(await client.listReportingFlows({ stationCode: '99000000010_01' })).toHaveLength(1);
    platform.failuresLeft = 3;
    const failure = await client
      .listReportingFlows({ stationCode: '99000000010_01' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PlatformCallError);
    expect(failure).toMatchObject({ kind: 'unavailable', status: 503, attempts: 3 });
  });

  it('creates a Checkout cart and returns the URL to send the citizen to', async () => {
    // Without an entity on the station there is no key to send: Checkout answers 401.
    await expect(
      app.get(CheckoutClient).createCart({
        notices: [
          {
            noticeNumber: '307000000000000199',
            fiscalCode: '99023040399',
            amountCents: 10000,
            companyName: 'Comune di Pineto',
            description: 'TARI',
          },
        ],
        returnUrls: {
          returnOkUrl: 'https://x/ok',
          returnCancelUrl: 'https://x/ko',
          returnErrorUrl: 'https://x/err',
        },
      }),
    ).rejects.toMatchObject({ status: 401 });
    const station = (await app.get(StationsService).list()).find(
      (row) => row.stationCode === '99000000010_01',
    );
    await app.get(DataSource).query(
      `INSERT INTO creditor_entity (fiscal_code, name, category, province, onboarding_stage, station_id)
       VALUES ('99023040399', 'Comune di Pineto', 'COMUNE', 'TE', 'PRODUCTION', $1)`,
      [station?.id],
    );
    const cart = await app.get(CheckoutClient).createCart({
      notices: [
        {
          noticeNumber: '307000000000000199',
          fiscalCode: '99023040399',
          amountCents: 10000,
          companyName: 'Comune di Pineto',
          description: 'TARI',
        },
      ],
      returnUrls: {
        returnOkUrl: 'https://x/ok',
        returnCancelUrl: 'https://x/ko',
        returnErrorUrl: 'https://x/err',
      },
      idCart: 'cart-1',
    });
    expect(cart.checkoutUrl).toBe(`${base}/checkout/carts/abc123`);
    const sent = JSON.parse(platform.seen[platform.seen.length - 1]!.body);
    expect(sent).toMatchObject({
      paymentNotices: [{ noticeNumber: '307000000000000199', amount: 10000 }],
      idCart: 'cart-1',
    });
  });
});
