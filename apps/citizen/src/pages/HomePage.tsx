import { PageContainer } from '@pagamenti/ui';
import { ProductionEntities } from '../features/entities/ProductionEntities';
import { PaymentChoices } from '../features/payment-choices/PaymentChoices';

export function HomePage() {
  return (
    <PageContainer
      title="Paga i tuoi avvisi pagoPA"
      lead="Paga gli avvisi degli enti aderenti, fai un pagamento spontaneo e ritrova le tue ricevute."
    >
      <PaymentChoices />
      <ProductionEntities />
    </PageContainer>
  );
}
