import {
  ApiError,
  isApiError,
  useEntityUsers,
  useGrantEntityRole,
  useRevokeEntityRole,
} from '@pagamenti/api-client';
import {
  ENTITY_ROLES,
  type EntityMembership,
  type EntityRole,
  type EntityRoleAssignment,
} from '@pagamenti/contracts';
import {
  ENTITY_ROLE_DESCRIPTIONS,
  ENTITY_ROLE_LABELS,
  EmptyState,
  PageContainer,
  QueryState,
  RequiredFieldsNote,
  SelectField,
  TextField,
  fieldErrorsOf,
  formatDate,
  normalizePersonFiscalCode,
  personFiscalCodeError,
} from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { ActiveEntity, AdminOnly } from '../features/entity/ActiveEntity';

const ROLE_OPTIONS = ENTITY_ROLES.map((role) => ({ value: role, label: ENTITY_ROLE_LABELS[role] }));

function personName(user: EntityRoleAssignment): string | null {
  const name = [user.name, user.familyName].filter(Boolean).join(' ');
  return name || null;
}

/** "Anna Ferri" or, for someone who never logged in, the fiscal code. */
function who(user: EntityRoleAssignment): string {
  return personName(user) ?? user.fiscalCode;
}

const ADMIN_ONLY_TEXT =
  'Solo gli amministratori dell’ente vedono e gestiscono gli operatori. Per invitare un collega o cambiare il tuo ruolo rivolgiti a un amministratore dell’ente.';

function InviteForm({ entityId, users }: { entityId: string; users: EntityRoleAssignment[] }) {
  const grant = useGrantEntityRole(entityId);
  const [fiscalCode, setFiscalCode] = useState('');
  const [role, setRole] = useState<EntityRole>('operator');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const errors = { ...fieldErrorsOf(grant.error), ...clientErrors };
  const generalError =
    grant.error instanceof ApiError && !Object.keys(fieldErrorsOf(grant.error)).length ? grant.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    grant.reset();
    const code = normalizePersonFiscalCode(fiscalCode);
    const found: Record<string, string> = {};
    const codeError = personFiscalCodeError(code);
    const existing = users.find((user) => user.fiscalCode === code);
    if (codeError) found['fiscalCode'] = codeError;
    else if (existing?.role === role)
      found['role'] = `${who(existing)} è già ${ENTITY_ROLE_LABELS[role]} dell’ente`;
    setClientErrors(found);
    const first = ['fiscalCode', 'role'].find((field) => found[field]);
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    if (
      existing &&
      !window.confirm(
        `${who(existing)} è già ${ENTITY_ROLE_LABELS[existing.role]} dell’ente. Vuoi cambiare il ruolo in ${ENTITY_ROLE_LABELS[role]}?`,
      )
    )
      return;
    grant.mutate(
      { fiscalCode: code, role },
      {
        onSuccess: () => {
          setDone(
            existing
              ? `Ruolo di ${who(existing)} cambiato in ${ENTITY_ROLE_LABELS[role]}.`
              : `Invito registrato: ${code} potrà lavorare sull’ente come ${ENTITY_ROLE_LABELS[role]} dal suo prossimo accesso.`,
          );
          setFiscalCode('');
          setRole('operator');
        },
        onError: (error) => {
          if (isApiError(error) && error.fieldErrors.length)
            document.getElementById(error.fieldErrors[0]?.field === 'role' ? 'role' : 'fiscalCode')?.focus();
        },
      },
    );
  };

  return (
    <section aria-labelledby="invita-titolo" className="mt-5">
      <h2 id="invita-titolo" className="h4">
        Invita una persona
      </h2>
      <p>
        Basta il codice fiscale: la persona entra con il suo SPID o la sua CIE e trova l’ente tra i suoi. Il
        ruolo vale dal suo prossimo accesso.
      </p>
      <form onSubmit={submit} noValidate>
        <RequiredFieldsNote />
        <div className="row">
          <TextField
            id="fiscalCode"
            className="col-12 col-md-6"
            label="Codice fiscale"
            required
            maxLength={16}
            autoComplete="off"
            value={fiscalCode}
            onChange={(value) => setFiscalCode(value.toUpperCase())}
            error={errors['fiscalCode']}
            hint="16 caratteri, per esempio RSSMRA80A01H501U"
          />
          <SelectField
            id="role"
            className="col-12 col-md-6"
            label="Ruolo"
            required
            value={role}
            options={ROLE_OPTIONS}
            onChange={(value) => setRole(value as EntityRole)}
            error={errors['role']}
            hint={`${ENTITY_ROLE_LABELS[role]}: ${ENTITY_ROLE_DESCRIPTIONS[role]}.`}
          />
        </div>
        <div aria-live="polite">
          {done && <Alert color="success">{done}</Alert>}
          {generalError && <Alert color="danger">{generalError.message}</Alert>}
        </div>
        <Button type="submit" color="primary" disabled={grant.isPending}>
          Invita
        </Button>
      </form>
    </section>
  );
}

function RoleActions({
  user,
  entity,
  isMe,
  onDone,
}: {
  user: EntityRoleAssignment;
  entity: EntityMembership;
  isMe: boolean;
  onDone: (message: string, error?: boolean) => void;
}) {
  const grant = useGrantEntityRole(entity.entityId);
  const revoke = useRevokeEntityRole(entity.entityId);
  const [role, setRole] = useState<EntityRole>(user.role);
  const name = who(user);
  const busy = grant.isPending || revoke.isPending;
  const selectId = `ruolo-${user.fiscalCode}`;

  const changeRole = () =>
    grant.mutate(
      { fiscalCode: user.fiscalCode, role },
      {
        onSuccess: () => onDone(`Ruolo di ${name} cambiato in ${ENTITY_ROLE_LABELS[role]}.`),
        onError: (error) => {
          setRole(user.role);
          onDone((error as Error).message, true);
        },
      },
    );

  const remove = () => {
    const question = isMe
      ? `Vuoi davvero toglierti dall’ente ${entity.entityName}? Perderai l’accesso ai suoi dati.`
      : `Vuoi togliere ${name} dall’ente ${entity.entityName}? Non potrà più lavorare sui suoi dati.`;
    if (!window.confirm(question)) return;
    revoke.mutate(user.fiscalCode, {
      onSuccess: () => onDone(`${name} non ha più ruoli nell’ente.`),
      onError: (error) => onDone((error as Error).message, true),
    });
  };

  return (
    <div className="d-flex flex-wrap align-items-center gap-2">
      <label htmlFor={selectId} className="visually-hidden">
        Nuovo ruolo di {name}
      </label>
      <select
        id={selectId}
        className="form-select form-select-sm w-auto"
        value={role}
        onChange={(event) => setRole(event.target.value as EntityRole)}
        disabled={busy}
      >
        {ROLE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Button color="primary" outline size="xs" disabled={busy || role === user.role} onClick={changeRole}>
        Cambia ruolo <span className="visually-hidden">di {name}</span>
      </Button>
      <Button color="danger" outline size="xs" disabled={busy} onClick={remove}>
        Rimuovi <span className="visually-hidden">{name}</span>
      </Button>
    </div>
  );
}

function ManageOperators({ entity, myFiscalCode }: { entity: EntityMembership; myFiscalCode: string }) {
  const query = useEntityUsers(entity.entityId);
  const [outcome, setOutcome] = useState<{ message: string; error: boolean } | null>(null);
  if (isApiError(query.error) && query.error.status === 403) return <AdminOnly>{ADMIN_ONLY_TEXT}</AdminOnly>;
  return (
    <QueryState query={query} loadingLabel="Caricamento degli operatori…" skeletonRows={4}>
      {(users) => (
        <>
          <div aria-live="polite">
            {outcome && (
              <Alert color={outcome.error ? 'danger' : 'success'} fade={false}>
                {outcome.message}
              </Alert>
            )}
          </div>
          {users.length === 0 ? (
            <EmptyState title="Nessun operatore">
              Invita qui sotto le persone che lavorano sull’ente.
            </EmptyState>
          ) : (
            <div className="table-responsive">
              <table className="table align-middle">
                <caption className="visually-hidden">
                  Persone con un ruolo nell’ente {entity.entityName}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Nome e cognome</th>
                    <th scope="col">Codice fiscale</th>
                    <th scope="col">Ruolo</th>
                    <th scope="col">Dal</th>
                    <th scope="col">Azioni</th>
                  </tr>
                </thead>
                <tbody>
                  {users.map((user) => {
                    const isMe = user.fiscalCode === myFiscalCode;
                    return (
                      <tr key={user.fiscalCode}>
                        <th scope="row" className="fw-normal">
                          {personName(user) ?? (
                            <span className="fst-italic">Non ha ancora effettuato l’accesso</span>
                          )}
                          {isMe && ' (tu)'}
                        </th>
                        <td className="font-monospace">{user.fiscalCode}</td>
                        <td>{ENTITY_ROLE_LABELS[user.role]}</td>
                        <td>{formatDate(user.grantedAt)}</td>
                        <td>
                          <RoleActions
                            key={`${user.fiscalCode}-${user.role}`}
                            user={user}
                            entity={entity}
                            isMe={isMe}
                            onDone={(message, error = false) => setOutcome({ message, error })}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <InviteForm entityId={entity.entityId} users={users} />
        </>
      )}
    </QueryState>
  );
}

/** Entity admins: who works on the active entity, with which role; invite by fiscal code, change, remove. */
export function OperatorsPage() {
  return (
    <PageContainer
      title="Operatori"
      lead="Le persone che lavorano sull’ente e il loro ruolo. Si accede con SPID o CIE: per invitare qualcuno basta il suo codice fiscale."
    >
      <ActiveEntity>
        {(entity, user) =>
          entity.role === 'admin' ? (
            <ManageOperators key={entity.entityId} entity={entity} myFiscalCode={user.fiscalCode} />
          ) : (
            <AdminOnly>{ADMIN_ONLY_TEXT}</AdminOnly>
          )
        }
      </ActiveEntity>
    </PageContainer>
  );
}
