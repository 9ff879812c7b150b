import {
  PaymentOptionStatus,
  PositionStatus,
  type PaymentOptionStatus as PaymentOptionStatusValue,
  type PositionStatus as PositionStatusValue,
} from '@pagamenti/contracts';

/**
 * Lifecycle of a debt position (posizione debitoria).
 *
 *   DRAFT ──publish──▶ VALID ──pay installment──▶ PARTIALLY_PAID ──pay last installment──▶ PAID ──▶ REPORTED
 *     │                 │ ▲ └──────────────pay single payment─────────────────────────────▶ PAID
 *     │                 ▼ │ (entity moves the dates forward)
 *     │               EXPIRED
 *     └──────┴───────────┴──▶ CANCELLED (final; only while nothing is paid)
 *
 * An EXPIRED position can still receive a receipt: the Node may have activated the payment before the validity
 * date passed, and money already collected must be recorded, not lost.
 */
const TRANSITIONS: Readonly<Record<PositionStatusValue, readonly PositionStatusValue[]>> = {
  [PositionStatus.Draft]: [PositionStatus.Valid, PositionStatus.Cancelled],
  [PositionStatus.Valid]: [
    PositionStatus.PartiallyPaid,
    PositionStatus.Paid,
    PositionStatus.Expired,
    PositionStatus.Cancelled,
  ],
  [PositionStatus.PartiallyPaid]: [PositionStatus.Paid],
  [PositionStatus.Paid]: [PositionStatus.Reported],
  [PositionStatus.Reported]: [],
  [PositionStatus.Expired]: [
    PositionStatus.Valid,
    PositionStatus.PartiallyPaid,
    PositionStatus.Paid,
    PositionStatus.Cancelled,
  ],
  [PositionStatus.Cancelled]: [],
};

/** Italian labels of the statuses, for messages and exports. */
export const POSITION_STATUS_LABELS: Readonly<Record<PositionStatusValue, string>> = {
  [PositionStatus.Draft]: 'Bozza',
  [PositionStatus.Valid]: 'Da pagare',
  [PositionStatus.PartiallyPaid]: 'Pagata parzialmente',
  [PositionStatus.Paid]: 'Pagata',
  [PositionStatus.Reported]: 'Rendicontata',
  [PositionStatus.Expired]: 'Scaduta',
  [PositionStatus.Cancelled]: 'Annullata',
};

/** The minimal view of a position the lifecycle rules need. */
export interface LifecyclePosition {
  status: PositionStatusValue;
}

/** The minimal view of a payment option the lifecycle rules need. */
export interface LifecycleOption {
  /** Null for the single payment; 1..n for installments. */
  installment: number | null;
  status: PaymentOptionStatusValue;
  amountCents: number;
  /** `YYYY-MM-DD`. */
  dueDate: string;
  /** `YYYY-MM-DD`; null means the due date. */
  validityDate: string | null;
}

/** A transition the lifecycle does not allow, or an operation the current state forbids. */
export class PositionLifecycleError extends Error {
  constructor(
    message: string,
    readonly from: PositionStatusValue,
    readonly to: PositionStatusValue | null,
  ) {
    super(message);
    this.name = 'PositionLifecycleError';
  }
}

export function allowedPositionTransitions(status: PositionStatusValue): readonly PositionStatusValue[] {
  return TRANSITIONS[status];
}

export function isPositionTransitionAllowed(from: PositionStatusValue, to: PositionStatusValue): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: PositionStatusValue, to: PositionStatusValue): void {
  if (!isPositionTransitionAllowed(from, to)) {
    throw new PositionLifecycleError(
      `Una posizione "${POSITION_STATUS_LABELS[from]}" non può passare a "${POSITION_STATUS_LABELS[to]}".`,
      from,
      to,
    );
  }
}

function isOptionSettled(option: Pick<LifecycleOption, 'status'>): boolean {
  return option.status !== PaymentOptionStatus.Unpaid;
}

/** The last day an option can be paid: its validity date, or its due date when it has none. */
export function effectiveValidityDate(option: Pick<LifecycleOption, 'dueDate' | 'validityDate'>): string {
  return option.validityDate ?? option.dueDate;
}

/**
 * Why the position cannot be edited (debtor, description, metadata, options, amounts, dates), in Italian, or null
 * when it can. Editable while DRAFT, VALID or EXPIRED and no option has been paid: once money has moved, the
 * amounts and the people involved are part of a receipt and must not change.
 */
export function positionEditBlocker(
  position: LifecyclePosition,
  options: readonly Pick<LifecycleOption, 'status'>[] = [],
): string | null {
  switch (position.status) {
    case PositionStatus.PartiallyPaid:
      return 'La posizione ha già delle rate pagate: non si può più modificare.';
    case PositionStatus.Paid:
      return 'La posizione è già stata pagata: non si può più modificare.';
    case PositionStatus.Reported:
      return 'La posizione è pagata e rendicontata: non si può più modificare.';
    case PositionStatus.Cancelled:
      return 'La posizione è annullata: non si può più modificare.';
    case PositionStatus.Draft:
    case PositionStatus.Valid:
    case PositionStatus.Expired:
      return options.some((option) => option.status !== PaymentOptionStatus.Unpaid)
        ? 'La posizione ha già dei pagamenti: non si può più modificare.'
        : null;
  }
}

export function canEditPosition(
  position: LifecyclePosition & { options?: readonly Pick<LifecycleOption, 'status'>[] },
): boolean {
  return positionEditBlocker(position, position.options ?? []) === null;
}

/** Why the position cannot be cancelled, in Italian, or null when it can (DRAFT, VALID, EXPIRED, nothing paid). */
export function positionCancelBlocker(
  position: LifecyclePosition,
  options: readonly Pick<LifecycleOption, 'status'>[] = [],
): string | null {
  if (position.status === PositionStatus.Cancelled) return 'La posizione è già annullata.';
  if (!isPositionTransitionAllowed(position.status, PositionStatus.Cancelled)) {
    return `Una posizione "${POSITION_STATUS_LABELS[position.status]}" non si può annullare: è già stata pagata.`;
  }
  return options.some((option) => option.status !== PaymentOptionStatus.Unpaid)
    ? 'La posizione ha già dei pagamenti: non si può annullare.'
    : null;
}

/** The status after an accepted edit: an EXPIRED position whose dates were moved forward is payable again. */
export function positionStatusAfterEdit(status: PositionStatusValue): PositionStatusValue {
  return status === PositionStatus.Expired ? PositionStatus.Valid : status;
}

/**
 * Whether one option can be paid today. The station maps the answers to pagoPA faults: UNKNOWN →
 * PAA_PAGAMENTO_SCONOSCIUTO (a draft is not published), PAID → PAA_PAGAMENTO_DUPLICATO, EXPIRED →
 * PAA_PAGAMENTO_SCADUTO, CANCELLED → PAA_PAGAMENTO_ANNULLATO.
 */
export type OptionPayability = 'PAYABLE' | 'UNKNOWN' | 'PAID' | 'EXPIRED' | 'CANCELLED';

/**
 * Paying the single payment closes the installments, and paying an installment closes the single payment: both
 * answer PAID (the debt is being settled the other way). Each option expires on its own validity date.
 * `today` is `YYYY-MM-DD` in Europe/Rome.
 */
export function optionPayability(
  position: LifecyclePosition,
  option: LifecycleOption,
  today: string,
): OptionPayability {
  switch (position.status) {
    case PositionStatus.Draft:
      return 'UNKNOWN';
    case PositionStatus.Cancelled:
      return 'CANCELLED';
    case PositionStatus.Paid:
    case PositionStatus.Reported:
      return 'PAID';
    case PositionStatus.Valid:
    case PositionStatus.PartiallyPaid:
    case PositionStatus.Expired:
      break;
  }
  if (isOptionSettled(option)) return 'PAID';
  if (position.status === PositionStatus.PartiallyPaid && option.installment === null) return 'PAID';
  if (position.status === PositionStatus.Expired) return 'EXPIRED';
  return effectiveValidityDate(option) < today ? 'EXPIRED' : 'PAYABLE';
}

/** True when the daily job must move the position to EXPIRED: VALID and every unpaid option is past validity. */
export function isPositionExpired(
  position: LifecyclePosition,
  options: readonly LifecycleOption[],
  today: string,
): boolean {
  if (position.status !== PositionStatus.Valid) return false;
  const unpaid = options.filter((option) => !isOptionSettled(option));
  return unpaid.length > 0 && unpaid.every((option) => effectiveValidityDate(option) < today);
}

export interface OptionPaymentOutcome<TOption extends LifecycleOption> {
  fromStatus: PositionStatusValue;
  toStatus: PositionStatusValue;
  /** The option just paid: its status becomes PAID. */
  paidOption: TOption;
  /** Options still UNPAID that can no longer be paid because the debt is settled the other way. */
  closedOptions: TOption[];
  /** Total paid on the position after this payment. */
  paidCents: number;
}

/**
 * Records the payment of one option (a receipt): the single payment settles the whole position (PAID) and closes
 * the installments; an installment makes it PARTIALLY_PAID (PAID when it was the last one) and closes the single
 * payment. Throws PositionLifecycleError when the option cannot receive a payment.
 */
export function applyOptionPayment<TOption extends LifecycleOption>(
  position: LifecyclePosition,
  options: readonly TOption[],
  paidOption: TOption,
): OptionPaymentOutcome<TOption> {
  const from = position.status;
  if (!options.includes(paidOption)) {
    throw new PositionLifecycleError('L’opzione di pagamento non appartiene alla posizione.', from, null);
  }
  if (from === PositionStatus.Draft || from === PositionStatus.Cancelled) {
    throw new PositionLifecycleError(
      `Una posizione "${POSITION_STATUS_LABELS[from]}" non può ricevere pagamenti.`,
      from,
      null,
    );
  }
  if (isOptionSettled(paidOption)) {
    throw new PositionLifecycleError('Questa opzione di pagamento è già stata pagata.', from, null);
  }
  const alreadyPaid = options.filter((option) => option !== paidOption && isOptionSettled(option));
  const singlePaymentPaid = alreadyPaid.some((option) => option.installment === null);
  if (singlePaymentPaid || from === PositionStatus.Paid || from === PositionStatus.Reported) {
    throw new PositionLifecycleError('La posizione è già stata pagata.', from, null);
  }
  if (paidOption.installment === null && alreadyPaid.length > 0) {
    throw new PositionLifecycleError(
      'La posizione è già stata pagata in parte a rate: il pagamento unico non è più disponibile.',
      from,
      null,
    );
  }

  const paidCents = alreadyPaid.reduce((sum, option) => sum + option.amountCents, paidOption.amountCents);
  const installmentsLeft = options.some(
    (option) => option !== paidOption && option.installment !== null && !isOptionSettled(option),
  );
  const toStatus =
    paidOption.installment === null || !installmentsLeft ? PositionStatus.Paid : PositionStatus.PartiallyPaid;
  // Either way the single payment (when it is not the one paid) can no longer be used; paying it closes the rest.
  const closedOptions = options.filter(
    (option) =>
      option !== paidOption &&
      !isOptionSettled(option) &&
      (paidOption.installment === null || option.installment === null),
  );
  if (toStatus !== from) assertTransition(from, toStatus);
  return { fromStatus: from, toStatus, paidOption, closedOptions, paidCents };
}

/**
 * The status after one paid option has been reported (it appeared in a reporting flow): REPORTED once the position
 * is PAID and every paid option is reported; otherwise unchanged.
 */
export function positionStatusAfterReporting(
  position: LifecyclePosition,
  options: readonly Pick<LifecycleOption, 'status'>[],
): PositionStatusValue {
  if (position.status !== PositionStatus.Paid) return position.status;
  const settled = options.filter(isOptionSettled);
  const allReported =
    settled.length > 0 && settled.every((option) => option.status === PaymentOptionStatus.Reported);
  return allReported ? PositionStatus.Reported : position.status;
}
