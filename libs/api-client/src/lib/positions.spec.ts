import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPosition, getPositionByNoticeNumber, listPositions, positionsExportUrl } from './positions';

const ENTITY = '00000000-0000-4000-8000-000000000007';

function stubFetch(body: unknown, status = 200) {
  const fetchMock = vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('debt positions client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists with the filters and the cursor, dropping the unset ones', async () => {
    const fetchMock = stubFetch({ items: [], nextCursor: null });
    await listPositions(ENTITY, {
      status: 'VALID',
      q: '307000000000000123',
      debtor: undefined,
      cursor: 'c2',
    });
    const url = new URL(fetchMock.mock.calls[0]![0], 'http://localhost');
    expect(url.pathname).toBe(`/api/v1/entities/${ENTITY}/positions`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: 'VALID',
      q: '307000000000000123',
      cursor: 'c2',
    });
  });

  it('sends the Idempotency-Key with a creation, and encodes identifiers in paths', async () => {
    const fetchMock = stubFetch({ iupd: 'A' }, 201);
    await createPosition(
      ENTITY,
      {
        dueTypeCode: 'TARI',
        debtor: { type: 'F', idValue: 'ANONIMO', name: 'x' },
        description: 'd',
        options: [],
      },
      'key-1',
    );
    const init = fetchMock.mock.calls[0]![1]!;
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toBe('key-1');

    await getPositionByNoticeNumber(ENTITY, '3070 0000');
    expect(fetchMock.mock.calls[1]![0]).toBe(`/api/v1/entities/${ENTITY}/positions/by-notice/3070%200000`);
  });

  it('builds the export address with the format and the filters', () => {
    const url = new URL(
      positionsExportUrl(ENTITY, 'xlsx', { status: 'PAID', minAmountCents: 100 }),
      'http://x',
    );
    expect(url.pathname).toBe(`/api/v1/entities/${ENTITY}/positions/export`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'xlsx',
      status: 'PAID',
      minAmountCents: '100',
    });
  });
});
