import { ApiError, useDueTypes, useUpdateDueType } from '@pagamenti/api-client';
import { EmptyState, PageContainer, QueryState, ActiveChip, formatDueTypeAmount } from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { Link } from 'react-router';
import { ActiveEntity, ReadOnlyNote } from '../features/entity/ActiveEntity';

function Catalogue({ entityId, canEdit }: { entityId: string; canEdit: boolean }) {
  const query = useDueTypes(entityId);
  const update = useUpdateDueType(entityId);
  return (
    <>
      {!canEdit && <ReadOnlyNote />}
      {canEdit && (
        <p>
          <Link to="/catalogo/nuovo" className="btn btn-primary">
            Nuovo tipo dovuto
          </Link>
        </p>
      )}
      {update.error instanceof ApiError && <Alert color="danger">{update.error.message}</Alert>}
      <QueryState query={query} loadingLabel="Caricamento del catalogo…" skeletonRows={5}>
        {(dueTypes) =>
          dueTypes.length === 0 ? (
            <EmptyState title="Il catalogo è vuoto">
              {canEdit
                ? 'Aggiungi un tipo dovuto: i modelli (TARI, mensa scolastica, permesso di sosta…) lo rendono questione di pochi clic.'
                : 'L’amministratore dell’ente aggiunge qui i tipi di dovuto.'}
            </EmptyState>
          ) : (
            <div className="table-responsive">
              <table className="table align-middle">
                <caption className="visually-hidden">Tipi dovuto dell’ente</caption>
                <thead>
                  <tr>
                    <th scope="col">Codice</th>
                    <th scope="col">Descrizione</th>
                    <th scope="col">Tassonomia</th>
                    <th scope="col">Importo</th>
                    <th scope="col">Pagabile dal portale</th>
                    <th scope="col">Stato</th>
                    {canEdit && (
                      <th scope="col">
                        <span className="visually-hidden">Azioni</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {dueTypes.map((dueType) => (
                    <tr key={dueType.id}>
                      <td className="font-monospace">{dueType.code}</td>
                      <th scope="row" className="fw-normal">
                        {dueType.name}
                      </th>
                      <td className="font-monospace">{dueType.taxonomyCode}</td>
                      <td>{formatDueTypeAmount(dueType)}</td>
                      <td>{dueType.spontaneous ? 'Sì' : 'No'}</td>
                      <td>
                        <ActiveChip active={dueType.active} />
                      </td>
                      {canEdit && (
                        <td>
                          <Button
                            color="primary"
                            outline
                            size="xs"
                            disabled={update.isPending}
                            onClick={() => {
                              const verb = dueType.active ? 'Disattivare' : 'Attivare';
                              if (
                                window.confirm(
                                  `${verb} “${dueType.name}”? Le posizioni già emesse restano valide.`,
                                )
                              )
                                update.mutate({ id: dueType.id, active: !dueType.active });
                            }}
                          >
                            {dueType.active ? 'Disattiva' : 'Attiva'}
                            <span className="visually-hidden"> {dueType.name}</span>
                          </Button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </>
  );
}

export function CataloguePage() {
  return (
    <PageContainer
      title="Catalogo dovuti"
      lead="I tipi di dovuto dell’ente: cosa si può pagare, su quale conto e con quale codice tassonomico."
    >
      <ActiveEntity>
        {(entity) => (
          <Catalogue key={entity.entityId} entityId={entity.entityId} canEdit={entity.role === 'admin'} />
        )}
      </ActiveEntity>
    </PageContainer>
  );
}
