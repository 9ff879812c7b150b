import type {
  CreateDueTypeRequest,
  CreateEntityAccountRequest,
  CreateEntityRequest,
  EntityService,
  OnboardingTransitionRequest,
  ServiceStatus,
  UpdateChecklistItemRequest,
  UpdateDueTypeRequest,
  UpdateEntityAccountRequest,
  UpdateEntityRequest,
} from '@pagamenti/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { queryKeys } from './query-keys';
import {
  type AdminEntitiesQuery,
  createEntity,
  getAdminEntity,
  getEntityHistory,
  getEntityPipeline,
  listAdminEntities,
  listStations,
  transitionEntity,
  updateChecklistItem,
  updateEntity,
  updateServiceActivation,
} from './resources/admin-entities';
import {
  createDueType,
  createEntityAccount,
  listDueTypePresets,
  listDueTypes,
  listEntityAccounts,
  updateDueType,
  updateEntityAccount,
} from './resources/entity-catalogue';

/** Admin entity list, one page per `fetchNextPage()`. */
export function useAdminEntities(query: Omit<AdminEntitiesQuery, 'cursor'> = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.adminEntities.list(query),
    queryFn: ({ pageParam, signal }) => listAdminEntities({ ...query, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useEntityPipeline(scope: Pick<AdminEntitiesQuery, 'province' | 'category'> = {}) {
  return useQuery({
    queryKey: queryKeys.adminEntities.pipeline(scope),
    queryFn: ({ signal }) => getEntityPipeline(scope, signal),
  });
}

export function useAdminEntity(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.adminEntities.detail(id ?? ''),
    queryFn: ({ signal }) => getAdminEntity(id ?? '', signal),
    enabled: !!id,
  });
}

export function useEntityHistory(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.adminEntities.history(id ?? ''),
    queryFn: ({ signal }) => getEntityHistory(id ?? '', signal),
    enabled: !!id,
  });
}

export function useStations() {
  return useQuery({ queryKey: queryKeys.stations.all, queryFn: ({ signal }) => listStations(signal) });
}

/** After any change to an entity: its detail, history, the lists and the pipeline counts are refreshed. */
function useEntityInvalidation() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: queryKeys.adminEntities.all });
    void client.invalidateQueries({ queryKey: queryKeys.platform.all });
    void client.invalidateQueries({ queryKey: queryKeys.publicEntities.all });
  };
}

export function useCreateEntity() {
  const invalidate = useEntityInvalidation();
  return useMutation({
    mutationFn: (body: CreateEntityRequest) => createEntity(body),
    onSuccess: invalidate,
  });
}

export function useUpdateEntity(id: string) {
  const invalidate = useEntityInvalidation();
  return useMutation({
    mutationFn: (body: UpdateEntityRequest) => updateEntity(id, body),
    onSuccess: invalidate,
  });
}

export function useTransitionEntity(id: string) {
  const invalidate = useEntityInvalidation();
  return useMutation({
    mutationFn: (body: OnboardingTransitionRequest) => transitionEntity(id, body),
    onSuccess: invalidate,
  });
}

export function useUpdateChecklistItem(id: string) {
  const invalidate = useEntityInvalidation();
  return useMutation({
    mutationFn: ({ key, ...body }: UpdateChecklistItemRequest & { key: string }) =>
      updateChecklistItem(id, key, body),
    onSuccess: invalidate,
  });
}

export function useUpdateServiceActivation(id: string) {
  const invalidate = useEntityInvalidation();
  return useMutation({
    mutationFn: ({ service, status }: { service: EntityService; status: ServiceStatus }) =>
      updateServiceActivation(id, service, status),
    onSuccess: invalidate,
  });
}

export function useEntityAccounts(entityId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.entityCatalogue.accounts(entityId ?? ''),
    queryFn: ({ signal }) => listEntityAccounts(entityId ?? '', signal),
    enabled: !!entityId,
  });
}

export function useDueTypes(entityId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.entityCatalogue.dueTypes(entityId ?? ''),
    queryFn: ({ signal }) => listDueTypes(entityId ?? '', signal),
    enabled: !!entityId,
  });
}

export function useDueTypePresets() {
  return useQuery({
    queryKey: queryKeys.entityCatalogue.presets(),
    queryFn: ({ signal }) => listDueTypePresets(signal),
    staleTime: Infinity,
  });
}

function useCatalogueInvalidation(entityId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: queryKeys.entityCatalogue.entity(entityId) });
    void client.invalidateQueries({ queryKey: queryKeys.adminEntities.detail(entityId) });
  };
}

export function useCreateEntityAccount(entityId: string) {
  const invalidate = useCatalogueInvalidation(entityId);
  return useMutation({
    mutationFn: (body: CreateEntityAccountRequest) => createEntityAccount(entityId, body),
    onSuccess: invalidate,
  });
}

export function useUpdateEntityAccount(entityId: string) {
  const invalidate = useCatalogueInvalidation(entityId);
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateEntityAccountRequest & { id: string }) =>
      updateEntityAccount(entityId, id, body),
    onSuccess: invalidate,
  });
}

export function useCreateDueType(entityId: string) {
  const invalidate = useCatalogueInvalidation(entityId);
  return useMutation({
    mutationFn: (body: CreateDueTypeRequest) => createDueType(entityId, body),
    onSuccess: invalidate,
  });
}

export function useUpdateDueType(entityId: string) {
  const invalidate = useCatalogueInvalidation(entityId);
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateDueTypeRequest & { id: string }) => updateDueType(entityId, id, body),
    onSuccess: invalidate,
  });
}
