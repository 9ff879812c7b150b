import {
  newIdempotencyKey,
  useSession,
  useSpontaneousService,
  useStartSpontaneousPayment,
} from '@pagamenti/api-client';
import type { SpontaneousPaymentRequest, SpontaneousServiceDetail } from '@pagamenti/contracts';
import { isValidPersonFiscalCode } from '@pagamenti/pagopa';
import {
  CheckboxField,
  formatEuro,
  PageContainer,
  parseEuroToCents,
  QueryState,
  TextField,
} from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { browser } from '../browser';
import { errorMessage, fieldErrors } from '../features/payments/api-errors';
import { amountRule } from '../features/spontaneous/amount-rule';
import { checkForm, type FormDraft } from '../features/spontaneous/schema-form';
import { formFieldId, SchemaFields } from '../features/spontaneous/SchemaFields';
import { type Translate, useT } from '../i18n/i18n';

/** The form of a spontaneous payment, from the service's JSON Schema. */
export function SpontaneousFormPage() {
  const { t } = useT();
  const { dueTypeId = '' } = useParams();
  const service = useSpontaneousService(dueTypeId);
  return (
    <QueryState query={service} loadingLabel={t('form.loading')}>
      {(data) => <ServiceForm service={data} />}
    </QueryState>
  );
}

interface DebtorDraft {
  type: 'F' | 'G';
  idValue: string;
  name: string;
  email: string;
}

const EMAIL = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/;

function debtorErrors(debtor: DebtorDraft, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  const id = debtor.idValue.replace(/\s+/g, '').toUpperCase();
  const validId =
    debtor.type === 'F' ? isValidPersonFiscalCode(id) : /^\d{11}$/.test(id) || isValidPersonFiscalCode(id);
  if (!validId) errors['debtor.idValue'] = t('validation.fiscalCode');
  if (debtor.name.trim().length < 2) errors['debtor.name'] = t('validation.name');
  if (debtor.email.trim() && !EMAIL.test(debtor.email.trim())) errors['debtor.email'] = t('validation.email');
  return errors;
}

/** Field of the API's errors → id of the input that shows it. */
function inputIdOf(field: string): string {
  if (field.startsWith('formValues.')) return formFieldId(field.slice('formValues.'.length));
  return (
    {
      amountCents: 'importo',
      'debtor.idValue': 'debitore-cf',
      'debtor.name': 'debitore-nome',
      'debtor.email': 'debitore-email',
      email: 'email-esito',
    }[field] ?? field
  );
}

function ServiceForm({ service }: { service: SpontaneousServiceDetail }) {
  const { t } = useT();
  const session = useSession();
  const user = session.data?.user ?? null;
  const pay = useStartSpontaneousPayment();
  const idempotencyKey = useRef(newIdempotencyKey());
  const [draft, setDraft] = useState<FormDraft>({});
  const [useMine, setUseMine] = useState(true);
  const [debtor, setDebtor] = useState<DebtorDraft>({ type: 'F', idValue: '', name: '', email: '' });
  const [amount, setAmount] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [redirecting, setRedirecting] = useState(false);

  const serverErrors = Object.fromEntries(
    Object.entries(fieldErrors(pay.error)).map(([field, message]) => [
      field.replace(/^formValues\./, ''),
      message,
    ]),
  );
  const errors = { ...serverErrors, ...localErrors };
  const asDebtor = user !== null && useMine;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const form = checkForm(service.formSchema, draft, t);
    const found: Record<string, string> = { ...form.errors };
    let amountCents: number | undefined;
    if (service.amountMode === 'FREE') {
      const cents = parseEuroToCents(amount);
      if (cents === null) found['amountCents'] = t('validation.required');
      else if (!Number.isSafeInteger(cents) || cents < 1) found['amountCents'] = t('validation.amount');
      else if (service.minAmountCents !== null && cents < service.minAmountCents)
        found['amountCents'] = t('validation.amountMin', { amount: formatEuro(service.minAmountCents) });
      else if (service.maxAmountCents !== null && cents > service.maxAmountCents)
        found['amountCents'] = t('validation.amountMax', { amount: formatEuro(service.maxAmountCents) });
      else amountCents = cents;
    }
    const debtorGiven = debtor.idValue.trim() !== '' || debtor.name.trim() !== '';
    if (!asDebtor && (service.debtorRequired || debtorGiven)) Object.assign(found, debtorErrors(debtor, t));
    setLocalErrors(found);
    const firstBad = Object.keys(found)[0];
    if (firstBad) {
      const id =
        firstBad.includes('.') || firstBad === 'amountCents' ? inputIdOf(firstBad) : formFieldId(firstBad);
      document.getElementById(id)?.focus();
      return;
    }
    const body: SpontaneousPaymentRequest = {
      dueTypeId: service.dueTypeId,
      formValues: form.values,
      ...(amountCents !== undefined ? { amountCents } : {}),
      ...(!asDebtor && (service.debtorRequired || debtorGiven)
        ? {
            debtor: {
              type: debtor.type,
              idValue: debtor.idValue.replace(/\s+/g, '').toUpperCase(),
              name: debtor.name.trim(),
              ...(debtor.email.trim() ? { email: debtor.email.trim() } : {}),
            },
          }
        : {}),
      ...(debtor.email.trim() && EMAIL.test(debtor.email.trim()) ? { email: debtor.email.trim() } : {}),
    };
    pay.mutate(
      { body, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: ({ checkoutUrl }) => {
          setRedirecting(true);
          browser.assign(checkoutUrl);
        },
        onError: (error) => {
          const first = Object.keys(fieldErrors(error))[0];
          if (first) document.getElementById(inputIdOf(first))?.focus();
        },
      },
    );
  };

  return (
    <PageContainer
      title={t('form.title', { service: service.name })}
      lead={t('form.entity', { entity: service.entityName })}
    >
      {service.description && <p>{service.description}</p>}
      <p>{amountRule(service, t)}</p>
      <form noValidate onSubmit={submit} aria-busy={pay.isPending || redirecting} style={{ maxWidth: 720 }}>
        <p className="small">{t('noticeForm.requiredNote')}</p>
        {service.formSchema && Object.keys(service.formSchema.properties).length > 0 && (
          <fieldset className="mb-4">
            <legend className="h4">{t('form.serviceData')}</legend>
            <SchemaFields
              schema={service.formSchema}
              draft={draft}
              errors={errors}
              onChange={(name, value) => setDraft((current) => ({ ...current, [name]: value }))}
            />
          </fieldset>
        )}
        <fieldset className="mb-4">
          <legend className="h4">{t('form.debtor')}</legend>
          {user && (
            <CheckboxField
              id="usa-miei-dati"
              label={t('form.useMyData', { name: `${user.name} ${user.familyName}` })}
              checked={useMine}
              onChange={setUseMine}
            />
          )}
          {!asDebtor && (
            <>
              <div className="mb-3" role="radiogroup" aria-labelledby="tipo-soggetto">
                <p id="tipo-soggetto" className="form-label fw-semibold mb-1">
                  {t('form.debtorType')}
                </p>
                {(['F', 'G'] as const).map((type) => (
                  <div key={type} className="form-check form-check-inline">
                    <input
                      id={`tipo-${type}`}
                      className="form-check-input"
                      type="radio"
                      name="tipo-soggetto"
                      checked={debtor.type === type}
                      onChange={() => setDebtor({ ...debtor, type })}
                    />
                    <label htmlFor={`tipo-${type}`} className="form-check-label">
                      {t(type === 'F' ? 'form.person' : 'form.company')}
                    </label>
                  </div>
                ))}
              </div>
              <TextField
                id="debitore-cf"
                label={t(debtor.type === 'F' ? 'form.fiscalCode' : 'form.vatNumber')}
                required={service.debtorRequired}
                value={debtor.idValue}
                onChange={(idValue) => setDebtor({ ...debtor, idValue })}
                maxLength={20}
                autoComplete="off"
                error={errors['debtor.idValue']}
              />
              <TextField
                id="debitore-nome"
                label={t(debtor.type === 'F' ? 'form.fullName' : 'form.companyName')}
                required={service.debtorRequired}
                value={debtor.name}
                onChange={(name) => setDebtor({ ...debtor, name })}
                maxLength={140}
                autoComplete={debtor.type === 'F' ? 'name' : 'organization'}
                error={errors['debtor.name']}
              />
            </>
          )}
          <TextField
            id="debitore-email"
            type="email"
            label={t('form.email')}
            hint={t('form.emailHint')}
            value={debtor.email}
            onChange={(email) => setDebtor({ ...debtor, email })}
            autoComplete="email"
            error={errors['debtor.email'] ?? errors['email']}
          />
        </fieldset>
        {service.amountMode === 'FREE' ? (
          <TextField
            id="importo"
            label={t('form.amount')}
            hint={`${amountRule(service, t)}. ${t('form.amountHint')}`}
            required
            inputMode="decimal"
            value={amount}
            onChange={setAmount}
            error={errors['amountCents']}
          />
        ) : (
          <p className="fs-5">
            <span className="fw-semibold">{t('form.amountFixed')}:</span>{' '}
            {formatEuro(service.fixedAmountCents)}
          </p>
        )}
        <Alert color="info" fade={false} role="note">
          {t('form.declaration')}
        </Alert>
        {Object.keys(errors).length > 0 && (
          <p className="text-danger fw-semibold" role="alert">
            {t('form.errorsSummary')}
          </p>
        )}
        {pay.isError && Object.keys(serverErrors).length === 0 && (
          <Alert color="danger" fade={false}>
            {errorMessage(pay.error, t)}
          </Alert>
        )}
        <div aria-live="polite">
          {redirecting && <p className="fw-semibold">{t('notice.redirecting')}</p>}
        </div>
        <Button color="primary" type="submit" disabled={pay.isPending || redirecting}>
          {t('form.pay')}
        </Button>
      </form>
    </PageContainer>
  );
}
