import { Spinner } from 'design-react-kit';

export interface LoadingStateProps {
  /** What is loading, for screen readers and sighted users alike. */
  label?: string;
  /** Placeholder rows shaped like the content, instead of the spinner. */
  skeletonRows?: number;
}

export function LoadingState({ label = 'Caricamento in corso…', skeletonRows }: LoadingStateProps) {
  return (
    <div role="status" aria-live="polite" className="py-3">
      {skeletonRows ? (
        <div className="placeholder-glow" aria-hidden="true">
          {Array.from({ length: skeletonRows }, (_, row) => (
            <span key={row} className={`placeholder d-block mb-2 ${row % 2 ? 'col-8' : 'col-10'}`} />
          ))}
        </div>
      ) : (
        <Spinner active small double={false} label="" aria-hidden="true" />
      )}
      <p className={skeletonRows ? 'visually-hidden' : 'mt-2 mb-0'}>{label}</p>
    </div>
  );
}
