import { type OnboardingStage } from '@pagamenti/contracts';

/**
 * The onboarding lifecycle of a creditor entity, as a pure state machine.
 *
 * ADHESION_REQUESTED → AGREEMENT_SIGNED → CONFIGURATION → TESTING → PRODUCTION
 *                                              ↑_____________|          ↓ ↑
 *                                                                   SUSPENDED
 * Every stage but WITHDRAWN can move to WITHDRAWN; WITHDRAWN is final.
 */
export const ONBOARDING_TRANSITIONS: Readonly<Record<OnboardingStage, readonly OnboardingStage[]>> = {
  ADHESION_REQUESTED: ['AGREEMENT_SIGNED', 'WITHDRAWN'],
  AGREEMENT_SIGNED: ['CONFIGURATION', 'WITHDRAWN'],
  CONFIGURATION: ['TESTING', 'WITHDRAWN'],
  TESTING: ['PRODUCTION', 'CONFIGURATION', 'WITHDRAWN'],
  PRODUCTION: ['SUSPENDED', 'WITHDRAWN'],
  SUSPENDED: ['PRODUCTION', 'WITHDRAWN'],
  WITHDRAWN: [],
};

/** The main path, in order: "advancing" an entity moves it one step along it. */
export const ONBOARDING_PATH: readonly OnboardingStage[] = [
  'ADHESION_REQUESTED',
  'AGREEMENT_SIGNED',
  'CONFIGURATION',
  'TESTING',
  'PRODUCTION',
];

export type OnboardingTransitionCheck =
  | { allowed: true; forward: boolean; noteRequired: boolean }
  | { allowed: false; allowedTargets: readonly OnboardingStage[] };

export function allowedOnboardingTransitions(from: OnboardingStage): readonly OnboardingStage[] {
  return ONBOARDING_TRANSITIONS[from];
}

/** The next stage on the main path, or null when the entity is in production, suspended or withdrawn. */
export function nextOnboardingStage(from: OnboardingStage): OnboardingStage | null {
  const index = ONBOARDING_PATH.indexOf(from);
  return index >= 0 && index < ONBOARDING_PATH.length - 1 ? (ONBOARDING_PATH[index + 1] ?? null) : null;
}

/**
 * Whether `from → to` is legal. A forward move (one step along the main path) requires the checklist of the
 * stage being left to be complete; moves back, suspensions, resumptions and withdrawals require a note.
 */
export function checkOnboardingTransition(
  from: OnboardingStage,
  to: OnboardingStage,
): OnboardingTransitionCheck {
  const allowedTargets = ONBOARDING_TRANSITIONS[from];
  if (!allowedTargets.includes(to)) return { allowed: false, allowedTargets };
  const forward = nextOnboardingStage(from) === to;
  return { allowed: true, forward, noteRequired: !forward };
}
