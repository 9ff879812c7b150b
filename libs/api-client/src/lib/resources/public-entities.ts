import type { EntitySummary, OnboardingStage, Page } from '@pagamenti/contracts';
import { apiRequest } from '../http-client';

export interface PublicEntitiesQuery {
  stage?: OnboardingStage;
  /** Page size; the API caps it. */
  limit?: number;
  cursor?: string | null;
}

export function listPublicEntities(
  query: PublicEntitiesQuery = {},
  signal?: AbortSignal,
): Promise<Page<EntitySummary>> {
  return apiRequest<Page<EntitySummary>>('/api/v1/public/entities', {
    query: { stage: query.stage, limit: query.limit, cursor: query.cursor },
    signal,
  });
}
