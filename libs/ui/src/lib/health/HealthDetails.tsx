import type { DatabaseEngine, HealthResponse, HealthStatus } from '@pagamenti/contracts';
import { formatDateTime } from '../format/format';
import { StatusChip } from '../status/StatusChip';
import type { StatusTone } from '../status/onboarding-stage';

export const HEALTH_STATUS: Record<HealthStatus, { label: string; tone: StatusTone }> = {
  ok: { label: 'Operativo', tone: 'success' },
  degraded: { label: 'Funzionamento parziale', tone: 'warning' },
  down: { label: 'Non disponibile', tone: 'danger' },
};

const ENGINE_LABELS: Record<DatabaseEngine, string> = {
  postgresql: 'PostgreSQL',
  pglite: 'PGlite (PostgreSQL integrato)',
};

/** The service status as a description list: every value in words, the chip only adds colour. */
export function HealthDetails({ health }: { health: HealthResponse }) {
  const { database } = health;
  const status = HEALTH_STATUS[health.status];
  return (
    <dl className="mb-0">
      <dt>Stato del servizio</dt>
      <dd className="mb-2">
        <StatusChip label={status.label} tone={status.tone} />
      </dd>
      <dt>Database</dt>
      <dd className="mb-2">
        <StatusChip
          label={database.status === 'up' ? 'Raggiungibile' : 'Non raggiungibile'}
          tone={database.status === 'up' ? 'success' : 'danger'}
        />{' '}
        <span className="small">
          {ENGINE_LABELS[database.engine]}
          {database.latencyMs !== null && <>, risposta in {database.latencyMs} ms</>}
        </span>
      </dd>
      {database.pendingMigrations.length > 0 && (
        <>
          <dt>Migrazioni da applicare</dt>
          <dd className="mb-2">{database.pendingMigrations.length}</dd>
        </>
      )}
      <dt>Versione</dt>
      <dd className="mb-2">{health.version}</dd>
      <dt>Ultimo controllo</dt>
      <dd className="mb-2">Aggiornato il {formatDateTime(health.checkedAt)}</dd>
    </dl>
  );
}
