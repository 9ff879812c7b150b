import { type AuditScope, useAuditEvents } from '@pagamenti/api-client';
import type { AuditEvent, AuditOutcome, AuditQuery } from '@pagamenti/contracts';
import { Button } from 'design-react-kit';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../feedback/EmptyState';
import { QueryState } from '../feedback/QueryState';
import { SelectField, TextField } from '../forms/fields';
import { formatTimestamp, romeDayStart } from '../format/format';
import {
  AUDIT_ACTION_FILTERS,
  AUDIT_OUTCOME_LABELS,
  AUDIT_OUTCOME_TONES,
  auditActionLabel,
  auditActorLabel,
  auditObjectLabel,
} from '../labels/audit';
import { PageContainer } from '../pages/PageContainer';
import { StatusChip } from '../status/StatusChip';

/** The register's filters as they are kept in the URL: `?dal=&al=&chi=&ente=&azione=&esito=`. */
export interface AuditFilters {
  /** First day, `yyyy-MM-dd` (Rome). */
  dal?: string;
  /** Last day included, `yyyy-MM-dd` (Rome). */
  al?: string;
  /** Fiscal code of who acted. */
  chi?: string;
  /** Entity id (intermediary register only). */
  ente?: string;
  /** Action prefix, one of `AUDIT_ACTION_FILTERS`. */
  azione?: string;
  esito?: AuditOutcome;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FISCAL_CODE = /^[A-Z0-9]{16}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 50;

/** Reads the filters from the URL, dropping any value the register would not understand. */
export function readAuditFilters(params: URLSearchParams, withEntity: boolean): AuditFilters {
  const day = (key: string) => {
    const value = params.get(key) ?? '';
    return DAY.test(value) && romeDayStart(value) ? value : undefined;
  };
  const chi = (params.get('chi') ?? '').trim().toUpperCase();
  const ente = params.get('ente') ?? '';
  const azione = params.get('azione') ?? '';
  const esito = params.get('esito') ?? '';
  return {
    dal: day('dal'),
    al: day('al'),
    chi: FISCAL_CODE.test(chi) ? chi : undefined,
    ente: withEntity && UUID.test(ente) ? ente : undefined,
    azione: AUDIT_ACTION_FILTERS.some((option) => option.value === azione) ? azione : undefined,
    esito: esito in AUDIT_OUTCOME_LABELS ? (esito as AuditOutcome) : undefined,
  };
}

/** The API query for the filters: days become Rome's midnights, "al" included (up to the next midnight). */
export function auditQueryOf(filters: AuditFilters): Omit<AuditQuery, 'cursor'> {
  return {
    from: filters.dal ? (romeDayStart(filters.dal) ?? undefined) : undefined,
    to: filters.al ? (romeDayStart(filters.al, 1) ?? undefined) : undefined,
    actor: filters.chi,
    entityId: filters.ente,
    action: filters.azione,
    outcome: filters.esito,
    limit: PAGE_SIZE,
  };
}

export interface AuditLogPageProps {
  scope: AuditScope;
  lead: ReactNode;
  /** Entities for the "Ente" filter; omit it for an entity's own register. */
  entityOptions?: { value: string; label: string }[];
  /** The name of an entity, for the "Ente" column. */
  entityName?: (entityId: string) => string | undefined;
  /** Where an entity's name links to, e.g. its detail page in the intermediary console. */
  entityHref?: (entityId: string) => string;
}

/** "Registro attività": who did what, when, on which entity, with what outcome; filters kept in the URL. */
export function AuditLogPage({ scope, lead, entityOptions, entityName, entityHref }: AuditLogPageProps) {
  const [params, setParams] = useSearchParams();
  const withEntity = entityOptions !== undefined;
  const filters = readAuditFilters(params, withEntity);
  const query = useAuditEvents(scope, auditQueryOf(filters));
  const anyFilter = Object.values(filters).some(Boolean);

  const apply = (next: AuditFilters) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
    setParams(search);
  };

  return (
    <PageContainer title="Registro attività" lead={lead}>
      <AuditFilterForm
        // A new URL (back button, "Azzera filtri") starts the form again from it.
        key={params.toString()}
        initial={filters}
        entityOptions={entityOptions}
        entityScoped={scope.kind === 'entity'}
        canReset={anyFilter}
        onApply={apply}
      />
      <QueryState query={query} loadingLabel="Caricamento del registro attività…" skeletonRows={6}>
        {(data) => {
          const events = data.pages.flatMap((page) => page.items);
          if (events.length === 0) {
            return anyFilter ? (
              <EmptyState title="Nessun risultato per i filtri impostati.">
                <Button color="primary" outline onClick={() => setParams(new URLSearchParams())}>
                  Azzera filtri
                </Button>
              </EmptyState>
            ) : (
              <EmptyState title="Il registro è vuoto">
                {scope.kind === 'entity'
                  ? 'Qui compaiono le modifiche ai ruoli, alle chiavi API e ai dati dell’ente appena avvengono.'
                  : 'Qui compaiono gli accessi e le modifiche ai ruoli, alle chiavi API e ai dati appena avvengono.'}
              </EmptyState>
            );
          }
          return (
            <>
              <div className="table-responsive" aria-busy={query.isFetching}>
                <table className="table table-sm align-middle">
                  <caption className="visually-hidden">Attività registrate, dalla più recente</caption>
                  <thead>
                    <tr>
                      <th scope="col">Data e ora</th>
                      <th scope="col">Chi</th>
                      <th scope="col">Azione</th>
                      <th scope="col">Ente</th>
                      <th scope="col">Oggetto</th>
                      <th scope="col">Esito</th>
                      <th scope="col">IP</th>
                    </tr>
                  </thead>
                  <tbody>
                    {events.map((event) => (
                      <AuditRow
                        key={event.id}
                        event={event}
                        entityName={entityName}
                        entityHref={entityHref}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="small" aria-live="polite">
                {events.length === 1 ? '1 attività mostrata' : `${events.length} attività mostrate`}
                {query.hasNextPage ? ', altre disponibili.' : '.'}
              </p>
              {query.hasNextPage && (
                <Button
                  color="primary"
                  outline
                  disabled={query.isFetchingNextPage}
                  onClick={() => void query.fetchNextPage()}
                >
                  {query.isFetchingNextPage ? 'Caricamento…' : 'Mostra altri'}
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
    </PageContainer>
  );
}

function AuditRow({
  event,
  entityName,
  entityHref,
}: {
  event: AuditEvent;
  entityName?: (entityId: string) => string | undefined;
  entityHref?: (entityId: string) => string;
}) {
  const object = auditObjectLabel(event);
  const reason = typeof event.details['reason'] === 'string' ? event.details['reason'] : null;
  const name = event.entityId
    ? (entityName?.(event.entityId) ?? `Ente ${event.entityId.slice(0, 8)}…`)
    : null;
  return (
    <tr>
      <th scope="row" className="fw-normal text-nowrap">
        <time dateTime={event.at}>{formatTimestamp(event.at)}</time>
      </th>
      <td className="font-monospace">{auditActorLabel(event)}</td>
      <td>{auditActionLabel(event.action)}</td>
      <td>
        {event.entityId && name ? (
          entityHref ? (
            <Link to={entityHref(event.entityId)}>{name}</Link>
          ) : (
            name
          )
        ) : (
          '–'
        )}
      </td>
      <td>
        {object ? (
          <>
            {object.kind}
            {object.id && (
              <>
                {' '}
                <span className="font-monospace text-break">{object.id}</span>
              </>
            )}
          </>
        ) : (
          '–'
        )}
      </td>
      <td>
        <StatusChip label={AUDIT_OUTCOME_LABELS[event.outcome]} tone={AUDIT_OUTCOME_TONES[event.outcome]} />
        {reason && <div className="small">Motivo: {reason}</div>}
      </td>
      <td className="font-monospace">{event.ip ?? '–'}</td>
    </tr>
  );
}

function AuditFilterForm({
  initial,
  entityOptions,
  entityScoped,
  canReset,
  onApply,
}: {
  initial: AuditFilters;
  entityOptions?: { value: string; label: string }[];
  entityScoped: boolean;
  canReset: boolean;
  onApply: (filters: AuditFilters) => void;
}) {
  const [draft, setDraft] = useState<Record<keyof AuditFilters, string>>({
    dal: initial.dal ?? '',
    al: initial.al ?? '',
    chi: initial.chi ?? '',
    ente: initial.ente ?? '',
    azione: initial.azione ?? '',
    esito: initial.esito ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof AuditFilters, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const set = (key: keyof AuditFilters) => (value: string) => setDraft({ ...draft, [key]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chi = draft.chi.trim().toUpperCase();
    const found: typeof errors = {};
    if (chi && !FISCAL_CODE.test(chi)) found.chi = 'Inserisci un codice fiscale di 16 caratteri';
    if (draft.dal && !romeDayStart(draft.dal)) found.dal = 'Inserisci una data valida';
    if (draft.al && !romeDayStart(draft.al)) found.al = 'Inserisci una data valida';
    if (!found.dal && !found.al && draft.dal && draft.al && draft.al < draft.dal)
      found.al = 'La data finale non può precedere quella iniziale';
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`#filtro-${first}`)?.focus();
      return;
    }
    onApply({
      dal: draft.dal || undefined,
      al: draft.al || undefined,
      chi: chi || undefined,
      ente: draft.ente || undefined,
      azione: draft.azione || undefined,
      esito: (draft.esito || undefined) as AuditOutcome | undefined,
    });
  };

  const actions = AUDIT_ACTION_FILTERS.filter((option) => !entityScoped || option.entityScoped);
  return (
    <form
      ref={formRef}
      className="row g-3 align-items-start mb-3"
      role="search"
      aria-label="Filtri del registro attività"
      noValidate
      onSubmit={submit}
    >
      <TextField
        id="filtro-dal"
        className="col-12 col-sm-6 col-lg-2"
        label="Dal"
        type="date"
        value={draft.dal}
        error={errors.dal}
        onChange={set('dal')}
      />
      <TextField
        id="filtro-al"
        className="col-12 col-sm-6 col-lg-2"
        label="Al"
        type="date"
        value={draft.al}
        error={errors.al}
        onChange={set('al')}
      />
      <TextField
        id="filtro-chi"
        className="col-12 col-sm-6 col-lg-3"
        label="Codice fiscale di chi ha agito"
        value={draft.chi}
        error={errors.chi}
        maxLength={16}
        autoComplete="off"
        onChange={set('chi')}
      />
      {entityOptions && (
        <SelectField
          id="filtro-ente"
          className="col-12 col-sm-6 col-lg-5"
          label="Ente"
          value={draft.ente}
          placeholder="Tutti"
          options={entityOptions}
          onChange={set('ente')}
        />
      )}
      <SelectField
        id="filtro-azione"
        className="col-12 col-sm-6 col-lg-3"
        label="Tipo di azione"
        value={draft.azione}
        placeholder="Tutte"
        options={actions}
        onChange={set('azione')}
      />
      <SelectField
        id="filtro-esito"
        className="col-12 col-sm-6 col-lg-2"
        label="Esito"
        value={draft.esito}
        placeholder="Tutti"
        options={Object.entries(AUDIT_OUTCOME_LABELS).map(([value, label]) => ({ value, label }))}
        onChange={set('esito')}
      />
      <div className="col-12 col-lg-auto d-flex gap-2 align-self-end mb-3">
        <Button type="submit" color="primary">
          Cerca
        </Button>
        {canReset && (
          <Button type="button" color="primary" outline onClick={() => onApply({})}>
            Azzera filtri
          </Button>
        )}
      </div>
    </form>
  );
}
