import { randomBytes } from 'node:crypto';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import {
  ApiErrorCode,
  type CheckoutReturnUrls,
  type CheckoutStarted,
  type FieldError,
  type NoticePayability,
  type NoticeReference,
  type PaymentAttempt,
  type PaymentAttemptStatus,
  type PublicNotice,
} from '@pagamenti/contracts';
import { optionPayability, todayInRome } from '@pagamenti/pagopa';
import { ApiException } from '../../common/api-exception';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CheckoutClient } from '../node/checkout-client.service';
import { PlatformCallError } from '../node/http-retry';
import { NoticesService, type RenderedPdf } from '../notices/notices.service';
import { type DirectoryEntity, isServed, StationDirectory } from '../station/station-directory.service';
import { type OptionRecord, StationRepository } from '../station/station.repository';
import { PAYABILITY_TEXTS } from './payability';
import { type PaymentAttemptOrigin } from './payment-attempt.entity';
import { PaymentsRepository, type ReceiptLine, type StoredAttempt } from './payments.repository';

/** A cart opened within this many minutes, not ended, shows its notices as "Pagamento in corso". */
export const IN_PROGRESS_MINUTES = 30;
/** A cart with no receipt after this long was abandoned on Checkout (a late receipt still turns it PAGATO). */
export const ATTEMPT_ABANDONED_MINUTES = 60;

/** The notice a reference points at, as our data has it now. */
export interface ResolvedNotice {
  reference: NoticeReference;
  entity: DirectoryEntity | null;
  record: OptionRecord | null;
  payability: NoticePayability;
}

/** Who opens a cart and under which restriction. */
export interface CartOwner {
  origin: PaymentAttemptOrigin;
  personFiscalCode: string | null;
  apiKeyId: string | null;
  /** Only notices whose debtor is this person (the citizen's own notices). */
  debtorFiscalCode?: string;
  /** Only notices of this entity (an entity's portal). */
  entityId?: string;
  positionId?: string | null;
  formValues?: Record<string, string | number | boolean> | null;
}

const UNAVAILABLE =
  'Il servizio di pagamento pagoPA non risponde: riprova tra qualche minuto. Non è stato addebitato alcun importo.';

/** `3120 0000 …` → `3120000…`. */
export function compactNoticeNumber(value: string): string {
  return value.replace(/\s+/g, '');
}

/**
 * Notices looked up by their code and paid through pagoPA Checkout: the lookup applies the station's rules
 * (`optionPayability`, the same answer a PSP gets), a cart is recorded as a `payment_attempt` before Checkout is
 * called, and an attempt's outcome is read from the receipts the station stored, never from the return URL.
 */
@Injectable()
export class CheckoutService {
  private readonly logger = new Logger(CheckoutService.name);

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly station: StationRepository,
    private readonly directory: StationDirectory,
    private readonly checkout: CheckoutClient,
    private readonly notices: NoticesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async resolve(reference: NoticeReference, today = todayInRome()): Promise<ResolvedNotice> {
    const noticeNumber = compactNoticeNumber(reference.noticeNumber);
    const normalised = { entityFiscalCode: reference.entityFiscalCode, noticeNumber };
    const entity = await this.directory.entity(reference.entityFiscalCode);
    if (!entity || !isServed(entity))
      return { reference: normalised, entity, record: null, payability: 'UNKNOWN' };
    const record = await this.station.findOption(entity.id, noticeNumber);
    if (!record) return { reference: normalised, entity, record: null, payability: 'UNKNOWN' };
    const payability = optionPayability(
      { status: record.positionStatus },
      {
        installment: record.installment,
        status: record.optionStatus,
        amountCents: record.amountCents,
        dueDate: record.dueDate,
        validityDate: record.validityDate,
      },
      today,
    );
    return { reference: normalised, entity, record, payability };
  }

  /** What anyone holding the notice's code may know: never the debtor. A draft is as unknown as a wrong code. */
  async publicNotice(reference: NoticeReference): Promise<PublicNotice> {
    const resolved = await this.resolve(reference);
    const { record, payability } = resolved;
    const visible = payability !== 'UNKNOWN' && record !== null;
    const inProgress =
      visible && payability === 'PAYABLE' ? await this.inProgress([resolved.reference]) : new Set<string>();
    return {
      noticeNumber: resolved.reference.noticeNumber,
      entityFiscalCode: resolved.reference.entityFiscalCode,
      entityName: resolved.entity && isServed(resolved.entity) ? resolved.entity.name : null,
      description: visible ? record.optionDescription || record.positionDescription : null,
      amountCents: visible ? record.amountCents : null,
      dueDate: visible ? record.dueDate : null,
      installment: visible ? record.installment : null,
      payability,
      payabilityLabel: PAYABILITY_TEXTS[payability].label,
      message: PAYABILITY_TEXTS[payability].message,
      paymentInProgress: inProgress.has(noticeKey(resolved.reference)),
    };
  }

  /** `<entity fiscal code>:<notice number>` of the notices with a cart opened recently and not ended. */
  inProgress(notices: NoticeReference[], now = Date.now()): Promise<Set<string>> {
    return this.payments.noticesInProgress(notices, new Date(now - IN_PROGRESS_MINUTES * 60_000));
  }

  /**
   * Opens a Checkout cart for 1-5 payable notices. Refuses the whole cart, naming each bad notice
   * (`notices[i]`): 404 when none of the problems is more than "unknown" (also another citizen's or another
   * entity's notice), else 409 with the state in words. `returnUrls` defaults to our outcome page.
   */
  async start(
    references: NoticeReference[],
    owner: CartOwner,
    options: { email?: string; returnUrls?: CheckoutReturnUrls } = {},
  ): Promise<CheckoutStarted> {
    const unique = dedupe(references);
    const resolved = await Promise.all(unique.map((reference) => this.resolve(reference)));
    const problems: { index: number; payability: NoticePayability }[] = [];
    resolved.forEach((notice, index) => {
      const ownedElsewhere =
        (owner.debtorFiscalCode !== undefined && notice.record?.debtor.idValue !== owner.debtorFiscalCode) ||
        (owner.entityId !== undefined && notice.entity?.id !== owner.entityId);
      const payability = ownedElsewhere ? 'UNKNOWN' : notice.payability;
      if (payability !== 'PAYABLE') problems.push({ index, payability });
    });
    if (problems.length > 0) throw notPayable(problems, resolved);

    const lines = resolved.map(({ reference, entity, record }) => {
      if (!entity || !record) throw new Error('a payable notice has its entity and option');
      return {
        entityFiscalCode: reference.entityFiscalCode,
        noticeNumber: reference.noticeNumber,
        entityName: entity.name,
        description: (record.optionDescription || record.positionDescription).slice(0, 140),
        amountCents: record.amountCents,
      };
    });
    const reference = randomBytes(24).toString('base64url');
    const attempt = await this.payments.insertAttempt({
      reference,
      origin: owner.origin,
      personFiscalCode: owner.personFiscalCode,
      apiKeyId: owner.apiKeyId,
      positionId: owner.positionId ?? null,
      formValues: owner.formValues ?? null,
      notices: lines,
    });
    try {
      const { checkoutUrl } = await this.checkout.createCart({
        notices: lines.map((line) => ({
          noticeNumber: line.noticeNumber,
          fiscalCode: line.entityFiscalCode,
          amountCents: line.amountCents,
          companyName: line.entityName,
          description: line.description,
        })),
        returnUrls: options.returnUrls ?? this.outcomePageUrls(reference),
        idCart: attempt.id,
        ...(options.email ? { emailNotice: options.email } : {}),
      });
      return { checkoutUrl, reference };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.payments.recordCheckoutFailure(attempt.id, message);
      if (!(error instanceof PlatformCallError)) throw error;
      this.logger.warn(`Checkout cart ${attempt.id} refused: ${message}`);
      throw new ApiException(ApiErrorCode.ServiceUnavailable, UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE);
    }
  }

  /** The citizen SPA's outcome page for each of Checkout's three return URLs. */
  outcomePageUrls(reference: string): CheckoutReturnUrls {
    const page = `${this.config.publicBaseUrl}/pagamento/esito/${reference}`;
    return {
      returnOkUrl: `${page}?esito=ok`,
      returnCancelUrl: `${page}?esito=annullato`,
      returnErrorUrl: `${page}?esito=errore`,
    };
  }

  async attempt(reference: string, now = Date.now()): Promise<PaymentAttempt> {
    const stored = await this.requireAttempt(reference);
    const receipts = await this.payments.receiptsOfAttempt(stored.attempt.id);
    return toAttemptView(stored, receipts, now);
  }

  /** What the browser says on coming back through the cancel or error URL; receipts still win over it. */
  async declare(reference: string, outcome: 'CANCELLED' | 'ERROR'): Promise<PaymentAttempt> {
    const stored = await this.requireAttempt(reference);
    await this.payments.declareOutcome(stored.attempt.id, outcome);
    return this.attempt(reference);
  }

  /** A receipt of the attempt as PDF: whoever holds the reference paid, or saw the payment through. */
  async receiptPdf(reference: string, receiptId: string): Promise<RenderedPdf> {
    const stored = await this.requireAttempt(reference);
    const access = /^[0-9a-f-]{36}$/i.test(receiptId)
      ? await this.payments.receiptOfAttempt(stored.attempt.id, receiptId)
      : null;
    if (!access) throw receiptNotFound();
    return this.notices.receipt(access.recipientEntityId, access.id);
  }

  private async requireAttempt(reference: string): Promise<StoredAttempt> {
    const stored = /^[A-Za-z0-9_-]{32}$/.test(reference) ? await this.payments.findAttempt(reference) : null;
    if (!stored)
      throw new ApiException(ApiErrorCode.NotFound, 'Pagamento non trovato.', HttpStatus.NOT_FOUND);
    return stored;
  }
}

export function noticeKey(notice: NoticeReference): string {
  return `${notice.entityFiscalCode}:${compactNoticeNumber(notice.noticeNumber)}`;
}

export const receiptNotFound = () =>
  new ApiException(ApiErrorCode.NotFound, 'Ricevuta non trovata.', HttpStatus.NOT_FOUND);

function dedupe(references: NoticeReference[]): NoticeReference[] {
  const seen = new Set<string>();
  return references.filter((reference) => {
    const key = noticeKey(reference);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function notPayable(
  problems: { index: number; payability: NoticePayability }[],
  resolved: ResolvedNotice[],
): ApiException {
  const fieldErrors: FieldError[] = problems.map(({ index, payability }) => ({
    field: `notices[${index}]`,
    message: `Avviso ${resolved[index]?.reference.noticeNumber ?? ''}: ${PAYABILITY_TEXTS[payability].message}`,
    rule: payability,
  }));
  const details = {
    notices: problems.map(({ index, payability }) => ({
      index,
      noticeNumber: resolved[index]?.reference.noticeNumber,
      payability,
    })),
  };
  const onlyUnknown = problems.every((problem) => problem.payability === 'UNKNOWN');
  return onlyUnknown
    ? new ApiException(
        ApiErrorCode.NotFound,
        'Avviso non trovato: controlla il codice avviso e il codice fiscale dell’ente.',
        HttpStatus.NOT_FOUND,
        fieldErrors,
        details,
      )
    : new ApiException(
        ApiErrorCode.Conflict,
        'Uno o più avvisi non si possono pagare.',
        HttpStatus.CONFLICT,
        fieldErrors,
        details,
      );
}

/** The attempt's state from its receipts: all paid → PAGATO, whatever the browser said before. */
export function toAttemptView(stored: StoredAttempt, receipts: ReceiptLine[], now: number): PaymentAttempt {
  const { attempt, notices } = stored;
  const ok = receipts.filter((receipt) => receipt.outcome === 'OK');
  const receiptOf = (notice: { entityFiscalCode: string; noticeNumber: string }) =>
    ok.find(
      (receipt) =>
        receipt.entityFiscalCode === notice.entityFiscalCode && receipt.noticeNumber === notice.noticeNumber,
    ) ?? null;
  const lines = notices.map((notice) => ({
    noticeNumber: notice.noticeNumber,
    entityFiscalCode: notice.entityFiscalCode,
    entityName: notice.entityName,
    description: notice.description,
    amountCents: notice.amountCents,
    receiptId: receiptOf(notice)?.id ?? null,
  }));
  let status: PaymentAttemptStatus;
  if (lines.length > 0 && lines.every((line) => line.receiptId !== null)) status = 'PAGATO';
  else if (ok.length > 0) status = 'IN_CORSO';
  else if (attempt.declaredOutcome === 'CANCELLED') status = 'ANNULLATO';
  else if (
    attempt.declaredOutcome === 'ERROR' ||
    attempt.checkoutFailure !== null ||
    receipts.some((receipt) => receipt.outcome === 'KO')
  )
    status = 'ERRORE';
  else if (now - attempt.createdAt.getTime() > ATTEMPT_ABANDONED_MINUTES * 60_000) status = 'ANNULLATO';
  else status = 'IN_CORSO';
  return {
    reference: attempt.reference,
    status,
    createdAt: attempt.createdAt.toISOString(),
    totalAmountCents: attempt.totalAmountCents,
    notices: lines,
    receipts: ok.map((receipt) => ({
      id: receipt.id,
      receiptId: receipt.receiptId,
      noticeNumber: receipt.noticeNumber,
      entityFiscalCode: receipt.entityFiscalCode,
      companyName: receipt.companyName,
      description: receipt.description,
      amountCents: receipt.amountCents,
      feeCents: receipt.feeCents,
      paidAt: receipt.paidAt.toISOString(),
      pspCompanyName: receipt.pspCompanyName,
    })),
  };
}
