import type { Page, PositionImport } from '@pagamenti/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, codeForStatus } from './api-error';
import { apiRequest, buildUrl } from './http-client';
import { positionQueryKeys } from './positions';

/**
 * Bulk uploads of debt positions (`/api/v1/entities/:entityId/position-imports`): upload a CSV or JSON file
 * (optionally as a dry run), follow its progress, download the outcome and error reports, the CSV template.
 */

export const positionImportQueryKeys = {
  all: ['position-imports'] as const,
  entity: (entityId: string) => [...positionImportQueryKeys.all, entityId] as const,
  list: (entityId: string) => [...positionImportQueryKeys.entity(entityId), 'list'] as const,
  detail: (entityId: string, id: string) =>
    [...positionImportQueryKeys.entity(entityId), 'detail', id] as const,
};

const importsPath = (entityId: string) => `/api/v1/entities/${encodeURIComponent(entityId)}/position-imports`;

/** How often a running import is polled for its progress bar. */
export const IMPORT_POLL_MS = 1000;

export function isImportFinished(positionImport: Pick<PositionImport, 'status'>): boolean {
  return positionImport.status === 'SUCCEEDED' || positionImport.status === 'FAILED';
}

/** Sends the file as a multipart form (field `file`); the API stores it and answers 202 with the import. */
export function uploadPositionImport(entityId: string, file: File, options: { dryRun: boolean }) {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<PositionImport>(importsPath(entityId), {
    method: 'POST',
    query: { dryRun: options.dryRun ? 'true' : undefined },
    body: form,
  });
}

export function listPositionImports(
  entityId: string,
  query: { limit?: number; cursor?: string | null } = {},
) {
  return apiRequest<Page<PositionImport>>(importsPath(entityId), { query: { ...query } });
}

export function getPositionImport(entityId: string, id: string, signal?: AbortSignal) {
  return apiRequest<PositionImport>(`${importsPath(entityId)}/${encodeURIComponent(id)}`, { signal });
}

/** Download addresses (plain GETs: the session cookie authenticates them). */
export function positionImportReportUrl(entityId: string, id: string, kind: 'errors' | 'outcomes'): string {
  return buildUrl(`${importsPath(entityId)}/${encodeURIComponent(id)}/${kind}.csv`);
}

/** The text of a report (to show the first errors on the page); throws an {@link ApiError} when it fails. */
export async function getPositionImportReport(
  entityId: string,
  id: string,
  kind: 'errors' | 'outcomes',
  signal?: AbortSignal,
): Promise<string> {
  const response = await fetch(positionImportReportUrl(entityId, id, kind), {
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok) {
    throw new ApiError(
      response.status,
      codeForStatus(response.status),
      `Il rapporto non è disponibile (HTTP ${response.status}).`,
      response.headers.get('x-correlation-id') ?? '',
    );
  }
  return response.text();
}

export function positionTemplateUrl(entityId: string, dueTypeCode: string): string {
  return buildUrl(
    `/api/v1/entities/${encodeURIComponent(entityId)}/due-types/${encodeURIComponent(dueTypeCode)}/positions-template.csv`,
  );
}

/** The latest uploads of the entity; refreshed while one of them is still running. */
export function usePositionImports(entityId: string, limit = 20) {
  return useQuery({
    queryKey: positionImportQueryKeys.list(entityId),
    queryFn: () => listPositionImports(entityId, { limit }),
    refetchInterval: (query) =>
      query.state.data?.items.some((item) => !isImportFinished(item)) ? IMPORT_POLL_MS * 3 : false,
  });
}

/** One upload, polled every second until it has finished (for the progress bar). */
export function usePositionImport(entityId: string, id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: positionImportQueryKeys.detail(entityId, id ?? ''),
    queryFn: async ({ signal }) => {
      const result = await getPositionImport(entityId, id ?? '', signal);
      if (isImportFinished(result)) {
        void client.invalidateQueries({ queryKey: positionImportQueryKeys.list(entityId) });
        if (!result.dryRun) void client.invalidateQueries({ queryKey: positionQueryKeys.entity(entityId) });
      }
      return result;
    },
    enabled: !!id,
    refetchInterval: (query) =>
      query.state.data && isImportFinished(query.state.data) ? false : IMPORT_POLL_MS,
  });
}

/** The error report's text, once the import has finished with refused rows. */
export function usePositionImportErrors(entityId: string, positionImport: PositionImport | undefined) {
  const ready = !!positionImport && isImportFinished(positionImport) && positionImport.counts.failedRows > 0;
  return useQuery({
    queryKey: [...positionImportQueryKeys.detail(entityId, positionImport?.id ?? ''), 'errors'],
    queryFn: ({ signal }) => getPositionImportReport(entityId, positionImport?.id ?? '', 'errors', signal),
    enabled: ready,
    staleTime: Infinity,
  });
}

export function useUploadPositionImport(entityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      uploadPositionImport(entityId, file, { dryRun }),
    onSuccess: (created) => {
      client.setQueryData(positionImportQueryKeys.detail(entityId, created.id), created);
      void client.invalidateQueries({ queryKey: positionImportQueryKeys.list(entityId) });
    },
  });
}
