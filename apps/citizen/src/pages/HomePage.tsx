import { PageContainer } from '@pagamenti/ui';
import { ProductionEntities } from '../features/entities/ProductionEntities';
import { NoticeCodeForm } from '../features/pay-notice/NoticeCodeForm';
import { PaymentChoices } from '../features/payment-choices/PaymentChoices';
import { useT } from '../i18n/i18n';

export function HomePage() {
  const { t } = useT();
  return (
    <PageContainer title={t('home.title')} lead={t('home.lead')}>
      <PaymentChoices />
      <NoticeCodeForm />
      <ProductionEntities />
    </PageContainer>
  );
}
