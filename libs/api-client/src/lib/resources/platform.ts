import type { PlatformInfo, PlatformStats } from '@pagamenti/contracts';
import { apiRequest } from '../http-client';

export function getPlatformInfo(signal?: AbortSignal): Promise<PlatformInfo> {
  return apiRequest<PlatformInfo>('/api/v1/platform', { signal });
}

export function getPlatformStats(signal?: AbortSignal): Promise<PlatformStats> {
  return apiRequest<PlatformStats>('/api/v1/platform/stats', { signal });
}
