import type {
  CreateDebtPositionRequest,
  DebtPosition,
  DebtPositionFilters,
  DebtPositionSummary,
  Page,
  PositionHistoryEntry,
  UpdateDebtPositionRequest,
} from '@pagamenti/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiRequest, buildUrl } from './http-client';

/**
 * Debt positions of an entity (`/api/v1/entities/:entityId/positions`): typed calls and react-query hooks.
 * Every key starts with the entity id, so switching the active entity never shows another entity's data.
 */

export interface PositionsQuery extends DebtPositionFilters {
  limit?: number;
  cursor?: string | null;
}

export type PositionsExportFormat = 'csv' | 'xlsx';

export const positionQueryKeys = {
  all: ['positions'] as const,
  entity: (entityId: string) => [...positionQueryKeys.all, entityId] as const,
  list: (entityId: string, query: Omit<PositionsQuery, 'cursor'>) =>
    [...positionQueryKeys.entity(entityId), 'list', query] as const,
  detail: (entityId: string, iupd: string) =>
    [...positionQueryKeys.entity(entityId), 'detail', iupd] as const,
  history: (entityId: string, iupd: string) =>
    [...positionQueryKeys.detail(entityId, iupd), 'history'] as const,
};

const positionsPath = (entityId: string) => `/api/v1/entities/${encodeURIComponent(entityId)}/positions`;
const positionPath = (entityId: string, iupd: string) =>
  `${positionsPath(entityId)}/${encodeURIComponent(iupd)}`;

/** A fresh key per form submission: the API creates one position however many times the same request arrives. */
export function newIdempotencyKey(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
  return `pos-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function listPositions(entityId: string, query: PositionsQuery = {}, signal?: AbortSignal) {
  return apiRequest<Page<DebtPositionSummary>>(positionsPath(entityId), { query: { ...query }, signal });
}

export function getPosition(entityId: string, iupd: string, signal?: AbortSignal) {
  return apiRequest<DebtPosition>(positionPath(entityId, iupd), { signal });
}

export function getPositionByNoticeNumber(entityId: string, noticeNumber: string, signal?: AbortSignal) {
  return apiRequest<DebtPosition>(
    `${positionsPath(entityId)}/by-notice/${encodeURIComponent(noticeNumber)}`,
    { signal },
  );
}

export function getPositionByIuv(entityId: string, iuv: string, signal?: AbortSignal) {
  return apiRequest<DebtPosition>(`${positionsPath(entityId)}/by-iuv/${encodeURIComponent(iuv)}`, { signal });
}

export function getPositionHistory(entityId: string, iupd: string, signal?: AbortSignal) {
  return apiRequest<PositionHistoryEntry[]>(`${positionPath(entityId, iupd)}/history`, { signal });
}

export function createPosition(entityId: string, body: CreateDebtPositionRequest, idempotencyKey?: string) {
  return apiRequest<DebtPosition>(positionsPath(entityId), {
    method: 'POST',
    body,
    headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined,
  });
}

export function updatePosition(entityId: string, iupd: string, body: UpdateDebtPositionRequest) {
  return apiRequest<DebtPosition>(positionPath(entityId, iupd), { method: 'PUT', body });
}

export function publishPosition(entityId: string, iupd: string) {
  return apiRequest<DebtPosition>(`${positionPath(entityId, iupd)}/publish`, { method: 'POST' });
}

export function cancelPosition(entityId: string, iupd: string, reason: string) {
  return apiRequest<DebtPosition>(`${positionPath(entityId, iupd)}/cancel`, {
    method: 'POST',
    body: { reason },
  });
}

/** The download address of the list with `filters` (a plain GET: the session cookie authenticates it). */
export function positionsExportUrl(
  entityId: string,
  format: PositionsExportFormat,
  filters: DebtPositionFilters = {},
): string {
  return buildUrl(`${positionsPath(entityId)}/export`, { format, ...filters });
}

/** The entity's positions matching `query`, one page per `fetchNextPage()` ("Carica altri"). */
export function usePositions(entityId: string, query: Omit<PositionsQuery, 'cursor'> = {}) {
  return useInfiniteQuery({
    queryKey: positionQueryKeys.list(entityId, query),
    queryFn: ({ pageParam, signal }) => listPositions(entityId, { ...query, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function usePosition(entityId: string, iupd: string | undefined) {
  return useQuery({
    queryKey: positionQueryKeys.detail(entityId, iupd ?? ''),
    queryFn: ({ signal }) => getPosition(entityId, iupd ?? '', signal),
    enabled: !!iupd,
  });
}

export function usePositionHistory(entityId: string, iupd: string | undefined) {
  return useQuery({
    queryKey: positionQueryKeys.history(entityId, iupd ?? ''),
    queryFn: ({ signal }) => getPositionHistory(entityId, iupd ?? '', signal),
    enabled: !!iupd,
  });
}

/** After a change: the position itself is replaced in the cache, lists and histories are refetched. */
function usePositionChanged(entityId: string) {
  const client = useQueryClient();
  return (position: DebtPosition) => {
    client.setQueryData(positionQueryKeys.detail(entityId, position.iupd), position);
    void client.invalidateQueries({ queryKey: positionQueryKeys.entity(entityId) });
  };
}

export function useCreatePosition(entityId: string) {
  const changed = usePositionChanged(entityId);
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateDebtPositionRequest; idempotencyKey: string }) =>
      createPosition(entityId, body, idempotencyKey),
    onSuccess: changed,
  });
}

export function useUpdatePosition(entityId: string, iupd: string) {
  const changed = usePositionChanged(entityId);
  return useMutation({
    mutationFn: (body: UpdateDebtPositionRequest) => updatePosition(entityId, iupd, body),
    onSuccess: changed,
  });
}

export function usePublishPosition(entityId: string, iupd: string) {
  const changed = usePositionChanged(entityId);
  return useMutation({
    mutationFn: () => publishPosition(entityId, iupd),
    onSuccess: changed,
  });
}

export function useCancelPosition(entityId: string, iupd: string) {
  const changed = usePositionChanged(entityId);
  return useMutation({
    mutationFn: (reason: string) => cancelPosition(entityId, iupd, reason),
    onSuccess: changed,
  });
}
