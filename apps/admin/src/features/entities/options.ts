import { EntityCategory, ONBOARDING_STAGES } from '@pagamenti/contracts';
import { ENTITY_CATEGORY_LABELS, ONBOARDING_STAGE_LABELS } from '@pagamenti/ui';

/** The provinces of the region this intermediary serves, for filters. */
export const PROVINCES = [
  { value: 'AQ', label: 'L’Aquila (AQ)' },
  { value: 'CH', label: 'Chieti (CH)' },
  { value: 'PE', label: 'Pescara (PE)' },
  { value: 'TE', label: 'Teramo (TE)' },
];

export const CATEGORY_OPTIONS = Object.values(EntityCategory).map((value) => ({
  value,
  label: ENTITY_CATEGORY_LABELS[value],
}));

export const STAGE_OPTIONS = ONBOARDING_STAGES.map((value) => ({
  value,
  label: ONBOARDING_STAGE_LABELS[value],
}));
