import { useSpontaneousServices } from '@pagamenti/api-client';
import { EmptyState, PageContainer, QueryState } from '@pagamenti/ui';
import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { amountRule } from '../features/spontaneous/amount-rule';
import { useT } from '../i18n/i18n';

/** "Pagamenti spontanei": every entity's services open to citizens, searchable; the search is kept in the URL. */
export function SpontaneousCatalogPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const services = useSpontaneousServices(q ? { q } : {});

  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };

  return (
    <PageContainer title={t('spontaneous.title')} lead={t('spontaneous.lead')}>
      <form role="search" onSubmit={search} className="mb-4" style={{ maxWidth: 640 }}>
        <label htmlFor="cerca-servizi" className="form-label fw-semibold">
          {t('spontaneous.search')}
        </label>
        <div className="d-flex flex-wrap gap-2">
          <input
            id="cerca-servizi"
            type="search"
            className="form-control flex-grow-1 w-auto"
            value={text}
            aria-describedby="cerca-servizi-hint"
            onChange={(event) => setText(event.target.value)}
          />
          <Button color="primary" type="submit">
            {t('spontaneous.searchButton')}
          </Button>
          {q && (
            <Button
              color="primary"
              outline
              type="button"
              onClick={() => {
                setText('');
                setParams({});
              }}
            >
              {t('spontaneous.clear')}
            </Button>
          )}
        </div>
        <small id="cerca-servizi-hint" className="form-text">
          {t('spontaneous.searchHint')}
        </small>
      </form>
      <section aria-busy={services.isFetching} aria-labelledby="servizi-trovati">
        <QueryState query={services} loadingLabel={t('spontaneous.loading')} skeletonRows={4}>
          {(list) => (
            <>
              <h2 id="servizi-trovati" className="h5" aria-live="polite">
                {t('spontaneous.results', { count: list.length })}
              </h2>
              {list.length === 0 ? (
                <EmptyState title={q ? t('spontaneous.none') : t('spontaneous.empty')} />
              ) : (
                <ul className="list-unstyled row g-3">
                  {list.map((service) => (
                    <li key={service.dueTypeId} className="col-12 col-md-6 col-xl-4 d-flex">
                      <div className="card card-bg shadow-sm rounded w-100">
                        <div className="card-body">
                          <p className="small text-uppercase fw-semibold mb-1">{service.entityName}</p>
                          <h3 className="h5">{service.name}</h3>
                          {service.description && <p className="mb-2">{service.description}</p>}
                          <p className="mb-3">{amountRule(service, t)}</p>
                          <Link
                            className="btn btn-primary btn-sm"
                            to={`/pagamenti-spontanei/${service.dueTypeId}`}
                            aria-label={t('spontaneous.openLabel', {
                              service: service.name,
                              entity: service.entityName,
                            })}
                          >
                            {t('spontaneous.open')}
                          </Link>
                        </div>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </QueryState>
      </section>
    </PageContainer>
  );
}
