import { ApiError, useCreateDueType, useDueTypePresets, useEntityAccounts } from '@pagamenti/api-client';
import {
  AMOUNT_MODES,
  type AmountMode,
  type DueTypeFormSchema,
  type DueTypePreset,
} from '@pagamenti/contracts';
import { isValidTaxonomyCode } from '@pagamenti/pagopa';
import {
  ACCOUNT_KIND_LABELS,
  AMOUNT_MODE_LABELS,
  CheckboxField,
  PageContainer,
  RequiredFieldsNote,
  SelectField,
  TextAreaField,
  TextField,
  centsToEuroInput,
  fieldErrorsOf,
  formatIban,
  parseEuroToCents,
} from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ActiveEntity } from '../features/entity/ActiveEntity';

interface Values {
  presetKey: string;
  code: string;
  name: string;
  description: string;
  taxonomyCode: string;
  accountId: string;
  amountMode: AmountMode;
  fixedAmount: string;
  minAmount: string;
  maxAmount: string;
  spontaneous: boolean;
  debtorRequired: boolean;
  formSchema: string;
}

const EMPTY: Values = {
  presetKey: '',
  code: '',
  name: '',
  description: '',
  taxonomyCode: '9/',
  accountId: '',
  amountMode: 'FREE',
  fixedAmount: '',
  minAmount: '',
  maxAmount: '',
  spontaneous: false,
  debtorRequired: true,
  formSchema: '',
};

function fromPreset(preset: DueTypePreset, accountId: string): Values {
  return {
    presetKey: preset.key,
    code: preset.code,
    name: preset.name,
    description: preset.description,
    taxonomyCode: preset.taxonomyCode,
    accountId,
    amountMode: preset.amountMode,
    fixedAmount: centsToEuroInput(preset.fixedAmountCents),
    minAmount: centsToEuroInput(preset.minAmountCents),
    maxAmount: centsToEuroInput(preset.maxAmountCents),
    spontaneous: preset.spontaneous,
    debtorRequired: preset.debtorRequired,
    formSchema: preset.formSchema ? JSON.stringify(preset.formSchema, null, 2) : '',
  };
}

const ORDER = [
  'code',
  'name',
  'taxonomyCode',
  'fixedAmountCents',
  'minAmountCents',
  'maxAmountCents',
  'formSchema',
];

function DueTypeForm({ entityId }: { entityId: string }) {
  const navigate = useNavigate();
  const presets = useDueTypePresets();
  const accounts = useEntityAccounts(entityId);
  const create = useCreateDueType(entityId);
  const [values, setValues] = useState<Values>(EMPTY);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(create.error), ...clientErrors };
  const activeAccounts = (accounts.data ?? []).filter((account) => account.active);
  const set =
    <K extends keyof Values>(field: K) =>
    (value: Values[K]) =>
      setValues((current) => ({ ...current, [field]: value }));

  const choosePreset = (key: string) => {
    const preset = presets.data?.find((item) => item.key === key);
    setClientErrors({});
    setValues(
      preset
        ? fromPreset(preset, activeAccounts[0]?.id ?? '')
        : { ...EMPTY, accountId: activeAccounts[0]?.id ?? '' },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const fixed = parseEuroToCents(values.fixedAmount);
    const min = parseEuroToCents(values.minAmount);
    const max = parseEuroToCents(values.maxAmount);
    if (!/^[A-Z0-9_-]{1,35}$/.test(values.code.trim()))
      found['code'] = 'Usa maiuscole, cifre, _ e -, fino a 35 caratteri';
    if (!values.name.trim()) found['name'] = 'Inserisci la descrizione';
    if (!isValidTaxonomyCode(values.taxonomyCode.trim()))
      found['taxonomyCode'] = 'Formato atteso 9/TTMMSSSRR/, es. 9/0101101IM/';
    if (values.amountMode === 'FIXED' && (fixed === null || Number.isNaN(fixed) || fixed <= 0))
      found['fixedAmountCents'] = 'Importo non valido';
    if (values.amountMode === 'FREE') {
      if (Number.isNaN(min)) found['minAmountCents'] = 'Importo non valido';
      if (Number.isNaN(max)) found['maxAmountCents'] = 'Importo non valido';
      else if (min !== null && max !== null && max < min)
        found['maxAmountCents'] = 'Deve essere almeno pari all’importo minimo';
    }
    let formSchema: DueTypeFormSchema | null = null;
    if (values.formSchema.trim()) {
      try {
        formSchema = JSON.parse(values.formSchema) as DueTypeFormSchema;
      } catch {
        found['formSchema'] = 'Non è un JSON valido';
      }
    }
    setClientErrors(found);
    const first = ORDER.find((field) => found[field]);
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    create.mutate(
      {
        code: values.code.trim(),
        name: values.name.trim(),
        description: values.description.trim() || null,
        taxonomyCode: values.taxonomyCode.trim(),
        accountId: values.accountId || null,
        amountMode: values.amountMode,
        fixedAmountCents: values.amountMode === 'FIXED' ? fixed : null,
        minAmountCents: values.amountMode === 'FREE' ? min : null,
        maxAmountCents: values.amountMode === 'FREE' ? max : null,
        spontaneous: values.spontaneous,
        debtorRequired: values.debtorRequired,
        formSchema,
        presetKey: values.presetKey || null,
      },
      { onSuccess: () => navigate('/catalogo') },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <RequiredFieldsNote />
      <SelectField
        id="presetKey"
        label="Parti da un modello"
        value={values.presetKey}
        placeholder="Nessun modello: compilo io"
        options={(presets.data ?? []).map((preset) => ({ value: preset.key, label: preset.name }))}
        onChange={choosePreset}
        hint="Il modello compila codice, tassonomia, importi e il modulo per il pagamento spontaneo: puoi poi modificarli."
      />
      {create.error instanceof ApiError && (
        <Alert color="danger" role="alert">
          {create.error.message}
        </Alert>
      )}
      <div className="row">
        <TextField
          id="code"
          className="col-12 col-md-4"
          label="Codice"
          required
          value={values.code}
          onChange={(value) => set('code')(value.toUpperCase())}
          error={errors['code']}
          hint="Univoco nell’ente, es. PERMESSO_SOSTA"
        />
        <TextField
          id="name"
          className="col-12 col-md-8"
          label="Descrizione"
          required
          maxLength={100}
          value={values.name}
          onChange={set('name')}
          error={errors['name']}
        />
        <TextAreaField
          id="description"
          className="col-12"
          label="Descrizione estesa"
          value={values.description}
          onChange={set('description')}
          error={errors['description']}
        />
        <TextField
          id="taxonomyCode"
          className="col-12 col-md-4"
          label="Codice tassonomico"
          required
          value={values.taxonomyCode}
          onChange={set('taxonomyCode')}
          error={errors['taxonomyCode']}
          hint="Dalla tassonomia pagoPA, es. 9/0101101IM/"
        />
        <SelectField
          id="accountId"
          className="col-12 col-md-8"
          label="Conto di accredito"
          value={values.accountId}
          placeholder="Nessuno"
          options={activeAccounts.map((account) => ({
            value: account.id,
            label: `${formatIban(account.iban)} – ${ACCOUNT_KIND_LABELS[account.kind]}, ${account.description}`,
          }))}
          onChange={set('accountId')}
          error={errors['accountId']}
        />
        <SelectField
          id="amountMode"
          className="col-12 col-md-4"
          label="Importo"
          required
          value={values.amountMode}
          options={AMOUNT_MODES.map((mode) => ({ value: mode, label: AMOUNT_MODE_LABELS[mode] }))}
          onChange={(value) => set('amountMode')(value as AmountMode)}
        />
        {values.amountMode === 'FIXED' ? (
          <TextField
            id="fixedAmountCents"
            className="col-12 col-md-4"
            label="Importo fisso (€)"
            required
            inputMode="decimal"
            value={values.fixedAmount}
            onChange={set('fixedAmount')}
            error={errors['fixedAmountCents']}
            hint="Es. 30,00"
          />
        ) : (
          <>
            <TextField
              id="minAmountCents"
              className="col-6 col-md-4"
              label="Importo minimo (€)"
              inputMode="decimal"
              value={values.minAmount}
              onChange={set('minAmount')}
              error={errors['minAmountCents']}
            />
            <TextField
              id="maxAmountCents"
              className="col-6 col-md-4"
              label="Importo massimo (€)"
              inputMode="decimal"
              value={values.maxAmount}
              onChange={set('maxAmount')}
              error={errors['maxAmountCents']}
            />
          </>
        )}
      </div>
      <CheckboxField
        id="spontaneous"
        label="Pagabile spontaneamente dal portale (modalità “base”)"
        checked={values.spontaneous}
        onChange={set('spontaneous')}
      />
      <CheckboxField
        id="debtorRequired"
        label="Il debitore è obbligatorio"
        checked={values.debtorRequired}
        onChange={set('debtorRequired')}
      />
      <TextAreaField
        id="formSchema"
        label="Modulo per il pagamento spontaneo (JSON Schema)"
        rows={10}
        monospace
        value={values.formSchema}
        onChange={set('formSchema')}
        error={Object.entries(errors).find(([field]) => field.startsWith('formSchema'))?.[1]}
        hint="Un oggetto con al massimo 30 campi di tipo string, integer, number o boolean, ognuno con il suo title."
      />
      <div className="d-flex gap-3">
        <Button type="submit" color="primary" disabled={create.isPending}>
          Salva il tipo dovuto
        </Button>
        <Link to="/catalogo" className="btn btn-outline-primary">
          Annulla
        </Link>
      </div>
    </form>
  );
}

export function NewDueTypePage() {
  return (
    <PageContainer title="Nuovo tipo dovuto">
      <ActiveEntity>
        {(entity) =>
          entity.role === 'admin' ? (
            <DueTypeForm key={entity.entityId} entityId={entity.entityId} />
          ) : (
            <Alert color="warning" fade={false} className="my-3">
              Solo gli amministratori dell’ente possono aggiungere tipi di dovuto al catalogo.
            </Alert>
          )
        }
      </ActiveEntity>
    </PageContainer>
  );
}
