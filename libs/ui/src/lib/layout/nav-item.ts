import type { ReactNode } from 'react';

export interface NavItemDef {
  /** Route path, relative to the app's basename. */
  to: string;
  /** Text, or an element that renders it (e.g. translated). */
  label: ReactNode;
  /** Match only this exact path (for the home item). */
  end?: boolean;
}
