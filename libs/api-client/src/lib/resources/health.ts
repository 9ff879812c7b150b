import type { HealthResponse } from '@pagamenti/contracts';
import { apiRequest } from '../http-client';

/** The report comes with a 503 when the database is down: that is still a report to show, not a failure. */
export function getHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return apiRequest<HealthResponse>('/api/health', { signal, bodyOnStatus: [503] });
}
