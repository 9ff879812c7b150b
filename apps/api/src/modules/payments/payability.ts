import { type NoticePayability } from '@pagamenti/contracts';

/** The citizen's words for each state (ux-reference.md §1), and what they can do about it. */
export const PAYABILITY_TEXTS: Readonly<Record<NoticePayability, { label: string; message: string }>> = {
  PAYABLE: { label: 'da pagare', message: 'Puoi pagare questo avviso online con pagoPA.' },
  PAID: { label: 'già pagato', message: 'Questo avviso è già stato pagato: non devi pagarlo di nuovo.' },
  EXPIRED: {
    label: 'scaduto',
    message: 'L’avviso è scaduto e non è più possibile pagarlo: contatta l’ente creditore.',
  },
  CANCELLED: {
    label: 'annullato',
    message: 'L’ente creditore ha annullato questo avviso: non è più da pagare.',
  },
  UNKNOWN: {
    label: 'sconosciuto',
    message:
      'Non riusciamo a trovare l’avviso: controlla il codice avviso e il codice fiscale dell’ente creditore.',
  },
};
