import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import {
  buildPaForNodeResponse,
  paaFault,
  type PaaFaultCode,
  type PaForNodeRequest,
  parsePaForNodeRequest,
  type PaymentPAV2,
  type ReceiptV2,
  type Receipt,
} from '@pagamenti/pagopa/soap';

/** A notice the scripted station knows. */
export interface ScriptedNotice {
  fiscalCode: string;
  noticeNumber: string;
  payment: PaymentPAV2;
  state?: 'payable' | 'paid';
}

export interface ReceivedReceipt {
  operation: 'paSendRT' | 'paSendRTV2';
  idPA: string;
  idStation: string;
  receipt: Receipt | ReceiptV2;
}

/**
 * A stand-in for the platform's station in the simulator's own unit tests (the conformance suite uses the real
 * one): it answers from a list of notices, stores receipts idempotently, and can be told to be slow or to fail
 * receipts with PAA_SYSTEM_ERROR a few times.
 */
export class ScriptedStation {
  readonly received: ReceivedReceipt[] = [];
  readonly calls: PaForNodeRequest[] = [];
  delayMs: Partial<Record<PaForNodeRequest['operation'], number>> = {};
  failReceipts = 0;
  private readonly notices = new Map<string, ScriptedNotice>();
  private readonly server: Server;
  url = '';

  constructor(notices: ScriptedNotice[]) {
    for (const n of notices) this.notices.set(`${n.fiscalCode}/${n.noticeNumber}`, n);
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const parsed = parsePaForNodeRequest(Buffer.concat(chunks));
        if (!parsed.ok) {
          res.writeHead(400).end(parsed.error.message);
          return;
        }
        this.calls.push(parsed.value);
        const delay = this.delayMs[parsed.value.operation] ?? 0;
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
          res.end(this.answer(parsed.value));
        }, delay);
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/pagopa/paForNode`;
    return this.url;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: PaForNodeRequest): string {
    const ko = (code: PaaFaultCode, id: string) => ({ outcome: 'KO' as const, fault: paaFault(code, id) });
    switch (request.operation) {
      case 'paVerifyPaymentNotice': {
        const { qrCode } = request.message;
        const notice = this.notices.get(`${qrCode.fiscalCode}/${qrCode.noticeNumber}`);
        if (!notice)
          return buildPaForNodeResponse(
            request.operation,
            ko('PAA_PAGAMENTO_SCONOSCIUTO', qrCode.fiscalCode),
          );
        if (notice.state === 'paid')
          return buildPaForNodeResponse(request.operation, ko('PAA_PAGAMENTO_DUPLICATO', qrCode.fiscalCode));
        return buildPaForNodeResponse(request.operation, {
          outcome: 'OK',
          paymentList: {
            paymentOptionDescription: {
              amount: notice.payment.paymentAmount,
              options: 'EQ',
              dueDate: notice.payment.dueDate,
              allCCP: false,
            },
          },
          paymentDescription: notice.payment.description,
          fiscalCodePA: qrCode.fiscalCode,
          companyName: notice.payment.companyName,
        });
      }
      case 'paGetPayment':
      case 'paGetPaymentV2': {
        const { qrCode } = request.message;
        const notice = this.notices.get(`${qrCode.fiscalCode}/${qrCode.noticeNumber}`);
        if (!notice)
          return buildPaForNodeResponse(
            request.operation,
            ko('PAA_PAGAMENTO_SCONOSCIUTO', qrCode.fiscalCode),
          );
        if (request.operation === 'paGetPaymentV2')
          return buildPaForNodeResponse(request.operation, { outcome: 'OK', data: notice.payment });
        return buildPaForNodeResponse(request.operation, {
          outcome: 'OK',
          data: {
            ...notice.payment,
            transferList: {
              transfer: notice.payment.transferList.transfer.map((t) => ({
                idTransfer: t.idTransfer,
                transferAmount: t.transferAmount,
                fiscalCodePA: t.fiscalCodePA,
                IBAN: t.IBAN ?? '',
                remittanceInformation: t.remittanceInformation,
                transferCategory: t.transferCategory,
              })),
            },
          },
        });
      }
      case 'paSendRT':
      case 'paSendRTV2': {
        const { receipt, idPA, idStation } = request.message;
        if (this.failReceipts > 0) {
          this.failReceipts -= 1;
          return buildPaForNodeResponse(request.operation, ko('PAA_SYSTEM_ERROR', idPA));
        }
        const duplicate = this.received.some(
          (r) => r.receipt.receiptId === receipt.receiptId && r.idPA === idPA,
        );
        if (duplicate) return buildPaForNodeResponse(request.operation, ko('PAA_RECEIPT_DUPLICATA', idPA));
        this.received.push({ operation: request.operation, idPA, idStation, receipt });
        const notice = this.notices.get(`${receipt.fiscalCode}/${receipt.noticeNumber}`);
        if (notice) notice.state = 'paid';
        return buildPaForNodeResponse(request.operation, { outcome: 'OK' });
      }
      case 'paDemandPaymentNotice':
        return buildPaForNodeResponse(request.operation, ko('PAA_SEMANTICA', request.message.idPA));
    }
  }
}
