import {
  useDueTypes,
  useEntityAccounts,
  useEntityHistory,
  useUpdateServiceActivation,
} from '@pagamenti/api-client';
import { type EntityDetail, SERVICE_STATUSES, type ServiceStatus } from '@pagamenti/contracts';
import {
  ACCOUNT_KIND_LABELS,
  ENTITY_SERVICE_LABELS,
  EmptyState,
  NOTICE_LANGUAGE_LABELS,
  ONBOARDING_STAGE_LABELS,
  QueryState,
  SERVICE_STATUS_LABELS,
  SERVICE_STATUS_TONES,
  StatusChip,
  formatDate,
  formatDateTime,
  formatIban,
  ActiveChip,
  formatDueTypeAmount,
} from '@pagamenti/ui';
import { Alert } from 'design-react-kit';
import type { ReactNode } from 'react';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="row py-1 border-bottom">
      <dt className="col-12 col-md-4">{term}</dt>
      <dd className="col-12 col-md-8 mb-0">{children ?? '–'}</dd>
    </div>
  );
}

export function ConfigurationSection({ entity }: { entity: EntityDetail }) {
  return (
    <div className="row g-4 mb-5">
      <section className="col-12 col-lg-6" aria-labelledby="anagrafica-titolo">
        <h2 id="anagrafica-titolo" className="h4">
          Dati anagrafici e contatti
        </h2>
        <dl>
          <Row term="Codice fiscale">
            <span className="font-monospace">{entity.fiscalCode}</span>
          </Row>
          <Row term="Codice IPA">{entity.ipaCode}</Row>
          <Row term="Provincia">{entity.province}</Row>
          <Row term="Referente">{entity.referentName}</Row>
          <Row term="Email ente">{entity.email}</Row>
          <Row term="PEC">{entity.pec}</Row>
          <Row term="Telefono">{entity.phone}</Row>
        </dl>
      </section>
      <section className="col-12 col-lg-6" aria-labelledby="pagopa-titolo">
        <h2 id="pagopa-titolo" className="h4">
          Configurazione pagoPA
        </h2>
        <dl>
          <Row term="Stazione">
            {entity.station ? (
              <span className="font-monospace">
                {entity.station.stationCode} (V{entity.station.primitiveVersion}
                {entity.station.enabled ? '' : ', disabilitata'})
              </span>
            ) : null}
          </Row>
          <Row term="Aux digit">{entity.auxDigit}</Row>
          <Row term="Codice segregazione">{entity.segregationCode}</Row>
          <Row term="Codice CBILL">{entity.cbillCode}</Row>
          <Row term="Lingua aggiuntiva degli avvisi">
            {entity.noticeLanguages.length
              ? entity.noticeLanguages.map((code) => NOTICE_LANGUAGE_LABELS[code]).join(', ')
              : 'Nessuna'}
          </Row>
        </dl>
      </section>
    </div>
  );
}

export function ServicesSection({ entity }: { entity: EntityDetail }) {
  const update = useUpdateServiceActivation(entity.id);
  return (
    <section aria-labelledby="servizi-titolo" className="mb-5">
      <h2 id="servizi-titolo" className="h3">
        Servizi
      </h2>
      {update.error && <Alert color="danger">{(update.error as Error).message}</Alert>}
      <table className="table align-middle">
        <caption className="visually-hidden">Stato di attivazione dei servizi</caption>
        <thead>
          <tr>
            <th scope="col">Servizio</th>
            <th scope="col">Stato</th>
            <th scope="col">Aggiornato</th>
            <th scope="col">Cambia stato</th>
          </tr>
        </thead>
        <tbody>
          {entity.services.map((service) => (
            <tr key={service.service}>
              <th scope="row" className="fw-normal">
                {ENTITY_SERVICE_LABELS[service.service]}
              </th>
              <td>
                <StatusChip
                  label={SERVICE_STATUS_LABELS[service.status]}
                  tone={SERVICE_STATUS_TONES[service.status]}
                />
              </td>
              <td>
                {service.updatedAt
                  ? `${formatDateTime(service.updatedAt)}${service.updatedBy ? `, ${service.updatedBy}` : ''}`
                  : '–'}
              </td>
              <td>
                <label className="visually-hidden" htmlFor={`servizio-${service.service}`}>
                  Nuovo stato di {ENTITY_SERVICE_LABELS[service.service]}
                </label>
                <select
                  id={`servizio-${service.service}`}
                  className="form-select form-select-sm"
                  value={service.status}
                  disabled={update.isPending}
                  onChange={(event) =>
                    update.mutate({ service: service.service, status: event.target.value as ServiceStatus })
                  }
                >
                  {SERVICE_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {SERVICE_STATUS_LABELS[status]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function AccountsSection({ entityId }: { entityId: string }) {
  const query = useEntityAccounts(entityId);
  return (
    <section aria-labelledby="conti-titolo" className="mb-5">
      <h2 id="conti-titolo" className="h3">
        Conti di accredito
      </h2>
      <QueryState query={query} loadingLabel="Caricamento dei conti…">
        {(accounts) =>
          accounts.length === 0 ? (
            <EmptyState title="Nessun conto registrato">
              L’ente registra i suoi IBAN dal back office, pagina “Conti di accredito”.
            </EmptyState>
          ) : (
            <table className="table">
              <caption className="visually-hidden">Conti di accredito dell’ente</caption>
              <thead>
                <tr>
                  <th scope="col">IBAN</th>
                  <th scope="col">Tipo</th>
                  <th scope="col">Uso</th>
                  <th scope="col">Dal</th>
                  <th scope="col">Stato</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((account) => (
                  <tr key={account.id}>
                    <td className="font-monospace text-nowrap">{formatIban(account.iban)}</td>
                    <td>{ACCOUNT_KIND_LABELS[account.kind]}</td>
                    <td>{account.description}</td>
                    <td>{formatDate(account.validFrom)}</td>
                    <td>
                      <ActiveChip active={account.active} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}

export function CatalogueSection({ entityId }: { entityId: string }) {
  const query = useDueTypes(entityId);
  return (
    <section aria-labelledby="catalogo-titolo" className="mb-5">
      <h2 id="catalogo-titolo" className="h3">
        Catalogo dovuti
      </h2>
      <QueryState query={query} loadingLabel="Caricamento del catalogo…">
        {(dueTypes) =>
          dueTypes.length === 0 ? (
            <EmptyState title="Catalogo vuoto">
              L’ente aggiunge i tipi dovuto dal back office, anche partendo dai modelli.
            </EmptyState>
          ) : (
            <table className="table">
              <caption className="visually-hidden">Tipi dovuto dell’ente</caption>
              <thead>
                <tr>
                  <th scope="col">Codice</th>
                  <th scope="col">Descrizione</th>
                  <th scope="col">Tassonomia</th>
                  <th scope="col">Importo</th>
                  <th scope="col">Spontaneo</th>
                  <th scope="col">Stato</th>
                </tr>
              </thead>
              <tbody>
                {dueTypes.map((dueType) => (
                  <tr key={dueType.id}>
                    <td className="font-monospace">{dueType.code}</td>
                    <td>{dueType.name}</td>
                    <td className="font-monospace">{dueType.taxonomyCode}</td>
                    <td>{formatDueTypeAmount(dueType)}</td>
                    <td>{dueType.spontaneous ? 'Sì' : 'No'}</td>
                    <td>
                      <ActiveChip active={dueType.active} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}

export function HistorySection({ entityId }: { entityId: string }) {
  const query = useEntityHistory(entityId);
  return (
    <section aria-labelledby="storico-titolo" className="mb-5">
      <h2 id="storico-titolo" className="h3">
        Storico delle fasi
      </h2>
      <QueryState query={query} loadingLabel="Caricamento dello storico…">
        {(history) => (
          <ol className="list-unstyled" aria-label="Passaggi di fase, dal più recente">
            {history.map((step) => (
              <li key={step.id} className="border-start border-3 border-primary ps-3 pb-3">
                <p className="fw-semibold mb-1">
                  {step.fromStage ? `${ONBOARDING_STAGE_LABELS[step.fromStage]} → ` : 'Registrazione: '}
                  {ONBOARDING_STAGE_LABELS[step.toStage]}
                </p>
                <p className="small mb-1">
                  {formatDateTime(step.occurredAt)} · {step.actor}
                </p>
                {step.note && <p className="mb-0">{step.note}</p>}
              </li>
            ))}
          </ol>
        )}
      </QueryState>
    </section>
  );
}
