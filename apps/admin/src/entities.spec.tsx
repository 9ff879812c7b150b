import type { EntityListItem, EntityPipeline, Page } from '@pagamenti/contracts';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { platformInfo, renderApp, sessionOf, stubApi } from './__tests__/render-app';

const staff = sessionOf({ intermediaryRole: 'admin' });

const pipeline: EntityPipeline = {
  total: 3,
  byStage: {
    ADHESION_REQUESTED: 1,
    AGREEMENT_SIGNED: 1,
    CONFIGURATION: 0,
    TESTING: 0,
    PRODUCTION: 1,
    SUSPENDED: 0,
    WITHDRAWN: 0,
  },
};

const page: Page<EntityListItem> = {
  items: [
    {
      id: '00000000-0000-4000-8000-000000000001',
      fiscalCode: '99042938904',
      name: 'Comune di Roccaspinalveti',
      category: 'COMUNE',
      province: 'CH',
      onboardingStage: 'AGREEMENT_SIGNED',
      ipaCode: null,
      stationCode: null,
      updatedAt: '2025-01-10T08:30:00Z',
    },
  ],
  nextCursor: null,
};

describe('admin entities', () => {
  afterEach(cleanup);

  it('reads the filters from the URL and sends them to the API', async () => {
    const fetchMock = stubApi({
      '/api/v1/platform': platformInfo,
      '/api/v1/auth/session': staff,
      '/api/v1/admin/entities/pipeline': pipeline,
      '/api/v1/admin/entities': page,
    });
    renderApp('/enti?fase=AGREEMENT_SIGNED&provincia=CH');
    expect(
      await screen.findByRole('link', { name: 'Comune di Roccaspinalveti' }, { timeout: 5000 }),
    ).toBeTruthy();
    const tiles = screen.getByRole('list', { name: 'Filtra per fase' });
    expect(
      within(tiles)
        .getByRole('button', { name: /Convenzione firmata/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    const listCall = fetchMock.mock.calls
      .map(([url]) => String(url))
      .find((url) => url.startsWith('/api/v1/admin/entities?'));
    expect(listCall).toContain('stage=AGREEMENT_SIGNED');
    expect(listCall).toContain('province=CH');
    expect((screen.getByLabelText('Provincia') as HTMLSelectElement).value).toBe('CH');
  });

  it('checks the fiscal code check digit before sending, in Italian, and focuses the field', async () => {
    const fetchMock = stubApi({
      '/api/v1/platform': platformInfo,
      '/api/v1/auth/session': staff,
      '/api/v1/admin/stations': [],
    });
    renderApp('/enti/nuovo');
    fireEvent.change(await screen.findByLabelText(/Codice fiscale/, undefined, { timeout: 5000 }), {
      target: { value: '99042938905' },
    });
    fireEvent.change(screen.getByLabelText(/Ragione sociale/), { target: { value: 'Comune di Prova' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registra l’ente' }));
    expect(
      await screen.findByText('Il codice fiscale non è corretto: controlla l’ultima cifra', undefined, {
        timeout: 5000,
      }),
    ).toBeTruthy();
    expect(document.activeElement?.id).toBe('fiscalCode');
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit | undefined][];
    expect(calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });
});
