import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { fetchWithRetry, PlatformCallError } from './http-retry';
import { PlatformCredentials } from './platform-credentials.service';

/** One notice of a cart (checkout_v1.json PaymentNotice): amount in cents. */
export interface CartNotice {
  noticeNumber: string;
  fiscalCode: string;
  amountCents: number;
  companyName: string;
  description: string;
}

export interface CartRequest {
  /** 1..5 notices. The subscription key is the one of the first notice's entity's station. */
  notices: CartNotice[];
  returnUrls: { returnOkUrl: string; returnCancelUrl: string; returnErrorUrl: string };
  /** Our cart id: it comes back as paymentNote in paGetPayment and in the receipt. */
  idCart?: string;
  emailNotice?: string;
  allCCP?: boolean;
}

/**
 * Our client of pagoPA Checkout's carts API (`POST {PAGOPA_CHECKOUT_BASE_URL}/carts`, checkout_v1.json): answers the
 * URL to send the citizen to (the 302's Location). Retried on network errors, timeouts, 429 and 5xx: a retried
 * POST may open a second cart at Checkout, harmless because only the URL we return is ever used.
 */
@Injectable()
export class CheckoutClient {
  constructor(
    private readonly credentials: PlatformCredentials,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async createCart(cart: CartRequest): Promise<{ checkoutUrl: string }> {
    if (cart.notices.length < 1 || cart.notices.length > 5)
      throw new RangeError('un carrello ha da 1 a 5 avvisi');
    const first = cart.notices[0];
    const station = first ? await this.credentials.forStation({ entityFiscalCode: first.fiscalCode }) : null;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (station?.subscriptionKey) headers['ocp-apim-subscription-key'] = station.subscriptionKey;
    const url = `${this.config.pagopaNode.checkoutBaseUrl}/carts`;
    const response = await fetchWithRetry(
      url,
      {
        method: 'POST',
        headers,
        redirect: 'manual',
        body: JSON.stringify({
          paymentNotices: cart.notices.map((notice) => ({
            noticeNumber: notice.noticeNumber,
            fiscalCode: notice.fiscalCode,
            amount: notice.amountCents,
            companyName: notice.companyName.slice(0, 140),
            description: notice.description.slice(0, 140),
          })),
          returnUrls: cart.returnUrls,
          ...(cart.idCart ? { idCart: cart.idCart } : {}),
          ...(cart.emailNotice ? { emailNotice: cart.emailNotice } : {}),
          ...(cart.allCCP !== undefined ? { allCCP: cart.allCCP } : {}),
        }),
      },
      { timeoutMs: this.config.pagopaNode.timeoutMs, retries: this.config.pagopaNode.retries },
    );
    const location = response.headers.get('location');
    if (response.status === 302 && location) {
      await response.body?.cancel();
      return { checkoutUrl: new URL(location, url).toString() };
    }
    const detail = await response.text();
    throw new PlatformCallError(
      `Checkout ha rifiutato il carrello: HTTP ${response.status} ${detail.slice(0, 300)}`,
      'rejected',
      response.status,
      1,
    );
  }
}
