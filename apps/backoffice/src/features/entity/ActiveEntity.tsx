import { isApiError, useMe } from '@pagamenti/api-client';
import type { CurrentUser, EntityMembership } from '@pagamenti/contracts';
import { ENTITY_ROLE_LABELS, EmptyState, QueryState } from '@pagamenti/ui';
import { Alert } from 'design-react-kit';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * The entity the back office works on: the session's active entity from `GET /api/v1/me`, changed with the
 * header's "Ente" switcher. Renders `children` with the person's membership in it, or says why it cannot.
 */
export function ActiveEntity({
  children,
}: {
  children: (entity: EntityMembership, user: CurrentUser) => ReactNode;
}) {
  const me = useMe();
  if (isApiError(me.error) && me.error.status === 401) {
    return (
      <Alert color="info" fade={false} role="note" className="my-3">
        <p className="fw-semibold mb-1">Accedi per continuare</p>
        <p className="mb-2">Questa pagina è riservata agli operatori degli enti, con SPID o CIE.</p>
        <Link to="/accedi" className="btn btn-primary btn-sm">
          Accedi
        </Link>
      </Alert>
    );
  }
  return (
    <QueryState query={me} loadingLabel="Caricamento del tuo profilo…">
      {(user) => {
        const active = user.entities.find((entity) => entity.entityId === user.activeEntityId);
        if (!active) {
          return (
            <EmptyState title="Non hai ruoli in alcun ente">
              Chiedi all’amministratore del tuo ente di invitarti con il tuo codice fiscale (
              <span className="font-monospace">{user.fiscalCode}</span>): il ruolo vale dal tuo prossimo
              accesso.
            </EmptyState>
          );
        }
        return (
          <>
            <p className="mb-4" data-testid="active-entity">
              Ente: <strong>{active.entityName}</strong> · il tuo ruolo:{' '}
              <strong>{ENTITY_ROLE_LABELS[active.role]}</strong>
              {user.entities.length > 1 && (
                <span className="d-block small">
                  Per lavorare su un altro ente cambialo dal menu “Ente” in alto.
                </span>
              )}
            </p>
            {children(active, user)}
          </>
        );
      }}
    </QueryState>
  );
}

/** For the roles that may look but not change. */
export function ReadOnlyNote() {
  return <p className="small">Consultazione: le modifiche sono riservate agli amministratori dell’ente.</p>;
}

/** What the entity's operators and viewers see on the admins' pages. */
export function AdminOnly({ children }: { children: ReactNode }) {
  return (
    <Alert color="info" fade={false} role="note" className="my-3">
      <p className="fw-semibold mb-1">Riservato agli amministratori dell’ente</p>
      <p className="mb-0">{children}</p>
    </Alert>
  );
}
