const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
const ITALIAN_IBAN = /^IT\d{2}[A-Z]\d{10}[A-Z0-9]{12}$/;

/** Removes spaces and upper-cases, the form IBANs are stored and compared in. */
export function normalizeIban(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** ISO 13616 mod-97 check of an IBAN already normalized. */
export function hasValidIbanChecksum(iban: string): boolean {
  if (!IBAN_SHAPE.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : char;
    for (const digit of digits) {
      remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
    }
  }
  return remainder === 1;
}

/** True for a 27-character Italian IBAN (IT, check digits, CIN, ABI, CAB, account) with a valid checksum. */
export function isValidItalianIban(value: string): boolean {
  const iban = normalizeIban(value);
  return ITALIAN_IBAN.test(iban) && hasValidIbanChecksum(iban);
}

/** Computes the two IBAN check digits for a country code and BBAN (used to build valid demo data). */
export function ibanCheckDigits(countryCode: string, bban: string): string {
  const probe = `${countryCode}00${bban}`;
  const rearranged = probe.slice(4) + probe.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : char;
    for (const digit of digits) {
      remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
    }
  }
  return String(98 - remainder).padStart(2, '0');
}
