import type { ReactNode } from 'react';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';

/** The part of a react-query result that decides what to show. */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
  refetch: () => unknown;
}

export interface QueryStateProps<T> {
  query: QueryLike<T>;
  loadingLabel?: string;
  skeletonRows?: number;
  errorTitle?: string;
  children: (data: T) => ReactNode;
}

/** Loading, error with "Riprova", or the content: each block of a page fails on its own. */
export function QueryState<T>({
  query,
  loadingLabel,
  skeletonRows,
  errorTitle,
  children,
}: QueryStateProps<T>) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isPending && !query.error)
    return <LoadingState label={loadingLabel} skeletonRows={skeletonRows} />;
  return (
    <ErrorState
      error={query.error}
      title={errorTitle}
      retrying={query.isFetching}
      onRetry={() => void query.refetch()}
    />
  );
}
