import { useSession } from '@pagamenti/api-client';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { QueryState } from '../feedback/QueryState';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import type { AccessRule } from './access';

/** The login page's query parameter naming the page to come back to (a path of the app, without basename). */
export const RETURN_PARAM = 'ritorno';

export interface RequireSessionProps {
  /** Who may see the pages; without it, anyone logged in may. */
  allow?: AccessRule;
  /** The protected content; without it, the child routes (`<Outlet />`). */
  children?: ReactNode;
}

/**
 * Gate of the pages that need a session. An anonymous visitor goes to "Accedi" with the page they asked for in
 * `?ritorno=`, which the login hands to the API (`returnTo`) to come back to it; a logged-in person without
 * the needed role gets the 403 page.
 */
export function RequireSession({ allow, children }: RequireSessionProps) {
  const session = useSession();
  const location = useLocation();
  return (
    <QueryState query={session} loadingLabel="Verifica dell’accesso in corso…">
      {({ user }) => {
        if (!user) {
          const back = `${location.pathname}${location.search}${location.hash}`;
          const search = new URLSearchParams({ [RETURN_PARAM]: back });
          return <Navigate to={{ pathname: '/accedi', search: `?${search}` }} replace />;
        }
        if (allow && !allow(user)) return <ForbiddenPage />;
        return children ?? <Outlet />;
      }}
    </QueryState>
  );
}
