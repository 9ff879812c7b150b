import { type IncomingMessage, type ServerResponse } from 'node:http';
import { formatNoticeNumber } from '@pagamenti/pagopa';
import { type FaultBean } from '@pagamenti/pagopa/soap';
import { escapeHtml as e, euro, readForm, readJson, redirect, sendHtml, sendJson } from '../http';
import { type PaymentService } from '../node/payment-service';
import { page } from '../pages/layout';
import { describeFee, feeFor, PSPS } from '../psp/psps';
import { type NodeRegistry } from '../registry/node-registry';
import { type Cart, type CartStore, validateCart } from './carts';

/** What the citizen reads when a notice cannot be paid, by the station's fault code. */
export function noticeProblem(fault: FaultBean): string {
  switch (fault.originalFaultCode ?? fault.faultCode) {
    case 'PAA_PAGAMENTO_DUPLICATO':
      return 'L’avviso risulta già pagato.';
    case 'PAA_PAGAMENTO_SCADUTO':
      return 'L’avviso è scaduto: contatta l’ente per un nuovo avviso.';
    case 'PAA_PAGAMENTO_ANNULLATO':
      return 'L’avviso è stato annullato dall’ente.';
    case 'PAA_PAGAMENTO_SCONOSCIUTO':
      return 'L’avviso non risulta all’ente: controlla il codice.';
    case 'PPT_PAGAMENTO_IN_CORSO':
    case 'PAA_PAGAMENTO_IN_CORSO':
      return 'C’è già un pagamento in corso per questo avviso.';
    default:
      return 'Il servizio dell’ente non risponde: riprova più tardi.';
  }
}

const SUBTITLE = 'pagoPA Checkout (simulato)';

/**
 * The Checkout counterpart: `POST /checkout/ec/v1/carts` (the EC's portal creates a cart, gets a 302 to the payment
 * page) and the payment page itself, where the citizen picks a PSP and pays or cancels.
 */
export class CheckoutRoutes {
  constructor(
    private readonly carts: CartStore,
    private readonly payments: PaymentService,
    private readonly registry: NodeRegistry,
    private readonly publicUrl: string,
  ) {}

  async createCart(req: IncomingMessage, res: ServerResponse, subscriptionKey: string | null): Promise<void> {
    const keys = this.registry.subscriptionKeys();
    if (keys.size > 0 && (!subscriptionKey || !keys.has(subscriptionKey))) {
      sendJson(res, 401, {
        statusCode: 401,
        message: 'Access denied due to missing or invalid subscription key.',
      });
      return;
    }
    const { cart, problems } = validateCart(await readJson(req));
    if (!cart) {
      sendJson(res, 400, {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: problems.join('; '),
      });
      return;
    }
    const created = this.carts.create(cart);
    redirect(res, `${this.publicUrl}/checkout/carts/${created.id}`, 302);
  }

  async showCart(res: ServerResponse, id: string): Promise<void> {
    const cart = this.carts.get(id);
    if (!cart) return this.missing(res);
    if (cart.status !== 'open') return this.closed(res, cart);
    const lines = await Promise.all(
      cart.request.paymentNotices.map(async (notice) => {
        const check = await this.payments.verify(notice.noticeNumber, notice.fiscalCode);
        return { notice, check, amount: check.ok ? check.amountCents : notice.amount };
      }),
    );
    const rows = lines.map(({ notice, check, amount }) => {
      const changed = check.ok && check.amountCents !== notice.amount;
      return `<tr><td>${formatNoticeNumber(notice.noticeNumber)}</td><td>${e(check.ok ? (check.companyName ?? notice.companyName) : notice.companyName)}</td>
<td>${e(check.ok ? (check.description ?? notice.description) : notice.description)}${
        check.ok
          ? changed
            ? `<br><span class="hint">Importo aggiornato dall’ente (era ${euro(notice.amount)})</span>`
            : ''
          : `<br><strong>${e(noticeProblem(check.fault))}</strong>`
      }</td><td class="amount">${euro(amount)}</td></tr>`;
    });
    const payable = lines.every((line) => line.check.ok);
    const total = lines.reduce((sum, line) => sum + line.amount, 0);
    const table = `<table><caption class="hint">Avvisi nel carrello (${rows.length})</caption>
<thead><tr><th scope="col">Codice avviso</th><th scope="col">Ente</th><th scope="col">Oggetto</th><th scope="col" class="amount">Importo</th></tr></thead>
<tbody>${rows.join('')}</tbody>
<tfoot><tr><th scope="row" colspan="3">Totale avvisi</th><td class="amount"><strong>${euro(total)}</strong></td></tr></tfoot></table>`;
    if (!payable) {
      sendHtml(
        res,
        200,
        page(
          'Pagamento non possibile',
          `<h1>Pagamento non possibile</h1><div class="alert" role="alert"><p>Uno o più avvisi non possono essere pagati.</p></div>${table}
<form method="post" action="/checkout/carts/${cart.id}/cancel"><div class="actions"><button type="submit">Torna al sito dell’ente</button></div></form>`,
          SUBTITLE,
        ),
      );
      return;
    }
    const psps = PSPS.map((psp, i) => {
      const fee = lines.reduce((sum, line) => sum + feeFor(psp, line.amount), 0);
      return `<div class="choice"><input type="radio" id="psp-${psp.idPSP}" name="psp" value="${psp.idPSP}"${i === 0 ? ' checked' : ''}>
<label for="psp-${psp.idPSP}">${e(psp.companyName)} — ${e(psp.channelDescription)}<br><span class="hint">commissione ${euro(fee)}${psp.fee.kind === 'percent' ? ` (${e(describeFee(psp).replace(/^commissione /, ''))})` : ''} · totale ${euro(total + fee)}</span></label></div>`;
    }).join('');
    sendHtml(
      res,
      200,
      page(
        'Paga con pagoPA',
        `<h1>Paga con pagoPA</h1>
<p>Controlla gli avvisi, scegli chi esegue il pagamento e conferma. Gli importi sono quelli aggiornati dall’ente.</p>
${table}
<form method="post" action="/checkout/carts/${cart.id}/pay">
<div class="field"><label for="email">E-mail per ricevere l’esito</label>
<input type="email" id="email" name="email" autocomplete="email" value="${e(cart.request.emailNotice ?? '')}"></div>
<fieldset><legend>Scegli il prestatore di servizi di pagamento (PSP)</legend>${psps}</fieldset>
<div class="actions"><button type="submit">Conferma e paga</button></div></form>
<form method="post" action="/checkout/carts/${cart.id}/cancel"><div class="actions"><button type="submit" class="secondary">Annulla il pagamento</button></div></form>`,
        SUBTITLE,
      ),
    );
  }

  async pay(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const form = await readForm(req);
    const cart = this.carts.get(id);
    if (!cart) return this.missing(res);
    if (cart.status !== 'open') return this.closed(res, cart);
    const email = form.get('email')?.trim();
    const outcomes = await this.payments.payCart(
      cart.request.paymentNotices.map((n) => ({
        noticeNumber: n.noticeNumber,
        fiscalCode: n.fiscalCode,
        paymentNote: cart.request.idCart ?? cart.id,
        origin: 'checkout' as const,
        ...(email ? { payerEmail: email } : {}),
      })),
      form.get('psp') ?? '',
    );
    const failed = outcomes.find((o) => o.outcome !== 'OK');
    if (failed) {
      cart.status = 'failed';
      cart.failure = failed.fault ? noticeProblem(failed.fault) : 'Pagamento non riuscito';
      redirect(res, cart.request.returnUrls.returnErrorUrl);
      return;
    }
    cart.status = 'paid';
    cart.receiptIds = outcomes.flatMap((o) => (o.receipt ? [o.receipt.receiptId] : []));
    redirect(res, cart.request.returnUrls.returnOkUrl);
  }

  async cancel(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    await readForm(req);
    const cart = this.carts.get(id);
    if (!cart) return this.missing(res);
    if (cart.status === 'open') cart.status = 'cancelled';
    redirect(
      res,
      cart.status === 'paid' ? cart.request.returnUrls.returnOkUrl : cart.request.returnUrls.returnCancelUrl,
    );
  }

  private missing(res: ServerResponse): void {
    sendHtml(
      res,
      404,
      page(
        'Carrello non trovato',
        '<h1>Carrello non trovato</h1><p>Il link di pagamento non è valido o è scaduto. Torna al sito dell’ente e riprova.</p>',
        SUBTITLE,
      ),
    );
  }

  private closed(res: ServerResponse, cart: Cart): void {
    const target =
      cart.status === 'paid'
        ? cart.request.returnUrls.returnOkUrl
        : cart.status === 'cancelled'
          ? cart.request.returnUrls.returnCancelUrl
          : cart.request.returnUrls.returnErrorUrl;
    const text =
      cart.status === 'paid'
        ? 'Questo carrello è già stato pagato.'
        : cart.status === 'cancelled'
          ? 'Il pagamento è stato annullato.'
          : `Il pagamento non è riuscito. ${cart.failure ?? ''}`;
    sendHtml(
      res,
      200,
      page(
        'Carrello chiuso',
        `<h1>Carrello chiuso</h1><p>${e(text)}</p><p><a class="button" href="${e(target)}">Torna al sito dell’ente</a></p>`,
        SUBTITLE,
      ),
    );
  }
}
