import type { AuditEvent, AuditOutcome } from '@pagamenti/contracts';
import type { StatusTone } from '../status/onboarding-stage';

/** What each action of the register means, in Italian. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Accesso',
  'auth.logout': 'Uscita',
  'auth.entity-switched': 'Cambio dell’ente attivo',
  'role.entity.granted': 'Ruolo assegnato',
  'role.entity.changed': 'Ruolo modificato',
  'role.entity.revoked': 'Ruolo revocato',
  'api-key.created': 'Chiave API creata',
  'api-key.revoked': 'Chiave API revocata',
  'data.post': 'Dati inseriti',
  'data.put': 'Dati aggiornati',
  'data.patch': 'Dati modificati',
  'data.delete': 'Dati eliminati',
  'citizen-data.read': 'Consultazione dei dati di un cittadino',
};

/**
 * The "Tipo di azione" filter: the API matches the action by prefix, so `role.` finds every role change.
 * `entityScoped` hides the options that never concern an entity (logins and logouts have none).
 */
export const AUDIT_ACTION_FILTERS: { value: string; label: string; entityScoped: boolean }[] = [
  { value: 'auth.login', label: 'Accessi', entityScoped: false },
  { value: 'auth.logout', label: 'Uscite', entityScoped: false },
  { value: 'auth.entity-switched', label: 'Cambi dell’ente attivo', entityScoped: true },
  { value: 'role.', label: 'Ruoli e permessi', entityScoped: true },
  { value: 'api-key.', label: 'Chiavi API', entityScoped: true },
  { value: 'data.', label: 'Modifiche ai dati', entityScoped: true },
  { value: 'citizen-data.', label: 'Consultazioni di dati dei cittadini', entityScoped: true },
];

export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, string> = {
  success: 'Riuscita',
  failure: 'Non riuscita',
};

export const AUDIT_OUTCOME_TONES: Record<AuditOutcome, StatusTone> = {
  success: 'success',
  failure: 'danger',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

const ACTOR_KIND_LABELS: Record<AuditEvent['actorKind'], string> = {
  person: 'Persona',
  'api-key': 'Chiave API',
  system: 'Sistema',
  anonymous: 'Anonimo',
};

/** Who acted: the fiscal code of a person, else what kind of actor it was. */
export function auditActorLabel(event: Pick<AuditEvent, 'actorKind' | 'actorFiscalCode'>): string {
  return event.actorFiscalCode ?? ACTOR_KIND_LABELS[event.actorKind];
}

const OBJECT_TYPE_LABELS: Record<string, string> = {
  person: 'Persona',
  'api-key': 'Chiave API',
  route: 'Operazione',
};

/** What the action was about: a person, an API key, an API operation… */
export function auditObjectLabel(event: Pick<AuditEvent, 'objectType' | 'objectId'>): {
  kind: string;
  id: string | null;
} | null {
  if (!event.objectType && !event.objectId) return null;
  return {
    kind: event.objectType ? (OBJECT_TYPE_LABELS[event.objectType] ?? event.objectType) : 'Oggetto',
    id: event.objectId,
  };
}
