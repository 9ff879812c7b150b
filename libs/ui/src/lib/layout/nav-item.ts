export interface NavItemDef {
  /** Route path, relative to the app's basename. */
  to: string;
  label: string;
  /** Match only this exact path (for the home item). */
  end?: boolean;
}
