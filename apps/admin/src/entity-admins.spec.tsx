import type { EntityDetail, EntityRoleAssignment } from '@pagamenti/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { platformInfo, renderApp, sessionOf, stubApi } from './__tests__/render-app';

const ID = '00000000-0000-4000-8000-000000000007';
const BASE = `/api/v1/admin/entities/${ID}`;

const entity: EntityDetail = {
  id: ID,
  fiscalCode: '99023040399',
  name: 'Comune di Pineto',
  category: 'COMUNE',
  province: 'TE',
  onboardingStage: 'PRODUCTION',
  ipaCode: 'c_g687',
  logoUrl: null,
  email: null,
  pec: null,
  phone: null,
  referentName: null,
  segregationCode: '01',
  auxDigit: 3,
  station: null,
  cbillCode: null,
  noticeLanguages: [],
  createdAt: '2025-01-01T08:00:00Z',
  updatedAt: '2025-01-01T08:00:00Z',
  allowedTransitions: [],
  nextStage: null,
  checklist: [],
  services: [],
};

const users: EntityRoleAssignment[] = [
  {
    fiscalCode: 'FRRNNA90E50A345B',
    role: 'admin',
    name: 'Anna',
    familyName: 'Ferri',
    grantedAt: '2025-01-04T08:00:00Z',
    grantedBy: 'MRNGPP81B20A345W',
  },
  {
    fiscalCode: 'CLMPLA68T10A515P',
    role: 'operator',
    name: 'Paolo',
    familyName: 'Colombo',
    grantedAt: '2025-01-05T08:00:00Z',
    grantedBy: null,
  },
];

function api(intermediaryRole: 'admin' | 'support') {
  let list = [...users];
  const appointed: string[] = [];
  const routes = {
    '/api/v1/platform': platformInfo,
    '/api/v1/auth/session': sessionOf({ intermediaryRole }),
    [BASE]: entity,
    [`${BASE}/users`]: () => Response.json(list),
    [`${BASE}/users/RSSMRA80A01H501U/admin`]: () => {
      appointed.push('RSSMRA80A01H501U');
      list = [
        ...list,
        {
          fiscalCode: 'RSSMRA80A01H501U',
          role: 'admin',
          name: null,
          familyName: null,
          grantedAt: '2025-02-01T08:00:00Z',
          grantedBy: 'MRNGPP81B20A345W',
        },
      ];
      return new Response(null, { status: 204 });
    },
  };
  return { routes, appointed };
}

async function adminsSection() {
  return screen.findByRole('region', { name: 'Amministratori dell’ente' }, { timeout: 5000 });
}

describe('admin entity detail: the entity’s admins', () => {
  afterEach(cleanup);

  it('lists the current admins and appoints a new one by fiscal code', async () => {
    const { routes, appointed } = api('admin');
    const fetchMock = stubApi(routes);
    renderApp(`/enti/${ID}`);
    const section = await adminsSection();
    const table = await within(section).findByRole('table', { name: 'Amministratori dell’ente' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByRole('rowheader').textContent).toBe('Anna Ferri');
    expect(within(table).getByText('FRRNNA90E50A345B')).toBeTruthy();
    expect(within(section).getByText(/Un’altra persona ha un ruolo/)).toBeTruthy();

    const field = within(section).getByLabelText(/Codice fiscale della persona/);
    fireEvent.change(field, { target: { value: 'FRRNNA90E50A345B' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Nomina amministratore' }));
    expect(await within(section).findByText('Anna Ferri è già amministratore dell’ente')).toBeTruthy();

    fireEvent.change(field, { target: { value: 'RSSMRA80A01H50' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Nomina amministratore' }));
    expect(await within(section).findByText(/ha 16 caratteri: ne hai scritti 14/)).toBeTruthy();
    expect(appointed).toEqual([]);

    fireEvent.change(field, { target: { value: 'rssmra80a01h501u' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Nomina amministratore' }));
    expect(await within(section).findByText(/RSSMRA80A01H501U è amministratore dell’ente/)).toBeTruthy();
    expect(appointed).toEqual(['RSSMRA80A01H501U']);
    const put = (fetchMock.mock.calls as unknown as [string, RequestInit | undefined][]).find(
      ([, init]) => init?.method === 'PUT',
    );
    expect(put?.[0]).toBe(`${BASE}/users/RSSMRA80A01H501U/admin`);
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
  });

  it('shows the admins but no appoint form to support staff', async () => {
    stubApi(api('support').routes);
    renderApp(`/enti/${ID}`);
    const section = await adminsSection();
    expect(await within(section).findByText('FRRNNA90E50A345B')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Nomina amministratore' })).toBeNull();
    expect(within(section).getByText(/Solo gli amministratori dell’intermediario/)).toBeTruthy();
  });
});
