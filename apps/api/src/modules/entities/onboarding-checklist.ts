import { type OnboardingStage } from '@pagamenti/contracts';

/** What the automatic checklist items look at. */
export interface ChecklistFacts {
  hasContacts: boolean;
  activeAccounts: number;
  stationLinked: boolean;
  hasSegregationCode: boolean;
  activeDueTypes: number;
}

export interface ChecklistDefinition {
  key: string;
  stage: OnboardingStage;
  label: string;
  /** Derived from data when present; otherwise ticked by staff. */
  automatic?: (facts: ChecklistFacts) => boolean;
}

/**
 * What must be done in each stage before the entity can move on (SANP "Processo di avvio in Esercizio").
 * Advancing out of a stage requires every item of that stage.
 */
export const CHECKLIST: readonly ChecklistDefinition[] = [
  { key: 'adhesion-registered', stage: 'ADHESION_REQUESTED', label: 'Richiesta di adesione protocollata' },
  {
    key: 'contacts',
    stage: 'ADHESION_REQUESTED',
    label: 'Referente ed e-mail dell’ente indicati',
    automatic: (facts) => facts.hasContacts,
  },
  { key: 'indemnity-signed', stage: 'AGREEMENT_SIGNED', label: 'Modulo di manleva firmato dal referente' },
  { key: 'pagopa-registered', stage: 'AGREEMENT_SIGNED', label: 'Ente censito nel back office pagoPA' },
  {
    key: 'ibans',
    stage: 'CONFIGURATION',
    label: 'Almeno un IBAN di accredito registrato',
    automatic: (facts) => facts.activeAccounts > 0,
  },
  {
    key: 'station',
    stage: 'CONFIGURATION',
    label: 'Ente collegato a una stazione',
    automatic: (facts) => facts.stationLinked,
  },
  {
    key: 'segregation-code',
    stage: 'CONFIGURATION',
    label: 'Codice di segregazione assegnato',
    automatic: (facts) => facts.hasSegregationCode,
  },
  {
    key: 'catalogue',
    stage: 'CONFIGURATION',
    label: 'Almeno un tipo dovuto attivo nel catalogo',
    automatic: (facts) => facts.activeDueTypes > 0,
  },
  { key: 'test-payment', stage: 'TESTING', label: 'Pagamento di prova completato' },
  { key: 'test-cases', stage: 'TESTING', label: 'Casi di test pagoPA superati' },
  { key: 'production-station', stage: 'TESTING', label: 'Stazione abilitata in ambiente di produzione' },
];

export function checklistDefinition(key: string): ChecklistDefinition | undefined {
  return CHECKLIST.find((item) => item.key === key);
}
