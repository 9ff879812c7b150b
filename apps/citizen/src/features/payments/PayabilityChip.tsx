import type { NoticePayability } from '@pagamenti/contracts';
import { StatusChip } from '@pagamenti/ui';
import { useT } from '../../i18n/i18n';

const TONES = {
  PAYABLE: 'info',
  PAID: 'success',
  EXPIRED: 'warning',
  CANCELLED: 'neutral',
  UNKNOWN: 'danger',
} as const;

/** The state of a notice in the citizen's words, with text (never colour alone). */
export function PayabilityChip({ payability }: { payability: NoticePayability }) {
  const { t } = useT();
  return <StatusChip label={t(`payability.${payability}`)} tone={TONES[payability]} />;
}

export function InProgressChip() {
  const { t } = useT();
  return <StatusChip label={t('payment.inProgressChip')} tone="warning" />;
}
