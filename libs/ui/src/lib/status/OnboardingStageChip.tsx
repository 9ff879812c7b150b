import { type OnboardingStage } from '@pagamenti/contracts';
import { ONBOARDING_STAGE_LABELS, ONBOARDING_STAGE_TONES } from './onboarding-stage';
import { StatusChip } from './StatusChip';

export function OnboardingStageChip({ stage }: { stage: OnboardingStage }) {
  return <StatusChip label={ONBOARDING_STAGE_LABELS[stage]} tone={ONBOARDING_STAGE_TONES[stage]} />;
}
