import { Alert } from 'design-react-kit';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  /** How data will arrive, and what the user can do meanwhile. */
  children?: ReactNode;
}

export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <Alert color="info" fade={false} role="note" className="my-3">
      <p className="fw-semibold mb-1">{title}</p>
      {children && <div>{children}</div>}
    </Alert>
  );
}
