/**
 * pagoPA taxonomy codes (`transferCategory`, "dati specifici di incasso"): `<prefix>/<EC type 2d><macro-area 2d>
 * <service type 3d><legal reason>/`, e.g. `9/0101101IM/` (Comune, tributi, TARI current year, imposta).
 * Prefix `9/` is the normal one; `6/`, `7/`, `8/` mark positions not pushed through SEPA Request-to-Pay.
 * Format check only: whether the code is in PagoPA's current list is not checked here.
 */
export const TAXONOMY_CODE_PATTERN = /^[6-9]\/\d{7}(IM|TS|SP|SA|AP)\/$/;

export const TAXONOMY_LEGAL_REASONS = {
  IM: 'Imposta',
  TS: 'Tassa',
  SP: 'Corrispettivo di servizio',
  SA: 'Sanzione',
  AP: 'Altri proventi',
} as const;

export function isValidTaxonomyCode(value: string): boolean {
  return TAXONOMY_CODE_PATTERN.test(value);
}

export interface TaxonomyCodeParts {
  prefix: string;
  entityType: string;
  macroArea: string;
  serviceType: string;
  legalReason: keyof typeof TAXONOMY_LEGAL_REASONS;
}

export function parseTaxonomyCode(value: string): TaxonomyCodeParts | null {
  if (!isValidTaxonomyCode(value)) return null;
  return {
    prefix: value.slice(0, 1),
    entityType: value.slice(2, 4),
    macroArea: value.slice(4, 6),
    serviceType: value.slice(6, 9),
    legalReason: value.slice(9, 11) as keyof typeof TAXONOMY_LEGAL_REASONS,
  };
}

/** Segregation code: two digits assigned by PagoPA to a IUV generation point (aux digit 3). */
export function isValidSegregationCode(value: string): boolean {
  return /^\d{2}$/.test(value);
}

/** Poste Italiane's ABI code: an Italian IBAN with it is a postal account (conto corrente postale). */
export const POSTE_ABI = '07601';

/** The ABI (bank code) of a normalized Italian IBAN. */
export function italianIbanAbi(iban: string): string {
  return iban.slice(5, 10);
}

/** The CBILL code of an entity: 5 alphanumeric characters assigned by the CBILL consortium. */
export function isValidCbillCode(value: string): boolean {
  return /^[A-Z0-9]{5}$/.test(value);
}
