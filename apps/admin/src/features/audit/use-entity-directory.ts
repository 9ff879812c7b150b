import { useAdminEntities } from '@pagamenti/api-client';
import { useEffect, useMemo } from 'react';

/**
 * Every entity's name by id, for the register's "Ente" filter and column: the admin list, all its pages
 * (100 entities each), fetched one after the other.
 */
export function useEntityDirectory() {
  const query = useAdminEntities({ limit: 100 });
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  return useMemo(() => {
    const entities = (query.data?.pages ?? [])
      .flatMap((page) => page.items)
      .sort((a, b) => a.name.localeCompare(b.name, 'it'));
    const names = new Map(entities.map((entity) => [entity.id, entity.name]));
    return {
      options: entities.map((entity) => ({
        value: entity.id,
        label: `${entity.name} (${entity.fiscalCode})`,
      })),
      nameOf: (id: string) => names.get(id),
    };
  }, [query.data]);
}
