import { DataSource } from 'typeorm';
import { cookiesOf, idpResponse, postToAcs, startApiWithTestIdp } from '../../../test/saml-flow';

type Env = Awaited<ReturnType<typeof startApiWithTestIdp>>;

describe('SPID/CIE login through the simulator’s test IdP', () => {
  let env: Env;

  beforeAll(async () => {
    env = await startApiWithTestIdp({ SEED_DEMO_DATA: 'true' });
  }, 60_000);
  afterAll(() => env.stop());

  it('publishes signed SP metadata with the SPID extensions', async () => {
    const response = await fetch(`${env.apiUrl}/api/v1/auth/saml/metadata`);
    const xml = await response.text();
    expect(response.status).toBe(200);
    expect(xml).toContain('AuthnRequestsSigned="true"');
    expect(xml).toContain('WantAssertionsSigned="true"');
    expect(xml).toContain('<spid:IPACode>');
    expect(xml).toMatch(/<(ds:)?Signature/);
  });

  it('lists the configured identity providers', async () => {
    const idps = (await (await fetch(`${env.apiUrl}/api/v1/auth/idps`)).json()) as { id: string }[];
    expect(idps.map((idp) => idp.id)).toEqual([env.idpId]);
  });

  it('logs a citizen in, answers /me, and logs out with the CSRF token', async () => {
    const answer = await postToAcs(await idpResponse(env, 'RSSMRA80A01H501U'));
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/');
    const setCookie = answer.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/pp_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const { cookie, csrf } = cookiesOf(answer);
    const me = await fetch(`${env.apiUrl}/api/v1/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      fiscalCode: 'RSSMRA80A01H501U',
      name: 'Mario',
      entities: [],
      intermediaryRole: null,
    });

    const withoutCsrf = await fetch(`${env.apiUrl}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(withoutCsrf.status).toBe(403);
    const logout = await fetch(`${env.apiUrl}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(logout.status).toBe(204);
    expect((await fetch(`${env.apiUrl}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('gives an operator the roles of the demo seed, with the entity switcher', async () => {
    const answer = await postToAcs(await idpResponse(env, 'FRRNNA90E50A345B', 'ok', 'backoffice'));
    expect(answer.headers.get('location')).toBe('/backoffice/');
    const { cookie, csrf } = cookiesOf(answer);
    const me = (await (await fetch(`${env.apiUrl}/api/v1/me`, { headers: { cookie } })).json()) as {
      entities: { entityId: string; entityName: string; role: string }[];
      activeEntityId: string;
    };
    expect(me.entities.map((e) => [e.entityName, e.role])).toEqual([
      ['Comune di Pineto', 'admin'],
      ['Comune di Roseto degli Abruzzi', 'operator'],
    ]);
    const other = me.entities[1]?.entityId ?? '';
    const switched = await fetch(`${env.apiUrl}/api/v1/me/active-entity`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ entityId: other }),
    });
    expect(switched.status).toBe(200);
    expect(((await switched.json()) as { activeEntityId: string }).activeEntityId).toBe(other);
  });

  it('goes back after the login to the page of the app the SPA asked for, never elsewhere', async () => {
    const back = '/admin/registro-attivita?esito=failure';
    const answer = await postToAcs(await idpResponse(env, 'MRNGPP81B20A345W', 'ok', 'admin', back));
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(back);
    for (const elsewhere of ['https://evil.example/admin/', '//evil.example/admin/', '/backoffice/conti']) {
      const refused = await postToAcs(await idpResponse(env, 'MRNGPP81B20A345W', 'ok', 'admin', elsewhere));
      expect(refused.headers.get('location')).toBe('/admin/');
    }
  });

  const refusals: [string, RegExp, string][] = [
    ['unsigned-assertion', /Non è stato possibile accedere/, 'assertion-unsigned'],
    ['wrong-certificate', /Non è stato possibile accedere/, 'signature-invalid'],
    ['signature-wrapping', /Non è stato possibile accedere/, 'assertion-count'],
    ['wrong-destination', /Non è stato possibile accedere/, 'response-destination'],
    ['wrong-recipient', /Non è stato possibile accedere/, 'subject-confirmation-recipient'],
    ['wrong-audience', /Non è stato possibile accedere/, 'audience'],
    ['expired', /Non è stato possibile accedere/, 'subject-confirmation-expired'],
    ['not-yet-valid', /Non è stato possibile accedere/, 'conditions-not-before'],
    ['unknown-in-response-to', /Non è stato possibile accedere/, 'in-response-to-unknown'],
    ['lower-level', /livello di sicurezza usato per l’accesso è inferiore/, 'authn-context-level'],
    ['error-19', /credenziali errate troppe volte/, 'status-error-code-19'],
    ['error-20', /non consentono il livello di sicurezza/, 'status-error-code-20'],
    ['error-21', /tempo a disposizione per l’accesso è scaduto/, 'status-error-code-21'],
    ['error-22', /Non hai dato il consenso/, 'status-error-code-22'],
    ['error-23', /sospesa, revocata/, 'status-error-code-23'],
    ['error-24', /non ha potuto completare l’accesso/, 'status-error-code-24'],
    ['error-25', /Hai annullato l’accesso/, 'status-error-code-25'],
  ];

  it.each(refusals)(
    'refuses %s with 401, the user message and an audit record',
    async (scenario, message, reason) => {
      const answer = await postToAcs(await idpResponse(env, 'BNCGLI85M45A345P', scenario));
      expect(answer.status).toBe(401);
      expect(answer.headers.getSetCookie()).toEqual([]);
      expect(await answer.text()).toMatch(message);
      const rows: { details: { reason: string } }[] = await env.app
        .get(DataSource)
        .query(
          `SELECT details FROM audit_event WHERE action = 'auth.login' AND outcome = 'failure' ORDER BY at DESC LIMIT 1`,
        );
      expect(rows[0]?.details.reason).toBe(reason);
    },
  );

  it('refuses a replayed response (InResponseTo used once)', async () => {
    const response = await idpResponse(env, 'VRDLCU72C12G482Y');
    expect((await postToAcs(response)).status).toBe(303);
    const replay = await postToAcs(response);
    expect(replay.status).toBe(401);
    const rows: { details: { reason: string } }[] = await env.app
      .get(DataSource)
      .query(`SELECT details FROM audit_event WHERE outcome = 'failure' ORDER BY at DESC LIMIT 1`);
    expect(rows[0]?.details.reason).toBe('in-response-to-replayed');
  });

  it('refuses garbage and XML with a DOCTYPE with 401, never 500', async () => {
    const doctype = Buffer.from('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>').toString(
      'base64',
    );
    for (const SAMLResponse of ['%%%', doctype, '']) {
      const answer = await postToAcs({
        action: `${env.apiUrl}/api/v1/auth/saml/acs`,
        fields: { SAMLResponse },
      });
      expect(answer.status).toBe(401);
    }
  });
});
