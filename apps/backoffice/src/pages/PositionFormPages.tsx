import {
  newIdempotencyKey,
  useCreatePosition,
  useDueTypes,
  useEntityAccounts,
  usePosition,
  useUpdatePosition,
} from '@pagamenti/api-client';
import type { DebtPosition, DueType, EntityAccount, EntityMembership } from '@pagamenti/contracts';
import { positionEditBlocker } from '@pagamenti/pagopa';
import { PageContainer, QueryState } from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ActiveEntity } from '../features/entity/ActiveEntity';
import { PositionForm } from '../features/positions/PositionForm';
import { canWritePositions } from '../features/positions/access';
import {
  createRequestOf,
  emptyPositionForm,
  positionFormOf,
  updateRequestOf,
} from '../features/positions/position-form';

export const positionHref = (iupd: string) => `/posizioni/${encodeURIComponent(iupd)}`;

/** What the detail page says after a save (router state). */
export type PositionSavedState = { saved: 'created' | 'updated' };

function WritersOnly() {
  return (
    <Alert color="info" fade={false} role="note" className="my-3">
      Solo gli operatori e gli amministratori dell’ente creano e modificano le posizioni debitorie.
    </Alert>
  );
}

function CreatePosition({ entity }: { entity: EntityMembership }) {
  const navigate = useNavigate();
  const dueTypes = useDueTypes(entity.entityId);
  const accounts = useEntityAccounts(entity.entityId);
  const create = useCreatePosition(entity.entityId);
  // One key per distinct submission: a double click, or a retry after a lost answer, creates one position.
  const idempotencyKey = useRef(newIdempotencyKey());

  return (
    <QueryState query={dueTypes} loadingLabel="Caricamento del catalogo dei dovuti…">
      {(catalogue) => {
        const active = catalogue.filter((dueType) => dueType.active);
        if (active.length === 0) {
          return (
            <Alert color="warning" fade={false} className="my-3">
              Il catalogo dell’ente non ha tipi dovuto attivi: un amministratore ne aggiunge uno dal{' '}
              <Link to="/catalogo">Catalogo dovuti</Link>.
            </Alert>
          );
        }
        return (
          <PositionForm
            mode="create"
            initial={emptyPositionForm()}
            dueTypes={active}
            accounts={accounts.data ?? []}
            entityFiscalCode={entity.entityFiscalCode}
            pending={create.isPending}
            error={create.error}
            onResetError={create.reset}
            cancelHref="/posizioni"
            onSubmit={(values, dueType, changed) => {
              if (changed) idempotencyKey.current = newIdempotencyKey();
              create.mutate(
                { body: createRequestOf(values, dueType), idempotencyKey: idempotencyKey.current },
                {
                  onSuccess: (position) =>
                    void navigate(positionHref(position.iupd), {
                      state: { saved: 'created' } satisfies PositionSavedState,
                    }),
                },
              );
            }}
          />
        );
      }}
    </QueryState>
  );
}

function EditForm({
  entity,
  position,
  dueTypes,
  accounts,
}: {
  entity: EntityMembership;
  position: DebtPosition;
  dueTypes: DueType[];
  accounts: EntityAccount[];
}) {
  const navigate = useNavigate();
  const update = useUpdatePosition(entity.entityId, position.iupd);
  const query = usePosition(entity.entityId, position.iupd);
  const blocker = positionEditBlocker(position, position.options);
  const own = dueTypes.filter((dueType) => dueType.code === position.dueTypeCode);
  const account = accounts.find((item) => item.id === own[0]?.accountId);
  const defaults = own[0]
    ? {
        entityFiscalCode: position.entityFiscalCode,
        iban: account?.iban ?? '',
        category: own[0].taxonomyCode,
      }
    : null;

  if (blocker) {
    return (
      <Alert color="warning" fade={false} className="my-3">
        <p className="mb-2">{blocker}</p>
        <Link to={positionHref(position.iupd)}>Torna alla posizione</Link>
      </Alert>
    );
  }
  return (
    <PositionForm
      mode="edit"
      initial={positionFormOf(position, defaults)}
      dueTypes={own}
      accounts={accounts}
      entityFiscalCode={entity.entityFiscalCode}
      pending={update.isPending}
      error={update.error}
      onResetError={update.reset}
      cancelHref={positionHref(position.iupd)}
      conflictAction={
        <Button
          color="primary"
          outline
          size="sm"
          className="mt-2"
          disabled={query.isFetching}
          onClick={() => {
            update.reset();
            void query.refetch();
          }}
        >
          Ricarica la posizione (le modifiche non salvate si perdono)
        </Button>
      }
      onSubmit={(values, dueType) =>
        update.mutate(updateRequestOf(values, dueType, position.version), {
          onSuccess: (saved) =>
            void navigate(positionHref(saved.iupd), {
              state: { saved: 'updated' } satisfies PositionSavedState,
            }),
        })
      }
    />
  );
}

function EditPosition({ entity, iupd }: { entity: EntityMembership; iupd: string }) {
  const query = usePosition(entity.entityId, iupd);
  const dueTypes = useDueTypes(entity.entityId);
  const accounts = useEntityAccounts(entity.entityId);
  return (
    <QueryState query={query} loadingLabel="Caricamento della posizione…">
      {(position) => (
        <QueryState query={dueTypes} loadingLabel="Caricamento del catalogo dei dovuti…">
          {(catalogue) => (
            <QueryState query={accounts} loadingLabel="Caricamento dei conti dell’ente…">
              {(entityAccounts) => (
                // A newer version (after "Ricarica") starts the form again from the saved data.
                <EditForm
                  key={`${position.iupd}@${position.version}`}
                  entity={entity}
                  position={position}
                  dueTypes={catalogue}
                  accounts={entityAccounts}
                />
              )}
            </QueryState>
          )}
        </QueryState>
      )}
    </QueryState>
  );
}

export function NewPositionPage() {
  return (
    <PageContainer
      title="Nuova posizione debitoria"
      lead="Un debito verso l’ente: chi deve pagare, per cosa, quanto ed entro quando. Ogni opzione di pagamento riceve il suo codice avviso."
    >
      <ActiveEntity>
        {(entity) =>
          canWritePositions(entity.role) ? (
            <CreatePosition key={entity.entityId} entity={entity} />
          ) : (
            <WritersOnly />
          )
        }
      </ActiveEntity>
    </PageContainer>
  );
}

export function EditPositionPage() {
  const { iupd = '' } = useParams();
  return (
    <PageContainer title="Modifica posizione debitoria">
      <ActiveEntity>
        {(entity) =>
          canWritePositions(entity.role) ? (
            <EditPosition key={entity.entityId} entity={entity} iupd={iupd} />
          ) : (
            <WritersOnly />
          )
        }
      </ActiveEntity>
    </PageContainer>
  );
}
