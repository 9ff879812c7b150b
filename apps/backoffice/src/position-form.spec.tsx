import type { CreateDebtPositionRequest, UpdateDebtPositionRequest } from '@pagamenti/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ROSETO, json, loggedInAs } from './__tests__/fixtures';
import {
  ROSETO_FISCAL_CODE,
  TREASURY_IBAN,
  account,
  dueType,
  history,
  operator,
  position,
  positionsPath,
  viewer,
} from './__tests__/positions-fixtures';
import { renderApp, stubApi } from './__tests__/render-app';

const PINETO_IBAN = 'IT22Q0538715400000000122286';
const PERMIT = dueType(ROSETO, {
  id: `${ROSETO.slice(0, 30)}0000d2`,
  code: 'PERMESSO_SOSTA',
  name: 'Permesso di sosta',
  amountMode: 'FIXED',
  fixedAmountCents: 3000,
  taxonomyCode: '9/0101101IM/',
  debtorRequired: false,
});

const OTHER_IBAN = 'IT60X0542811101000000123456';

/** The fixture position, with the second installment credited to another account of the entity. */
function editable() {
  const shown = position();
  const second = shown.options[2]!;
  shown.options[2] = { ...second, transfers: [{ ...second.transfers[0]!, iban: OTHER_IBAN }] };
  return shown;
}

interface Sent {
  method: string;
  path: string;
  body: unknown;
  idempotencyKey: string | undefined;
}

/** The API of a Roseto operator; `answer` decides what the POST/PUT returns. */
function stubForm(answer: (sent: Sent) => Response, user = operator()) {
  const sent: Sent[] = [];
  const write = (url: URL, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const call = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      idempotencyKey: headers['Idempotency-Key'],
    };
    if (call.method === 'GET') return json(editable());
    sent.push(call);
    return answer(call);
  };
  stubApi({
    ...loggedInAs(user),
    [`/api/v1/entities/${ROSETO}/due-types`]: [dueType(ROSETO), PERMIT],
    [`/api/v1/entities/${ROSETO}/accounts`]: [account(ROSETO)],
    [positionsPath(ROSETO)]: write,
    [`${positionsPath(ROSETO)}/TARI-2025-0001`]: write,
    [`${positionsPath(ROSETO)}/TARI-2025-0001/history`]: history,
  });
  return sent;
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = (name: string | RegExp = 'Crea e pubblica') =>
  fireEvent.click(screen.getByRole('button', { name }));

async function openNewForm() {
  renderApp('/posizioni/nuova');
  await screen.findByRole('option', { name: /Tassa rifiuti \(TARI\)/ }, { timeout: 5000 });
}

function fillDebtorAndSubject() {
  type('Codice fiscale *', 'rssmra80a01h501u');
  type('Nome e cognome *', 'Mario Rossi');
  type('Descrizione *', 'TARI 2025 – saldo');
}

describe('back office position form', { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it('checks the fields, then creates a position with two installments with an Idempotency-Key', async () => {
    const sent = stubForm(() => json(position(), 201));
    await openNewForm();

    submit();
    expect(await screen.findByText('Scegli il tipo dovuto')).toBeTruthy();
    expect(document.activeElement?.id).toBe('posizione-dueTypeCode');
    expect(screen.getByText('Indica il codice fiscale del debitore')).toBeTruthy();
    expect(screen.getByText('Indica l’oggetto del pagamento')).toBeTruthy();

    type('Tipo dovuto *', 'TARI');
    type('Codice fiscale *', 'RSSMRA80A01H501X');
    submit();
    expect(await screen.findByText('Il codice fiscale non è corretto: controlla i caratteri')).toBeTruthy();
    expect(document.activeElement?.id).toBe('posizione-debtor-idValue');
    expect(sent).toHaveLength(0);

    fillDebtorAndSubject();
    fireEvent.click(screen.getByLabelText('Soluzione unica'));
    fireEvent.click(screen.getByLabelText('Pagamento a rate'));
    expect(screen.getAllByRole('heading', { level: 3, name: /^Rata \d$/ })).toHaveLength(2);
    type('Importo della rata 1 (€) *', '100,5');
    type('Scadenza della rata 1 *', '2099-01-31');
    type('Importo della rata 2 (€) *', '50');
    type('Scadenza della rata 2 *', '2020-02-28');
    expect(screen.getByText(/Totale delle rate: 150,50\s€/)).toBeTruthy();
    submit();
    expect(await screen.findByText('La scadenza non può essere nel passato')).toBeTruthy();
    expect(document.activeElement?.id).toBe('posizione-options-1-dueDate');

    type('Scadenza della rata 2 *', '2099-02-28');
    submit();
    expect(
      await screen.findByText('La posizione debitoria è stata creata.', undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toBe(positionsPath(ROSETO));
    expect(sent[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0]!.body).toEqual({
      dueTypeCode: 'TARI',
      debtor: {
        type: 'F',
        idValue: 'RSSMRA80A01H501U',
        name: 'Mario Rossi',
        streetName: null,
        civicNumber: null,
        postalCode: null,
        city: null,
        province: null,
        country: 'IT',
        email: null,
      },
      description: 'TARI 2025 – saldo',
      options: [
        { installment: 1, amountCents: 10050, dueDate: '2099-01-31', validityDate: null },
        { installment: 2, amountCents: 5000, dueDate: '2099-02-28', validityDate: null },
      ],
      publish: true,
    } satisfies CreateDebtPositionRequest);
  });

  it('locks the amount of a fixed-amount due type and checks the beneficiaries’ sum as one types', async () => {
    const sent = stubForm(() => json(position({ status: 'DRAFT' }), 201));
    await openNewForm();
    type('Tipo dovuto *', 'PERMESSO_SOSTA');
    const amount = screen.getByLabelText('Importo della soluzione unica (€) *') as HTMLInputElement;
    expect(amount.value).toBe('30,00');
    expect(amount.readOnly).toBe(true);
    // Not required by this due type: the debtor may be anonymous.
    fireEvent.click(screen.getByLabelText('Anonimo (codice fiscale non indicato)'));
    expect(screen.queryByLabelText('Codice fiscale *')).toBeNull();
    type('Nome e cognome *', 'Sportello polizia locale');
    type('Descrizione *', 'Permesso di sosta 2025');
    type('Scadenza della soluzione unica *', '2099-12-31');

    fireEvent.click(screen.getByLabelText(/Ripartisci l’importo della soluzione unica/));
    const first = screen.getByRole('group', { name: 'Beneficiario 1 della soluzione unica' });
    expect((within(first).getByLabelText('IBAN') as HTMLInputElement).value).toBe(TREASURY_IBAN);
    expect((within(first).getByLabelText('Codice fiscale ente beneficiario') as HTMLInputElement).value).toBe(
      ROSETO_FISCAL_CODE,
    );
    expect((within(first).getByLabelText('Codice tassonomico') as HTMLInputElement).value).toBe(
      '9/0101101IM/',
    );
    const sum = screen.getByTestId('posizione-options-0-somma');
    expect(sum.textContent).toMatch(/30,00\s€ su 30,00\s€ — corrisponde all’importo/);

    fireEvent.change(within(first).getByLabelText('Importo (€)'), { target: { value: '20' } });
    expect(sum.textContent).toMatch(/mancano 10,00\s€/);
    fireEvent.click(screen.getByRole('button', { name: 'Aggiungi beneficiario della soluzione unica' }));
    const second = screen.getByRole('group', { name: 'Beneficiario 2 della soluzione unica' });
    expect((within(second).getByLabelText('Importo (€)') as HTMLInputElement).value).toBe('10,00');
    expect(sum.textContent).toMatch(/corrisponde all’importo/);
    fireEvent.change(within(second).getByLabelText('Codice fiscale ente beneficiario'), {
      target: { value: '99023040399' },
    });
    fireEvent.change(within(second).getByLabelText('IBAN'), {
      target: { value: 'it22 q053 8715 4000 0000 0122 286' },
    });
    fireEvent.change(within(second).getByLabelText('Importo (€)'), { target: { value: '15' } });
    expect(sum.textContent).toMatch(/5,00\s€ in più/);

    fireEvent.click(screen.getByLabelText(/Più tardi: salvo una bozza/));
    submit('Salva la bozza');
    expect(
      await screen.findByText('La somma degli importi dei beneficiari deve essere uguale all’importo'),
    ).toBeTruthy();
    expect(sent).toHaveLength(0);

    fireEvent.change(within(second).getByLabelText('Importo (€)'), { target: { value: '10' } });
    submit('Salva la bozza');
    await waitFor(() => expect(sent).toHaveLength(1));
    const body = sent[0]!.body as CreateDebtPositionRequest;
    expect(body.publish).toBe(false);
    expect(body.debtor).toMatchObject({ type: 'F', idValue: 'ANONIMO', name: 'Sportello polizia locale' });
    expect(body.options).toEqual([
      {
        installment: null,
        amountCents: 3000,
        dueDate: '2099-12-31',
        validityDate: null,
        transfers: [
          {
            beneficiaryFiscalCode: ROSETO_FISCAL_CODE,
            iban: TREASURY_IBAN,
            category: '9/0101101IM/',
            amountCents: 2000,
          },
          {
            beneficiaryFiscalCode: '99023040399',
            iban: PINETO_IBAN,
            category: '9/0101101IM/',
            amountCents: 1000,
          },
        ],
      },
    ]);
  });

  it('shows the API’s field errors next to their fields, and keeps the Idempotency-Key until the form changes', async () => {
    const sent = stubForm(() =>
      json(
        {
          code: 'VALIDATION_FAILED',
          message: 'I dati della posizione non sono validi.',
          correlationId: 'c-1',
          fieldErrors: [
            { field: 'options[1].transfers[0].iban', message: 'L’IBAN non è valido.', rule: 'isIban' },
            {
              field: 'options[2].transfers[0].beneficiaryFiscalCode',
              message: 'L’ente beneficiario 00000000000 non è tra gli enti della piattaforma.',
              rule: 'isKnownEntity',
            },
            {
              field: 'debtor.email',
              message: 'L’indirizzo e-mail del debitore non è valido.',
              rule: 'isEmail',
            },
            {
              field: 'metadata',
              message: 'Al massimo 10 coppie chiave/valore nei metadati.',
              rule: 'maxEntries',
            },
          ],
        },
        400,
      ),
    );
    await openNewForm();
    type('Tipo dovuto *', 'TARI');
    fillDebtorAndSubject();
    type('Importo della soluzione unica (€) *', '200');
    type('Scadenza della soluzione unica *', '2099-06-30');
    fireEvent.click(screen.getByLabelText('Pagamento a rate'));
    for (const n of [1, 2]) {
      type(`Importo della rata ${n} (€) *`, '100');
      type(`Scadenza della rata ${n} *`, `2099-0${n + 3}-30`);
    }
    fireEvent.click(screen.getByLabelText(/Ripartisci l’importo della rata 1/));
    submit();

    const iban = await screen.findByText('L’IBAN non è valido.');
    expect(iban.id).toBe('posizione-options-1-transfers-0-iban-error');
    const ibanInput = document.getElementById('posizione-options-1-transfers-0-iban')!;
    expect(ibanInput.getAttribute('aria-invalid')).toBe('true');
    expect(ibanInput.getAttribute('aria-describedby')).toContain(iban.id);
    expect(document.activeElement).toBe(document.getElementById('posizione-debtor-email'));
    expect(screen.getByText('L’indirizzo e-mail del debitore non è valido.').id).toBe(
      'posizione-debtor-email-error',
    );
    // Errors without a field on screen are listed at the top, under the API's message.
    const summary = screen.getByText('I dati della posizione non sono validi.').closest('.alert')!;
    expect(within(summary as HTMLElement).getByText(/Al massimo 10 coppie/)).toBeTruthy();
    expect(within(summary as HTMLElement).getByText(/00000000000 non è tra gli enti/)).toBeTruthy();

    // The same request again (a double click, a retry) carries the same key; a changed one, a new key.
    submit();
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]!.idempotencyKey).toBe(sent[0]!.idempotencyKey);
    type('Nome e cognome *', 'Mario Rossi Bianchi');
    submit();
    await waitFor(() => expect(sent).toHaveLength(3));
    expect(sent[2]!.idempotencyKey).not.toBe(sent[0]!.idempotencyKey);
  });

  it('edits a position with its version, and explains a 409 with a way to reload', async () => {
    const sent = stubForm(() =>
      json(
        {
          code: 'CONFLICT',
          message:
            'La posizione è stata modificata da qualcun altro nel frattempo: ricaricala e ripeti la modifica.',
          correlationId: 'c-2',
        },
        409,
      ),
    );
    renderApp('/posizioni/TARI-2025-0001/modifica');
    const description = (await screen.findByLabelText('Descrizione *', undefined, {
      timeout: 5000,
    })) as HTMLTextAreaElement;
    expect(description.value).toBe('TARI 2025');
    expect(screen.getByText('Tassa rifiuti (TARI)')).toBeTruthy();
    expect((screen.getByLabelText('Codice fiscale *') as HTMLInputElement).value).toBe('RSSMRA80A01H501U');
    expect((screen.getByLabelText('Importo della rata 2 (€) *') as HTMLInputElement).value).toBe('100,00');
    expect((screen.getByLabelText(/Ripartisci l’importo della rata 1/) as HTMLInputElement).checked).toBe(
      false,
    );
    expect((screen.getByLabelText(/Ripartisci l’importo della rata 2/) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.change(description, { target: { value: 'TARI 2025 – conguaglio' } });
    submit('Salva le modifiche');

    expect(await screen.findByText(/modificata da qualcun altro nel frattempo/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Ricarica la posizione/ })).toBeTruthy();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe('PUT');
    const body = sent[0]!.body as UpdateDebtPositionRequest;
    expect(body.version).toBe(3);
    expect(body.description).toBe('TARI 2025 – conguaglio');
    expect(body.metadata).toEqual([{ key: 'pratica', value: 'T-42' }]);
    expect(body.options.map((option) => [option.installment, option.amountCents, option.dueDate])).toEqual([
      [null, 20000, '2099-06-16'],
      [1, 10000, '2099-05-16'],
      [2, 10000, '2099-09-16'],
    ]);
    // Money going where the API sends it by default stays default; the other transfers go back as they were.
    expect(body.options[0]!.transfers).toBeUndefined();
    expect(body.options[0]!.description).toBeUndefined();
    expect(body.options[2]!.transfers).toEqual([
      {
        beneficiaryFiscalCode: ROSETO_FISCAL_CODE,
        iban: OTHER_IBAN,
        category: '9/0101108TS/',
        amountCents: 10000,
      },
    ]);
  });

  it('keeps viewers out of the form', async () => {
    stubForm(() => json({}), viewer());
    renderApp('/posizioni/nuova');
    expect(
      await screen.findByText(/Solo gli operatori e gli amministratori dell’ente/, undefined, {
        timeout: 5000,
      }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Crea e pubblica' })).toBeNull();
  });
});
