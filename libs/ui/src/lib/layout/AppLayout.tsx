import { Alert } from 'design-react-kit';
import type { ReactNode } from 'react';
import { usePlatformNames } from '../hooks/use-platform-names';
import type { NavItemDef } from './nav-item';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';
import { MAIN_CONTENT_ID, SkipLinks } from './SkipLinks';

export interface AppLayoutProps {
  /** "Area cittadino", "Back office enti", "Console intermediario". */
  appName: string;
  navItems: NavItemDef[];
  children: ReactNode;
  /** Extra controls in the slim header (e.g. a language switch). */
  headerTools?: ReactNode;
}

/** Skip links, header, labelled main menu, main landmark and footer: the frame of every page. */
export function AppLayout({ appName, navItems, children, headerTools }: AppLayoutProps) {
  const { demo } = usePlatformNames();
  return (
    <div className="d-flex flex-column min-vh-100">
      <SkipLinks />
      <SiteHeader appName={appName} navItems={navItems} tools={headerTools} />
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="flex-grow-1 pb-5">
        {demo && (
          <div className="container pt-3">
            <Alert color="warning" fade={false} role="note" className="mb-0">
              Ambiente dimostrativo: i dati sono fittizi e i pagamenti passano da un simulatore di pagoPA.
            </Alert>
          </div>
        )}
        {children}
      </main>
      <SiteFooter appName={appName} />
    </div>
  );
}
