import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys';
import { getSession, listIdentityProviders, logout, setActiveEntity } from './resources/auth';

/** The current session (user or null); refreshed when the window regains focus. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 60_000,
  });
}

export function useIdentityProviders() {
  return useQuery({
    queryKey: queryKeys.identityProviders,
    queryFn: ({ signal }) => listIdentityProviders(signal),
    staleTime: 5 * 60_000,
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => client.clear(),
  });
}

export function useSwitchEntity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: setActiveEntity,
    onSuccess: (user) => {
      // The header and the pages read the new active entity at once…
      client.setQueryData(queryKeys.me, user);
      client.setQueryData(queryKeys.session, { user });
      // …and the data of the previous entity is refetched by key. Entity-scoped keys also carry the entity
      // id, so a page never shows the previous entity's list under the new one; add new ones here.
      return Promise.all(
        [
          queryKeys.me,
          queryKeys.session,
          queryKeys.entityCatalogue.all,
          queryKeys.entityAccess.all,
          queryKeys.audit.all,
        ].map((queryKey) => client.invalidateQueries({ queryKey })),
      );
    },
  });
}
