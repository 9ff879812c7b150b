import {
  type DebtPositionInput,
  type DebtPositionValidationContext,
  ibanCheckDigits,
  isValidIsoDate,
  todayInRome,
  validateDebtPositionInput,
} from '../index';

const COMUNE = '01199250158';
const PROVINCIA = '97735020584';
const BANK_IBAN = 'IT60X0542811101000000123456';
const POSTAL_BBAN = 'X0760103200000012345678';
const POSTAL_IBAN = `IT${ibanCheckDigits('IT', POSTAL_BBAN)}${POSTAL_BBAN}`;

function context(
  overrides: Partial<DebtPositionValidationContext['dueType']> = {},
): DebtPositionValidationContext {
  return {
    entityFiscalCode: COMUNE,
    dueType: {
      code: 'TARI',
      taxonomyCode: '9/0101101IM/',
      accountIban: BANK_IBAN,
      accountKind: 'BANK',
      amountMode: 'FREE',
      fixedAmountCents: null,
      minAmountCents: null,
      maxAmountCents: null,
      active: true,
      ...overrides,
    },
    knownEntityFiscalCodes: new Set([COMUNE, PROVINCIA]),
    today: '2026-03-01',
  };
}

function tari(): DebtPositionInput {
  return {
    iupd: 'TARI-2026-000001',
    debtor: {
      type: 'F',
      idValue: 'rssmra80a01h501u',
      name: ' Mario Rossi ',
      email: 'mario.rossi@example.it',
    },
    description: 'TARI 2026',
    options: [
      { amountCents: 30000, dueDate: '2026-04-30' },
      { installment: 1, amountCents: 10000, dueDate: '2026-04-30' },
      { installment: 2, amountCents: 10000, dueDate: '2026-07-31' },
      { installment: 3, amountCents: 10000, dueDate: '2026-10-31', validityDate: '2026-12-31' },
    ],
  };
}

function errorsOf(input: DebtPositionInput, ctx = context()): Record<string, string> {
  const result = validateDebtPositionInput(input, ctx);
  if (result.ok) throw new Error('expected errors');
  return Object.fromEntries(result.errors.map((error) => [error.field, error.message]));
}

describe('validateDebtPositionInput: defaults and normalisation', () => {
  it('fills one transfer of the whole amount to the entity on the due type account', () => {
    const result = validateDebtPositionInput(tari(), context());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { position } = result;
    expect(position.debtor).toEqual({
      type: 'F',
      idValue: 'RSSMRA80A01H501U',
      name: 'Mario Rossi',
      streetName: null,
      civicNumber: null,
      postalCode: null,
      city: null,
      province: null,
      country: null,
      email: 'mario.rossi@example.it',
    });
    expect(position.amountCents).toBe(30000);
    expect(position.options).toHaveLength(4);
    expect(position.options[0]).toEqual({
      installment: null,
      amountCents: 30000,
      dueDate: '2026-04-30',
      validityDate: null,
      retentionDate: null,
      description: 'TARI 2026',
      transfers: [
        {
          index: 1,
          beneficiaryFiscalCode: COMUNE,
          iban: BANK_IBAN,
          postalIban: false,
          stamp: null,
          category: '9/0101101IM/',
          remittanceInformation: 'TARI 2026',
          amountCents: 30000,
        },
      ],
    });
    expect(position.options[3]?.validityDate).toBe('2026-12-31');
  });

  it('splits TARI/TEFA to the Provincia, recognises postal IBANs and puts the single payment first', () => {
    const input = tari();
    input.options = [
      { installment: 2, amountCents: 10500, dueDate: '2026-07-31' },
      { installment: 1, amountCents: 10500, dueDate: '2026-04-30' },
      {
        amountCents: 21000,
        dueDate: '2026-04-30',
        description: 'TARI 2026 - unica soluzione',
        transfers: [
          { amountCents: 20000 },
          {
            beneficiaryFiscalCode: PROVINCIA,
            iban: POSTAL_IBAN.toLowerCase().replace(/(.{4})/g, '$1 '),
            category: '9/0201102IM/',
            amountCents: 1000,
            remittanceInformation: 'TEFA 2026',
          },
        ],
      },
    ];
    const result = validateDebtPositionInput(input, context());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [single, first, second] = result.position.options;
    expect(single?.installment).toBeNull();
    expect(first?.installment).toBe(1);
    expect(second?.installment).toBe(2);
    expect(result.position.amountCents).toBe(21000);
    expect(single?.transfers).toEqual([
      expect.objectContaining({
        index: 1,
        beneficiaryFiscalCode: COMUNE,
        iban: BANK_IBAN,
        remittanceInformation: 'TARI 2026 - unica soluzione',
      }),
      expect.objectContaining({
        index: 2,
        beneficiaryFiscalCode: PROVINCIA,
        iban: POSTAL_IBAN,
        postalIban: true,
        category: '9/0201102IM/',
        remittanceInformation: 'TEFA 2026',
      }),
    ]);
  });

  it('credits an entity outside the platform when its fiscal code is valid and the IBAN is given', () => {
    const input = tari();
    input.options = [
      {
        amountCents: 10000,
        dueDate: '2026-04-30',
        transfers: [
          { amountCents: 9500 },
          { beneficiaryFiscalCode: '01199250158', iban: BANK_IBAN, amountCents: 500 },
        ],
      },
    ];
    const outside = {
      ...context(),
      entityFiscalCode: PROVINCIA,
      knownEntityFiscalCodes: new Set([PROVINCIA]),
    };
    expect(validateDebtPositionInput(input, outside).ok).toBe(true);
  });

  it('accepts ANONIMO, a legal person and a digital stamp', () => {
    const input: DebtPositionInput = {
      debtor: { type: 'G', idValue: 'anonimo', name: 'Debitore sconosciuto' },
      description: 'Diritti di segreteria',
      options: [
        {
          amountCents: 1600,
          dueDate: '2026-12-31',
          transfers: [
            {
              stamp: {
                type: '01',
                hashDocument: 'wHpFSLCGZjIvNSXxqtGbxg7275t446DRTk5ZrsdUQ6E=',
                province: 'pe',
              },
              amountCents: 1600,
            },
          ],
        },
      ],
    };
    const result = validateDebtPositionInput(input, context());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.position.debtor.idValue).toBe('ANONIMO');
    expect(result.position.iupd).toBeNull();
    expect(result.position.options[0]?.transfers[0]).toMatchObject({ iban: null, stamp: { province: 'PE' } });
    expect(
      validateDebtPositionInput(
        { ...input, debtor: { type: 'G', idValue: PROVINCIA, name: 'Provincia' } },
        context(),
      ).ok,
    ).toBe(true);
  });
});

describe('validateDebtPositionInput: every bad field is named', () => {
  it('names debtor, description, metadata and option fields', () => {
    const errors = errorsOf({
      iupd: 'with spaces',
      debtor: {
        type: 'F',
        idValue: 'RSSMRA80A01H501X',
        name: '',
        email: 'not an email',
        province: 'Pescara',
      },
      description: 'x'.repeat(141),
      metadata: [{ key: '', value: 'v' }],
      options: [{ amountCents: 0, dueDate: '2026-02-30', validityDate: 'tomorrow' }],
    });
    expect(Object.keys(errors).sort()).toEqual([
      'debtor.email',
      'debtor.idValue',
      'debtor.name',
      'debtor.province',
      'description',
      'iupd',
      'metadata[0].key',
      'options[0].amountCents',
      'options[0].dueDate',
      'options[0].validityDate',
    ]);
    expect(errors['debtor.idValue']).toContain('codice fiscale della persona fisica non è valido');
  });

  it('names the transfer field of the third option', () => {
    const input = tari();
    input.options[2] = {
      installment: 2,
      amountCents: 10000,
      dueDate: '2026-07-31',
      transfers: [
        { iban: 'IT00X0542811101000000123456', amountCents: 5000 },
        { beneficiaryFiscalCode: '80000000000', iban: BANK_IBAN, amountCents: 5000, category: '0101101IM' },
      ],
    };
    expect(errorsOf(input)).toEqual({
      'options[2].transfers[0].iban': 'L’IBAN non è valido.',
      'options[2].transfers[1].beneficiaryFiscalCode':
        'Il codice fiscale dell’ente beneficiario non è valido (11 cifre con la cifra di controllo corretta).',
      'options[2].transfers[1].category': expect.stringContaining('9/0101101IM/') as string,
    });
  });

  it('refuses transfers that do not add up, too many, both IBAN and stamp, or other beneficiaries without IBAN', () => {
    const input = tari();
    input.options = [
      { amountCents: 10000, dueDate: '2026-04-30', transfers: [{ amountCents: 9999 }] },
      {
        installment: 1,
        amountCents: 500,
        dueDate: '2026-04-30',
        transfers: Array.from({ length: 6 }, () => ({ amountCents: 100 })),
      },
      {
        installment: 2,
        amountCents: 500,
        dueDate: '2026-05-31',
        transfers: [
          {
            iban: BANK_IBAN,
            stamp: { type: '01', hashDocument: 'abc=', province: 'PE' },
            amountCents: 250,
          },
          { beneficiaryFiscalCode: PROVINCIA, amountCents: 250 },
        ],
      },
    ];
    const errors = errorsOf(input);
    expect(errors['options[0].transfers']).toBe(
      'La somma dei versamenti (99,99 €) deve essere uguale all’importo dell’opzione (100,00 €).',
    );
    expect(errors['options[1].transfers']).toBe('Ogni opzione di pagamento ha da 1 a 5 versamenti.');
    expect(errors['options[2].transfers[0].iban']).toContain('non entrambi');
    expect(errors['options[2].transfers[1].iban']).toContain('ente beneficiario diverso');
  });

  it('enforces the installment plan shape', () => {
    const twoSingles = tari();
    twoSingles.options[1] = { amountCents: 30000, dueDate: '2026-05-31' };
    expect(errorsOf(twoSingles)['options[1].installment']).toContain('C’è già un pagamento unico');

    const oneInstallment = tari();
    oneInstallment.options = [{ installment: 1, amountCents: 100, dueDate: '2026-04-30' }];
    expect(errorsOf(oneInstallment)['options[0].installment']).toContain('almeno 2 rate');

    const gap = tari();
    gap.options = [
      { installment: 1, amountCents: 100, dueDate: '2026-04-30' },
      { installment: 3, amountCents: 100, dueDate: '2026-05-30' },
    ];
    expect(errorsOf(gap)['options[1].installment']).toBe(
      'Le rate vanno numerate da 1 a 2 senza salti: manca la rata 2.',
    );

    const repeated = tari();
    repeated.options = [
      { installment: 1, amountCents: 100, dueDate: '2026-04-30' },
      { installment: 1, amountCents: 100, dueDate: '2026-05-30' },
    ];
    expect(errorsOf(repeated)['options[1].installment']).toBe('La rata 1 è ripetuta.');

    expect(errorsOf({ ...tari(), options: [] })).toEqual({
      options: 'Serve almeno un’opzione di pagamento (pagamento unico o rate).',
    });
  });

  it('checks amounts against FIXED and FREE due types and the largest amount', () => {
    const fixed = context({ amountMode: 'FIXED', fixedAmountCents: 30000 });
    expect(validateDebtPositionInput(tari(), fixed).ok).toBe(true);
    const wrong = tari();
    wrong.options = [{ amountCents: 25000, dueDate: '2026-04-30' }];
    expect(errorsOf(wrong, fixed)['options[0].amountCents']).toBe(
      'L’importo del pagamento unico (250,00 €) deve essere uguale all’importo fisso del tipo dovuto TARI (300,00 €).',
    );

    const bounded = context({ minAmountCents: 100, maxAmountCents: 20000 });
    expect(errorsOf(tari(), bounded)).toEqual({
      'options[0].amountCents': expect.stringContaining('supera il massimo') as string,
      options: expect.stringContaining('Il totale delle rate (300,00 €) supera il massimo') as string,
    });

    const huge = tari();
    huge.options = [{ amountCents: 100_000_000_000, dueDate: '2026-04-30' }];
    expect(Object.keys(errorsOf(huge))).toEqual(['options[0].amountCents']);
    const fractional = tari();
    fractional.options = [{ amountCents: 10.5, dueDate: '2026-04-30' }];
    expect(Object.keys(errorsOf(fractional))).toEqual(['options[0].amountCents']);
  });

  it('refuses inactive due types, dates in the wrong order and positions already expired', () => {
    expect(errorsOf(tari(), context({ active: false }))).toEqual({
      dueTypeCode: 'Il tipo dovuto TARI non è attivo: non si possono creare posizioni.',
    });
    const dates = tari();
    dates.options = [
      { amountCents: 100, dueDate: '2026-04-30', validityDate: '2026-04-29', retentionDate: '2026-01-01' },
    ];
    expect(errorsOf(dates)).toEqual({
      'options[0].validityDate': 'La data di validità non può precedere la data di scadenza.',
      'options[0].retentionDate': 'La data di conservazione non può precedere la data di validità.',
    });
    const past = tari();
    past.options = [{ amountCents: 100, dueDate: '2026-02-28' }];
    expect(errorsOf(past)).toEqual({ options: expect.stringContaining('già scadute') as string });
  });

  it('survives values of the wrong type (JSON from anywhere)', () => {
    const garbage = {
      debtor: 'Mario',
      description: 42,
      metadata: 'x',
      options: [null, { amountCents: '100', dueDate: 20260430, transfers: 'all' }],
    } as unknown as DebtPositionInput;
    expect(Object.keys(errorsOf(garbage)).sort()).toEqual([
      'debtor',
      'description',
      'metadata',
      'options[0]',
      'options[1].amountCents',
      'options[1].dueDate',
    ]);
    expect(errorsOf(null as unknown as DebtPositionInput)).toHaveProperty('options');
  });

  it('requires an IBAN when the due type has no account', () => {
    expect(errorsOf(tari(), context({ accountIban: null, accountKind: null }))).toEqual({
      'options[0].transfers': expect.stringContaining('non ha un conto di accredito') as string,
      'options[1].transfers': expect.any(String) as string,
      'options[2].transfers': expect.any(String) as string,
      'options[3].transfers': expect.any(String) as string,
    });
  });
});

describe('dates', () => {
  it('validates calendar days without Date', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2025-04-31')).toBe(false);
    expect(isValidIsoDate('2025-12-31')).toBe(true);
    expect(isValidIsoDate('2025-13-01')).toBe(false);
    expect(isValidIsoDate('2025-1-01')).toBe(false);
    expect(isValidIsoDate('2025-01-01T00:00')).toBe(false);
  });

  it('tells today in Europe/Rome', () => {
    expect(todayInRome(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(todayInRome(new Date('2025-06-30T21:59:00Z'))).toBe('2025-06-30');
  });
});
