import { ApiError } from '@pagamenti/api-client';
import type { DueType, EntityAccount } from '@pagamenti/contracts';
import { todayInRome } from '@pagamenti/pagopa';
import {
  CheckboxField,
  RequiredFieldsNote,
  SelectField,
  TextAreaField,
  TextField,
  centsToEuroInput,
  formatEuro,
} from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  type DebtorKind,
  MAX_INSTALLMENTS,
  MIN_INSTALLMENTS,
  type OptionValues,
  type PositionFormValues,
  TEXT_MAX,
  type TransferDefaults,
  emptyOption,
  fieldId,
  installmentsTotalCents,
  normalizeErrorPath,
  optionAmountCents,
  optionsInRequestOrder,
  validatePositionForm,
} from './position-form';
import { TransfersEditor } from './TransfersEditor';

const DEBTOR_FIELDS = [
  'debtor.idValue',
  'debtor.name',
  'debtor.email',
  'debtor.streetName',
  'debtor.civicNumber',
  'debtor.postalCode',
  'debtor.city',
  'debtor.province',
  'debtor.country',
];
const OPTION_FIELD = /^options\.(\d+)\.(amountCents|dueDate|validityDate|transfers)$/;
const TRANSFER_FIELD =
  /^options\.(\d+)\.transfers\.(\d+)\.(beneficiaryFiscalCode|iban|category|remittanceInformation|amountCents)$/;

/** Whether the form shows a field for `path`: the API's other errors are listed at the top. */
function hasField(path: string, values: PositionFormValues, mode: 'create' | 'edit'): boolean {
  if (['dueTypeCode', 'description', 'options'].includes(path)) return true;
  if (path === 'iupd') return mode === 'create';
  if (DEBTOR_FIELDS.includes(path)) return path !== 'debtor.idValue' || values.debtorKind !== 'ANONIMO';
  const options = optionsInRequestOrder(values);
  const option = OPTION_FIELD.exec(path);
  if (option) {
    const found = options[Number(option[1])]?.option;
    return !!found && (option[2] !== 'transfers' || found.split);
  }
  const transfer = TRANSFER_FIELD.exec(path);
  if (transfer) {
    const found = options[Number(transfer[1])]?.option;
    return !!found?.split && Number(transfer[2]) < found.transfers.length;
  }
  return false;
}

/** The first field in error, else the summary of the API's answer (a 409 names no field). */
function focusFirstError(form: HTMLFormElement | null) {
  const target =
    form?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error-anchor]') ??
    form?.querySelector<HTMLElement>('[data-error-summary]');
  target?.focus();
}

function RadioGroup<T extends string>({
  name,
  legend,
  value,
  options,
  onChange,
  inline = true,
}: {
  name: string;
  legend: string;
  value: T;
  options: { value: T; label: ReactNode }[];
  onChange: (value: T) => void;
  inline?: boolean;
}) {
  return (
    <fieldset className="mb-3">
      <legend className="form-label fw-semibold fs-6 mb-2">{legend}</legend>
      {options.map((option) => (
        <div key={option.value} className={`form-check${inline ? ' form-check-inline' : ''}`}>
          <input
            id={`${name}-${option.value}`}
            name={name}
            type="radio"
            className="form-check-input"
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <label className="form-check-label" htmlFor={`${name}-${option.value}`}>
            {option.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-5">
      <h2 id={id} className="h4 mb-3">
        {title}
      </h2>
      {children}
    </section>
  );
}

export interface PositionFormProps {
  mode: 'create' | 'edit';
  initial: PositionFormValues;
  /** Active due types (create) or the position's own (edit). */
  dueTypes: DueType[];
  accounts: EntityAccount[];
  entityFiscalCode: string;
  pending: boolean;
  /** The last failed submission (validation, 409…). */
  error: unknown;
  /** Drops the last failure, when the form changes shape and its field paths no longer hold. */
  onResetError: () => void;
  onSubmit: (
    values: PositionFormValues,
    dueType: DueType | undefined,
    changedSinceLastSubmit: boolean,
  ) => void;
  /** What to offer next to a 409 (e.g. reload the position). */
  conflictAction?: ReactNode;
  cancelHref: string;
}

/** The create and edit form of a debt position; what happens on submit is the page's business. */
export function PositionForm({
  mode,
  initial,
  dueTypes,
  accounts,
  entityFiscalCode,
  pending,
  error,
  onResetError,
  onSubmit,
  conflictAction,
  cancelHref,
}: PositionFormProps) {
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const [changedSinceSubmit, setChangedSinceSubmit] = useState(true);
  const formRef = useRef<HTMLFormElement>(null);

  const dueType = dueTypes.find((item) => item.code === values.dueTypeCode);
  const fixed = dueType?.amountMode === 'FIXED' ? dueType.fixedAmountCents : null;
  const account = accounts.find((item) => item.id === dueType?.accountId);
  const defaults: TransferDefaults = {
    entityFiscalCode,
    iban: account?.iban ?? '',
    category: dueType?.taxonomyCode ?? '',
  };

  const apiError = error instanceof ApiError ? error : null;
  const serverErrors: Record<string, string> = {};
  for (const fieldError of apiError?.fieldErrors ?? [])
    serverErrors[normalizeErrorPath(fieldError.field)] ??= fieldError.message;
  const errors = { ...serverErrors, ...clientErrors };
  const unplaced = Object.entries(serverErrors).filter(([path]) => !hasField(path, values, mode));

  // After a submission, move focus to the first field in error (ours or the API's), as the DI kit asks.
  useEffect(() => {
    if (focusRequest > 0) focusFirstError(formRef.current);
  }, [focusRequest]);
  useEffect(() => {
    if (apiError) focusFirstError(formRef.current);
  }, [apiError]);

  const update = (next: PositionFormValues, structural = false) => {
    setChangedSinceSubmit(true);
    setValues(next);
    if (structural) {
      setClientErrors({});
      onResetError();
    }
  };
  const set =
    <K extends keyof PositionFormValues>(key: K) =>
    (value: PositionFormValues[K]) =>
      update({ ...values, [key]: value });

  const chooseDueType = (code: string) => {
    const chosen = dueTypes.find((item) => item.code === code);
    const fixedAmount = chosen?.amountMode === 'FIXED' ? chosen.fixedAmountCents : null;
    update(
      {
        ...values,
        dueTypeCode: code,
        single:
          fixedAmount !== null ? { ...values.single, amount: centsToEuroInput(fixedAmount) } : values.single,
        debtorKind: chosen?.debtorRequired && values.debtorKind === 'ANONIMO' ? 'F' : values.debtorKind,
      },
      true,
    );
  };

  const setInstallment = (index: number, option: OptionValues, structural = false) =>
    update(
      { ...values, installments: values.installments.map((item, at) => (at === index ? option : item)) },
      structural,
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validatePositionForm(values, dueType, todayInRome(), mode);
    setClientErrors(found);
    onResetError();
    if (Object.keys(found).length > 0) {
      setFocusRequest((count) => count + 1);
      return;
    }
    onSubmit(values, dueType, changedSinceSubmit);
    setChangedSinceSubmit(false);
  };

  const debtorKind = values.debtorKind;
  const anonymousAllowed = !dueType?.debtorRequired || debtorKind === 'ANONIMO';
  const optionPaths = new Map(optionsInRequestOrder(values).map(({ option, path }) => [option, path]));
  const singlePath = optionPaths.get(values.single) ?? 'options.0';
  const installmentsTotal = installmentsTotalCents(values);

  const optionFields = (
    option: OptionValues,
    path: string,
    name: string,
    onChange: (o: OptionValues) => void,
  ) => (
    <div className="row">
      <TextField
        id={fieldId(`${path}.amountCents`)}
        className="col-12 col-md-4"
        label={`Importo ${name} (€)`}
        required
        inputMode="decimal"
        value={option === values.single && fixed !== null ? centsToEuroInput(fixed) : option.amount}
        error={errors[`${path}.amountCents`]}
        hint={
          option === values.single && fixed !== null
            ? 'Importo fisso del tipo dovuto: non si modifica.'
            : 'Es. 120,50'
        }
        readOnly={option === values.single && fixed !== null}
        onChange={(value) => onChange({ ...option, amount: value })}
      />
      <TextField
        id={fieldId(`${path}.dueDate`)}
        className="col-6 col-md-4"
        label={`Scadenza ${name}`}
        required
        type="date"
        value={option.dueDate}
        error={errors[`${path}.dueDate`]}
        onChange={(value) => onChange({ ...option, dueDate: value })}
      />
      <TextField
        id={fieldId(`${path}.validityDate`)}
        className="col-6 col-md-4"
        label={`Pagabile fino al (${name.replace(/^della /, '')})`}
        type="date"
        value={option.validityDate}
        error={errors[`${path}.validityDate`]}
        hint="Vuoto: fino alla scadenza"
        onChange={(value) => onChange({ ...option, validityDate: value })}
      />
    </div>
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-busy={pending}>
      <RequiredFieldsNote />
      {apiError && (
        <Alert color="danger" fade={false} className="mb-4" tabIndex={-1} data-error-summary>
          <p className="fw-semibold mb-1">{apiError.message}</p>
          {unplaced.length > 0 && (
            <ul className="mb-1">
              {unplaced.map(([path, message]) => (
                <li key={path}>{message}</li>
              ))}
            </ul>
          )}
          {apiError.status === 409 && conflictAction}
        </Alert>
      )}

      <Section id="sezione-tipo" title="Tipo dovuto e identificativo">
        {mode === 'edit' ? (
          <dl className="row mb-0">
            <dt className="col-12 col-md-4">Tipo dovuto</dt>
            <dd className="col-12 col-md-8">
              {dueType ? `${dueType.name} (${dueType.code})` : values.dueTypeCode}
              <span className="d-block small">
                Non si cambia: per un altro tipo annulla la posizione e creane una nuova.
              </span>
            </dd>
            <dt className="col-12 col-md-4">Identificativo posizione (IUPD)</dt>
            <dd className="col-12 col-md-8 font-monospace text-break">{values.iupd}</dd>
          </dl>
        ) : (
          <div className="row">
            <SelectField
              id={fieldId('dueTypeCode')}
              className="col-12 col-md-8"
              label="Tipo dovuto"
              required
              value={values.dueTypeCode}
              placeholder="Scegli dal catalogo dell’ente"
              options={dueTypes.map((item) => ({
                value: item.code,
                label:
                  item.amountMode === 'FIXED'
                    ? `${item.name} (${item.code}) – ${formatEuro(item.fixedAmountCents)}`
                    : `${item.name} (${item.code})`,
              }))}
              error={errors['dueTypeCode']}
              hint="Determina conto di accredito, codice tassonomico ed eventuale importo fisso."
              onChange={chooseDueType}
            />
            <TextField
              id={fieldId('iupd')}
              className="col-12 col-md-4"
              label="Identificativo posizione (IUPD)"
              maxLength={70}
              value={values.iupd}
              error={errors['iupd']}
              hint="Facoltativo: vuoto, lo genera la piattaforma."
              autoComplete="off"
              onChange={set('iupd')}
            />
          </div>
        )}
        {mode === 'edit' && errors['dueTypeCode'] && (
          <div className="invalid-feedback d-block" role="alert" tabIndex={-1} data-error-anchor>
            {errors['dueTypeCode']}
          </div>
        )}
      </Section>

      <Section id="sezione-debitore" title="Debitore">
        <RadioGroup<DebtorKind>
          name="tipo-debitore"
          legend="Tipo di debitore"
          value={debtorKind}
          options={[
            { value: 'F', label: 'Persona fisica' },
            { value: 'G', label: 'Persona giuridica' },
            ...(anonymousAllowed
              ? [{ value: 'ANONIMO' as const, label: 'Anonimo (codice fiscale non indicato)' }]
              : []),
          ]}
          onChange={(kind) => update({ ...values, debtorKind: kind }, true)}
        />
        <div className="row">
          {debtorKind !== 'ANONIMO' && (
            <TextField
              id={fieldId('debtor.idValue')}
              className="col-12 col-md-5"
              label={debtorKind === 'F' ? 'Codice fiscale' : 'Partita IVA o codice fiscale'}
              required
              maxLength={16}
              autoComplete="off"
              value={values.debtorId}
              error={errors['debtor.idValue']}
              hint={debtorKind === 'F' ? '16 caratteri, es. RSSMRA80A01H501U' : '11 cifre, es. 01234567897'}
              onChange={(value) => set('debtorId')(value.toUpperCase())}
            />
          )}
          <TextField
            id={fieldId('debtor.name')}
            className={`col-12 ${debtorKind === 'ANONIMO' ? '' : 'col-md-7'}`}
            label={debtorKind === 'G' ? 'Ragione sociale' : 'Nome e cognome'}
            required
            maxLength={TEXT_MAX}
            autoComplete="off"
            value={values.debtorName}
            error={errors['debtor.name']}
            onChange={set('debtorName')}
          />
          <TextField
            id={fieldId('debtor.email')}
            className="col-12 col-md-6"
            label="E-mail"
            type="email"
            autoComplete="off"
            value={values.email}
            error={errors['debtor.email']}
            hint="Facoltativa: per le comunicazioni sul pagamento."
            onChange={set('email')}
          />
        </div>
        <fieldset>
          <legend className="form-label fw-semibold fs-6 mb-2">
            Indirizzo (facoltativo, stampato sull’avviso)
          </legend>
          <div className="row">
            <TextField
              id={fieldId('debtor.streetName')}
              className="col-12 col-md-7"
              label="Via o piazza"
              maxLength={70}
              value={values.streetName}
              error={errors['debtor.streetName']}
              onChange={set('streetName')}
            />
            <TextField
              id={fieldId('debtor.civicNumber')}
              className="col-4 col-md-2"
              label="Civico"
              maxLength={16}
              value={values.civicNumber}
              error={errors['debtor.civicNumber']}
              onChange={set('civicNumber')}
            />
            <TextField
              id={fieldId('debtor.postalCode')}
              className="col-8 col-md-3"
              label="CAP"
              inputMode="numeric"
              maxLength={16}
              value={values.postalCode}
              error={errors['debtor.postalCode']}
              onChange={set('postalCode')}
            />
            <TextField
              id={fieldId('debtor.city')}
              className="col-12 col-md-6"
              label="Comune"
              maxLength={35}
              value={values.city}
              error={errors['debtor.city']}
              onChange={set('city')}
            />
            <TextField
              id={fieldId('debtor.province')}
              className="col-6 col-md-3"
              label="Provincia (sigla)"
              maxLength={2}
              value={values.province}
              error={errors['debtor.province']}
              onChange={(value) => set('province')(value.toUpperCase())}
            />
            <TextField
              id={fieldId('debtor.country')}
              className="col-6 col-md-3"
              label="Nazione (sigla)"
              maxLength={2}
              value={values.country}
              error={errors['debtor.country']}
              onChange={(value) => set('country')(value.toUpperCase())}
            />
          </div>
        </fieldset>
      </Section>

      <Section id="sezione-oggetto" title="Oggetto del pagamento">
        <TextAreaField
          id={fieldId('description')}
          label="Descrizione"
          required
          rows={2}
          value={values.description}
          error={errors['description']}
          hint={
            <>
              Compare sull’avviso e sulla ricevuta e arriva ai prestatori di servizi di pagamento:{' '}
              <strong>non inserire dati personali</strong> (nomi, codici fiscali, dati sanitari). Es. “TARI
              2025 – saldo”. {values.description.trim().length}/{TEXT_MAX} caratteri.
            </>
          }
          onChange={set('description')}
        />
      </Section>

      <Section id="sezione-pagamento" title="Come si paga">
        <p className="small">
          Con la soluzione unica e le rate insieme, il debitore sceglie se pagare tutto in una volta o a rate;
          ogni opzione ha il suo codice avviso.
        </p>
        <CheckboxField
          id="con-soluzione-unica"
          label="Soluzione unica"
          checked={values.withSingle}
          onChange={(checked) => update({ ...values, withSingle: checked }, true)}
        />
        {values.withSingle && (
          <div className="ps-4 mb-4">
            {optionFields(values.single, singlePath, 'della soluzione unica', (option) =>
              update({ ...values, single: option }),
            )}
            <TransfersEditor
              path={singlePath}
              optionName="della soluzione unica"
              option={values.single}
              optionCents={optionAmountCents(values.single, fixed)}
              defaults={defaults}
              errors={errors}
              onChange={(option, structural) => update({ ...values, single: option }, structural)}
            />
          </div>
        )}
        <CheckboxField
          id="con-rate"
          label="Pagamento a rate"
          checked={values.withInstallments}
          hint={`Da ${MIN_INSTALLMENTS} a ${MAX_INSTALLMENTS} rate, ognuna con importo e scadenza.`}
          onChange={(checked) =>
            update(
              {
                ...values,
                withInstallments: checked,
                installments:
                  checked && values.installments.length === 0
                    ? [emptyOption(), emptyOption()]
                    : values.installments,
              },
              true,
            )
          }
        />
        {values.withInstallments && (
          <div className="ps-4">
            <ol className="list-unstyled mb-3">
              {values.installments.map((option, index) => {
                const path = optionPaths.get(option) ?? `options.${index}`;
                const name = `della rata ${index + 1}`;
                return (
                  <li key={option.uid} className="border rounded p-3 mb-3">
                    <div className="d-flex justify-content-between align-items-center mb-2">
                      <h3 className="h5 mb-0">Rata {index + 1}</h3>
                      {values.installments.length > MIN_INSTALLMENTS && (
                        <Button
                          type="button"
                          color="danger"
                          outline
                          size="xs"
                          onClick={() =>
                            update(
                              {
                                ...values,
                                installments: values.installments.filter((_, at) => at !== index),
                              },
                              true,
                            )
                          }
                        >
                          Rimuovi la rata {index + 1}
                        </Button>
                      )}
                    </div>
                    {optionFields(option, path, name, (next) => setInstallment(index, next))}
                    <TransfersEditor
                      path={path}
                      optionName={name}
                      option={option}
                      optionCents={optionAmountCents(option, null)}
                      defaults={defaults}
                      errors={errors}
                      onChange={(next, structural) => setInstallment(index, next, structural)}
                    />
                  </li>
                );
              })}
            </ol>
            <div className="d-flex flex-wrap gap-3 align-items-center mb-3">
              {values.installments.length < MAX_INSTALLMENTS && (
                <Button
                  type="button"
                  color="primary"
                  outline
                  size="sm"
                  onClick={() =>
                    update({ ...values, installments: [...values.installments, emptyOption()] }, true)
                  }
                >
                  Aggiungi una rata
                </Button>
              )}
              <span aria-live="polite" className="fw-semibold">
                Totale delle rate: {formatEuro(installmentsTotal)}
                {fixed !== null && ` (deve essere ${formatEuro(fixed)})`}
              </span>
            </div>
          </div>
        )}
        {errors['options'] && (
          <div
            id={fieldId('options')}
            className="invalid-feedback d-block mb-3"
            role="alert"
            tabIndex={-1}
            data-error-anchor
          >
            {errors['options']}
          </div>
        )}
      </Section>

      {mode === 'create' && (
        <Section id="sezione-pubblicazione" title="Pubblicazione">
          <RadioGroup<'subito' | 'bozza'>
            name="pubblicazione"
            legend="Quando diventa pagabile?"
            inline={false}
            value={values.publish ? 'subito' : 'bozza'}
            options={[
              {
                value: 'subito',
                label: 'Subito: la posizione è pubblicata come “Da pagare” e i codici avviso sono pagabili',
              },
              {
                value: 'bozza',
                label: 'Più tardi: salvo una bozza, da controllare e pubblicare dal dettaglio',
              },
            ]}
            onChange={(choice) => set('publish')(choice === 'subito')}
          />
        </Section>
      )}

      <div className="d-flex flex-wrap gap-3">
        <Button type="submit" color="primary" disabled={pending} aria-busy={pending}>
          {pending
            ? 'Salvataggio in corso…'
            : mode === 'edit'
              ? 'Salva le modifiche'
              : values.publish
                ? 'Crea e pubblica'
                : 'Salva la bozza'}
        </Button>
        <Link to={cancelHref} className="btn btn-outline-primary">
          Annulla
        </Link>
      </div>
    </form>
  );
}
