import {
  ApiError,
  useCreateEntityAccount,
  useEntityAccounts,
  useUpdateEntityAccount,
} from '@pagamenti/api-client';
import { ACCOUNT_KINDS, type AccountKind } from '@pagamenti/contracts';
import { isValidItalianIban, italianIbanAbi, normalizeIban, POSTE_ABI } from '@pagamenti/pagopa';
import {
  ACCOUNT_KIND_LABELS,
  EmptyState,
  PageContainer,
  QueryState,
  RequiredFieldsNote,
  SelectField,
  TextField,
  fieldErrorsOf,
  formatDate,
  formatIban,
  ActiveChip,
} from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { ActiveEntity, ReadOnlyNote } from '../features/entity/ActiveEntity';

function AddAccount({ entityId }: { entityId: string }) {
  const create = useCreateEntityAccount(entityId);
  const [iban, setIban] = useState('');
  const [kind, setKind] = useState<AccountKind>('BANK');
  const [description, setDescription] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const errors = { ...fieldErrorsOf(create.error), ...clientErrors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const found: Record<string, string> = {};
    const normalized = normalizeIban(iban);
    if (!isValidItalianIban(normalized))
      found['iban'] = 'IBAN non valido: servono 27 caratteri e cifre di controllo corrette';
    else if ((kind === 'POSTAL') !== (italianIbanAbi(normalized) === POSTE_ABI))
      found['kind'] =
        kind === 'POSTAL'
          ? 'Un conto postale ha un IBAN di Poste Italiane (ABI 07601)'
          : 'Questo IBAN è di Poste Italiane: scegli “Conto postale”';
    if (!description.trim()) found['description'] = 'Indica a cosa serve il conto';
    setClientErrors(found);
    const first = ['iban', 'kind', 'description'].find((field) => found[field]);
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    create.mutate(
      { iban: normalized, kind, description: description.trim(), validFrom: validFrom || undefined },
      {
        onSuccess: () => {
          setIban('');
          setDescription('');
          setValidFrom('');
          setSaved(true);
        },
      },
    );
  };

  return (
    <section aria-labelledby="nuovo-conto-titolo" className="mt-5">
      <h2 id="nuovo-conto-titolo" className="h4">
        Registra un conto
      </h2>
      <p className="small">
        Le variazioni di IBAN vanno comunicate a pagoPA almeno 7 giorni prima che abbiano effetto.
      </p>
      <form onSubmit={submit} noValidate>
        <RequiredFieldsNote />
        <div className="row">
          <TextField
            id="iban"
            className="col-12 col-md-6"
            label="IBAN"
            required
            value={iban}
            onChange={setIban}
            error={errors['iban']}
            autoComplete="off"
          />
          <SelectField
            id="kind"
            className="col-12 col-md-3"
            label="Tipo"
            required
            value={kind}
            options={ACCOUNT_KINDS.map((value) => ({ value, label: ACCOUNT_KIND_LABELS[value] }))}
            onChange={(value) => setKind(value as AccountKind)}
            error={errors['kind']}
          />
          <TextField
            id="validFrom"
            className="col-12 col-md-3"
            label="Valido dal"
            type="date"
            value={validFrom}
            onChange={setValidFrom}
            error={errors['validFrom']}
          />
          <TextField
            id="description"
            className="col-12"
            label="Uso del conto"
            required
            maxLength={200}
            value={description}
            onChange={setDescription}
            error={errors['description']}
            hint="Es. Tesoreria – entrate tributarie"
          />
        </div>
        <div aria-live="polite">
          {saved && <Alert color="success">Conto registrato.</Alert>}
          {create.error instanceof ApiError && <Alert color="danger">{create.error.message}</Alert>}
        </div>
        <Button type="submit" color="primary" disabled={create.isPending}>
          Registra il conto
        </Button>
      </form>
    </section>
  );
}

function Accounts({ entityId, canEdit }: { entityId: string; canEdit: boolean }) {
  const query = useEntityAccounts(entityId);
  const update = useUpdateEntityAccount(entityId);
  return (
    <>
      {!canEdit && <ReadOnlyNote />}
      {update.error instanceof ApiError && <Alert color="danger">{update.error.message}</Alert>}
      <QueryState query={query} loadingLabel="Caricamento dei conti…">
        {(accounts) =>
          accounts.length === 0 ? (
            <EmptyState title="Nessun conto registrato">
              {canEdit
                ? 'Registra qui sotto il conto di tesoreria su cui pagoPA accredita i pagamenti.'
                : 'L’amministratore dell’ente registra qui il conto di tesoreria su cui pagoPA accredita i pagamenti.'}
            </EmptyState>
          ) : (
            <table className="table align-middle">
              <caption className="visually-hidden">Conti di accredito</caption>
              <thead>
                <tr>
                  <th scope="col">IBAN</th>
                  <th scope="col">Tipo</th>
                  <th scope="col">Uso</th>
                  <th scope="col">Dal</th>
                  <th scope="col">Stato</th>
                  {canEdit && (
                    <th scope="col">
                      <span className="visually-hidden">Azioni</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {accounts.map((account) => (
                  <tr key={account.id}>
                    <th scope="row" className="fw-normal font-monospace text-nowrap">
                      {formatIban(account.iban)}
                    </th>
                    <td>{ACCOUNT_KIND_LABELS[account.kind]}</td>
                    <td>{account.description}</td>
                    <td>{formatDate(account.validFrom)}</td>
                    <td>
                      <ActiveChip active={account.active} />
                    </td>
                    {canEdit && (
                      <td>
                        <Button
                          color="primary"
                          outline
                          size="xs"
                          disabled={update.isPending}
                          onClick={() => update.mutate({ id: account.id, active: !account.active })}
                        >
                          {account.active ? 'Disattiva' : 'Riattiva'}
                          <span className="visually-hidden"> il conto {formatIban(account.iban)}</span>
                        </Button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      {canEdit && <AddAccount entityId={entityId} />}
    </>
  );
}

export function AccountsPage() {
  return (
    <PageContainer
      title="Conti di accredito"
      lead="Gli IBAN su cui l’ente riceve i pagamenti, bancari e postali."
    >
      <ActiveEntity>
        {(entity) => (
          <Accounts key={entity.entityId} entityId={entity.entityId} canEdit={entity.role === 'admin'} />
        )}
      </ActiveEntity>
    </PageContainer>
  );
}
