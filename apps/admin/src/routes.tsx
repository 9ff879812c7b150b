import { createSpaRoutes } from '@pagamenti/ui';
import { HomePage } from './pages/HomePage';

export const APP_NAME = 'Console intermediario';

export const routes = createSpaRoutes({
  appName: APP_NAME,
  navItems: [{ to: '/', label: 'Panoramica', end: true }],
  pages: [{ index: true, element: <HomePage /> }],
});
