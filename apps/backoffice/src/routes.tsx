import { RequireSession, createSpaRoutes, hasActiveEntityRole } from '@pagamenti/ui';
import { AccountsPage } from './pages/AccountsPage';
import { ApiKeysPage } from './pages/ApiKeysPage';
import { AuditPage } from './pages/AuditPage';
import { CataloguePage } from './pages/CataloguePage';
import { NewDueTypePage } from './pages/DueTypeFormPage';
import { HomePage } from './pages/HomePage';
import { OperatorsPage } from './pages/OperatorsPage';
import { PositionImportPage } from './pages/PositionImportPage';
import { PositionDetailPage } from './pages/PositionDetailPage';
import { EditPositionPage, NewPositionPage } from './pages/PositionFormPages';
import { PositionsPage } from './pages/PositionsPage';

export const APP_NAME = 'Back office enti';

export const routes = createSpaRoutes({
  appName: APP_NAME,
  loginApp: 'backoffice',
  navItems: [
    { to: '/', label: 'Panoramica', end: true },
    { to: '/posizioni', label: 'Posizioni debitorie' },
    { to: '/carica-posizioni', label: 'Carica posizioni' },
    { to: '/catalogo', label: 'Catalogo dovuti' },
    { to: '/conti', label: 'Conti di accredito' },
    { to: '/operatori', label: 'Operatori' },
    { to: '/chiavi-api', label: 'Chiavi API' },
    { to: '/registro-attivita', label: 'Registro attività' },
  ],
  pages: [
    { index: true, element: <HomePage /> },
    {
      // Every other page needs a session with a role in the active entity (login, then 403 without one).
      element: <RequireSession allow={hasActiveEntityRole()} />,
      children: [
        { path: 'posizioni', element: <PositionsPage /> },
        { path: 'posizioni/nuova', element: <NewPositionPage /> },
        { path: 'carica-posizioni', element: <PositionImportPage /> },
        { path: 'posizioni/:iupd', element: <PositionDetailPage /> },
        { path: 'posizioni/:iupd/modifica', element: <EditPositionPage /> },
        { path: 'catalogo', element: <CataloguePage /> },
        { path: 'catalogo/nuovo', element: <NewDueTypePage /> },
        { path: 'conti', element: <AccountsPage /> },
        // Entity admins manage; the pages tell the other roles why they cannot.
        { path: 'operatori', element: <OperatorsPage /> },
        { path: 'chiavi-api', element: <ApiKeysPage /> },
        {
          path: 'registro-attivita',
          element: (
            <RequireSession allow={hasActiveEntityRole('admin')}>
              <AuditPage />
            </RequireSession>
          ),
        },
      ],
    },
  ],
});
