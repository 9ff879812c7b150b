import { useAdminEntities, useEntityPipeline } from '@pagamenti/api-client';
import { type EntityCategory, ONBOARDING_STAGES, type OnboardingStage } from '@pagamenti/contracts';
import {
  ENTITY_CATEGORY_LABELS,
  EmptyState,
  ONBOARDING_STAGE_LABELS,
  OnboardingStageChip,
  PageContainer,
  QueryState,
  SelectField,
  TextField,
} from '@pagamenti/ui';
import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CATEGORY_OPTIONS, PROVINCES, STAGE_OPTIONS } from '../features/entities/options';

function readFilters(params: URLSearchParams) {
  const stage = params.get('fase') ?? '';
  const category = params.get('categoria') ?? '';
  return {
    stage: (ONBOARDING_STAGES as readonly string[]).includes(stage) ? (stage as OnboardingStage) : undefined,
    province: /^[A-Z]{2}$/.test(params.get('provincia') ?? '')
      ? (params.get('provincia') ?? undefined)
      : undefined,
    category: category in ENTITY_CATEGORY_LABELS ? (category as EntityCategory) : undefined,
    q: params.get('q')?.trim() || undefined,
  };
}

/** Counts per stage for the current province/category; each tile filters the list by its stage. */
function Pipeline({
  scope,
  active,
  onPick,
}: {
  scope: { province?: string; category?: EntityCategory };
  active?: OnboardingStage;
  onPick: (stage?: OnboardingStage) => void;
}) {
  const query = useEntityPipeline(scope);
  return (
    <section aria-labelledby="pipeline-titolo" className="mb-4">
      <h2 id="pipeline-titolo" className="h4">
        Enti per fase
      </h2>
      <QueryState query={query} loadingLabel="Caricamento dei conteggi per fase…" skeletonRows={1}>
        {(pipeline) => (
          <ul className="list-unstyled d-flex flex-wrap gap-2 mb-0" aria-label="Filtra per fase">
            <li>
              <Button
                color={active ? 'primary' : 'primary'}
                outline={!!active}
                size="sm"
                aria-pressed={!active}
                onClick={() => onPick(undefined)}
              >
                Tutte <span className="badge bg-white text-primary ms-1">{pipeline.total}</span>
              </Button>
            </li>
            {ONBOARDING_STAGES.map((stage) => (
              <li key={stage}>
                <Button
                  color="primary"
                  outline={active !== stage}
                  size="sm"
                  aria-pressed={active === stage}
                  onClick={() => onPick(stage)}
                >
                  {ONBOARDING_STAGE_LABELS[stage]}{' '}
                  <span
                    className={`badge ms-1 ${active === stage ? 'bg-white text-primary' : 'bg-primary text-white'}`}
                  >
                    {pipeline.byStage[stage]}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

export function EntitiesPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const [text, setText] = useState(filters.q ?? '');
  const query = useAdminEntities({ ...filters, limit: 50 });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() || undefined });
  };
  const anyFilter = Object.values(filters).some(Boolean);

  return (
    <PageContainer
      title="Enti"
      lead="Gli enti creditori collegati e il loro avanzamento verso l’esercizio su pagoPA."
    >
      <p>
        <Link to="/enti/nuovo" className="btn btn-primary">
          Registra un ente
        </Link>
      </p>
      <Pipeline
        scope={{ province: filters.province, category: filters.category }}
        active={filters.stage}
        onPick={(stage) => update({ fase: stage })}
      />

      <form
        className="row g-3 align-items-end mb-3"
        role="search"
        aria-label="Filtri degli enti"
        onSubmit={submitSearch}
      >
        <SelectField
          id="filtro-provincia"
          className="col-12 col-md-3"
          label="Provincia"
          value={filters.province ?? ''}
          placeholder="Tutte"
          options={PROVINCES}
          onChange={(value) => update({ provincia: value })}
        />
        <SelectField
          id="filtro-categoria"
          className="col-12 col-md-3"
          label="Categoria"
          value={filters.category ?? ''}
          placeholder="Tutte"
          options={CATEGORY_OPTIONS}
          onChange={(value) => update({ categoria: value })}
        />
        <SelectField
          id="filtro-fase"
          className="col-12 col-md-2"
          label="Fase"
          value={filters.stage ?? ''}
          placeholder="Tutte"
          options={STAGE_OPTIONS}
          onChange={(value) => update({ fase: value })}
        />
        <TextField
          id="filtro-testo"
          className="col-12 col-md-3"
          label="Nome o codice fiscale"
          value={text}
          onChange={setText}
        />
        <div className="col-12 col-md-1 mb-3">
          <Button type="submit" color="primary" outline>
            Cerca
          </Button>
        </div>
      </form>

      <QueryState query={query} loadingLabel="Caricamento degli enti…" skeletonRows={6}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) {
            return anyFilter ? (
              <EmptyState title="Nessun risultato per i filtri impostati.">
                <Button
                  color="primary"
                  outline
                  onClick={() => {
                    setText('');
                    setParams(new URLSearchParams());
                  }}
                >
                  Azzera filtri
                </Button>
              </EmptyState>
            ) : (
              <EmptyState title="Nessun ente registrato">
                Registra il primo ente con il pulsante in alto.
              </EmptyState>
            );
          }
          return (
            <>
              <div className="table-responsive">
                <table className="table table-hover align-middle">
                  <caption className="visually-hidden">Elenco degli enti</caption>
                  <thead>
                    <tr>
                      <th scope="col">Ente</th>
                      <th scope="col">Codice fiscale</th>
                      <th scope="col">Provincia</th>
                      <th scope="col">Categoria</th>
                      <th scope="col">Stazione</th>
                      <th scope="col">Fase</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((entity) => (
                      <tr key={entity.id}>
                        <th scope="row" className="fw-normal">
                          <Link to={`/enti/${entity.id}`}>{entity.name}</Link>
                        </th>
                        <td className="font-monospace">{entity.fiscalCode}</td>
                        <td>{entity.province}</td>
                        <td>{ENTITY_CATEGORY_LABELS[entity.category]}</td>
                        <td className="font-monospace">{entity.stationCode ?? '–'}</td>
                        <td>
                          <OnboardingStageChip stage={entity.onboardingStage} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {query.hasNextPage && (
                <Button
                  color="primary"
                  outline
                  disabled={query.isFetchingNextPage}
                  onClick={() => void query.fetchNextPage()}
                >
                  {query.isFetchingNextPage ? 'Caricamento…' : 'Mostra altri enti'}
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
    </PageContainer>
  );
}
