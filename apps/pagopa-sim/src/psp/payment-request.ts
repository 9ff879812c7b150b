import { BadRequest } from '../http';
import { type PaymentFaults, type PaymentRequest } from '../node/payment-service';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalText(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new BadRequest(`${key}: deve essere un testo`);
  return value.trim();
}

function optionalInteger(
  source: Record<string, unknown>,
  key: string,
  min: number,
  max: number,
): number | undefined {
  const raw = source[key];
  if (raw === undefined || raw === null || raw === '' || raw === false) return undefined;
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max)
    throw new BadRequest(`${key}: intero tra ${min} e ${max}`);
  return value;
}

function flag(source: Record<string, unknown>, key: string): boolean {
  const raw = source[key];
  return raw === true || raw === 'true' || raw === 'on' || raw === '1';
}

/**
 * The body of `POST /psp/payments` (also what the web form and the CLI send):
 * `{ noticeNumber, fiscalCode?, psp?, amountCents?, paymentNote?, asSecondaryCreditor?, payer?: { fiscalCode,
 * fullName, email? }, faults?: { slowStationMs?, duplicateReceipts?, lateReceiptSeconds?, standIn?,
 * unknownNotice?, concurrentActivations? } }`.
 */
export function parsePaymentRequest(body: unknown): PaymentRequest {
  if (!isRecord(body)) throw new BadRequest('il corpo deve essere un oggetto JSON');
  const noticeNumber = optionalText(body, 'noticeNumber')?.replace(/\s+/g, '');
  const fiscalCode = optionalText(body, 'fiscalCode');
  if (fiscalCode && !/^\d{11}$/.test(fiscalCode)) throw new BadRequest('fiscalCode: 11 cifre');
  const faultsRaw = isRecord(body['faults']) ? body['faults'] : {};
  const faults: PaymentFaults = {
    slowStationMs: optionalInteger(faultsRaw, 'slowStationMs', 1, 60_000),
    duplicateReceipts: optionalInteger(faultsRaw, 'duplicateReceipts', 1, 100),
    lateReceiptSeconds: optionalInteger(faultsRaw, 'lateReceiptSeconds', 1, 86_400),
    standIn: flag(faultsRaw, 'standIn'),
    unknownNotice: flag(faultsRaw, 'unknownNotice'),
    concurrentActivations: optionalInteger(faultsRaw, 'concurrentActivations', 2, 500),
  };
  const asSecondaryCreditor = flag(body, 'asSecondaryCreditor');
  if (!noticeNumber && !faults.unknownNotice && !asSecondaryCreditor)
    throw new BadRequest('noticeNumber: obbligatorio (18 cifre)');
  if (noticeNumber && !/^\d{18}$/.test(noticeNumber)) throw new BadRequest('noticeNumber: 18 cifre');
  if (asSecondaryCreditor && !fiscalCode)
    throw new BadRequest('fiscalCode: obbligatorio con asSecondaryCreditor');
  let payer: PaymentRequest['payer'];
  if (isRecord(body['payer'])) {
    const payerFiscalCode = optionalText(body['payer'], 'fiscalCode');
    const fullName = optionalText(body['payer'], 'fullName');
    if (!payerFiscalCode || !fullName || payerFiscalCode.length < 2 || payerFiscalCode.length > 16)
      throw new BadRequest('payer: fiscalCode (2-16 caratteri) e fullName obbligatori');
    payer = { fiscalCode: payerFiscalCode, fullName, email: optionalText(body['payer'], 'email') };
  }
  return {
    noticeNumber,
    fiscalCode,
    pspId: optionalText(body, 'psp'),
    amountCents: optionalInteger(body, 'amountCents', 1, 99_999_999_999),
    paymentNote: optionalText(body, 'paymentNote'),
    asSecondaryCreditor,
    payer,
    faults,
  };
}

/** The web form's fields as the JSON body above. */
export function formToPaymentBody(form: URLSearchParams): Record<string, unknown> {
  const text = (key: string) => form.get(key)?.trim() || undefined;
  const euros = text('amount');
  const amountCents = euros ? Math.round(Number(euros.replace(',', '.')) * 100) : undefined;
  const payerFiscalCode = text('payerFiscalCode');
  return {
    noticeNumber: text('noticeNumber'),
    fiscalCode: text('fiscalCode'),
    psp: text('psp'),
    amountCents: amountCents !== undefined && Number.isNaN(amountCents) ? 'non valido' : amountCents,
    asSecondaryCreditor: form.get('asSecondaryCreditor') === 'on',
    ...(payerFiscalCode
      ? {
          payer: {
            fiscalCode: payerFiscalCode,
            fullName: text('payerName') ?? payerFiscalCode,
            email: text('payerEmail'),
          },
        }
      : {}),
    faults: {
      slowStationMs: text('slowStationMs'),
      duplicateReceipts: text('duplicateReceipts'),
      lateReceiptSeconds: text('lateReceiptSeconds'),
      standIn: form.get('standIn') === 'on',
      unknownNotice: form.get('unknownNotice') === 'on',
      concurrentActivations: text('concurrentActivations'),
    },
  };
}
