import { type OnboardingStage } from '@pagamenti/contracts';

/** The one dictionary of onboarding stage labels: every app shows the same words. */
export const ONBOARDING_STAGE_LABELS: Record<OnboardingStage, string> = {
  ADHESION_REQUESTED: 'Adesione richiesta',
  AGREEMENT_SIGNED: 'Convenzione firmata',
  CONFIGURATION: 'Configurazione',
  TESTING: 'Collaudo',
  PRODUCTION: 'In esercizio',
  SUSPENDED: 'Sospeso',
  WITHDRAWN: 'Receduto',
};

export type StatusTone = 'neutral' | 'info' | 'primary' | 'success' | 'warning' | 'danger';

export const ONBOARDING_STAGE_TONES: Record<OnboardingStage, StatusTone> = {
  ADHESION_REQUESTED: 'neutral',
  AGREEMENT_SIGNED: 'info',
  CONFIGURATION: 'primary',
  TESTING: 'warning',
  PRODUCTION: 'success',
  SUSPENDED: 'danger',
  WITHDRAWN: 'neutral',
};
