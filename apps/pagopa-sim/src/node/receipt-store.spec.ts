import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PSPS } from '../psp/psps';
import { MULTI_BENEFICIARY_PAYMENT } from '../testing/fixtures';
import { ReceiptStore, type StoredReceipt } from './receipt-store';
import { buildReceipt } from './receipts';

function storedReceipt(token: string): StoredReceipt {
  const payment = {
    ...MULTI_BENEFICIARY_PAYMENT,
    paymentAmount: 10_000,
    transferList: { transfer: MULTI_BENEFICIARY_PAYMENT.transferList.transfer.slice(0, 1) },
  };
  return {
    receipt: buildReceipt({
      token,
      qrCode: { fiscalCode: '99000000010', noticeNumber: '307000000000012345' },
      payment,
      psp: PSPS[0]!,
      paidAt: new Date(),
      standIn: false,
    }),
    origin: 'psp',
    paidAt: new Date().toISOString(),
    deliveries: [
      {
        stationCode: '99000000010_01',
        idPA: '99000000010',
        status: 'pending',
        attemptCount: 0,
        nextAttemptAt: new Date().toISOString(),
        attempts: [],
      },
    ],
    reported: {},
  };
}

describe('receipt store', () => {
  it('replays its journal after a crash, ignoring a line cut short', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-store-'));
    const store = new ReceiptStore(dir);
    const first = storedReceipt('1'.repeat(32));
    store.add(first);
    store.add(storedReceipt('2'.repeat(32)));
    const delivery = first.deliveries[0]!;
    store.recordAttempt(
      first,
      delivery,
      {
        at: new Date().toISOString(),
        verdict: 'retry',
        result: { kind: 'transport', reason: 'timeout', detail: 'x' },
        latencyMs: 7000,
        exchangeId: 1,
      },
      'pending',
      new Date('2030-01-01T00:00:00Z'),
    );
    store.markReported(first, 1, '2030-01-02BDMOITM1XXX-1');
    // The process dies in the middle of a write: no close(), a torn line at the end of the journal.
    appendFileSync(join(dir, 'receipts.journal.jsonl'), '{"kind":"receipt","stored":{"rec');

    const reopened = new ReceiptStore(dir);
    expect(reopened.all().map((r) => r.receipt.receiptId)).toEqual(['1'.repeat(32), '2'.repeat(32)]);
    const again = reopened.get('1'.repeat(32));
    expect(again?.deliveries[0]).toMatchObject({
      status: 'pending',
      attemptCount: 1,
      nextAttemptAt: '2030-01-01T00:00:00.000Z',
    });
    expect(again?.reported).toEqual({ '1': '2030-01-02BDMOITM1XXX-1' });
    // The replay was folded into the snapshot and the journal started afresh.
    expect(JSON.parse(readFileSync(join(dir, 'receipts.json'), 'utf8'))).toHaveLength(2);
    expect(readFileSync(join(dir, 'receipts.journal.jsonl'), 'utf8')).toBe('');
    expect(reopened.due(new Date('2030-01-01T00:00:01Z'))).toHaveLength(2);
    expect(reopened.due(new Date('2020-01-01T00:00:00Z'))).toHaveLength(0);
    reopened.close();
  });
});
