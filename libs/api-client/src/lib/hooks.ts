import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { queryKeys } from './query-keys';
import { getHealth } from './resources/health';
import { getPlatformInfo, getPlatformStats } from './resources/platform';
import { listPublicEntities, type PublicEntitiesQuery } from './resources/public-entities';

const MINUTE = 60_000;

export function useHealth() {
  return useQuery({
    queryKey: queryKeys.health,
    queryFn: ({ signal }) => getHealth(signal),
    refetchInterval: MINUTE,
  });
}

/** Who runs the installation: it changes only with a deploy, so it is fetched once per session. */
export function usePlatformInfo() {
  return useQuery({
    queryKey: queryKeys.platform.info(),
    queryFn: ({ signal }) => getPlatformInfo(signal),
    staleTime: Infinity,
  });
}

export function usePlatformStats() {
  return useQuery({
    queryKey: queryKeys.platform.stats(),
    queryFn: ({ signal }) => getPlatformStats(signal),
  });
}

/** Public entities, one page per `fetchNextPage()`, following the API's cursor. */
export function usePublicEntities(query: Omit<PublicEntitiesQuery, 'cursor'> = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.publicEntities.list(query),
    queryFn: ({ pageParam, signal }) => listPublicEntities({ ...query, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: 5 * MINUTE,
  });
}
