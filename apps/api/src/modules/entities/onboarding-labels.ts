import { type OnboardingStage } from '@pagamenti/contracts';

/** Stage names for API messages (the SPAs use their own dictionary in libs/ui). */
export const ONBOARDING_STAGE_NAMES: Record<OnboardingStage, string> = {
  ADHESION_REQUESTED: 'Adesione richiesta',
  AGREEMENT_SIGNED: 'Convenzione firmata',
  CONFIGURATION: 'Configurazione',
  TESTING: 'Collaudo',
  PRODUCTION: 'In esercizio',
  SUSPENDED: 'Sospeso',
  WITHDRAWN: 'Receduto',
};
