import {
  ANONYMOUS_DEBTOR_ID,
  type DebtPosition,
  type Debtor,
  type DebtorType,
  type PaymentOption,
  type PaymentOptionStatus,
  type PositionStatus,
} from '@pagamenti/contracts';
import { type OptionPayability, optionPayability } from '@pagamenti/pagopa';
import type { StatusTone } from '../status/onboarding-stage';

/** The one dictionary of debt position states in the back office ("la posizione è …"). */
export const POSITION_STATUS_LABELS: Record<PositionStatus, string> = {
  DRAFT: 'Bozza',
  VALID: 'Da pagare',
  PARTIALLY_PAID: 'Pagata parzialmente',
  PAID: 'Pagata',
  REPORTED: 'Rendicontata',
  EXPIRED: 'Scaduta',
  CANCELLED: 'Annullata',
};

export const POSITION_STATUS_TONES: Record<PositionStatus, StatusTone> = {
  DRAFT: 'neutral',
  VALID: 'info',
  PARTIALLY_PAID: 'info',
  PAID: 'success',
  REPORTED: 'success',
  EXPIRED: 'warning',
  CANCELLED: 'neutral',
};

/** One visible line next to the chip: what the state means for the debtor and the operator. */
export const POSITION_STATUS_DESCRIPTIONS: Record<PositionStatus, string> = {
  DRAFT: 'Non ancora pagabile: si può modificare, pubblicare o annullare.',
  VALID: 'Pagabile su tutti i canali pagoPA con il codice avviso.',
  PARTIALLY_PAID: 'Almeno una rata è stata pagata: gli importi non si possono più cambiare.',
  PAID: 'Pagata per intero: si attende la rendicontazione del PSP.',
  REPORTED: 'Pagata e rendicontata dal PSP nel flusso di rendicontazione.',
  EXPIRED: 'Oltre la data di validità: non è più pagabile.',
  CANCELLED: 'Annullata dall’ente: non è più pagabile.',
};

/** A payment option is a single payment or an installment ("la rata è …"). */
export const PAYMENT_OPTION_STATUS_LABELS: Record<PaymentOptionStatus, string> = {
  UNPAID: 'Da pagare',
  PAID: 'Pagata',
  REPORTED: 'Rendicontata',
};

export const PAYMENT_OPTION_STATUS_TONES: Record<PaymentOptionStatus, StatusTone> = {
  UNPAID: 'info',
  PAID: 'success',
  REPORTED: 'success',
};

const UNPAID_OPTION_STATES: Record<Exclude<OptionPayability, 'PAID'>, { label: string; tone: StatusTone }> = {
  PAYABLE: { label: 'Da pagare', tone: 'info' },
  UNKNOWN: { label: 'Non pubblicata', tone: 'neutral' },
  EXPIRED: { label: 'Scaduta', tone: 'warning' },
  CANCELLED: { label: 'Annullata', tone: 'neutral' },
};

/**
 * The chip of one payment option, from its own status and its position's: an unpaid option of a cancelled
 * position is "Annullata", not "Da pagare", and one the debtor no longer needs because the debt was settled
 * the other way (single payment vs installments) is "Non più dovuta". `today` is Rome's day, `yyyy-MM-dd`.
 */
export function paymentOptionState(
  position: Pick<DebtPosition, 'status'>,
  option: PaymentOption,
  today: string,
): { label: string; tone: StatusTone } {
  if (option.status !== 'UNPAID') {
    return {
      label: PAYMENT_OPTION_STATUS_LABELS[option.status],
      tone: PAYMENT_OPTION_STATUS_TONES[option.status],
    };
  }
  const payability = optionPayability(position, option, today);
  return payability === 'PAID'
    ? { label: 'Non più dovuta', tone: 'neutral' }
    : UNPAID_OPTION_STATES[payability];
}

export const DEBTOR_TYPE_LABELS: Record<DebtorType, string> = {
  F: 'Persona fisica',
  G: 'Persona giuridica',
};

/** The debtor's identifier as people read it; the `ANONIMO` sentinel is never shown as if it were a code. */
export function debtorIdLabel(debtor: Pick<Debtor, 'idValue'>): string {
  return debtor.idValue === ANONYMOUS_DEBTOR_ID ? 'Codice fiscale non indicato' : debtor.idValue;
}

/** "Soluzione unica" or "Rata 2 di 4". */
export function paymentOptionLabel(installment: number | null, installments: number): string {
  return installment === null ? 'Soluzione unica' : `Rata ${installment} di ${installments}`;
}
