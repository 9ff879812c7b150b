import { useHealth, usePlatformStats } from '@pagamenti/api-client';
import { HealthDetails, PageContainer, QueryState } from '@pagamenti/ui';
import { Alert, Card, CardBody, CardTitle } from 'design-react-kit';
import { Link } from 'react-router';

function ServiceStatusCard() {
  const query = useHealth();
  return (
    <Card tag="section" rounded shadow="sm" fullHeight aria-labelledby="stato-titolo">
      <CardBody className="it-card-body">
        <CardTitle tag="h2" className="h4" id="stato-titolo">
          Stato del servizio
        </CardTitle>
        <QueryState query={query} loadingLabel="Verifica dello stato del servizio…">
          {(health) => <HealthDetails health={health} />}
        </QueryState>
      </CardBody>
    </Card>
  );
}

function ProductionEntitiesCard() {
  const query = usePlatformStats();
  return (
    <Card tag="section" rounded shadow="sm" fullHeight aria-labelledby="enti-titolo">
      <CardBody className="it-card-body">
        <CardTitle tag="h2" className="h4" id="enti-titolo">
          Enti in esercizio
        </CardTitle>
        <QueryState query={query} loadingLabel="Caricamento dei numeri della piattaforma…">
          {(stats) => (
            <p className="mb-0">
              <span className="display-4 fw-bold d-block">{stats.entities.byStage.PRODUCTION}</span>
              enti ricevono pagamenti pagoPA tramite la piattaforma, su {stats.entities.total} aderenti.
            </p>
          )}
        </QueryState>
      </CardBody>
    </Card>
  );
}

function PositionsCard() {
  return (
    <Card tag="section" rounded shadow="sm" fullHeight aria-labelledby="posizioni-titolo">
      <CardBody className="it-card-body">
        <CardTitle tag="h2" className="h4" id="posizioni-titolo">
          Posizioni debitorie
        </CardTitle>
        <p>
          Crea, cerca per codice avviso, IUV o codice fiscale, modifica e annulla le posizioni dell’ente;
          esporta gli elenchi in CSV o Excel.
        </p>
        <Link to="/posizioni" className="btn btn-primary btn-sm">
          Vai alle posizioni debitorie
        </Link>
      </CardBody>
    </Card>
  );
}

export function HomePage() {
  return (
    <PageContainer
      title="Back office enti"
      lead="Lo spazio degli operatori degli enti creditori: posizioni debitorie, avvisi, pagamenti, rendicontazione e riconciliazione."
    >
      <Alert color="info" fade={false} role="note" className="mb-4">
        <p className="fw-semibold mb-1">Accesso degli operatori</p>
        <p className="mb-0">
          Gli operatori accedono con SPID o CIE (“Accedi”, in alto a destra) e lavorano sull’ente attivo, che
          chi ha ruoli in più enti cambia dal menu “Ente”. Gli amministratori dell’ente invitano gli operatori
          e gestiscono le chiavi API.
        </p>
      </Alert>
      <div className="row g-4">
        <div className="col-12">
          <PositionsCard />
        </div>
        <div className="col-12 col-lg-7">
          <ServiceStatusCard />
        </div>
        <div className="col-12 col-lg-5">
          <ProductionEntitiesCard />
        </div>
      </div>
    </PageContainer>
  );
}
