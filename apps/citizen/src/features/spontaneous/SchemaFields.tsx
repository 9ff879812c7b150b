import type { DueTypeFormSchema } from '@pagamenti/contracts';
import { CheckboxField, SelectField, TextField } from '@pagamenti/ui';
import { useT } from '../../i18n/i18n';
import { fieldHint, type FormDraft } from './schema-form';

export const formFieldId = (name: string) => `campo-${name}`;

/**
 * The inputs of a due type's form, generated from its JSON Schema: text, number, date and e-mail inputs, a select
 * for enums, a checkbox for booleans; the schema's `title` is the label, its limits the hint.
 */
export function SchemaFields({
  schema,
  draft,
  errors,
  onChange,
}: {
  schema: DueTypeFormSchema;
  draft: FormDraft;
  errors: Record<string, string>;
  onChange: (name: string, value: string) => void;
}) {
  const { t } = useT();
  return (
    <>
      {Object.entries(schema.properties).map(([name, field]) => {
        const id = formFieldId(name);
        const required = schema.required?.includes(name) ?? false;
        const common = {
          id,
          label: field.title || name,
          required,
          error: errors[name],
          hint: fieldHint(field, t),
        };
        if (field.type === 'boolean')
          return (
            <CheckboxField
              key={name}
              id={id}
              label={field.title || name}
              hint={common.hint}
              checked={draft[name] === 'true'}
              onChange={(checked) => onChange(name, checked ? 'true' : '')}
            />
          );
        if (field.enum)
          return (
            <SelectField
              key={name}
              {...common}
              value={draft[name] ?? ''}
              onChange={(value) => onChange(name, value)}
              placeholder={t('form.choose')}
              options={field.enum.map((option) => ({ value: String(option), label: String(option) }))}
            />
          );
        return (
          <TextField
            key={name}
            {...common}
            value={draft[name] ?? ''}
            onChange={(value) => onChange(name, value)}
            type={field.format === 'date' ? 'date' : field.format === 'email' ? 'email' : 'text'}
            inputMode={field.type === 'integer' ? 'numeric' : field.type === 'number' ? 'decimal' : 'text'}
            {...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {})}
          />
        );
      })}
    </>
  );
}
