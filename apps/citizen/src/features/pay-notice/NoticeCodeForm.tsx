import { Button } from 'design-react-kit';
import { type FormEvent, type RefObject, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { cleanEntityFiscalCode, cleanNoticeNumber, noticePath } from './notice-codes';
import { QrReader } from './QrReader';

function Field({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  maxLength,
  inputRef,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label fw-semibold">
        {label}
        <span aria-hidden="true"> *</span>
      </label>
      <input
        ref={inputRef}
        id={id}
        name={id}
        className={`form-control font-monospace${error ? ' is-invalid' : ''}`}
        inputMode="numeric"
        autoComplete="off"
        required
        maxLength={maxLength}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(event.target.value)}
      />
      <small id={`${id}-hint`} className="form-text">
        {hint}
      </small>
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </div>
  );
}

/** "Paga un avviso": notice code and entity fiscal code typed, or read from the notice's QR code. */
export function NoticeCodeForm() {
  const { t } = useT();
  const navigate = useNavigate();
  const [noticeNumber, setNoticeNumber] = useState('');
  const [entityFiscalCode, setEntityFiscalCode] = useState('');
  const [errors, setErrors] = useState<{ noticeNumber?: string; entityFiscalCode?: string }>({});
  const noticeRef = useRef<HTMLInputElement>(null);
  const entityRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const notice = cleanNoticeNumber(noticeNumber);
    const entity = cleanEntityFiscalCode(entityFiscalCode);
    const found = {
      ...(notice ? {} : { noticeNumber: t('noticeForm.noticeNumberInvalid') }),
      ...(entity ? {} : { entityFiscalCode: t('noticeForm.entityFiscalCodeInvalid') }),
    };
    setErrors(found);
    if (!notice) return noticeRef.current?.focus();
    if (!entity) return entityRef.current?.focus();
    void navigate(noticePath(entity, notice));
  };

  return (
    <section aria-labelledby="paga-avviso-titolo" id="paga-avviso" className="mb-5">
      <h2 id="paga-avviso-titolo" className="h3">
        {t('noticeForm.title')}
      </h2>
      <p>{t('noticeForm.lead')}</p>
      <div className="row">
        <div className="col-12 col-lg-7">
          <form noValidate onSubmit={submit}>
            <p className="small">{t('noticeForm.requiredNote')}</p>
            <Field
              id="codice-avviso"
              label={t('noticeForm.noticeNumber')}
              hint={t('noticeForm.noticeNumberHint')}
              error={errors.noticeNumber}
              value={noticeNumber}
              onChange={setNoticeNumber}
              maxLength={30}
              inputRef={noticeRef}
            />
            <Field
              id="codice-fiscale-ente"
              label={t('noticeForm.entityFiscalCode')}
              hint={t('noticeForm.entityFiscalCodeHint')}
              error={errors.entityFiscalCode}
              value={entityFiscalCode}
              onChange={setEntityFiscalCode}
              maxLength={15}
              inputRef={entityRef}
            />
            <Button color="primary" type="submit">
              {t('noticeForm.submit')}
            </Button>
          </form>
        </div>
        <div className="col-12 col-lg-5">
          <QrReader
            onNotice={(notice) => void navigate(noticePath(notice.entityFiscalCode, notice.noticeNumber))}
          />
        </div>
      </div>
    </section>
  );
}
