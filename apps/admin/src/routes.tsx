import { RequireSession, createSpaRoutes, hasIntermediaryRole } from '@pagamenti/ui';
import { AuditPage } from './pages/AuditPage';
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
    { to: '/registro-attivita', label: 'Registro attività' },
  ],
  pages: [
    { index: true, element: <HomePage /> },
    {
      // Every other page is for the intermediary's staff, logged in.
      element: <RequireSession allow={hasIntermediaryRole()} />,
      children: [
        { path: 'enti', element: <EntitiesPage /> },
        { path: 'enti/nuovo', element: <NewEntityPage /> },
        { path: 'enti/:id', element: <EntityDetailPage /> },
        { path: 'enti/:id/modifica', element: <EditEntityPage /> },
        { path: 'registro-attivita', element: <AuditPage /> },
      ],
    },
  ],
});
