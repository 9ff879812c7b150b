import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ApiErrorCode,
  type MyPaymentOption,
  type MyPosition,
  type MyReceipt,
  type MyReceiptsQuery,
  type Page,
} from '@pagamenti/contracts';
import { optionPayability, todayInRome } from '@pagamenti/pagopa';
import { ApiException } from '../../common/api-exception';
import { NoticesService, type RenderedPdf } from '../notices/notices.service';
import { CheckoutService, noticeKey, receiptNotFound } from './checkout.service';
import { PAYABILITY_TEXTS } from './payability';
import { type DebtorPositionRow, PaymentsRepository, type ReceiptCursor } from './payments.repository';

const positionNotFound = () =>
  new ApiException(ApiErrorCode.PositionNotFound, 'Posizione debitoria non trovata', HttpStatus.NOT_FOUND);

/**
 * The logged-in citizen's own data across every entity: open positions where the session's fiscal code is the
 * debtor, receipts where it is the debtor or the payer. Anything else does not exist for them (404).
 */
@Injectable()
export class CitizenService {
  constructor(
    private readonly payments: PaymentsRepository,
    private readonly checkout: CheckoutService,
    private readonly notices: NoticesService,
  ) {}

  async positions(fiscalCode: string): Promise<MyPosition[]> {
    return this.present(await this.payments.positionsOfDebtor(fiscalCode));
  }

  async position(fiscalCode: string, positionId: string): Promise<MyPosition> {
    const rows = /^[0-9a-f-]{36}$/i.test(positionId)
      ? await this.payments.positionsOfDebtor(fiscalCode, positionId)
      : [];
    const [position] = await this.present(rows);
    if (!position) throw positionNotFound();
    return position;
  }

  async receipts(fiscalCode: string, query: MyReceiptsQuery): Promise<Page<MyReceipt>> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeReceiptCursor(query.cursor) : null;
    if (query.cursor && !after)
      throw new ApiException(
        ApiErrorCode.ValidationFailed,
        'I dati inviati non sono validi.',
        HttpStatus.BAD_REQUEST,
        [{ field: 'cursor', message: 'Cursore non valido: ricomincia dalla prima pagina.', rule: 'cursor' }],
      );
    const rows = await this.payments.receiptsOfPerson(fiscalCode, query, limit + 1, after);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        id: row.id,
        receiptId: row.receiptId,
        noticeNumber: row.noticeNumber,
        entityFiscalCode: row.entityFiscalCode,
        companyName: row.companyName,
        description: row.description,
        amountCents: row.amountCents,
        feeCents: row.feeCents,
        paidAt: row.paidAt.toISOString(),
        pspCompanyName: row.pspCompanyName,
        debtorName: row.debtorName,
        role:
          row.debtorIdValue === fiscalCode && row.payerIdValue === fiscalCode
            ? 'BOTH'
            : row.debtorIdValue === fiscalCode
              ? 'DEBTOR'
              : 'PAYER',
      })),
      nextCursor: rows.length > limit && last ? encodeReceiptCursor(last.cursor) : null,
    };
  }

  async receiptPdf(fiscalCode: string, receiptId: string): Promise<RenderedPdf> {
    const access = /^[0-9a-f-]{36}$/i.test(receiptId)
      ? await this.payments.receiptOfPerson(fiscalCode, receiptId)
      : null;
    if (!access) throw receiptNotFound();
    return this.notices.receipt(access.recipientEntityId, access.id);
  }

  /**
   * Options with their payability, "payment in progress" from recent carts; an unpaid option the payment of
   * another one closed (the single payment after an installment) is left out, as the citizen cannot pay it.
   */
  private async present(rows: DebtorPositionRow[], today = todayInRome()): Promise<MyPosition[]> {
    const pairs = rows.flatMap((row) =>
      row.options.map((option) => ({
        entityFiscalCode: row.entityFiscalCode,
        noticeNumber: option.noticeNumber,
      })),
    );
    const inProgress = await this.checkout.inProgress(pairs);
    return rows.map((row) => ({
      id: row.id,
      entityId: row.entityId,
      entityFiscalCode: row.entityFiscalCode,
      entityName: row.entityName,
      dueTypeName: row.dueTypeName,
      description: row.description,
      status: row.status,
      amountCents: row.amountCents,
      paidCents: row.paidCents,
      updatedAt: row.updatedAt.toISOString(),
      options: row.options.flatMap((option): MyPaymentOption[] => {
        const payability = optionPayability({ status: row.status }, option, today);
        if (payability === 'PAID' && option.status === 'UNPAID') return [];
        return [
          {
            noticeNumber: option.noticeNumber,
            installment: option.installment,
            amountCents: option.amountCents,
            dueDate: option.dueDate,
            description: option.description,
            payability,
            payabilityLabel: PAYABILITY_TEXTS[payability].label,
            paymentInProgress:
              payability === 'PAYABLE' &&
              inProgress.has(
                noticeKey({ entityFiscalCode: row.entityFiscalCode, noticeNumber: option.noticeNumber }),
              ),
            paidAt: option.paidAt ? option.paidAt.toISOString() : null,
          },
        ];
      }),
    }));
  }
}

export function encodeReceiptCursor(cursor: ReceiptCursor): string {
  return Buffer.from(JSON.stringify([cursor.paidAt, cursor.id])).toString('base64url');
}

export function decodeReceiptCursor(value: string): ReceiptCursor | null {
  try {
    const [paidAt, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof paidAt === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(paidAt) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    )
      return { paidAt, id };
  } catch {
    return null;
  }
  return null;
}
