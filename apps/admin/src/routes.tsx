import { createSpaRoutes } from '@pagamenti/ui';
import { HomePage } from './pages/HomePage';
import { EntitiesPage } from './pages/EntitiesPage';
import { EntityDetailPage } from './pages/EntityDetailPage';
import { EditEntityPage, NewEntityPage } from './pages/EntityFormPage';

export const APP_NAME = 'Console intermediario';

export const routes = createSpaRoutes({
  appName: APP_NAME,
  loginApp: 'admin',
  navItems: [
    { to: '/', label: 'Panoramica', end: true },
    { to: '/enti', label: 'Enti' },
  ],
  pages: [
    { index: true, element: <HomePage /> },
    { path: 'enti', element: <EntitiesPage /> },
    { path: 'enti/nuovo', element: <NewEntityPage /> },
    { path: 'enti/:id', element: <EntityDetailPage /> },
    { path: 'enti/:id/modifica', element: <EditEntityPage /> },
  ],
});
