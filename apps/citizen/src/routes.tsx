import { createSpaRoutes, RequireSession } from '@pagamenti/ui';
import { LanguageSwitch, T } from './i18n/i18n';
import { HomePage } from './pages/HomePage';
import { MyNoticesPage } from './pages/MyNoticesPage';
import { MyReceiptsPage } from './pages/MyReceiptsPage';
import { NoticePage } from './pages/NoticePage';
import { OutcomePage } from './pages/OutcomePage';
import { SpontaneousCatalogPage } from './pages/SpontaneousCatalogPage';
import { SpontaneousFormPage } from './pages/SpontaneousFormPage';

export const APP_NAME = 'Area cittadino';

export const routes = createSpaRoutes({
  appName: APP_NAME,
  headerTools: <LanguageSwitch />,
  navItems: [
    { to: '/', label: <T k="nav.home" />, end: true },
    { to: '/pagamenti-spontanei', label: <T k="nav.spontaneous" /> },
    { to: '/i-miei-avvisi', label: <T k="nav.myNotices" /> },
    { to: '/le-mie-ricevute', label: <T k="nav.myReceipts" /> },
  ],
  pages: [
    { index: true, element: <HomePage /> },
    { path: 'avviso/:entityFiscalCode/:noticeNumber', element: <NoticePage /> },
    { path: 'pagamento/esito/:reference', element: <OutcomePage /> },
    { path: 'pagamenti-spontanei', element: <SpontaneousCatalogPage /> },
    { path: 'pagamenti-spontanei/:dueTypeId', element: <SpontaneousFormPage /> },
    {
      element: <RequireSession />,
      children: [
        { path: 'i-miei-avvisi', element: <MyNoticesPage /> },
        { path: 'le-mie-ricevute', element: <MyReceiptsPage /> },
      ],
    },
  ],
});
