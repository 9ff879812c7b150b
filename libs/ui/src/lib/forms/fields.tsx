import { ApiError } from '@pagamenti/api-client';
import { type ChangeEvent, type ReactNode, useId } from 'react';

/** Field → message from an API validation error (the first message of each field). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const byField: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) byField[fieldError.field] ??= fieldError.message;
  return byField;
}

interface FieldBase {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
}

function Describe({ id, error, hint }: Pick<FieldBase, 'id' | 'error' | 'hint'>) {
  return (
    <>
      {hint && (
        <small id={`${id}-hint`} className="form-text">
          {hint}
        </small>
      )}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      )}
    </>
  );
}

const describedBy = ({ id, error, hint }: Pick<FieldBase, 'id' | 'error' | 'hint'>) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Label({ id, label, required }: Pick<FieldBase, 'id' | 'label' | 'required'>) {
  return (
    <label htmlFor={id} className="form-label fw-semibold">
      {label}
      {required && <span aria-hidden="true"> *</span>}
    </label>
  );
}

export interface TextFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'url' | 'date' | 'tel' | 'password';
  inputMode?: 'text' | 'numeric' | 'decimal';
  maxLength?: number;
  autoComplete?: string;
  className?: string;
  /** Shown but not editable, e.g. an amount fixed by the catalogue. */
  readOnly?: boolean;
}

/** A labelled input with hint and error, wired with aria-describedby and aria-invalid. */
export function TextField(props: TextFieldProps) {
  const { id, label, error, hint, required, value, onChange, type = 'text', className, ...rest } = props;
  return (
    <div className={`mb-3 ${className ?? ''}`}>
      <Label id={id} label={label} required={required} />
      <input
        id={id}
        name={id}
        type={type}
        className={`form-control${error ? ' is-invalid' : ''}`}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, error, hint })}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        {...rest}
      />
      <Describe id={id} error={error} hint={hint} />
    </div>
  );
}

export interface TextAreaFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  className?: string;
  monospace?: boolean;
}

export function TextAreaField({
  id,
  label,
  error,
  hint,
  required,
  value,
  onChange,
  rows = 3,
  className,
  monospace,
}: TextAreaFieldProps) {
  return (
    <div className={`mb-3 ${className ?? ''}`}>
      <Label id={id} label={label} required={required} />
      <textarea
        id={id}
        name={id}
        rows={rows}
        className={`form-control${error ? ' is-invalid' : ''}${monospace ? ' font-monospace' : ''}`}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, error, hint })}
        onChange={(event) => onChange(event.target.value)}
      />
      <Describe id={id} error={error} hint={hint} />
    </div>
  );
}

export interface SelectFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  /** Text of the empty option; omit to have none. */
  placeholder?: string;
  className?: string;
}

export function SelectField({
  id,
  label,
  error,
  hint,
  required,
  value,
  onChange,
  options,
  placeholder,
  className,
}: SelectFieldProps) {
  return (
    <div className={`mb-3 ${className ?? ''}`}>
      <Label id={id} label={label} required={required} />
      <select
        id={id}
        name={id}
        className={`form-select${error ? ' is-invalid' : ''}`}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, error, hint })}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Describe id={id} error={error} hint={hint} />
    </div>
  );
}

export interface CheckboxFieldProps {
  id?: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  disabled?: boolean;
}

export function CheckboxField({ id, label, checked, onChange, hint, disabled }: CheckboxFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className="form-check mb-3">
      <input
        id={inputId}
        type="checkbox"
        className="form-check-input"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${inputId}-hint` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={inputId} className="form-check-label">
        {label}
      </label>
      {hint && (
        <small id={`${inputId}-hint`} className="form-text d-block">
          {hint}
        </small>
      )}
    </div>
  );
}

/** The DI sentence explaining the asterisk, to put at the top of every form with required fields. */
export function RequiredFieldsNote() {
  return <p className="small">I campi contraddistinti dal simbolo asterisco (*) sono obbligatori.</p>;
}

/** Euro text ("12,50" or "12.5") to integer cents, or null when empty; NaN when malformed. */
export function parseEuroToCents(value: string): number | null {
  const clean = value.trim().replace(/\s|€/g, '');
  if (clean === '') return null;
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(clean.replace(/\.(?=\d{3}(\D|$))/g, ''));
  if (!match) return Number.NaN;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Integer cents to "12,50" for an input (no currency sign, no grouping). */
export function centsToEuroInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  return `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}
