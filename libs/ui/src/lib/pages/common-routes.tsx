import type { RouteObject } from 'react-router';
import { AccessibilityPage } from './AccessibilityPage';
import { LegalNotesPage } from './LegalNotesPage';
import { NotFoundPage } from './NotFoundPage';
import { PrivacyPage } from './PrivacyPage';

/** Footer pages and the 404: add them as children of each app's layout route, after its own routes. */
export const commonRoutes: RouteObject[] = [
  { path: 'accessibilita', element: <AccessibilityPage /> },
  { path: 'privacy', element: <PrivacyPage /> },
  { path: 'note-legali', element: <LegalNotesPage /> },
  { path: '*', element: <NotFoundPage /> },
];
