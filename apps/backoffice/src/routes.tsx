import { createSpaRoutes } from '@pagamenti/ui';
import { HomePage } from './pages/HomePage';

export const APP_NAME = 'Back office enti';

export const routes = createSpaRoutes({
  appName: APP_NAME,
  navItems: [{ to: '/', label: 'Panoramica', end: true }],
  pages: [{ index: true, element: <HomePage /> }],
});
