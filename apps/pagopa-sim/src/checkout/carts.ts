import { randomUUID } from 'node:crypto';

/** `PaymentNotice` of Checkout's carts API (checkout_v1.json): amount in euro cents. */
export interface CartNotice {
  noticeNumber: string;
  fiscalCode: string;
  amount: number;
  companyName: string;
  description: string;
}

/** `CartRequest` of Checkout's carts API. */
export interface CartRequest {
  paymentNotices: CartNotice[];
  returnUrls: { returnOkUrl: string; returnCancelUrl: string; returnErrorUrl: string };
  idCart?: string;
  allCCP?: boolean;
  emailNotice?: string;
}

export type CartStatus = 'open' | 'paid' | 'failed' | 'cancelled';

export interface Cart {
  id: string;
  createdAt: number;
  request: CartRequest;
  status: CartStatus;
  /** Receipt ids once paid. */
  receiptIds: string[];
  failure?: string;
}

const EMAIL = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAbsoluteUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function boundedText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

/**
 * Checks a cart request against the OpenAPI schema (1..5 notices, 18-digit notice numbers, 11-digit fiscal codes,
 * integer cents ≥ 1, texts ≤ 140, the three return URLs). Returns the problems, empty when valid.
 */
export function validateCart(body: unknown): { cart: CartRequest | null; problems: string[] } {
  const problems: string[] = [];
  if (!isRecord(body)) return { cart: null, problems: ['il corpo deve essere un oggetto JSON'] };
  const notices = body['paymentNotices'];
  if (!Array.isArray(notices) || notices.length < 1 || notices.length > 5) {
    problems.push('paymentNotices: da 1 a 5 avvisi');
  } else {
    notices.forEach((raw: unknown, i) => {
      const at = `paymentNotices[${i}]`;
      if (!isRecord(raw)) return problems.push(`${at}: deve essere un oggetto`);
      if (typeof raw['noticeNumber'] !== 'string' || !/^\d{18}$/.test(raw['noticeNumber']))
        problems.push(`${at}.noticeNumber: 18 cifre`);
      if (typeof raw['fiscalCode'] !== 'string' || !/^\d{11}$/.test(raw['fiscalCode']))
        problems.push(`${at}.fiscalCode: 11 cifre`);
      if (!Number.isSafeInteger(raw['amount']) || (raw['amount'] as number) < 1)
        problems.push(`${at}.amount: intero in centesimi, almeno 1`);
      if (!boundedText(raw['companyName'], 140)) problems.push(`${at}.companyName: da 1 a 140 caratteri`);
      if (!boundedText(raw['description'], 140)) problems.push(`${at}.description: da 1 a 140 caratteri`);
      return undefined;
    });
  }
  const urls = body['returnUrls'];
  if (!isRecord(urls)) problems.push('returnUrls: obbligatorio');
  else
    for (const key of ['returnOkUrl', 'returnCancelUrl', 'returnErrorUrl'])
      if (!isAbsoluteUrl(urls[key])) problems.push(`returnUrls.${key}: URL assoluto http(s)`);
  if (body['idCart'] !== undefined && !boundedText(body['idCart'], 210)) problems.push('idCart: testo');
  if (body['allCCP'] !== undefined && typeof body['allCCP'] !== 'boolean') problems.push('allCCP: booleano');
  if (
    body['emailNotice'] !== undefined &&
    (typeof body['emailNotice'] !== 'string' || !EMAIL.test(body['emailNotice']))
  )
    problems.push('emailNotice: indirizzo e-mail');
  if (problems.length > 0) return { cart: null, problems };
  const validUrls = urls as CartRequest['returnUrls'];
  return {
    cart: {
      paymentNotices: (notices as CartNotice[]).map((n) => ({
        noticeNumber: n.noticeNumber,
        fiscalCode: n.fiscalCode,
        amount: n.amount,
        companyName: n.companyName,
        description: n.description,
      })),
      returnUrls: {
        returnOkUrl: validUrls.returnOkUrl,
        returnCancelUrl: validUrls.returnCancelUrl,
        returnErrorUrl: validUrls.returnErrorUrl,
      },
      ...(typeof body['idCart'] === 'string' ? { idCart: body['idCart'] } : {}),
      ...(typeof body['allCCP'] === 'boolean' ? { allCCP: body['allCCP'] } : {}),
      ...(typeof body['emailNotice'] === 'string' ? { emailNotice: body['emailNotice'] } : {}),
    },
    problems,
  };
}

/** Carts in memory for an hour (Checkout's sessions are short-lived); a restart forgets open carts. */
export class CartStore {
  private readonly carts = new Map<string, Cart>();

  constructor(private readonly ttlMs = 60 * 60 * 1000) {}

  create(request: CartRequest, now = Date.now()): Cart {
    this.expire(now);
    const cart: Cart = { id: randomUUID(), createdAt: now, request, status: 'open', receiptIds: [] };
    this.carts.set(cart.id, cart);
    return cart;
  }

  get(id: string, now = Date.now()): Cart | undefined {
    this.expire(now);
    return this.carts.get(id);
  }

  private expire(now: number): void {
    for (const [id, cart] of this.carts) if (now - cart.createdAt > this.ttlMs) this.carts.delete(id);
  }
}
