import type { ReactNode } from 'react';
import { usePageTitle } from '../hooks/use-page-title';

export interface PageContainerProps {
  /** The page's only h1, also the first part of `document.title`. */
  title: string;
  lead?: ReactNode;
  children?: ReactNode;
}

/** A page with its title: one h1, and the same words in the browser tab. */
export function PageContainer({ title, lead, children }: PageContainerProps) {
  usePageTitle(title);
  return (
    <div className="container py-4 py-lg-5">
      <h1 className="mb-3">{title}</h1>
      {lead && <p className="lead mb-4">{lead}</p>}
      {children}
    </div>
  );
}
