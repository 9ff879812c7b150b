import type { SpontaneousService } from '@pagamenti/contracts';
import { formatEuro } from '@pagamenti/ui';
import type { Translate } from '../../i18n/i18n';

/** "Importo fisso: 30,00 €", "Importo da 5,00 € a 500,00 €"… */
export function amountRule(service: SpontaneousService, t: Translate): string {
  if (service.amountMode === 'FIXED')
    return t('spontaneous.fixed', { amount: formatEuro(service.fixedAmountCents) });
  const { minAmountCents: min, maxAmountCents: max } = service;
  if (min !== null && max !== null)
    return t('spontaneous.range', { min: formatEuro(min), max: formatEuro(max) });
  if (min !== null) return t('spontaneous.min', { min: formatEuro(min) });
  if (max !== null) return t('spontaneous.max', { max: formatEuro(max) });
  return t('spontaneous.free');
}
