import { positionsExportUrl, useDueTypes, usePositions } from '@pagamenti/api-client';
import { POSITION_STATUSES, type DebtPositionSummary, type DueType } from '@pagamenti/contracts';
import { formatNoticeNumber } from '@pagamenti/pagopa';
import {
  EmptyState,
  POSITION_STATUS_LABELS,
  POSITION_STATUS_TONES,
  PageContainer,
  QueryState,
  SelectField,
  StatusChip,
  TextField,
  debtorIdLabel,
  formatDate,
  formatEuro,
  parseEuroToCents,
} from '@pagamenti/ui';
import { Button } from 'design-react-kit';
import { type FormEvent, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useSearchParams } from 'react-router';
import { ActiveEntity } from '../features/entity/ActiveEntity';
import { PrintNotices } from '../features/notices/PrintNotices';
import { canWritePositions } from '../features/positions/access';
import {
  FILTER_KEYS,
  PAGE_SIZE,
  type PositionListFilters,
  apiFiltersOf,
  compact,
  readPositionFilters,
  writePositionFilters,
} from '../features/positions/list-filters';

type Draft = Record<(typeof FILTER_KEYS)[number], string>;

const ADVANCED_KEYS = FILTER_KEYS.filter((key) => key !== 'cerca' && key !== 'stato');

function draftOf(filters: PositionListFilters): Draft {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, filters[key] ?? ''])) as Draft;
}

function FilterForm({
  initial,
  dueTypes,
  canReset,
  onApply,
}: {
  initial: PositionListFilters;
  dueTypes: DueType[];
  canReset: boolean;
  onApply: (filters: PositionListFilters) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [errors, setErrors] = useState<Partial<Draft>>({});
  // On small screens the filters beyond search and state fold away, unless one of them is in use.
  const [showMore, setShowMore] = useState(() => ADVANCED_KEYS.some((key) => !!initial[key]));
  const formRef = useRef<HTMLFormElement>(null);
  const set = (key: keyof Draft) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Draft> = {};
    for (const key of ['importoMin', 'importoMax'] as const) {
      const cents = parseEuroToCents(draft[key]);
      if (cents !== null && Number.isNaN(cents)) found[key] = 'Importo non valido, es. 120,50';
    }
    const min = parseEuroToCents(draft.importoMin);
    const max = parseEuroToCents(draft.importoMax);
    if (!found.importoMax && min !== null && max !== null && max < min)
      found.importoMax = 'Deve essere almeno pari all’importo minimo';
    if (draft.scadenzaDal && draft.scadenzaAl && draft.scadenzaAl < draft.scadenzaDal)
      found.scadenzaAl = 'La data finale non può precedere quella iniziale';
    if (draft.creataDal && draft.creataAl && draft.creataAl < draft.creataDal)
      found.creataAl = 'La data finale non può precedere quella iniziale';
    // Shown at once, so that focus can move into the first field in error.
    flushSync(() => {
      setErrors(found);
      if (ADVANCED_KEYS.some((key) => found[key])) setShowMore(true);
    });
    const first = FILTER_KEYS.find((key) => found[key]);
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`#filtro-${first}`)?.focus();
      return;
    }
    onApply(
      Object.fromEntries(
        FILTER_KEYS.map((key) => [key, draft[key].trim() || undefined]),
      ) as PositionListFilters,
    );
  };

  return (
    <form
      ref={formRef}
      role="search"
      aria-label="Cerca e filtra le posizioni debitorie"
      className="mb-4"
      noValidate
      onSubmit={submit}
    >
      <div className="row g-3 align-items-start">
        <TextField
          id="filtro-cerca"
          className="col-12 col-lg-8"
          label="Cerca"
          value={draft.cerca}
          onChange={set('cerca')}
          autoComplete="off"
          maxLength={70}
          hint="Codice avviso (numero avviso, anche con gli spazi), IUV, IUPD oppure codice fiscale o partita IVA del debitore."
        />
        <SelectField
          id="filtro-stato"
          className="col-12 col-sm-6 col-lg-4"
          label="Stato"
          value={draft.stato}
          placeholder="Tutti"
          options={POSITION_STATUSES.map((status) => ({
            value: status,
            label: POSITION_STATUS_LABELS[status],
          }))}
          onChange={set('stato')}
        />
      </div>
      <Button
        type="button"
        color="primary"
        outline
        size="sm"
        className="d-lg-none mb-3"
        aria-expanded={showMore}
        aria-controls="altri-filtri"
        onClick={() => setShowMore(!showMore)}
      >
        {showMore ? 'Nascondi gli altri filtri' : 'Altri filtri'}
      </Button>
      <div id="altri-filtri" className={`row g-3 align-items-start${showMore ? '' : ' d-none d-lg-flex'}`}>
        <SelectField
          id="filtro-tipo"
          className="col-12 col-sm-6 col-lg-4"
          label="Tipo dovuto"
          value={draft.tipo}
          placeholder="Tutti"
          options={dueTypes.map((dueType) => ({ value: dueType.code, label: dueType.name }))}
          onChange={set('tipo')}
        />
        <TextField
          id="filtro-debitore"
          className="col-12 col-sm-6 col-lg-4"
          label="Debitore"
          value={draft.debitore}
          onChange={set('debitore')}
          autoComplete="off"
          maxLength={70}
          hint="Codice fiscale, partita IVA o inizio del nome"
        />
        <TextField
          id="filtro-importoMin"
          className="col-6 col-lg-2"
          label="Importo da (€)"
          inputMode="decimal"
          value={draft.importoMin}
          error={errors.importoMin}
          onChange={set('importoMin')}
        />
        <TextField
          id="filtro-importoMax"
          className="col-6 col-lg-2"
          label="Importo fino a (€)"
          inputMode="decimal"
          value={draft.importoMax}
          error={errors.importoMax}
          onChange={set('importoMax')}
        />
        <TextField
          id="filtro-scadenzaDal"
          className="col-6 col-lg-3"
          label="Scadenza dal"
          type="date"
          value={draft.scadenzaDal}
          onChange={set('scadenzaDal')}
        />
        <TextField
          id="filtro-scadenzaAl"
          className="col-6 col-lg-3"
          label="Scadenza al"
          type="date"
          value={draft.scadenzaAl}
          error={errors.scadenzaAl}
          onChange={set('scadenzaAl')}
        />
        <TextField
          id="filtro-creataDal"
          className="col-6 col-lg-3"
          label="Creata dal"
          type="date"
          value={draft.creataDal}
          onChange={set('creataDal')}
        />
        <TextField
          id="filtro-creataAl"
          className="col-6 col-lg-3"
          label="Creata al"
          type="date"
          value={draft.creataAl}
          error={errors.creataAl}
          onChange={set('creataAl')}
        />
      </div>
      <div className="d-flex flex-wrap gap-2">
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

function PositionRow({ position }: { position: DebtPositionSummary }) {
  return (
    <tr>
      <th scope="row" className="fw-normal text-nowrap">
        <Link to={`/posizioni/${encodeURIComponent(position.iupd)}`} className="font-monospace">
          {formatNoticeNumber(position.noticeNumber)}
        </Link>
      </th>
      <td>
        {position.debtorName}
        <span className="d-block small font-monospace">
          {debtorIdLabel({ idValue: position.debtorIdValue })}
        </span>
      </td>
      <td>{position.description}</td>
      <td className="text-end text-nowrap">{formatEuro(position.amountCents)}</td>
      <td className="text-nowrap">{formatDate(position.dueDate)}</td>
      <td>
        <StatusChip
          label={POSITION_STATUS_LABELS[position.status]}
          tone={POSITION_STATUS_TONES[position.status]}
        />
      </td>
      <td className="text-end">{position.installments > 0 ? position.installments : '–'}</td>
    </tr>
  );
}

function ExportLinks({ entityId, filters }: { entityId: string; filters: PositionListFilters }) {
  const apiFilters = compact(apiFiltersOf(filters));
  return (
    <div className="d-flex flex-wrap gap-2 align-items-center">
      <span className="small">Esporta l’elenco filtrato:</span>
      <a
        className="btn btn-outline-primary btn-sm"
        href={positionsExportUrl(entityId, 'csv', apiFilters)}
        download
      >
        CSV
      </a>
      <a
        className="btn btn-outline-primary btn-sm"
        href={positionsExportUrl(entityId, 'xlsx', apiFilters)}
        download
      >
        Excel (XLSX)
      </a>
    </div>
  );
}

function Positions({ entityId, canWrite }: { entityId: string; canWrite: boolean }) {
  const [params, setParams] = useSearchParams();
  const filters = readPositionFilters(params);
  const anyFilter = Object.values(filters).some(Boolean);
  const dueTypes = useDueTypes(entityId);
  const query = usePositions(entityId, { ...compact(apiFiltersOf(filters)), limit: PAGE_SIZE });
  const apply = (next: PositionListFilters) => setParams(writePositionFilters(next));

  return (
    <>
      <div className="d-flex flex-wrap gap-3 justify-content-between align-items-center mb-4">
        {canWrite ? (
          <div className="d-flex flex-wrap gap-2">
            <Link to="/posizioni/nuova" className="btn btn-primary">
              Nuova posizione
            </Link>
            <Link to="/carica-posizioni" className="btn btn-outline-primary">
              Carica da file
            </Link>
          </div>
        ) : (
          <p className="small mb-0">Consultazione: le modifiche sono riservate agli operatori dell’ente.</p>
        )}
        <div className="d-flex flex-wrap gap-3 align-items-start">
          <ExportLinks entityId={entityId} filters={filters} />
          <PrintNotices entityId={entityId} selection={{ filters: compact(apiFiltersOf(filters)) }} />
        </div>
      </div>
      <FilterForm
        // A new URL (Back, "Azzera filtri") starts the form again from it.
        key={params.toString()}
        initial={filters}
        dueTypes={dueTypes.data ?? []}
        canReset={anyFilter}
        onApply={apply}
      />
      <QueryState query={query} loadingLabel="Caricamento delle posizioni…" skeletonRows={8}>
        {(data) => {
          const positions = data.pages.flatMap((page) => page.items);
          if (positions.length === 0) {
            return anyFilter ? (
              <EmptyState title="Nessun risultato per i filtri impostati.">
                <p className="mb-2">Controlla il codice inserito o allarga i filtri.</p>
                <Button color="primary" outline onClick={() => apply({})}>
                  Azzera filtri
                </Button>
              </EmptyState>
            ) : (
              <EmptyState title="Non ci sono ancora posizioni debitorie">
                {canWrite
                  ? 'Crea la prima con “Nuova posizione”, oppure inviale dal gestionale dell’ente con le API.'
                  : 'Qui compaiono le posizioni create dagli operatori dell’ente o inviate dal suo gestionale.'}
              </EmptyState>
            );
          }
          return (
            <>
              <div className="table-responsive" aria-busy={query.isFetching}>
                <table className="table align-middle">
                  <caption className="visually-hidden">Posizioni debitorie, dalla più recente</caption>
                  <thead>
                    <tr>
                      <th scope="col">Codice avviso</th>
                      <th scope="col">Debitore</th>
                      <th scope="col">Oggetto del pagamento</th>
                      <th scope="col" className="text-end">
                        Importo
                      </th>
                      <th scope="col">Scadenza</th>
                      <th scope="col">Stato</th>
                      <th scope="col" className="text-end">
                        Rate
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {positions.map((position) => (
                      <PositionRow key={position.id} position={position} />
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="small" aria-live="polite">
                {positions.length === 1 ? '1 posizione mostrata' : `${positions.length} posizioni mostrate`}
                {query.hasNextPage ? ', altre disponibili.' : '.'}
              </p>
              {query.hasNextPage && (
                <Button
                  color="primary"
                  outline
                  disabled={query.isFetchingNextPage}
                  onClick={() => void query.fetchNextPage()}
                >
                  {query.isFetchingNextPage ? 'Caricamento…' : 'Carica altri'}
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

export function PositionsPage() {
  return (
    <PageContainer
      title="Posizioni debitorie"
      lead="Quanto devono i cittadini e le imprese all’ente: ogni posizione ha uno o più avvisi pagabili su pagoPA."
    >
      <ActiveEntity>
        {(entity) => (
          <Positions
            key={entity.entityId}
            entityId={entity.entityId}
            canWrite={canWritePositions(entity.role)}
          />
        )}
      </ActiveEntity>
    </PageContainer>
  );
}
