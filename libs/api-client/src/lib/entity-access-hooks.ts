import type { CreateApiKeyRequest, EntityRole } from '@pagamenti/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys';
import {
  appointEntityAdmin,
  createApiKey,
  getMe,
  grantEntityRole,
  listAdminEntityUsers,
  listApiKeys,
  listEntityUsers,
  revokeApiKey,
  revokeEntityRole,
} from './resources/entity-access';

/**
 * The logged-in person (`GET /api/v1/me`): roles per entity and the active entity the back office works on.
 * An anonymous visitor gets a 401 `ApiError`. `useSwitchEntity` rewrites and refetches it.
 */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
  });
}

/**
 * The active entity's people. The endpoint reads the entity from the session; `entityId` (the active one, from
 * `useMe`) keys the cache, so an entity switch never shows the previous entity's list.
 */
export function useEntityUsers(entityId: string | undefined, { enabled = true } = {}) {
  return useQuery({
    queryKey: queryKeys.entityAccess.users(entityId ?? ''),
    queryFn: ({ signal }) => listEntityUsers(signal),
    enabled: enabled && !!entityId,
  });
}

/** After a role change the list is refetched, and so is the caller's own profile (their role may be the one). */
function useAccessInvalidation(entityId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: queryKeys.entityAccess.users(entityId) });
    void client.invalidateQueries({ queryKey: queryKeys.me });
    void client.invalidateQueries({ queryKey: queryKeys.session });
  };
}

/** Invites a person by fiscal code, or changes their role. */
export function useGrantEntityRole(entityId: string) {
  const invalidate = useAccessInvalidation(entityId);
  return useMutation({
    mutationFn: ({ fiscalCode, role }: { fiscalCode: string; role: EntityRole }) =>
      grantEntityRole(fiscalCode, role),
    onSuccess: invalidate,
  });
}

export function useRevokeEntityRole(entityId: string) {
  const invalidate = useAccessInvalidation(entityId);
  return useMutation({
    mutationFn: (fiscalCode: string) => revokeEntityRole(fiscalCode),
    onSuccess: invalidate,
  });
}

/** The active entity's API keys, keyed by its id like `useEntityUsers`. */
export function useApiKeys(entityId: string | undefined, { enabled = true } = {}) {
  return useQuery({
    queryKey: queryKeys.entityAccess.apiKeys(entityId ?? ''),
    queryFn: ({ signal }) => listApiKeys(signal),
    enabled: enabled && !!entityId,
  });
}

/** Creates a key; the mutation's `data.key` is the secret, never stored in the query cache. */
export function useCreateApiKey(entityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyRequest) => createApiKey(body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.entityAccess.apiKeys(entityId) }),
  });
}

export function useRevokeApiKey(entityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => revokeApiKey(id),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.entityAccess.apiKeys(entityId) }),
  });
}

/** Intermediary staff: the people of an entity. */
export function useAdminEntityUsers(entityId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.adminEntities.users(entityId ?? ''),
    queryFn: ({ signal }) => listAdminEntityUsers(entityId ?? '', signal),
    enabled: !!entityId,
  });
}

/** Intermediary admins: appoint an entity admin by fiscal code. */
export function useAppointEntityAdmin(entityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fiscalCode: string) => appointEntityAdmin(entityId, fiscalCode),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.adminEntities.users(entityId) }),
  });
}
