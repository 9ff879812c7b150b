import type { EntityRoleAssignment } from '@pagamenti/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PINETO,
  ROSETO,
  annaFerri,
  json,
  jsonError,
  loggedInAs,
  noContent,
  requests,
} from './__tests__/fixtures';
import { renderApp, stubApi } from './__tests__/render-app';

const people: EntityRoleAssignment[] = [
  {
    fiscalCode: 'CLMPLA68T10A515P',
    role: 'operator',
    name: 'Paolo',
    familyName: 'Colombo',
    grantedAt: '2025-01-05T08:00:00Z',
    grantedBy: null,
  },
  {
    fiscalCode: 'FRRNNA90E50A345B',
    role: 'admin',
    name: 'Anna',
    familyName: 'Ferri',
    grantedAt: '2025-01-04T08:00:00Z',
    grantedBy: null,
  },
  {
    fiscalCode: 'VRDLCU72C12G482Y',
    role: 'viewer',
    name: null,
    familyName: null,
    grantedAt: '2025-01-06T08:00:00Z',
    grantedBy: 'FRRNNA90E50A345B',
  },
];

/** The users endpoint: GET answers `list()`, PUT/DELETE of one person answer `change(...)`. */
function usersApi(change: (method: string, body: unknown) => Response = noContent) {
  let list = [...people];
  return {
    '/api/v1/backoffice/users': () => json(list),
    ...Object.fromEntries(
      ['CLMPLA68T10A515P', 'FRRNNA90E50A345B', 'VRDLCU72C12G482Y', 'RSSMRA80A01H501U'].map((code) => [
        `/api/v1/backoffice/users/${code}`,
        (_url: URL, init?: RequestInit) => {
          const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { role: string }) : null;
          const answer = change(init?.method ?? 'GET', body);
          if (answer.ok && init?.method === 'PUT' && body) {
            list = [
              ...list.filter((user) => user.fiscalCode !== code),
              {
                fiscalCode: code,
                role: body.role as EntityRoleAssignment['role'],
                name: null,
                familyName: null,
                grantedAt: '2025-02-01T08:00:00Z',
                grantedBy: 'FRRNNA90E50A345B',
              },
            ];
          }
          if (answer.ok && init?.method === 'DELETE') list = list.filter((user) => user.fiscalCode !== code);
          return answer;
        },
      ]),
    ),
  };
}

async function table() {
  return screen.findByRole('table', { name: /Persone con un ruolo/ }, { timeout: 5000 });
}

describe('back office "Operatori"', () => {
  afterEach(cleanup);

  it('lists the active entity’s people with their roles in Italian', async () => {
    stubApi({ ...loggedInAs(annaFerri()), ...usersApi() });
    renderApp('/operatori');
    const rows = within(await table()).getAllByRole('row');
    expect(rows).toHaveLength(4);
    const cells = (row: number) =>
      [within(rows[row]!).getByRole('rowheader'), ...within(rows[row]!).getAllByRole('cell').slice(0, 2)].map(
        (cell) => cell.textContent,
      );
    expect(cells(1)).toEqual(['Paolo Colombo', 'CLMPLA68T10A515P', 'Operatore']);
    expect(cells(2)).toEqual(['Anna Ferri (tu)', 'FRRNNA90E50A345B', 'Amministratore']);
    // Someone invited who never logged in: no name yet.
    expect(cells(3)).toEqual(['Non ha ancora effettuato l’accesso', 'VRDLCU72C12G482Y', 'Sola lettura']);
    expect(screen.getByTestId('active-entity').textContent).toContain('Comune di Pineto');
    expect(screen.queryByLabelText('Ente su cui lavorare')).toBeNull();
  });

  it('checks the fiscal code before inviting, in Italian, and sends nothing until it is right', async () => {
    const fetchMock = stubApi({ ...loggedInAs(annaFerri()), ...usersApi() });
    renderApp('/operatori');
    await table();
    const field = screen.getByLabelText(/Codice fiscale/);

    fireEvent.change(field, { target: { value: 'rssmra80a01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invita' }));
    expect(await screen.findByText('Il codice fiscale ha 16 caratteri: ne hai scritti 11')).toBeTruthy();
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(field, { target: { value: 'RSSMRA80A01H501X' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invita' }));
    expect(await screen.findByText(/Il codice fiscale non è corretto/)).toBeTruthy();
    expect(requests(fetchMock).some((request) => request.method === 'PUT')).toBe(false);
  });

  it('invites a person by fiscal code with a role and shows them in the list', async () => {
    const fetchMock = stubApi({ ...loggedInAs(annaFerri()), ...usersApi() });
    renderApp('/operatori');
    await table();
    fireEvent.change(screen.getByLabelText(/Codice fiscale/), { target: { value: 'rssmra80a01h501u' } });
    fireEvent.change(screen.getByLabelText(/^Ruolo/), { target: { value: 'viewer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invita' }));

    expect(await screen.findByText(/Invito registrato: RSSMRA80A01H501U/)).toBeTruthy();
    await waitFor(() =>
      expect(within(screen.getByRole('table')).getByRole('cell', { name: 'RSSMRA80A01H501U' })).toBeTruthy(),
    );
    expect(requests(fetchMock).find((request) => request.method === 'PUT')).toEqual({
      path: '/api/v1/backoffice/users/RSSMRA80A01H501U',
      method: 'PUT',
      body: { role: 'viewer' },
    });
    expect((screen.getByLabelText(/Codice fiscale/) as HTMLInputElement).value).toBe('');
  });

  it('shows the API’s field errors next to the field', async () => {
    stubApi({
      ...loggedInAs(annaFerri()),
      ...usersApi(() =>
        json(
          {
            code: 'VALIDATION_FAILED',
            message: 'Codice fiscale non valido.',
            correlationId: 'c-1',
            fieldErrors: [{ field: 'fiscalCode', message: 'Codice fiscale non valido', rule: 'fiscalCode' }],
          },
          400,
        ),
      ),
    });
    renderApp('/operatori');
    await table();
    const field = screen.getByLabelText(/Codice fiscale/);
    fireEvent.change(field, { target: { value: 'RSSMRA80A01H501U' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invita' }));
    const error = await screen.findByText('Codice fiscale non valido');
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
  });

  it('changes a role and removes a person after confirming', async () => {
    const fetchMock = stubApi({ ...loggedInAs(annaFerri()), ...usersApi() });
    const confirm = vi.spyOn(window, 'confirm');
    renderApp('/operatori');
    await table();

    fireEvent.change(screen.getByLabelText('Nuovo ruolo di Paolo Colombo'), { target: { value: 'admin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cambia ruolo di Paolo Colombo' }));
    expect(await screen.findByText('Ruolo di Paolo Colombo cambiato in Amministratore.')).toBeTruthy();
    expect(requests(fetchMock).find((request) => request.method === 'PUT')).toMatchObject({
      path: '/api/v1/backoffice/users/CLMPLA68T10A515P',
      body: { role: 'admin' },
    });

    confirm.mockReturnValueOnce(false);
    fireEvent.click(screen.getByRole('button', { name: 'Rimuovi VRDLCU72C12G482Y' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Comune di Pineto'));
    expect(requests(fetchMock).some((request) => request.method === 'DELETE')).toBe(false);

    confirm.mockReturnValueOnce(true);
    fireEvent.click(screen.getByRole('button', { name: 'Rimuovi VRDLCU72C12G482Y' }));
    expect(await screen.findByText('VRDLCU72C12G482Y non ha più ruoli nell’ente.')).toBeTruthy();
    expect(requests(fetchMock).find((request) => request.method === 'DELETE')?.path).toBe(
      '/api/v1/backoffice/users/VRDLCU72C12G482Y',
    );
    await waitFor(() => expect(within(screen.getByRole('table')).queryByText('VRDLCU72C12G482Y')).toBeNull());
  });

  it('explains a refusal such as removing the last admin', async () => {
    stubApi({
      ...loggedInAs(annaFerri()),
      ...usersApi((method) =>
        method === 'DELETE'
          ? json(
              {
                code: 'CONFLICT',
                message: 'L’ente deve avere almeno un amministratore.',
                correlationId: 'c',
              },
              409,
            )
          : noContent(),
      ),
    });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderApp('/operatori');
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Rimuovi Anna Ferri' }));
    expect(await screen.findByText('L’ente deve avere almeno un amministratore.')).toBeTruthy();
  });

  it('tells an operator the page is for admins, without asking the API', async () => {
    const fetchMock = stubApi({ ...loggedInAs(annaFerri({ activeEntityId: ROSETO })), ...usersApi() });
    renderApp('/operatori');
    expect(
      await screen.findByText('Riservato agli amministratori dell’ente', undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect(requests(fetchMock).some((request) => request.path.startsWith('/api/v1/backoffice/users'))).toBe(
      false,
    );
  });

  it('says so when the API forbids the list', async () => {
    stubApi({ ...loggedInAs(annaFerri()), '/api/v1/backoffice/users': () => jsonError(403, 'FORBIDDEN') });
    renderApp('/operatori');
    expect(
      await screen.findByText('Riservato agli amministratori dell’ente', undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect(PINETO).toBeTruthy();
  });
});
