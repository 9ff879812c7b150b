import { AuditLogPage } from '@pagamenti/ui';
import { useEntityDirectory } from '../features/audit/use-entity-directory';

const SCOPE = { kind: 'intermediary' } as const;

/** "Registro attività" of the whole platform: every access, role change, API key and data change. */
export function AuditPage() {
  const entities = useEntityDirectory();
  return (
    <AuditLogPage
      scope={SCOPE}
      lead="Chi ha fatto cosa sulla piattaforma, dalla più recente: accessi, ruoli, chiavi API e modifiche ai dati."
      entityOptions={entities.options}
      entityName={entities.nameOf}
      entityHref={(id) => `/enti/${id}`}
    />
  );
}
