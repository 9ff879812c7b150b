import type { CreateNoticeBatchRequest, NoticeBatch } from '@pagamenti/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest, buildUrl } from './http-client';

/**
 * Payment notices as PDFs. Single notices and batch files are plain GET downloads (the session cookie
 * authenticates them); batches are started with a POST and followed until they are ready.
 */

const entityPath = (entityId: string) => `/api/v1/entities/${encodeURIComponent(entityId)}`;

export const noticeQueryKeys = {
  batch: (entityId: string, batchId: string) => ['notice-batches', entityId, batchId] as const,
};

/** The notice of a position: every option still to pay, in one PDF. */
export function noticePdfUrl(entityId: string, iupd: string): string {
  return buildUrl(`${entityPath(entityId)}/positions/${encodeURIComponent(iupd)}/notice.pdf`);
}

/** A citizen's own notice, by position id. */
export function myNoticePdfUrl(positionId: string): string {
  return buildUrl(`/api/v1/me/positions/${encodeURIComponent(positionId)}/notice.pdf`);
}

export function receiptPdfUrl(entityId: string, receiptId: string): string {
  return buildUrl(`${entityPath(entityId)}/receipts/${encodeURIComponent(receiptId)}/receipt.pdf`);
}

export function noticeBatchDownloadUrl(entityId: string, batchId: string): string {
  return buildUrl(`${entityPath(entityId)}/notice-batches/${encodeURIComponent(batchId)}/download`);
}

export function createNoticeBatch(entityId: string, body: CreateNoticeBatchRequest) {
  return apiRequest<NoticeBatch>(`${entityPath(entityId)}/notice-batches`, { method: 'POST', body });
}

export function getNoticeBatch(entityId: string, batchId: string, signal?: AbortSignal) {
  return apiRequest<NoticeBatch>(`${entityPath(entityId)}/notice-batches/${encodeURIComponent(batchId)}`, {
    signal,
  });
}

export function useCreateNoticeBatch(entityId: string) {
  return useMutation({ mutationFn: (body: CreateNoticeBatchRequest) => createNoticeBatch(entityId, body) });
}

/** A batch, asked again every second while it is queued or running. */
export function useNoticeBatch(entityId: string, batchId: string | undefined, pollMs = 1000) {
  return useQuery({
    queryKey: noticeQueryKeys.batch(entityId, batchId ?? ''),
    queryFn: ({ signal }) => getNoticeBatch(entityId, batchId ?? '', signal),
    enabled: !!batchId,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' ? false : pollMs;
    },
  });
}
