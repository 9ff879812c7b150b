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
