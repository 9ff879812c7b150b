import { createQueryClient } from '@pagamenti/api-client';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Outlet, RouterProvider, type RouteObject } from 'react-router';
import type { LoginApp } from '@pagamenti/contracts';
import { LoginPage } from '../auth/LoginPage';
import { AppLayout } from '../layout/AppLayout';
import { type NavItemDef } from '../layout/nav-item';
import { commonRoutes } from '../pages/common-routes';

export interface SpaDefinition {
  /** Shown in the header under the platform name, e.g. "Area cittadino". */
  appName: string;
  navItems: NavItemDef[];
  /** The app's own routes; the footer pages and the 404 are added after them. */
  pages: RouteObject[];
  /** Which SPID level and landing page the login uses (default: citizen). */
  loginApp?: LoginApp;
  /** Extra controls in the slim header, before the login area (e.g. a language switch). */
  headerTools?: ReactNode;
}

/** The route tree every SPA shares: its layout around its pages, then the footer pages and the 404. */
export function createSpaRoutes({
  appName,
  navItems,
  pages,
  loginApp = 'citizen',
  headerTools,
}: SpaDefinition): RouteObject[] {
  return [
    {
      element: (
        <AppLayout appName={appName} navItems={navItems} headerTools={headerTools}>
          <Outlet />
        </AppLayout>
      ),
      children: [...pages, { path: 'accedi', element: <LoginPage app={loginApp} /> }, ...commonRoutes],
    },
  ];
}

/** Mounts an SPA in `#root` with its router (under `basename`) and the shared query client. */
export function mountSpa(routes: RouteObject[], basename: string): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('Elemento #root mancante in index.html');
  const router = createBrowserRouter(routes, { basename });
  createRoot(container).render(
    <Providers>
      <RouterProvider router={router} />
    </Providers>,
  );
}

function Providers({ children }: { children: ReactNode }) {
  return (
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>{children}</QueryClientProvider>
    </StrictMode>
  );
}
