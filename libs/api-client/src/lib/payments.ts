import type {
  CheckoutRequest,
  CheckoutStarted,
  DeclaredCheckoutOutcome,
  MyPosition,
  MyReceipt,
  MyReceiptsQuery,
  Page,
  PaymentAttempt,
  PublicNotice,
  SpontaneousPaymentRequest,
  SpontaneousPaymentStarted,
  SpontaneousService,
  SpontaneousServiceDetail,
  SpontaneousServicesQuery,
} from '@pagamenti/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest, buildUrl } from './http-client';

/**
 * The citizen area: notices by code, Checkout carts and their outcome, spontaneous payments, and the logged-in
 * citizen's own positions and receipts. PDFs are plain GET downloads (the session cookie authenticates them).
 */

export const paymentQueryKeys = {
  all: ['payments'] as const,
  notice: (entityFiscalCode: string, noticeNumber: string) =>
    [...paymentQueryKeys.all, 'notice', entityFiscalCode, noticeNumber] as const,
  attempt: (reference: string) => [...paymentQueryKeys.all, 'attempt', reference] as const,
  services: (query: SpontaneousServicesQuery) => [...paymentQueryKeys.all, 'services', query] as const,
  service: (dueTypeId: string) => [...paymentQueryKeys.all, 'service', dueTypeId] as const,
  /** The logged-in person's data: cleared with the session. */
  mine: ['my-payments'] as const,
  myPositions: () => [...paymentQueryKeys.mine, 'positions'] as const,
  myPosition: (id: string) => [...paymentQueryKeys.mine, 'positions', id] as const,
  myReceipts: (query: Omit<MyReceiptsQuery, 'cursor'>) =>
    [...paymentQueryKeys.mine, 'receipts', query] as const,
};

const enc = encodeURIComponent;

export function getPublicNotice(entityFiscalCode: string, noticeNumber: string, signal?: AbortSignal) {
  return apiRequest<PublicNotice>(`/api/v1/public/notices/${enc(entityFiscalCode)}/${enc(noticeNumber)}`, {
    signal,
  });
}

export function startCheckout(body: CheckoutRequest) {
  return apiRequest<CheckoutStarted>('/api/v1/public/payments/checkout', { method: 'POST', body });
}

export function startMyCheckout(body: CheckoutRequest) {
  return apiRequest<CheckoutStarted>('/api/v1/me/payments/checkout', { method: 'POST', body });
}

export function getPaymentAttempt(reference: string, signal?: AbortSignal) {
  return apiRequest<PaymentAttempt>(`/api/v1/public/payments/${enc(reference)}`, { signal });
}

export function declareCheckoutOutcome(reference: string, outcome: DeclaredCheckoutOutcome) {
  return apiRequest<PaymentAttempt>(`/api/v1/public/payments/${enc(reference)}/outcome`, {
    method: 'POST',
    body: { outcome },
  });
}

/** A receipt of a payment, reachable through its reference only (payments made without logging in). */
export function attemptReceiptPdfUrl(reference: string, receiptId: string): string {
  return buildUrl(`/api/v1/public/payments/${enc(reference)}/receipts/${enc(receiptId)}/receipt.pdf`);
}

export function listSpontaneousServices(query: SpontaneousServicesQuery = {}, signal?: AbortSignal) {
  return apiRequest<SpontaneousService[]>('/api/v1/public/spontaneous-services', {
    query: { ...query },
    signal,
  });
}

export function getSpontaneousService(dueTypeId: string, signal?: AbortSignal) {
  return apiRequest<SpontaneousServiceDetail>(`/api/v1/public/spontaneous-services/${enc(dueTypeId)}`, {
    signal,
  });
}

export function startSpontaneousPayment(body: SpontaneousPaymentRequest, idempotencyKey?: string) {
  return apiRequest<SpontaneousPaymentStarted>('/api/v1/public/spontaneous-payments', {
    method: 'POST',
    body,
    headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined,
  });
}

export function listMyPositions(signal?: AbortSignal) {
  return apiRequest<MyPosition[]>('/api/v1/me/positions', { signal });
}

export function getMyPosition(positionId: string, signal?: AbortSignal) {
  return apiRequest<MyPosition>(`/api/v1/me/positions/${enc(positionId)}`, { signal });
}

export function listMyReceipts(query: MyReceiptsQuery = {}, signal?: AbortSignal) {
  return apiRequest<Page<MyReceipt>>('/api/v1/me/receipts', { query: { ...query }, signal });
}

export function myReceiptPdfUrl(receiptId: string): string {
  return buildUrl(`/api/v1/me/receipts/${enc(receiptId)}/receipt.pdf`);
}

// ---------------------------------------------------------------- hooks

export function usePublicNotice(entityFiscalCode: string, noticeNumber: string) {
  return useQuery({
    queryKey: paymentQueryKeys.notice(entityFiscalCode, noticeNumber),
    queryFn: ({ signal }) => getPublicNotice(entityFiscalCode, noticeNumber, signal),
    enabled: entityFiscalCode !== '' && noticeNumber !== '',
    retry: false,
  });
}

export function useStartCheckout() {
  return useMutation({ mutationFn: startCheckout });
}

export function useStartMyCheckout() {
  return useMutation({ mutationFn: startMyCheckout });
}

/** The attempt, asked again every `pollMs` while it is IN_CORSO (the receipt has not arrived yet). */
export function usePaymentAttempt(reference: string, pollMs = 2000) {
  return useQuery({
    queryKey: paymentQueryKeys.attempt(reference),
    queryFn: ({ signal }) => getPaymentAttempt(reference, signal),
    enabled: reference !== '',
    refetchInterval: (query) => (query.state.data?.status === 'IN_CORSO' ? pollMs : false),
  });
}

export function useDeclareCheckoutOutcome(reference: string) {
  return useMutation({
    mutationFn: (outcome: DeclaredCheckoutOutcome) => declareCheckoutOutcome(reference, outcome),
  });
}

export function useSpontaneousServices(query: SpontaneousServicesQuery) {
  return useQuery({
    queryKey: paymentQueryKeys.services(query),
    queryFn: ({ signal }) => listSpontaneousServices(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSpontaneousService(dueTypeId: string) {
  return useQuery({
    queryKey: paymentQueryKeys.service(dueTypeId),
    queryFn: ({ signal }) => getSpontaneousService(dueTypeId, signal),
    enabled: dueTypeId !== '',
  });
}

export function useStartSpontaneousPayment() {
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: SpontaneousPaymentRequest; idempotencyKey?: string }) =>
      startSpontaneousPayment(body, idempotencyKey),
  });
}

export function useMyPositions() {
  return useQuery({
    queryKey: paymentQueryKeys.myPositions(),
    queryFn: ({ signal }) => listMyPositions(signal),
  });
}

export function useMyPosition(positionId: string) {
  return useQuery({
    queryKey: paymentQueryKeys.myPosition(positionId),
    queryFn: ({ signal }) => getMyPosition(positionId, signal),
    enabled: positionId !== '',
  });
}

export function useMyReceipts(query: Omit<MyReceiptsQuery, 'cursor'>) {
  return useInfiniteQuery({
    queryKey: paymentQueryKeys.myReceipts(query),
    queryFn: ({ pageParam, signal }) =>
      listMyReceipts({ ...query, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
