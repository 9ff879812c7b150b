import type {
  CreateDueTypeRequest,
  CreateEntityAccountRequest,
  DueType,
  DueTypePreset,
  EntityAccount,
  UpdateDueTypeRequest,
  UpdateEntityAccountRequest,
} from '@pagamenti/contracts';
import { apiRequest } from '../http-client';

const base = (entityId: string) => `/api/v1/entities/${encodeURIComponent(entityId)}`;

export function listEntityAccounts(entityId: string, signal?: AbortSignal) {
  return apiRequest<EntityAccount[]>(`${base(entityId)}/accounts`, { signal });
}

export function createEntityAccount(entityId: string, body: CreateEntityAccountRequest) {
  return apiRequest<EntityAccount>(`${base(entityId)}/accounts`, { method: 'POST', body });
}

export function updateEntityAccount(entityId: string, id: string, body: UpdateEntityAccountRequest) {
  return apiRequest<EntityAccount>(`${base(entityId)}/accounts/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body,
  });
}

export function listDueTypes(entityId: string, signal?: AbortSignal) {
  return apiRequest<DueType[]>(`${base(entityId)}/due-types`, { signal });
}

export function createDueType(entityId: string, body: CreateDueTypeRequest) {
  return apiRequest<DueType>(`${base(entityId)}/due-types`, { method: 'POST', body });
}

export function updateDueType(entityId: string, id: string, body: UpdateDueTypeRequest) {
  return apiRequest<DueType>(`${base(entityId)}/due-types/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body,
  });
}

export function listDueTypePresets(signal?: AbortSignal) {
  return apiRequest<DueTypePreset[]>('/api/v1/due-type-presets', { signal });
}
