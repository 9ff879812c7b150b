import { createSpaRoutes } from '@pagamenti/ui';
import { AccountsPage } from './pages/AccountsPage';
import { CataloguePage } from './pages/CataloguePage';
import { NewDueTypePage } from './pages/DueTypeFormPage';
import { HomePage } from './pages/HomePage';

export const APP_NAME = 'Back office enti';

export const routes = createSpaRoutes({
  appName: APP_NAME,
  loginApp: 'backoffice',
  navItems: [
    { to: '/', label: 'Panoramica', end: true },
    { to: '/catalogo', label: 'Catalogo dovuti' },
    { to: '/conti', label: 'Conti di accredito' },
  ],
  pages: [
    { index: true, element: <HomePage /> },
    { path: 'catalogo', element: <CataloguePage /> },
    { path: 'catalogo/nuovo', element: <NewDueTypePage /> },
    { path: 'conti', element: <AccountsPage /> },
  ],
});
