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
