import { randomBytes } from 'node:crypto';
import { escapeXml as e } from './xml';

const STYLE =
  'body{font-family:"Titillium Web",system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}' +
  'a,button{color:#fff;background:#0066cc;border:0;border-radius:4px;padding:.6rem 1.2rem;font-size:1rem;text-decoration:none;display:inline-block}';

/** The page that POSTs the signed AuthnRequest to the IdP (auto-submitted; a button when scripts are off). */
export function postFormPage(action: string, fields: Record<string, string>): { html: string; csp: string } {
  const nonce = randomBytes(16).toString('base64');
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`)
    .join('');
  const html = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Reindirizzamento al gestore di identità</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><main><h1>Reindirizzamento al gestore di identità…</h1>
<form id="saml" method="post" action="${e(action)}">${inputs}<button type="submit">Prosegui</button></form></main>
<script nonce="${nonce}">document.getElementById('saml').submit();</script></body></html>`;
  const origin = new URL(action).origin;
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; form-action ${origin}; frame-ancestors 'none'; base-uri 'none'`;
  return { html, csp };
}

/** The courtesy page of a refused login (ux-reference: "Non è stato possibile accedere" + "Riprova"). */
export function loginErrorPage(message: string, retryUrl: string, correlationId: string): string {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Non è stato possibile accedere</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><main><h1>Non è stato possibile accedere</h1><p>${e(message)}</p>
<p><a href="${e(retryUrl)}">Riprova</a></p><p><small>Codice per l’assistenza: ${e(correlationId)}</small></p></main></body></html>`;
}
