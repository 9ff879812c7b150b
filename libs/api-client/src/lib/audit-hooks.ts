import type { AuditQuery } from '@pagamenti/contracts';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { queryKeys } from './query-keys';
import { type AuditScope, listAuditEvents } from './resources/audit';

/** The activity register of `scope` with `query`'s filters, one page per `fetchNextPage()` ("Mostra altri"). */
export function useAuditEvents(scope: AuditScope, query: Omit<AuditQuery, 'cursor'> = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit.list(scope, query),
    queryFn: ({ pageParam, signal }) =>
      listAuditEvents(scope, { ...query, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
}
