const ENTITY_FISCAL_CODE = /^\d{11}$/;

/**
 * Check digit of an 11-digit numeric fiscal code (entities, VAT numbers) over its first ten digits:
 * odd positions as they are, even positions doubled (minus 9 above 9), then (10 - sum mod 10) mod 10.
 */
export function entityFiscalCodeCheckDigit(firstTenDigits: string): number {
  if (!/^\d{10}$/.test(firstTenDigits)) {
    throw new RangeError('expected exactly 10 digits');
  }
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = firstTenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      sum += digit;
    } else {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    }
  }
  return (10 - (sum % 10)) % 10;
}

/** True for an 11-digit fiscal code (codice fiscale ente / partita IVA) whose check digit is right. */
export function isValidEntityFiscalCode(value: string): boolean {
  return (
    ENTITY_FISCAL_CODE.test(value) && entityFiscalCodeCheckDigit(value.slice(0, 10)) === Number(value[10])
  );
}

const PERSON_FISCAL_CODE =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const ODD_VALUES = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/** Check character of a person's 16-character fiscal code over its first 15 characters. */
export function personFiscalCodeCheckChar(first15: string): string {
  if (!/^[A-Z0-9]{15}$/.test(first15)) throw new RangeError('expected 15 uppercase letters or digits');
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const char = first15.charCodeAt(i);
    const index = char <= 57 ? char - 48 : char - 65;
    sum += i % 2 === 0 ? (ODD_VALUES[index] ?? 0) : index;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** True for a person's fiscal code (codice fiscale, omocodia included) whose check character is right. */
export function isValidPersonFiscalCode(value: string): boolean {
  return PERSON_FISCAL_CODE.test(value) && personFiscalCodeCheckChar(value.slice(0, 15)) === value[15];
}
