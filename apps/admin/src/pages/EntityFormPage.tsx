import {
  ApiError,
  useAdminEntity,
  useCreateEntity,
  useStations,
  useUpdateEntity,
} from '@pagamenti/api-client';
import {
  type EntityCategory,
  type EntityDetail,
  NOTICE_LANGUAGES,
  type NoticeLanguage,
} from '@pagamenti/contracts';
import { isValidEntityFiscalCode } from '@pagamenti/pagopa';
import {
  NOTICE_LANGUAGE_LABELS,
  PageContainer,
  QueryState,
  RequiredFieldsNote,
  SelectField,
  TextAreaField,
  TextField,
  fieldErrorsOf,
} from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { CATEGORY_OPTIONS } from '../features/entities/options';

interface FormValues {
  fiscalCode: string;
  name: string;
  category: string;
  province: string;
  ipaCode: string;
  email: string;
  pec: string;
  phone: string;
  referentName: string;
  segregationCode: string;
  stationId: string;
  cbillCode: string;
  noticeLanguage: string;
  note: string;
}

const FIELD_ORDER: (keyof FormValues)[] = [
  'fiscalCode',
  'name',
  'category',
  'province',
  'ipaCode',
  'email',
  'pec',
  'phone',
  'referentName',
  'segregationCode',
  'stationId',
  'cbillCode',
  'noticeLanguage',
];

function initialValues(entity?: EntityDetail): FormValues {
  return {
    fiscalCode: entity?.fiscalCode ?? '',
    name: entity?.name ?? '',
    category: entity?.category ?? '',
    province: entity?.province ?? '',
    ipaCode: entity?.ipaCode ?? '',
    email: entity?.email ?? '',
    pec: entity?.pec ?? '',
    phone: entity?.phone ?? '',
    referentName: entity?.referentName ?? '',
    segregationCode: entity?.segregationCode ?? '',
    stationId: entity?.station?.id ?? '',
    cbillCode: entity?.cbillCode ?? '',
    noticeLanguage: entity?.noticeLanguages[0] ?? '',
    note: '',
  };
}

/** The checks the API makes too, run first so that most mistakes are caught without a round trip. */
function validate(values: FormValues, creating: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  const fiscalCode = values.fiscalCode.trim();
  if (creating) {
    if (!/^\d{11}$/.test(fiscalCode)) errors['fiscalCode'] = 'Inserisci 11 cifre';
    else if (!isValidEntityFiscalCode(fiscalCode))
      errors['fiscalCode'] = 'Il codice fiscale non è corretto: controlla l’ultima cifra';
  }
  if (!values.name.trim()) errors['name'] = 'Inserisci la ragione sociale';
  if (!values.category) errors['category'] = 'Scegli la categoria';
  if (!/^[A-Za-z]{2}$/.test(values.province.trim())) errors['province'] = 'Inserisci la sigla di 2 lettere';
  if (values.segregationCode && !/^\d{2}$/.test(values.segregationCode.trim()))
    errors['segregationCode'] = 'Il codice di segregazione ha 2 cifre';
  if (values.cbillCode && !/^[A-Za-z0-9]{5}$/.test(values.cbillCode.trim()))
    errors['cbillCode'] = 'Il codice CBILL ha 5 caratteri alfanumerici';
  if (values.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email.trim()))
    errors['email'] = 'Indirizzo email non valido';
  if (values.pec && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.pec.trim()))
    errors['pec'] = 'Indirizzo PEC non valido';
  return errors;
}

function EntityForm({ entity }: { entity?: EntityDetail }) {
  const creating = !entity;
  const navigate = useNavigate();
  const [values, setValues] = useState<FormValues>(() => initialValues(entity));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const stations = useStations();
  const create = useCreateEntity();
  const update = useUpdateEntity(entity?.id ?? '');
  const mutation = creating ? create : update;
  const serverErrors = fieldErrorsOf(mutation.error);
  const errors: Record<string, string> = { ...serverErrors, ...clientErrors };
  if (serverErrors['noticeLanguages']) errors['noticeLanguage'] = serverErrors['noticeLanguages'];
  const set = (field: keyof FormValues) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values, creating);
    setClientErrors(found);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    const body = {
      name: values.name.trim(),
      category: values.category as EntityCategory,
      province: values.province.trim().toUpperCase(),
      ipaCode: values.ipaCode.trim() || null,
      email: values.email.trim() || null,
      pec: values.pec.trim() || null,
      phone: values.phone.trim() || null,
      referentName: values.referentName.trim() || null,
      segregationCode: values.segregationCode.trim() || null,
      stationId: values.stationId || null,
      cbillCode: values.cbillCode.trim().toUpperCase() || null,
      noticeLanguages: values.noticeLanguage ? [values.noticeLanguage as NoticeLanguage] : [],
    };
    const onSuccess = (saved: EntityDetail) => navigate(`/enti/${saved.id}`);
    if (creating) {
      create.mutate(
        {
          ...body,
          fiscalCode: values.fiscalCode.trim(),
          note: values.note.trim() || undefined,
        },
        { onSuccess },
      );
    } else {
      update.mutate(body, { onSuccess });
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby="campi-obbligatori">
      <div id="campi-obbligatori">
        <RequiredFieldsNote />
      </div>
      {mutation.error instanceof ApiError && (
        <Alert color="danger" role="alert">
          {mutation.error.message} {Object.keys(serverErrors).length > 0 && 'Correggi i campi evidenziati.'}
        </Alert>
      )}
      <fieldset className="mb-4">
        <legend className="h4">Anagrafica</legend>
        <div className="row">
          {creating && (
            <TextField
              id="fiscalCode"
              className="col-12 col-md-4"
              label="Codice fiscale"
              required
              inputMode="numeric"
              maxLength={11}
              value={values.fiscalCode}
              onChange={set('fiscalCode')}
              error={errors['fiscalCode']}
              hint="11 cifre, con il carattere di controllo finale."
            />
          )}
          <TextField
            id="name"
            className="col-12 col-md-8"
            label="Ragione sociale"
            required
            value={values.name}
            onChange={set('name')}
            error={errors['name']}
          />
          <SelectField
            id="category"
            className="col-12 col-md-4"
            label="Categoria"
            required
            value={values.category}
            placeholder="Scegli…"
            options={CATEGORY_OPTIONS}
            onChange={set('category')}
            error={errors['category']}
          />
          <TextField
            id="province"
            className="col-6 col-md-2"
            label="Provincia"
            required
            maxLength={2}
            value={values.province}
            onChange={set('province')}
            error={errors['province']}
            hint="Sigla, es. TE"
          />
          <TextField
            id="ipaCode"
            className="col-6 col-md-3"
            label="Codice IPA"
            value={values.ipaCode}
            onChange={set('ipaCode')}
            error={errors['ipaCode']}
          />
        </div>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Contatti</legend>
        <div className="row">
          <TextField
            id="referentName"
            className="col-12 col-md-6"
            label="Referente"
            value={values.referentName}
            onChange={set('referentName')}
            error={errors['referentName']}
          />
          <TextField
            id="phone"
            className="col-12 col-md-6"
            label="Telefono"
            type="tel"
            value={values.phone}
            onChange={set('phone')}
            error={errors['phone']}
          />
          <TextField
            id="email"
            className="col-12 col-md-6"
            label="Email ente"
            type="email"
            value={values.email}
            onChange={set('email')}
            error={errors['email']}
            hint="Dove l’ente riceve le comunicazioni della piattaforma."
          />
          <TextField
            id="pec"
            className="col-12 col-md-6"
            label="PEC"
            type="email"
            value={values.pec}
            onChange={set('pec')}
            error={errors['pec']}
          />
        </div>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Configurazione pagoPA</legend>
        <div className="row">
          <SelectField
            id="stationId"
            className="col-12 col-md-6"
            label="Stazione"
            value={values.stationId}
            placeholder="Nessuna"
            options={(stations.data ?? []).map((station) => ({
              value: station.id,
              label: `${station.stationCode} – ${station.description}`,
            }))}
            onChange={set('stationId')}
            error={errors['stationId']}
          />
          <TextField
            id="segregationCode"
            className="col-6 col-md-3"
            label="Codice segregazione"
            inputMode="numeric"
            maxLength={2}
            value={values.segregationCode}
            onChange={set('segregationCode')}
            error={errors['segregationCode']}
          />
          <TextField
            id="cbillCode"
            className="col-6 col-md-3"
            label="Codice CBILL"
            maxLength={5}
            value={values.cbillCode}
            onChange={set('cbillCode')}
            error={errors['cbillCode']}
          />
          <SelectField
            id="noticeLanguage"
            className="col-12 col-md-6"
            label="Lingua aggiuntiva degli avvisi"
            value={values.noticeLanguage}
            placeholder="Nessuna (solo italiano)"
            options={NOTICE_LANGUAGES.map((code) => ({ value: code, label: NOTICE_LANGUAGE_LABELS[code] }))}
            onChange={set('noticeLanguage')}
            error={errors['noticeLanguage']}
          />
        </div>
      </fieldset>
      {creating && (
        <TextAreaField
          id="note"
          label="Nota per lo storico"
          value={values.note}
          onChange={set('note')}
          hint="Es. estremi della delibera o della richiesta di adesione."
        />
      )}
      <div className="d-flex gap-3">
        <Button type="submit" color="primary" disabled={mutation.isPending}>
          {creating ? 'Registra l’ente' : 'Salva le modifiche'}
        </Button>
        <Link to={entity ? `/enti/${entity.id}` : '/enti'} className="btn btn-outline-primary">
          Annulla
        </Link>
      </div>
    </form>
  );
}

export function NewEntityPage() {
  return (
    <PageContainer title="Registra un ente" lead="L’ente entra nella fase “Adesione richiesta”.">
      <EntityForm />
    </PageContainer>
  );
}

export function EditEntityPage() {
  const { id } = useParams();
  const query = useAdminEntity(id);
  return (
    <QueryState query={query} loadingLabel="Caricamento dell’ente…">
      {(entity) => (
        <PageContainer title={`Modifica ${entity.name}`}>
          <EntityForm entity={entity} />
        </PageContainer>
      )}
    </QueryState>
  );
}
