/** Where an entity stands in its path from adhesion to production (and out of it). */
export const OnboardingStage = {
  AdhesionRequested: 'ADHESION_REQUESTED',
  AgreementSigned: 'AGREEMENT_SIGNED',
  Configuration: 'CONFIGURATION',
  Testing: 'TESTING',
  Production: 'PRODUCTION',
  Suspended: 'SUSPENDED',
  Withdrawn: 'WITHDRAWN',
} as const;
export type OnboardingStage = (typeof OnboardingStage)[keyof typeof OnboardingStage];
export const ONBOARDING_STAGES: readonly OnboardingStage[] = Object.values(OnboardingStage);

export const EntityCategory = {
  Region: 'REGIONE',
  Municipality: 'COMUNE',
  HealthAgency: 'ASL',
  RegionalAgency: 'AGENZIA_REGIONALE',
  StudentAgency: 'ADSU',
  HousingAgency: 'ATER',
  PublicCompany: 'AZIENDA_PUBBLICA',
  UnionOfMunicipalities: 'UNIONE_COMUNI',
  Consortium: 'CONSORZIO',
  Association: 'ASSOCIAZIONE',
  ProfessionalBody: 'COLLEGIO_ORDINE',
} as const;
export type EntityCategory = (typeof EntityCategory)[keyof typeof EntityCategory];

/** Public data of a creditor entity (ente creditore). */
export interface EntitySummary {
  id: string;
  /** 11-digit fiscal code (codice fiscale ente), the pagoPA `idPA`. */
  fiscalCode: string;
  name: string;
  category: EntityCategory;
  /** Two-letter province code, e.g. `AQ`. */
  province: string;
  onboardingStage: OnboardingStage;
}

/** Second language printed on payment notices, besides Italian (avviso pagoPA 3.x). */
export const NOTICE_LANGUAGES = ['de', 'en', 'fr', 'sl'] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

/** Services an entity can have switched on, each with its own activation status. */
export const EntityService = {
  NoticePayments: 'PAGAMENTO_AVVISI',
  SpontaneousPayments: 'PAGAMENTI_SPONTANEI',
  NoticePrinting: 'STAMPA_AVVISI',
  Reporting: 'RENDICONTAZIONE',
  ManagementApi: 'API_GESTIONALI',
} as const;
export type EntityService = (typeof EntityService)[keyof typeof EntityService];
export const ENTITY_SERVICES: readonly EntityService[] = Object.values(EntityService);

export const ServiceStatus = {
  Inactive: 'INACTIVE',
  Testing: 'TESTING',
  Active: 'ACTIVE',
  Suspended: 'SUSPENDED',
} as const;
export type ServiceStatus = (typeof ServiceStatus)[keyof typeof ServiceStatus];
export const SERVICE_STATUSES: readonly ServiceStatus[] = Object.values(ServiceStatus);

/** A row of the admin entity list. */
export interface EntityListItem extends EntitySummary {
  ipaCode: string | null;
  stationCode: string | null;
  updatedAt: string;
}

export interface StationRef {
  id: string;
  stationCode: string;
  enabled: boolean;
  primitiveVersion: number;
}

/** One item of an onboarding stage's checklist; automatic items are derived from the entity's data. */
export interface ChecklistItem {
  key: string;
  stage: OnboardingStage;
  label: string;
  automatic: boolean;
  done: boolean;
  doneAt: string | null;
  doneBy: string | null;
  note: string | null;
}

export interface ServiceActivation {
  service: EntityService;
  status: ServiceStatus;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Everything the intermediary knows about an entity's configuration. */
export interface EntityDetail extends EntitySummary {
  ipaCode: string | null;
  logoUrl: string | null;
  email: string | null;
  pec: string | null;
  phone: string | null;
  referentName: string | null;
  segregationCode: string | null;
  auxDigit: number;
  station: StationRef | null;
  cbillCode: string | null;
  noticeLanguages: NoticeLanguage[];
  createdAt: string;
  updatedAt: string;
  /** Stages the entity may move to from where it is. */
  allowedTransitions: OnboardingStage[];
  /** The next stage on the main path, or null. */
  nextStage: OnboardingStage | null;
  checklist: ChecklistItem[];
  services: ServiceActivation[];
}

export interface EntityEditableFields {
  name: string;
  category: EntityCategory;
  province: string;
  ipaCode?: string | null;
  logoUrl?: string | null;
  email?: string | null;
  pec?: string | null;
  phone?: string | null;
  referentName?: string | null;
  segregationCode?: string | null;
  auxDigit?: number;
  stationId?: string | null;
  cbillCode?: string | null;
  noticeLanguages?: NoticeLanguage[];
}

export interface CreateEntityRequest extends EntityEditableFields {
  fiscalCode: string;
  /** Note recorded with the first history entry. */
  note?: string;
}

export type UpdateEntityRequest = Partial<EntityEditableFields>;

export interface OnboardingTransitionRequest {
  toStage: OnboardingStage;
  note?: string;
}

export interface OnboardingTransitionRecord {
  id: string;
  fromStage: OnboardingStage | null;
  toStage: OnboardingStage;
  actor: string;
  note: string | null;
  occurredAt: string;
}

export interface UpdateChecklistItemRequest {
  done: boolean;
  note?: string | null;
}

export interface UpdateServiceActivationRequest {
  status: ServiceStatus;
}

export interface EntityPipeline {
  byStage: Record<OnboardingStage, number>;
  total: number;
}

export interface AdminEntitiesFilter {
  stage?: OnboardingStage;
  province?: string;
  category?: EntityCategory;
  /** Part of the name, or the fiscal code / IPA code. */
  q?: string;
}

export const AccountKind = { Bank: 'BANK', Postal: 'POSTAL' } as const;
export type AccountKind = (typeof AccountKind)[keyof typeof AccountKind];
export const ACCOUNT_KINDS: readonly AccountKind[] = Object.values(AccountKind);

/** An account (IBAN) the entity's payments are credited to. */
export interface EntityAccount {
  id: string;
  entityId: string;
  iban: string;
  kind: AccountKind;
  /** What the account is used for, e.g. "Tesoreria - entrate tributarie". */
  description: string;
  /** From when pagoPA may credit it (IBAN changes are registered at least 7 days ahead). */
  validFrom: string;
  active: boolean;
  createdAt: string;
}

export interface CreateEntityAccountRequest {
  iban: string;
  kind: AccountKind;
  description: string;
  validFrom?: string;
}

export interface UpdateEntityAccountRequest {
  description?: string;
  active?: boolean;
}
