import { escapeHtml as e } from '../http';

const STYLE = [
  'body{font-family:system-ui,"Titillium Web",sans-serif;margin:0;color:#1a1a1a;line-height:1.5;background:#f5f6f7}',
  'header.top{background:#0066cc;color:#fff;padding:.75rem 1rem}',
  'header.top a{color:#fff}',
  'header.top p{margin:0;font-weight:600}',
  'main{max-width:52rem;margin:1.5rem auto;padding:1.5rem;background:#fff;border-radius:4px}',
  'h1{font-size:1.75rem;margin-top:0}',
  'h2{font-size:1.3rem;margin-top:1.5rem}',
  'a{color:#0059b3}',
  'button,.button{color:#fff;background:#0066cc;border:0;border-radius:4px;padding:.6rem 1.2rem;font-size:1rem;cursor:pointer;text-decoration:none;display:inline-block}',
  'button.secondary,.button.secondary{background:#fff;color:#0059b3;border:2px solid #0066cc}',
  'button:focus,a:focus,input:focus,select:focus,.button:focus{outline:3px solid #ff9900;outline-offset:2px}',
  'table{border-collapse:collapse;width:100%;margin:1rem 0}',
  'th,td{text-align:left;padding:.5rem;border-bottom:1px solid #d9dadb;vertical-align:top}',
  'td.amount,th.amount{text-align:right;white-space:nowrap}',
  'fieldset{border:1px solid #d9dadb;border-radius:4px;padding:1rem;margin:1rem 0}',
  'legend{font-weight:600;padding:0 .25rem}',
  'label{font-weight:600}',
  '.field{margin:.75rem 0}',
  '.field label{display:block;margin-bottom:.25rem}',
  'input[type=text],input[type=email],input[type=number],select{font-size:1rem;padding:.45rem;border:1px solid #5c6f82;border-radius:4px;width:100%;max-width:28rem;box-sizing:border-box}',
  '.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.5rem 0}',
  '.choice label{font-weight:400}',
  '.hint{color:#4d4d4d;font-size:.95rem}',
  '.alert{border-left:4px solid #a61919;background:#fbeaea;padding:.75rem 1rem;margin:1rem 0}',
  '.success{border-left:4px solid #00693e;background:#e6f4ee;padding:.75rem 1rem;margin:1rem 0}',
  '.actions{display:flex;gap:1rem;flex-wrap:wrap;margin-top:1.5rem}',
  'code,pre{font-family:ui-monospace,monospace;font-size:.9rem}',
  'pre{background:#f5f6f7;padding:1rem;overflow:auto}',
].join('');

/** An Italian, accessible page: language, title, landmarks, visible focus, AA contrast. */
export function page(title: string, body: string, subtitle = 'Simulatore pagoPA'): string {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)} — ${e(subtitle)}</title>
<style>${STYLE}</style></head>
<body><header class="top"><p>${e(subtitle)} · <a href="/">ambiente di simulazione</a></p></header>
<main id="contenuto">${body}</main></body></html>`;
}
