import { isApiError } from '@pagamenti/api-client';
import { Alert, Button } from 'design-react-kit';

export const FETCH_ERROR_MESSAGE = 'Non riusciamo a recuperare i dati a causa di un problema.';

export interface ErrorStateProps {
  error: unknown;
  onRetry: () => void;
  /** True while the retry is in flight. */
  retrying?: boolean;
  title?: string;
}

/** An inline, persistent error (never a toast) with a "Riprova" that refetches. */
export function ErrorState({ error, onRetry, retrying = false, title }: ErrorStateProps) {
  const reference = isApiError(error) ? error.correlationId : null;
  return (
    <Alert color="danger" fade={false} className="my-3">
      {title && <p className="fw-semibold mb-1">{title}</p>}
      <p className="mb-2">{FETCH_ERROR_MESSAGE}</p>
      {reference && (
        <p className="small mb-2">
          Se il problema persiste, comunica all’assistenza il codice{' '}
          <span className="font-monospace">{reference}</span>.
        </p>
      )}
      <Button color="primary" size="sm" outline onClick={onRetry} disabled={retrying} aria-busy={retrying}>
        {retrying ? 'Nuovo tentativo in corso…' : 'Riprova'}
      </Button>
    </Alert>
  );
}
