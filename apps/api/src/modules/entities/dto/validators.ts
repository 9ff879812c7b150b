import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import {
  isValidEntityFiscalCode,
  isValidItalianIban,
  isValidTaxonomyCode,
  normalizeIban,
} from '@pagamenti/pagopa';

/** 11 digits with a correct check digit (codice fiscale ente / partita IVA). */
export function IsEntityFiscalCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEntityFiscalCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidEntityFiscalCode(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'valore'}: il codice fiscale dell’ente deve avere 11 cifre con carattere di controllo corretto`,
      },
    },
    options,
  );
}

/** An Italian IBAN (27 characters) whose check digits are right. */
export function IsItalianIban(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isItalianIban',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidItalianIban(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'valore'}: IBAN non valido (servono 27 caratteri, IT e cifre di controllo corrette)`,
      },
    },
    options,
  );
}

/** A pagoPA taxonomy code such as `9/0101101IM/` (format only). */
export function IsTaxonomyCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTaxonomyCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidTaxonomyCode(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'valore'}: codice tassonomico non valido: formato atteso 9/TTMMSSSRR/ (es. 9/0101101IM/)`,
      },
    },
    options,
  );
}

/** Spaces removed, upper case: the form IBANs are stored in. */
export const NormalizeIban = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeIban(value) : value));

/** Trims strings; an empty string becomes null (so clearing a form field clears the value). */
export const TrimToNull = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/** Trims and upper-cases strings (province, CBILL codes). */
export const TrimUpper = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  );
