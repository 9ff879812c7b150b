import type { PaymentOption } from '@pagamenti/contracts';
import { describe, expect, it } from 'vitest';
import { debtorIdLabel, paymentOptionLabel, paymentOptionState } from './positions';

const option = (overrides: Partial<PaymentOption> = {}): PaymentOption => ({
  noticeNumber: '307000000000000123',
  iuv: '07000000000000123',
  installment: null,
  amountCents: 10000,
  dueDate: '2026-06-30',
  validityDate: null,
  retentionDate: null,
  description: 'TARI 2026',
  status: 'UNPAID',
  paidAt: null,
  transfers: [],
  ...overrides,
});

describe('position labels', () => {
  it('names an option by what the position allows, not only by its own status', () => {
    const today = '2026-06-01';
    expect(paymentOptionState({ status: 'VALID' }, option(), today)).toEqual({
      label: 'Da pagare',
      tone: 'info',
    });
    expect(paymentOptionState({ status: 'VALID' }, option(), '2026-07-01').label).toBe('Scaduta');
    expect(paymentOptionState({ status: 'DRAFT' }, option(), today).label).toBe('Non pubblicata');
    expect(paymentOptionState({ status: 'CANCELLED' }, option(), today).label).toBe('Annullata');
    // An installment was paid: the single payment is no longer owed.
    expect(paymentOptionState({ status: 'PARTIALLY_PAID' }, option(), today)).toEqual({
      label: 'Non più dovuta',
      tone: 'neutral',
    });
    expect(paymentOptionState({ status: 'PAID' }, option({ status: 'PAID' }), today)).toEqual({
      label: 'Pagata',
      tone: 'success',
    });
  });

  it('shows "Rata n di m" and never the ANONIMO sentinel', () => {
    expect(paymentOptionLabel(null, 3)).toBe('Soluzione unica');
    expect(paymentOptionLabel(2, 3)).toBe('Rata 2 di 3');
    expect(debtorIdLabel({ idValue: 'ANONIMO' })).toBe('Codice fiscale non indicato');
    expect(debtorIdLabel({ idValue: 'RSSMRA80A01H501U' })).toBe('RSSMRA80A01H501U');
  });
});
