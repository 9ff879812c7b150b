import { POSITION_STATUSES, type PaymentOptionStatus, type PositionStatus } from '@pagamenti/contracts';
import {
  allowedPositionTransitions,
  applyOptionPayment,
  assertTransition,
  canEditPosition,
  isPositionExpired,
  type LifecycleOption,
  optionPayability,
  PositionLifecycleError,
  positionCancelBlocker,
  positionEditBlocker,
  positionStatusAfterEdit,
  positionStatusAfterReporting,
} from '../index';

function option(
  installment: number | null,
  amountCents: number,
  dueDate: string,
  status: PaymentOptionStatus = 'UNPAID',
  validityDate: string | null = null,
): LifecycleOption {
  return { installment, amountCents, dueDate, validityDate, status };
}

/** TARI: single payment of 300 € or three installments of 100 €. */
function tari(): LifecycleOption[] {
  return [
    option(null, 30000, '2026-04-30'),
    option(1, 10000, '2026-04-30'),
    option(2, 10000, '2026-07-31'),
    option(3, 10000, '2026-10-31'),
  ];
}

describe('position transitions', () => {
  it('follows the documented graph', () => {
    expect(allowedPositionTransitions('DRAFT')).toEqual(['VALID', 'CANCELLED']);
    expect(allowedPositionTransitions('VALID')).toEqual(['PARTIALLY_PAID', 'PAID', 'EXPIRED', 'CANCELLED']);
    expect(allowedPositionTransitions('PARTIALLY_PAID')).toEqual(['PAID']);
    expect(allowedPositionTransitions('PAID')).toEqual(['REPORTED']);
    expect(allowedPositionTransitions('EXPIRED')).toEqual(['VALID', 'PARTIALLY_PAID', 'PAID', 'CANCELLED']);
    expect(allowedPositionTransitions('REPORTED')).toEqual([]);
    expect(allowedPositionTransitions('CANCELLED')).toEqual([]);
  });

  it('never leaves CANCELLED or REPORTED and never goes back to DRAFT', () => {
    for (const to of POSITION_STATUSES) {
      expect(() => assertTransition('CANCELLED', to)).toThrow(PositionLifecycleError);
      expect(() => assertTransition('REPORTED', to)).toThrow(PositionLifecycleError);
    }
    for (const from of POSITION_STATUSES) {
      expect(() => assertTransition(from, 'DRAFT')).toThrow(PositionLifecycleError);
    }
  });

  it('explains a refused transition in Italian', () => {
    expect(() => assertTransition('PAID', 'CANCELLED')).toThrow(
      'Una posizione "Pagata" non può passare a "Annullata".',
    );
    expect(() => assertTransition('DRAFT', 'VALID')).not.toThrow();
  });
});

describe('editing and cancelling', () => {
  it.each<[PositionStatus, boolean]>([
    ['DRAFT', true],
    ['VALID', true],
    ['EXPIRED', true],
    ['PARTIALLY_PAID', false],
    ['PAID', false],
    ['REPORTED', false],
    ['CANCELLED', false],
  ])('a %s position editable: %s', (status, editable) => {
    expect(canEditPosition({ status, options: tari() })).toBe(editable);
  });

  it('refuses edits and cancellation once any option is paid, with the reason', () => {
    const options = tari();
    options[1] = { ...options[1], status: 'PAID' } as LifecycleOption;
    expect(positionEditBlocker({ status: 'VALID' }, options)).toBe(
      'La posizione ha già dei pagamenti: non si può più modificare.',
    );
    expect(positionCancelBlocker({ status: 'VALID' }, options)).toBe(
      'La posizione ha già dei pagamenti: non si può annullare.',
    );
    expect(positionEditBlocker({ status: 'PAID' })).toBe(
      'La posizione è già stata pagata: non si può più modificare.',
    );
  });

  it('cancels DRAFT, VALID and EXPIRED positions only', () => {
    expect(positionCancelBlocker({ status: 'DRAFT' }, tari())).toBeNull();
    expect(positionCancelBlocker({ status: 'VALID' }, tari())).toBeNull();
    expect(positionCancelBlocker({ status: 'EXPIRED' }, tari())).toBeNull();
    expect(positionCancelBlocker({ status: 'CANCELLED' })).toBe('La posizione è già annullata.');
    expect(positionCancelBlocker({ status: 'PARTIALLY_PAID' })).toContain('non si può annullare');
  });

  it('an edited EXPIRED position becomes VALID again', () => {
    expect(positionStatusAfterEdit('EXPIRED')).toBe('VALID');
    expect(positionStatusAfterEdit('DRAFT')).toBe('DRAFT');
    expect(positionStatusAfterEdit('VALID')).toBe('VALID');
  });
});

describe('payability', () => {
  const today = '2026-05-15';

  it('maps each state to the answer the station needs', () => {
    const [single, first, second] = tari() as [LifecycleOption, LifecycleOption, LifecycleOption];
    expect(optionPayability({ status: 'DRAFT' }, second, today)).toBe('UNKNOWN');
    expect(optionPayability({ status: 'CANCELLED' }, second, today)).toBe('CANCELLED');
    expect(optionPayability({ status: 'EXPIRED' }, second, today)).toBe('EXPIRED');
    expect(optionPayability({ status: 'PAID' }, second, today)).toBe('PAID');
    expect(optionPayability({ status: 'REPORTED' }, second, today)).toBe('PAID');
    expect(optionPayability({ status: 'VALID' }, second, today)).toBe('PAYABLE');
    // each option expires on its own date (validity defaults to the due date)
    expect(optionPayability({ status: 'VALID' }, single, today)).toBe('EXPIRED');
    expect(optionPayability({ status: 'VALID' }, first, today)).toBe('EXPIRED');
    expect(optionPayability({ status: 'VALID' }, { ...first, validityDate: '2026-05-15' }, today)).toBe(
      'PAYABLE',
    );
  });

  it('closes the single payment once an installment is paid, and paid options are duplicates', () => {
    const options = tari();
    const single = options[0] as LifecycleOption;
    expect(optionPayability({ status: 'PARTIALLY_PAID' }, single, '2026-01-01')).toBe('PAID');
    expect(
      optionPayability(
        { status: 'PARTIALLY_PAID' },
        { ...(options[1] as LifecycleOption), status: 'PAID' },
        today,
      ),
    ).toBe('PAID');
    expect(optionPayability({ status: 'PARTIALLY_PAID' }, options[2] as LifecycleOption, today)).toBe(
      'PAYABLE',
    );
  });

  it('expires a VALID position when every unpaid option is past validity', () => {
    expect(isPositionExpired({ status: 'VALID' }, tari(), '2026-11-01')).toBe(true);
    expect(isPositionExpired({ status: 'VALID' }, tari(), '2026-10-31')).toBe(false);
    const extended = tari().map((o) => ({ ...o, validityDate: '2026-12-31' }));
    expect(isPositionExpired({ status: 'VALID' }, extended, '2026-11-01')).toBe(false);
    expect(isPositionExpired({ status: 'DRAFT' }, tari(), '2027-01-01')).toBe(false);
    expect(isPositionExpired({ status: 'PARTIALLY_PAID' }, tari(), '2027-01-01')).toBe(false);
  });
});

describe('payments', () => {
  it('paying the single payment settles the position and closes the installments', () => {
    const options = tari();
    const outcome = applyOptionPayment({ status: 'VALID' }, options, options[0] as LifecycleOption);
    expect(outcome.fromStatus).toBe('VALID');
    expect(outcome.toStatus).toBe('PAID');
    expect(outcome.paidCents).toBe(30000);
    expect(outcome.closedOptions).toEqual(options.slice(1));
  });

  it('paying installments goes PARTIALLY_PAID, then PAID on the last one', () => {
    const options = tari();
    const first = applyOptionPayment({ status: 'VALID' }, options, options[1] as LifecycleOption);
    expect(first.toStatus).toBe('PARTIALLY_PAID');
    expect(first.closedOptions).toEqual([options[0]]);
    expect(first.paidCents).toBe(10000);

    options[1] = { ...(options[1] as LifecycleOption), status: 'PAID' };
    const second = applyOptionPayment({ status: 'PARTIALLY_PAID' }, options, options[2] as LifecycleOption);
    expect(second.toStatus).toBe('PARTIALLY_PAID');
    expect(second.paidCents).toBe(20000);

    options[2] = { ...(options[2] as LifecycleOption), status: 'PAID' };
    const third = applyOptionPayment({ status: 'PARTIALLY_PAID' }, options, options[3] as LifecycleOption);
    expect(third.toStatus).toBe('PAID');
    expect(third.paidCents).toBe(30000);
    expect(third.closedOptions).toEqual([options[0]]);
  });

  it('a plan of installments only is PAID after the last one', () => {
    const options = [option(1, 5000, '2026-01-31', 'PAID'), option(2, 5000, '2026-02-28')];
    expect(
      applyOptionPayment({ status: 'PARTIALLY_PAID' }, options, options[1] as LifecycleOption),
    ).toMatchObject({
      toStatus: 'PAID',
      closedOptions: [],
      paidCents: 10000,
    });
  });

  it('records a receipt on an EXPIRED position (activated before the validity date passed)', () => {
    const options = tari();
    expect(applyOptionPayment({ status: 'EXPIRED' }, options, options[0] as LifecycleOption).toStatus).toBe(
      'PAID',
    );
  });

  it('refuses payments a position cannot take', () => {
    const options = tari();
    const single = options[0] as LifecycleOption;
    expect(() => applyOptionPayment({ status: 'DRAFT' }, options, single)).toThrow(PositionLifecycleError);
    expect(() => applyOptionPayment({ status: 'CANCELLED' }, options, single)).toThrow(
      PositionLifecycleError,
    );
    expect(() => applyOptionPayment({ status: 'VALID' }, options, { ...single })).toThrow(
      'L’opzione di pagamento non appartiene alla posizione.',
    );

    const afterInstallment = tari();
    afterInstallment[1] = { ...(afterInstallment[1] as LifecycleOption), status: 'PAID' };
    expect(() =>
      applyOptionPayment(
        { status: 'PARTIALLY_PAID' },
        afterInstallment,
        afterInstallment[0] as LifecycleOption,
      ),
    ).toThrow('il pagamento unico non è più disponibile');
    expect(() =>
      applyOptionPayment(
        { status: 'PARTIALLY_PAID' },
        afterInstallment,
        afterInstallment[1] as LifecycleOption,
      ),
    ).toThrow('Questa opzione di pagamento è già stata pagata.');

    const afterSingle = tari();
    afterSingle[0] = { ...(afterSingle[0] as LifecycleOption), status: 'PAID' };
    expect(() =>
      applyOptionPayment({ status: 'PAID' }, afterSingle, afterSingle[2] as LifecycleOption),
    ).toThrow('La posizione è già stata pagata.');
  });
});

describe('reporting', () => {
  it('REPORTED once every paid option of a PAID position is reported', () => {
    const options = tari();
    options[0] = { ...(options[0] as LifecycleOption), status: 'REPORTED' };
    expect(positionStatusAfterReporting({ status: 'PAID' }, options)).toBe('REPORTED');

    const installments = tari();
    installments[1] = { ...(installments[1] as LifecycleOption), status: 'REPORTED' };
    installments[2] = { ...(installments[2] as LifecycleOption), status: 'PAID' };
    installments[3] = { ...(installments[3] as LifecycleOption), status: 'REPORTED' };
    expect(positionStatusAfterReporting({ status: 'PAID' }, installments)).toBe('PAID');
    expect(positionStatusAfterReporting({ status: 'PARTIALLY_PAID' }, installments)).toBe('PARTIALLY_PAID');
  });
});
