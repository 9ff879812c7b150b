import { ApiError, isApiError, useApiKeys, useCreateApiKey, useRevokeApiKey } from '@pagamenti/api-client';
import { API_KEY_SCOPES, type ApiKeyScope, type CreatedApiKey } from '@pagamenti/contracts';
import {
  API_KEY_SCOPE_DESCRIPTIONS,
  API_KEY_SCOPE_LABELS,
  EmptyState,
  PageContainer,
  QueryState,
  RequiredFieldsNote,
  StatusChip,
  TextField,
  fieldErrorsOf,
  formatDate,
  formatDateTime,
} from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ActiveEntity, AdminOnly } from '../features/entity/ActiveEntity';

const ADMIN_ONLY_TEXT =
  'Solo gli amministratori dell’ente creano e revocano le chiavi API con cui i gestionali dell’ente usano la piattaforma.';

/** The secret, shown once: copy button, warning, and "done" which forgets it. */
function CreatedKeyNotice({ created, onClose }: { created: CreatedApiKey; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copy, setCopy] = useState<'idle' | 'done' | 'failed'>('idle');
  useEffect(() => heading.current?.focus(), []);

  const copyKey = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopy('done');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <section
      aria-labelledby="chiave-creata-titolo"
      className="alert alert-warning my-4"
      data-testid="created-key"
    >
      <h2 id="chiave-creata-titolo" className="h4" tabIndex={-1} ref={heading}>
        Chiave “{created.name}” creata: copiala ora
      </h2>
      <p className="fw-semibold">
        Questa è l’unica volta in cui la chiave viene mostrata: non sarà più visibile dopo che chiudi questo
        avviso o lasci la pagina.
      </p>
      <p>
        Conservala in un luogo sicuro, per esempio nella configurazione del gestionale. La piattaforma non la
        conserva in chiaro: se la perdi, revocala e creane una nuova.
      </p>
      <label htmlFor="chiave-creata" className="form-label fw-semibold">
        Chiave API
      </label>
      <input
        id="chiave-creata"
        className="form-control font-monospace mb-3"
        readOnly
        value={created.key}
        onFocus={(event) => event.target.select()}
      />
      <div className="d-flex flex-wrap gap-2 align-items-center">
        <Button color="primary" onClick={() => void copyKey()}>
          Copia la chiave
        </Button>
        <Button color="primary" outline onClick={onClose}>
          Ho conservato la chiave, chiudi
        </Button>
        <span aria-live="polite">
          {copy === 'done' && 'Chiave copiata negli appunti.'}
          {copy === 'failed' && 'Copia non riuscita: seleziona la chiave e copiala a mano.'}
        </span>
      </div>
    </section>
  );
}

function CreateKeyForm({ entityId }: { entityId: string }) {
  const create = useCreateApiKey(entityId);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const apiErrors = fieldErrorsOf(create.error);
  const errors: Record<string, string | undefined> = {
    name: clientErrors['name'] ?? apiErrors['name'],
    scopes:
      clientErrors['scopes'] ?? Object.entries(apiErrors).find(([field]) => field.startsWith('scopes'))?.[1],
  };
  const generalError =
    create.error instanceof ApiError && !Object.keys(apiErrors).length ? create.error : null;

  const toggle = (scope: ApiKeyScope, checked: boolean) =>
    setScopes((current) =>
      checked
        ? API_KEY_SCOPES.filter((s) => s === scope || current.includes(s))
        : current.filter((s) => s !== scope),
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const trimmed = name.trim();
    if (trimmed.length < 3) found['name'] = 'Dai alla chiave un nome di almeno 3 caratteri';
    if (scopes.length === 0) found['scopes'] = 'Scegli almeno un permesso';
    setClientErrors(found);
    if (found['name']) {
      document.getElementById('name')?.focus();
      return;
    }
    if (found['scopes']) {
      document.getElementById(`scope-${API_KEY_SCOPES[0]}`)?.focus();
      return;
    }
    create.mutate(
      { name: trimmed, scopes },
      {
        onSuccess: () => {
          setName('');
          setScopes([]);
        },
      },
    );
  };

  return (
    <>
      {create.data && (
        <CreatedKeyNotice
          key={create.data.id}
          created={create.data}
          onClose={() => {
            create.reset();
            // The notice goes away with the secret: focus goes back to the list, where the new key now is.
            document.getElementById('chiavi-titolo')?.focus();
          }}
        />
      )}
      <section aria-labelledby="nuova-chiave-titolo" className="mt-5">
        <h2 id="nuova-chiave-titolo" className="h4">
          Crea una chiave
        </h2>
        <p>Una chiave per ogni gestionale, con i soli permessi che gli servono.</p>
        <form onSubmit={submit} noValidate>
          <RequiredFieldsNote />
          <div className="row">
            <TextField
              id="name"
              className="col-12 col-md-8 col-lg-6"
              label="Nome della chiave"
              required
              maxLength={100}
              autoComplete="off"
              value={name}
              onChange={setName}
              error={errors.name}
              hint="Per riconoscerla nell’elenco, es. Gestionale tributi"
            />
          </div>
          <fieldset className="mb-3" aria-describedby={errors.scopes ? 'scopes-error' : undefined}>
            <legend className="form-label fw-semibold fs-6">
              Permessi<span aria-hidden="true"> *</span>
            </legend>
            {API_KEY_SCOPES.map((scope) => (
              <div className="form-check mb-2" key={scope}>
                <input
                  id={`scope-${scope}`}
                  type="checkbox"
                  className="form-check-input"
                  checked={scopes.includes(scope)}
                  aria-describedby={`scope-${scope}-hint`}
                  aria-invalid={errors.scopes ? true : undefined}
                  onChange={(event) => toggle(scope, event.target.checked)}
                />
                <label htmlFor={`scope-${scope}`} className="form-check-label">
                  {API_KEY_SCOPE_LABELS[scope]} <span className="font-monospace small">({scope})</span>
                </label>
                <small id={`scope-${scope}-hint`} className="form-text d-block">
                  {API_KEY_SCOPE_DESCRIPTIONS[scope]}
                </small>
              </div>
            ))}
            {errors.scopes && (
              <div id="scopes-error" className="invalid-feedback d-block" role="alert">
                {errors.scopes}
              </div>
            )}
          </fieldset>
          <div aria-live="polite">{generalError && <Alert color="danger">{generalError.message}</Alert>}</div>
          <Button type="submit" color="primary" disabled={create.isPending}>
            Crea la chiave
          </Button>
        </form>
      </section>
    </>
  );
}

function KeyList({ entityId }: { entityId: string }) {
  const query = useApiKeys(entityId);
  const revoke = useRevokeApiKey(entityId);
  const [outcome, setOutcome] = useState<{ message: string; error: boolean } | null>(null);
  if (isApiError(query.error) && query.error.status === 403) return <AdminOnly>{ADMIN_ONLY_TEXT}</AdminOnly>;
  return (
    <section aria-labelledby="chiavi-titolo">
      <h2 id="chiavi-titolo" className="h4" tabIndex={-1}>
        Chiavi dell’ente
      </h2>
      <div aria-live="polite">
        {outcome && (
          <Alert color={outcome.error ? 'danger' : 'success'} fade={false}>
            {outcome.message}
          </Alert>
        )}
      </div>
      <QueryState query={query} loadingLabel="Caricamento delle chiavi…" skeletonRows={3}>
        {(keys) =>
          keys.length === 0 ? (
            <EmptyState title="Nessuna chiave API">
              Crea una chiave per collegare un gestionale dell’ente alle API della piattaforma.
            </EmptyState>
          ) : (
            <div className="table-responsive">
              <table className="table align-middle">
                <caption className="visually-hidden">Chiavi API dell’ente</caption>
                <thead>
                  <tr>
                    <th scope="col">Nome</th>
                    <th scope="col">Inizio della chiave</th>
                    <th scope="col">Permessi</th>
                    <th scope="col">Creata</th>
                    <th scope="col">Ultimo uso</th>
                    <th scope="col">Stato</th>
                    <th scope="col">
                      <span className="visually-hidden">Azioni</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {keys.map((key) => (
                    <tr key={key.id}>
                      <th scope="row" className="fw-normal">
                        {key.name}
                      </th>
                      <td className="font-monospace">{key.prefix}…</td>
                      <td>
                        <ul className="list-unstyled mb-0">
                          {key.scopes.map((scope) => (
                            <li key={scope}>{API_KEY_SCOPE_LABELS[scope] ?? scope}</li>
                          ))}
                        </ul>
                      </td>
                      <td>{formatDateTime(key.createdAt)}</td>
                      <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Mai usata'}</td>
                      <td>
                        <StatusChip
                          label={key.revokedAt ? `Revocata il ${formatDate(key.revokedAt)}` : 'Attiva'}
                          tone={key.revokedAt ? 'neutral' : 'success'}
                        />
                      </td>
                      <td>
                        {!key.revokedAt && (
                          <Button
                            color="danger"
                            outline
                            size="xs"
                            disabled={revoke.isPending}
                            onClick={() => {
                              if (
                                !window.confirm(
                                  `Revocare la chiave “${key.name}”? I gestionali che la usano smetteranno subito di funzionare. La revoca non si può annullare.`,
                                )
                              )
                                return;
                              revoke.mutate(key.id, {
                                onSuccess: () =>
                                  setOutcome({ message: `Chiave “${key.name}” revocata.`, error: false }),
                                onError: (error) =>
                                  setOutcome({ message: (error as Error).message, error: true }),
                              });
                            }}
                          >
                            Revoca <span className="visually-hidden">la chiave {key.name}</span>
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}

/** Entity admins: keys for the entity's software, the secret shown once at creation. */
export function ApiKeysPage() {
  return (
    <PageContainer
      title="Chiavi API"
      lead="Le chiavi con cui i gestionali dell’ente usano le API della piattaforma. Ogni chiave ha solo i permessi che le assegni e si può revocare in qualsiasi momento."
    >
      <ActiveEntity>
        {(entity) =>
          entity.role === 'admin' ? (
            <div key={entity.entityId}>
              <KeyList entityId={entity.entityId} />
              <CreateKeyForm entityId={entity.entityId} />
            </div>
          ) : (
            <AdminOnly>{ADMIN_ONLY_TEXT}</AdminOnly>
          )
        }
      </ActiveEntity>
    </PageContainer>
  );
}
