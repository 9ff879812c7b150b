import { useSession } from '@pagamenti/api-client';
import { AuditLogPage } from '@pagamenti/ui';
import { useMemo } from 'react';

/**
 * "Registro attività" of the active entity (its admins only: the route is gated): role changes, API keys and
 * data changes on it. Logins concern no entity, so they are in the intermediary's register only.
 */
export function AuditPage() {
  const user = useSession().data?.user;
  const active = user?.entities.find((entity) => entity.entityId === user.activeEntityId);
  const entityId = active?.entityId ?? '';
  const scope = useMemo(() => ({ kind: 'entity', entityId }) as const, [entityId]);
  const names = useMemo(
    () => new Map((user?.entities ?? []).map((entity) => [entity.entityId, entity.entityName])),
    [user],
  );
  return (
    <AuditLogPage
      scope={scope}
      lead={
        <>
          Le attività registrate su <strong>{active?.entityName ?? 'l’ente attivo'}</strong>, dalla più
          recente: ruoli, chiavi API e modifiche ai dati.
        </>
      }
      entityName={(id) => names.get(id)}
    />
  );
}
