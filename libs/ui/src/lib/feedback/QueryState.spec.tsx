import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FETCH_ERROR_MESSAGE } from './ErrorState';
import { type QueryLike, QueryState } from './QueryState';

function query(overrides: Partial<QueryLike<string>>): QueryLike<string> {
  return {
    data: undefined,
    error: null,
    isPending: false,
    isFetching: false,
    refetch: vi.fn(),
    ...overrides,
  };
}

describe('QueryState', () => {
  afterEach(cleanup);

  it('announces loading politely', () => {
    render(<QueryState query={query({ isPending: true })}>{(data) => data}</QueryState>);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toContain('Caricamento in corso');
  });

  it('shows the error with a "Riprova" button that refetches', () => {
    const failed = query({ error: new Error('boom') });
    render(<QueryState query={failed}>{(data) => data}</QueryState>);
    expect(screen.getByText(FETCH_ERROR_MESSAGE)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Riprova' }));
    expect(failed.refetch).toHaveBeenCalledOnce();
  });

  it('renders the data', () => {
    render(<QueryState query={query({ data: 'Dati pronti' })}>{(data) => <p>{data}</p>}</QueryState>);
    expect(screen.getByText('Dati pronti')).toBeTruthy();
  });
});
