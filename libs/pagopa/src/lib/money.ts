const SOAP_DECIMAL = /^(\d{1,9})\.(\d{2})$/;

/** Integer cents → the `\d+\.\d{2}` decimal of pagoPA SOAP messages. */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`invalid amount in cents: ${cents}`);
  const euros = Math.trunc(cents / 100);
  return `${euros}.${String(cents % 100).padStart(2, '0')}`;
}

/** The `\d+\.\d{2}` decimal of a SOAP message → integer cents, or null when the text is not such a decimal. */
export function decimalToCents(value: string): number | null {
  const match = SOAP_DECIMAL.exec(value.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number(match[2]);
}
