import { type TestIdentity } from './identities';
import { escapeXml as e } from './saml-xml';
import { SCENARIOS } from './test-idp';

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}' +
  'button{color:#fff;background:#0066cc;border:0;border-radius:4px;padding:.5rem 1rem;font-size:1rem;cursor:pointer}' +
  'button:focus{outline:3px solid #ff9900;outline-offset:2px}ul{list-style:none;padding:0}li{margin:.5rem 0;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}' +
  '.note{color:#4d4d4d}label{font-weight:600;display:block;margin-bottom:.25rem}select{font-size:1rem;padding:.4rem}';

export function loginPage(requestKey: string, groups: { title: string; people: TestIdentity[] }[]): string {
  const options = Object.entries(SCENARIOS)
    .map(([value, label]) => `<option value="${value}">${e(label)}</option>`)
    .join('');
  const sections = groups
    .map(
      (group) =>
        `<h2>${e(group.title)}</h2><ul>${group.people
          .map(
            (person) =>
              `<li><button type="submit" name="identity" value="${person.fiscalCode}">Accedi come ${e(person.name)} ${e(person.familyName)}</button>` +
              `<span class="note">${person.fiscalCode}${person.note ? ` · ${e(person.note)}` : ''}</span></li>`,
          )
          .join('')}</ul>`,
    )
    .join('');
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>IdP SPID di test — Simulatore pagoPA</title><style>${STYLE}</style></head>
<body><main><h1>Gestore di identità di test</h1>
<p>Ambiente dimostrativo: scegli un’identità di prova. Nessuna password: le identità sono fittizie.</p>
<form method="post" action="/spid/login"><input type="hidden" name="request" value="${e(requestKey)}">
<p><label for="scenario">Esito simulato (per i test)</label><select id="scenario" name="scenario">${options}</select></p>
${sections}</form></main></body></html>`;
}

export function postBackPage(action: string, samlResponse: string, relayState: string): string {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Ritorno al servizio</title><style>${STYLE}</style></head>
<body><main><h1>Ritorno al servizio…</h1><form id="back" method="post" action="${e(action)}">
<input type="hidden" name="SAMLResponse" value="${e(samlResponse)}"><input type="hidden" name="RelayState" value="${e(relayState)}">
<button type="submit">Prosegui</button></form></main><script>document.getElementById('back').submit();</script></body></html>`;
}

export function refusalPage(message: string): string {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Richiesta rifiutata</title><style>${STYLE}</style></head>
<body><main><h1>Richiesta di accesso rifiutata</h1><p>${e(message)}</p></main></body></html>`;
}
