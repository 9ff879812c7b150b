import { usePublicEntities } from '@pagamenti/api-client';
import type { EntitySummary } from '@pagamenti/contracts';
import { EmptyState, ENTITY_CATEGORY_LABELS, formatDateTime, QueryState } from '@pagamenti/ui';
import { Button } from 'design-react-kit';

const PAGE_SIZE = 50;

function EntitiesTable({ entities }: { entities: EntitySummary[] }) {
  return (
    <div className="table-responsive">
      <table className="table">
        <caption className="visually-hidden">Enti aderenti in esercizio: nome, tipologia e provincia</caption>
        <thead>
          <tr>
            <th scope="col">Ente</th>
            <th scope="col">Tipologia</th>
            <th scope="col">Provincia</th>
          </tr>
        </thead>
        <tbody>
          {entities.map((entity) => (
            <tr key={entity.id}>
              <th scope="row" className="fw-semibold">
                {entity.name}
              </th>
              <td>{ENTITY_CATEGORY_LABELS[entity.category] ?? entity.category}</td>
              <td>{entity.province}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Enti aderenti": the entities already in production, i.e. those a citizen can pay today. */
export function ProductionEntities() {
  const query = usePublicEntities({ stage: 'PRODUCTION', limit: PAGE_SIZE });
  return (
    <section aria-labelledby="enti-titolo" aria-busy={query.isFetching}>
      <h2 id="enti-titolo" className="h3">
        Enti aderenti
      </h2>
      <p>Gli enti creditori che ricevono pagamenti pagoPA tramite questa piattaforma.</p>
      <QueryState query={query} loadingLabel="Caricamento degli enti aderenti…" skeletonRows={5}>
        {(data) => {
          const entities = data.pages.flatMap((page) => page.items);
          if (entities.length === 0) {
            return (
              <EmptyState title="Nessun ente è ancora in esercizio">
                Gli enti compaiono qui quando completano il collaudo con pagoPA e iniziano a ricevere
                pagamenti.
              </EmptyState>
            );
          }
          return (
            <>
              <EntitiesTable entities={entities} />
              <div className="d-flex flex-wrap align-items-center gap-3">
                {query.hasNextPage && (
                  <Button
                    color="primary"
                    outline
                    onClick={() => void query.fetchNextPage()}
                    disabled={query.isFetchingNextPage}
                  >
                    {query.isFetchingNextPage ? 'Caricamento…' : 'Mostra altri enti'}
                  </Button>
                )}
                <p className="small mb-0">Aggiornato il {formatDateTime(query.dataUpdatedAt)}</p>
              </div>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
