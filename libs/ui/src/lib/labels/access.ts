import type { ApiKeyScope, EntityRole, IntermediaryRole } from '@pagamenti/contracts';
import { isValidPersonFiscalCode } from '@pagamenti/pagopa';

export const ENTITY_ROLE_LABELS: Record<EntityRole, string> = {
  admin: 'Amministratore',
  operator: 'Operatore',
  viewer: 'Sola lettura',
};

/** What each role may do, for the role pickers. */
export const ENTITY_ROLE_DESCRIPTIONS: Record<EntityRole, string> = {
  admin: 'gestisce i dati dell’ente, gli operatori e le chiavi API',
  operator: 'gestisce catalogo, conti, posizioni debitorie e pagamenti',
  viewer: 'consulta i dati senza modificarli',
};

export const INTERMEDIARY_ROLE_LABELS: Record<IntermediaryRole, string> = {
  admin: 'Amministratore',
  support: 'Assistenza',
  readonly: 'Sola lettura',
};

export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, string> = {
  'debts:read': 'Lettura posizioni debitorie',
  'debts:write': 'Gestione posizioni debitorie',
  'payments:read': 'Lettura pagamenti',
  'payments:write': 'Avvio pagamenti dal portale',
  'reports:read': 'Lettura rendicontazioni',
};

export const API_KEY_SCOPE_DESCRIPTIONS: Record<ApiKeyScope, string> = {
  'debts:read': 'Consultare le posizioni debitorie e gli avvisi dell’ente.',
  'debts:write': 'Creare, aggiornare e annullare posizioni debitorie (per esempio dal gestionale tributi).',
  'payments:read': 'Consultare i pagamenti ricevuti e le relative ricevute.',
  'payments:write': 'Avviare il pagamento di avvisi dell’ente dal suo portale (carrello pagoPA Checkout).',
  'reports:read': 'Scaricare i flussi di rendicontazione e i dati per la riconciliazione.',
};

/** Upper case, no spaces: how a typed fiscal code is sent. */
export function normalizePersonFiscalCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The Italian message for a person's fiscal code that cannot be right, or undefined when it can. */
export function personFiscalCodeError(value: string): string | undefined {
  const code = normalizePersonFiscalCode(value);
  if (!code) return 'Indica il codice fiscale della persona';
  if (code.length !== 16)
    return `Il codice fiscale ha 16 caratteri: ${code.length === 1 ? 'ne hai scritto uno' : `ne hai scritti ${code.length}`}`;
  if (!/^[A-Z]{6}[0-9A-Z]{2}[A-Z][0-9A-Z]{2}[A-Z][0-9A-Z]{3}[A-Z]$/.test(code))
    return 'Il codice fiscale non ha la forma di quello di una persona (es. RSSMRA80A01H501U)';
  if (!isValidPersonFiscalCode(code))
    return 'Il codice fiscale non è corretto: controlla i caratteri, l’ultimo non corrisponde';
  return undefined;
}
