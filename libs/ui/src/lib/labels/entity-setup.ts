import type {
  AccountKind,
  AmountMode,
  EntityService,
  NoticeLanguage,
  ServiceStatus,
} from '@pagamenti/contracts';
import { formatEuro } from '../format/format';
import type { StatusTone } from '../status/onboarding-stage';

export const ENTITY_SERVICE_LABELS: Record<EntityService, string> = {
  PAGAMENTO_AVVISI: 'Pagamento degli avvisi',
  PAGAMENTI_SPONTANEI: 'Pagamenti spontanei dal portale',
  STAMPA_AVVISI: 'Stampa degli avvisi',
  RENDICONTAZIONE: 'Rendicontazione e riconciliazione',
  API_GESTIONALI: 'API per i gestionali',
};

export const SERVICE_STATUS_LABELS: Record<ServiceStatus, string> = {
  INACTIVE: 'Non attivo',
  TESTING: 'In prova',
  ACTIVE: 'Attivo',
  SUSPENDED: 'Sospeso',
};

export const SERVICE_STATUS_TONES: Record<ServiceStatus, StatusTone> = {
  INACTIVE: 'neutral',
  TESTING: 'warning',
  ACTIVE: 'success',
  SUSPENDED: 'danger',
};

export const ACCOUNT_KIND_LABELS: Record<AccountKind, string> = {
  BANK: 'Conto bancario',
  POSTAL: 'Conto postale',
};

export const AMOUNT_MODE_LABELS: Record<AmountMode, string> = {
  FIXED: 'Importo fisso',
  FREE: 'Importo libero',
};

export const NOTICE_LANGUAGE_LABELS: Record<NoticeLanguage, string> = {
  de: 'Tedesco',
  en: 'Inglese',
  fr: 'Francese',
  sl: 'Sloveno',
};

/** "IT60X0542811101000000123456" → "IT60 X054 2811 1010 0000 0123 456". */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

/** "1.500,00 €" for a fixed amount; "Importo libero (min – max)" for a free one, with its bounds when set. */
export function formatDueTypeAmount(dueType: {
  amountMode: AmountMode;
  fixedAmountCents: number | null;
  minAmountCents: number | null;
  maxAmountCents: number | null;
}): string {
  if (dueType.amountMode === 'FIXED') return formatEuro(dueType.fixedAmountCents);
  const bounded = dueType.minAmountCents !== null || dueType.maxAmountCents !== null;
  return bounded
    ? `${AMOUNT_MODE_LABELS.FREE} (${formatEuro(dueType.minAmountCents)} – ${formatEuro(dueType.maxAmountCents)})`
    : AMOUNT_MODE_LABELS.FREE;
}
