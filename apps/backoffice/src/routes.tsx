import { AppLayout, commonRoutes, type NavItemDef } from '@pagamenti/ui';
import { Outlet, type RouteObject } from 'react-router';
import { HomePage } from './pages/HomePage';

export const APP_NAME = 'Back office enti';

const NAV_ITEMS: NavItemDef[] = [{ to: '/', label: 'Panoramica', end: true }];

function RootLayout() {
  return (
    <AppLayout appName={APP_NAME} navItems={NAV_ITEMS}>
      <Outlet />
    </AppLayout>
  );
}

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [{ index: true, element: <HomePage /> }, ...commonRoutes],
  },
];
