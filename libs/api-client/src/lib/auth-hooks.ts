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
    // Everything on screen belonged to the previous entity.
    onSuccess: () => client.invalidateQueries(),
  });
}
