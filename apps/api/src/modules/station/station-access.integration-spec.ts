import { type AddressInfo } from 'node:net';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { buildPaForNodeRequest } from '@pagamenti/pagopa/soap';
import { header, PINETO } from '../../../test/station';
import { engine, startTestApp } from '../../../test/test-app';

const probe = buildPaForNodeRequest('paVerifyPaymentNotice', {
  ...header(),
  qrCode: { fiscalCode: PINETO, noticeNumber: '000000000000000000' },
});

async function post(app: NestExpressApplication, headers: Record<string, string> = {}) {
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const response = await fetch(`http://127.0.0.1:${port}/pagopa/paForNode`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml', ...headers },
    body: probe,
  });
  return { status: response.status, body: await response.text() };
}

describe(`station network checks (configuration) on ${engine}`, () => {
  let app: NestExpressApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('refuses callers outside STATION_IP_ALLOWLIST with 403 and a SOAP fault', async () => {
    app = await startTestApp({ STATION_IP_ALLOWLIST: '10.0.0.0/8' });
    await app.listen(0, '127.0.0.1');
    const refused = await post(app);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('<faultstring>ACCESSO_NEGATO</faultstring>');
  });

  it('accepts only the client certificate configured for the TLS proxy header', async () => {
    app = await startTestApp({
      STATION_IP_ALLOWLIST: '127.0.0.1,::1',
      STATION_CLIENT_CERT_HEADER: 'X-Client-Cert-SHA256',
      STATION_CLIENT_CERT_VALUES: 'AA:BB:CC,DD:EE:FF',
    });
    await app.listen(0, '127.0.0.1');
    expect((await post(app)).status).toBe(403);
    expect((await post(app, { 'x-client-cert-sha256': '00:11:22' })).status).toBe(403);
    const accepted = await post(app, { 'x-client-cert-sha256': 'ddeeff' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toContain('PAA_PAGAMENTO_SCONOSCIUTO');
  });
});
