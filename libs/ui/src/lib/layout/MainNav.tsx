import { Collapse, Header, HeaderContent, HeaderToggler, Icon, Nav, NavItem } from 'design-react-kit';
import { useState } from 'react';
import { NavLink } from 'react-router';
import type { NavItemDef } from './nav-item';

const MENU_ID = 'menu-principale';

/** The app's main menu: a labelled `<nav>`, collapsed behind a toggler below the lg breakpoint. */
export function MainNav({ items }: { items: NavItemDef[] }) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <Header type="navbar" theme="">
      <HeaderContent expand="lg" megamenu={false} aria-label="Menu principale">
        <HeaderToggler aria-controls={MENU_ID} isOpen={open} onClick={() => setOpen(!open)}>
          <Icon icon="it-burger" aria-hidden="true" />
          <span className="visually-hidden">Apri il menu</span>
        </HeaderToggler>
        <Collapse
          id={MENU_ID}
          navbar
          header
          isOpen={open}
          onOverlayClick={close}
          closeSrText="Chiudi il menu"
        >
          <div className="menu-wrapper">
            <Nav navbar>
              {items.map((item) => (
                <NavItem key={item.to}>
                  <NavLink className="nav-link" to={item.to} end={item.end} onClick={close}>
                    <span>{item.label}</span>
                  </NavLink>
                </NavItem>
              ))}
            </Nav>
          </div>
        </Collapse>
      </HeaderContent>
    </Header>
  );
}
