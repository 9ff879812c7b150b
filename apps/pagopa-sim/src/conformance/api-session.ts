import { type CreateDebtPositionRequest, type DebtPosition } from '@pagamenti/contracts';

function unescapeHtml(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function hidden(html: string, name: string): string {
  return unescapeHtml(new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '');
}

function formAction(html: string): string {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`nessun form nella pagina:\n${html.slice(0, 500)}`);
  return unescapeHtml(action);
}

/**
 * An operator's session on the API, opened through the real login path over plain HTTP: the API's signed
 * AuthnRequest, the simulator's test IdP (as a browser would post the forms), the signed response to the ACS.
 */
export class ApiSession {
  private constructor(
    private readonly apiUrl: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async login(apiUrl: string, simUrl: string, fiscalCode: string): Promise<ApiSession> {
    const idps = (await (await fetch(`${apiUrl}/api/v1/auth/idps`)).json()) as { id: string }[];
    const idp = idps[0]?.id;
    if (!idp) throw new Error('nessun IdP configurato nell’API');
    const start = await fetch(
      `${apiUrl}/api/v1/auth/saml/login?idp=${encodeURIComponent(idp)}&app=backoffice`,
    );
    const redirectPage = await start.text();
    const sso = await fetch(formAction(redirectPage), {
      method: 'POST',
      body: new URLSearchParams({
        SAMLRequest: hidden(redirectPage, 'SAMLRequest'),
        RelayState: hidden(redirectPage, 'RelayState'),
      }),
    });
    const loginPage = await sso.text();
    const answer = await fetch(new URL(formAction(loginPage), simUrl), {
      method: 'POST',
      body: new URLSearchParams({
        request: hidden(loginPage, 'request'),
        identity: fiscalCode,
        scenario: 'ok',
      }),
    });
    const postBack = await answer.text();
    const acs = await fetch(formAction(postBack), {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({
        SAMLResponse: hidden(postBack, 'SAMLResponse'),
        RelayState: hidden(postBack, 'RelayState'),
      }),
    });
    const cookies = acs.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
    const csrf = cookies.find((c) => c.startsWith('pp_csrf='))?.slice('pp_csrf='.length);
    if (acs.status !== 303 || !csrf)
      throw new Error(`accesso non riuscito (HTTP ${acs.status}): ${await acs.text()}`);
    return new ApiSession(apiUrl, cookies.join('; '), csrf);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The entity id (UUID) of one of the operator's entities, by fiscal code. */
  async entityId(fiscalCode: string): Promise<string> {
    const me = await this.request<{ entities: { entityId: string; entityFiscalCode: string }[] }>(
      'GET',
      '/api/v1/me',
    );
    const entity = me.entities.find((e) => e.entityFiscalCode === fiscalCode);
    if (!entity) throw new Error(`l’operatore non ha ruoli sull’ente ${fiscalCode}`);
    return entity.entityId;
  }

  /** Creates a payable position (published when the API creates it as a draft). */
  async createPosition(entityId: string, body: CreateDebtPositionRequest): Promise<DebtPosition> {
    const created = await this.request<DebtPosition>('POST', `/api/v1/entities/${entityId}/positions`, body);
    if (created.status !== 'DRAFT') return created;
    return this.request<DebtPosition>(
      'POST',
      `/api/v1/entities/${entityId}/positions/${created.iupd}/publish`,
    );
  }

  position(entityId: string, iupd: string): Promise<DebtPosition> {
    return this.request<DebtPosition>(
      'GET',
      `/api/v1/entities/${entityId}/positions/${encodeURIComponent(iupd)}`,
    );
  }
}
