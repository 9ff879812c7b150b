import { ONBOARDING_STAGES } from '@pagamenti/contracts';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ONBOARDING_STAGE_LABELS } from './onboarding-stage';
import { OnboardingStageChip } from './OnboardingStageChip';

describe('OnboardingStageChip', () => {
  afterEach(cleanup);

  it('has an Italian label for every stage', () => {
    for (const stage of ONBOARDING_STAGES) expect(ONBOARDING_STAGE_LABELS[stage]).toMatch(/^[A-Z]/);
  });

  it('always shows the label as text', () => {
    render(<OnboardingStageChip stage="PRODUCTION" />);
    expect(screen.getByText('In esercizio').closest('.chip')).toBeTruthy();
  });
});
