import { ApiError, useAdminEntityUsers, useAppointEntityAdmin, useSession } from '@pagamenti/api-client';
import type { EntityRoleAssignment } from '@pagamenti/contracts';
import {
  ENTITY_ROLE_LABELS,
  EmptyState,
  QueryState,
  TextField,
  fieldErrorsOf,
  formatDate,
  normalizePersonFiscalCode,
  personFiscalCodeError,
} from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';

function personName(user: EntityRoleAssignment): string | null {
  return [user.name, user.familyName].filter(Boolean).join(' ') || null;
}

function AppointAdminForm({ entityId, users }: { entityId: string; users: EntityRoleAssignment[] }) {
  const appoint = useAppointEntityAdmin(entityId);
  const [fiscalCode, setFiscalCode] = useState('');
  const [clientError, setClientError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const apiErrors = fieldErrorsOf(appoint.error);
  const error = clientError ?? apiErrors['fiscalCode'];
  const generalError =
    appoint.error instanceof ApiError && !Object.keys(apiErrors).length ? appoint.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    appoint.reset();
    const code = normalizePersonFiscalCode(fiscalCode);
    const existing = users.find((user) => user.fiscalCode === code);
    const found =
      personFiscalCodeError(code) ??
      (existing?.role === 'admin'
        ? `${personName(existing) ?? code} è già amministratore dell’ente`
        : undefined);
    setClientError(found);
    if (found) {
      document.getElementById('adminFiscalCode')?.focus();
      return;
    }
    appoint.mutate(code, {
      onSuccess: () => {
        const who = existing ? (personName(existing) ?? code) : code;
        setDone(
          existing
            ? `${who} ora è amministratore dell’ente (prima: ${ENTITY_ROLE_LABELS[existing.role]}).`
            : `${who} è amministratore dell’ente: il ruolo vale dal suo prossimo accesso al back office.`,
        );
        setFiscalCode('');
      },
      onError: () => document.getElementById('adminFiscalCode')?.focus(),
    });
  };

  return (
    <form onSubmit={submit} noValidate className="mt-4" aria-labelledby="nomina-titolo">
      <h3 id="nomina-titolo" className="h5">
        Nomina amministratore dell’ente
      </h3>
      <p className="small">
        L’amministratore accede al back office con SPID o CIE, invita gli operatori dell’ente e gestisce le
        chiavi API. Basta il suo codice fiscale, anche se non ha mai effettuato l’accesso.
      </p>
      <div className="row align-items-start">
        <TextField
          id="adminFiscalCode"
          className="col-12 col-md-6"
          label="Codice fiscale della persona"
          required
          maxLength={16}
          autoComplete="off"
          value={fiscalCode}
          onChange={(value) => setFiscalCode(value.toUpperCase())}
          error={error}
          hint="16 caratteri, per esempio RSSMRA80A01H501U"
        />
      </div>
      <div aria-live="polite">
        {done && <Alert color="success">{done}</Alert>}
        {generalError && <Alert color="danger">{generalError.message}</Alert>}
      </div>
      <Button type="submit" color="primary" disabled={appoint.isPending}>
        Nomina amministratore
      </Button>
    </form>
  );
}

/** The entity's admins, and the form with which intermediary admins appoint one. */
export function EntityAdminsSection({ entityId }: { entityId: string }) {
  const query = useAdminEntityUsers(entityId);
  const session = useSession();
  const canAppoint = session.data?.user?.intermediaryRole === 'admin';
  return (
    <section aria-labelledby="amministratori-titolo" className="mb-5">
      <h2 id="amministratori-titolo" className="h3">
        Amministratori dell’ente
      </h2>
      <QueryState query={query} loadingLabel="Caricamento degli amministratori…">
        {(users) => {
          const admins = users.filter((user) => user.role === 'admin');
          const others = users.length - admins.length;
          return (
            <>
              {admins.length === 0 ? (
                <EmptyState title="L’ente non ha ancora un amministratore">
                  Nominane uno: sarà lui a invitare gli operatori dell’ente.
                </EmptyState>
              ) : (
                <table className="table align-middle">
                  <caption className="visually-hidden">Amministratori dell’ente</caption>
                  <thead>
                    <tr>
                      <th scope="col">Nome e cognome</th>
                      <th scope="col">Codice fiscale</th>
                      <th scope="col">Amministratore dal</th>
                    </tr>
                  </thead>
                  <tbody>
                    {admins.map((admin) => (
                      <tr key={admin.fiscalCode}>
                        <th scope="row" className="fw-normal">
                          {personName(admin) ?? (
                            <span className="fst-italic">Non ha ancora effettuato l’accesso</span>
                          )}
                        </th>
                        <td className="font-monospace">{admin.fiscalCode}</td>
                        <td>{formatDate(admin.grantedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {others > 0 && (
                <p className="small">
                  {others === 1
                    ? 'Un’altra persona ha un ruolo nell’ente (operatore o sola lettura).'
                    : `Altre ${others} persone hanno un ruolo nell’ente (operatori o sola lettura).`}
                </p>
              )}
              {canAppoint ? (
                <AppointAdminForm entityId={entityId} users={users} />
              ) : (
                <p className="small">
                  Solo gli amministratori dell’intermediario possono nominare gli amministratori degli enti.
                </p>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
