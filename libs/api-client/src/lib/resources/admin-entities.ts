import type {
  AdminEntitiesFilter,
  CreateEntityRequest,
  CreateStationRequest,
  EntityDetail,
  EntityListItem,
  EntityPipeline,
  EntityService,
  OnboardingTransitionRecord,
  OnboardingTransitionRequest,
  Page,
  ServiceStatus,
  Station,
  UpdateChecklistItemRequest,
  UpdateEntityRequest,
  UpdateStationRequest,
} from '@pagamenti/contracts';
import { apiRequest } from '../http-client';

export interface AdminEntitiesQuery extends AdminEntitiesFilter {
  limit?: number;
  cursor?: string | null;
}

const BASE = '/api/v1/admin/entities';

export function listAdminEntities(query: AdminEntitiesQuery = {}, signal?: AbortSignal) {
  return apiRequest<Page<EntityListItem>>(BASE, { query: { ...query }, signal });
}

export function getEntityPipeline(
  scope: Pick<AdminEntitiesFilter, 'province' | 'category'> = {},
  signal?: AbortSignal,
) {
  return apiRequest<EntityPipeline>(`${BASE}/pipeline`, { query: { ...scope }, signal });
}

export function getAdminEntity(id: string, signal?: AbortSignal) {
  return apiRequest<EntityDetail>(`${BASE}/${encodeURIComponent(id)}`, { signal });
}

export function createEntity(body: CreateEntityRequest) {
  return apiRequest<EntityDetail>(BASE, { method: 'POST', body });
}

export function updateEntity(id: string, body: UpdateEntityRequest) {
  return apiRequest<EntityDetail>(`${BASE}/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function transitionEntity(id: string, body: OnboardingTransitionRequest) {
  return apiRequest<EntityDetail>(`${BASE}/${encodeURIComponent(id)}/transitions`, { method: 'POST', body });
}

export function getEntityHistory(id: string, signal?: AbortSignal) {
  return apiRequest<OnboardingTransitionRecord[]>(`${BASE}/${encodeURIComponent(id)}/transitions`, {
    signal,
  });
}

export function updateChecklistItem(id: string, key: string, body: UpdateChecklistItemRequest) {
  return apiRequest<EntityDetail>(`${BASE}/${encodeURIComponent(id)}/checklist/${encodeURIComponent(key)}`, {
    method: 'PUT',
    body,
  });
}

export function updateServiceActivation(id: string, service: EntityService, status: ServiceStatus) {
  return apiRequest<EntityDetail>(`${BASE}/${encodeURIComponent(id)}/services/${service}`, {
    method: 'PUT',
    body: { status },
  });
}

export function listStations(signal?: AbortSignal) {
  return apiRequest<Station[]>('/api/v1/admin/stations', { signal });
}

export function createStation(body: CreateStationRequest) {
  return apiRequest<Station>('/api/v1/admin/stations', { method: 'POST', body });
}

export function updateStation(id: string, body: UpdateStationRequest) {
  return apiRequest<Station>(`/api/v1/admin/stations/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}
