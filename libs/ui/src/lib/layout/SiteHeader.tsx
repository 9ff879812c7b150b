import type { ReactNode } from 'react';
import { Header, HeaderBrand, HeaderContent, Headers } from 'design-react-kit';
import { Link } from 'react-router';
import { UserArea } from '../auth/UserArea';
import { usePlatformNames } from '../hooks/use-platform-names';
import { MainNav } from './MainNav';
import type { NavItemDef } from './nav-item';

export interface SiteHeaderProps {
  appName: string;
  navItems: NavItemDef[];
  /** Extra controls in the slim header, before the login area. */
  tools?: ReactNode;
}

export function SiteHeader({ appName, navItems, tools }: SiteHeaderProps) {
  const { platformName, intermediaryName } = usePlatformNames();
  return (
    <header>
      <Headers>
        <Header type="slim">
          <HeaderContent>
            <HeaderBrand tag="span" responsive>
              {intermediaryName ?? 'Intermediario tecnologico pagoPA'}
            </HeaderBrand>
            <div className="it-header-slim-right-zone gap-3">
              {tools}
              <UserArea />
            </div>
          </HeaderContent>
        </Header>
        <div className="it-nav-wrapper">
          <Header type="center">
            <HeaderContent>
              <div className="it-brand-wrapper">
                <Link to="/">
                  <div className="it-brand-text">
                    <div className="it-brand-title">{platformName}</div>
                    <div className="it-brand-tagline">{appName}</div>
                  </div>
                </Link>
              </div>
            </HeaderContent>
          </Header>
          <MainNav items={navItems} />
        </div>
      </Headers>
    </header>
  );
}
