import { useHealth, usePlatformStats } from '@pagamenti/api-client';
import { formatDateTime, HealthDetails, PageContainer, QueryState } from '@pagamenti/ui';
import { Card, CardBody, CardTitle } from 'design-react-kit';
import { StageBarChart } from '../features/onboarding/StageBarChart';
import { StageTiles } from '../features/onboarding/StageTiles';

function OnboardingPipeline() {
  const query = usePlatformStats();
  return (
    <section aria-labelledby="adesione-titolo" className="mb-5">
      <h2 id="adesione-titolo" className="h3 mb-3">
        Adesione degli enti
      </h2>
      <QueryState query={query} loadingLabel="Caricamento dei numeri dell’adesione…" skeletonRows={4}>
        {(stats) => (
          <>
            <StageTiles stats={stats} />
            <p className="small mt-2">Aggiornato il {formatDateTime(stats.generatedAt)}</p>
            <div className="mt-4">
              <StageBarChart stats={stats} />
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}

function ServiceHealth() {
  const query = useHealth();
  return (
    <Card tag="section" rounded shadow="sm" aria-labelledby="salute-titolo">
      <CardBody className="it-card-body">
        <CardTitle tag="h2" className="h4" id="salute-titolo">
          Stato del servizio
        </CardTitle>
        <QueryState query={query} loadingLabel="Verifica dello stato del servizio…">
          {(health) => <HealthDetails health={health} />}
        </QueryState>
      </CardBody>
    </Card>
  );
}

export function HomePage() {
  return (
    <PageContainer
      title="Console intermediario"
      lead="L’avanzamento degli enti verso l’esercizio su pagoPA e lo stato dei servizi della piattaforma."
    >
      <div className="row g-4">
        <div className="col-12 col-xl-8">
          <OnboardingPipeline />
        </div>
        <div className="col-12 col-xl-4">
          <ServiceHealth />
        </div>
      </div>
    </PageContainer>
  );
}
