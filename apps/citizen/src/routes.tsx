import { createSpaRoutes } from '@pagamenti/ui';
import { HomePage } from './pages/HomePage';

export const APP_NAME = 'Area cittadino';

export const routes = createSpaRoutes({
  appName: APP_NAME,
  navItems: [{ to: '/', label: 'Home', end: true }],
  pages: [{ index: true, element: <HomePage /> }],
});
