import { type NormalisedDebtPosition } from '@pagamenti/pagopa';
import {
  copyPayload,
  type NewImportedPosition,
  optionValues,
  positionValues,
  TimeOrderedIds,
} from './position-rows-writer';

/** Reads COPY text format back: `\N` is null, backslash escapes undone. */
function readCopy(text: string): (string | null)[][] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) =>
      line
        .split('\t')
        .map((value) =>
          value === '\\N'
            ? null
            : value.replace(/\\([\\tnr])/g, (_, char: string) =>
                char === 't' ? '\t' : char === 'n' ? '\n' : char === 'r' ? '\r' : '\\',
              ),
        ),
    );
}

const position: NormalisedDebtPosition = {
  iupd: 'P-1',
  debtor: {
    type: 'F',
    idValue: 'RSSMRA80A01H501U',
    name: 'Mario "Tab\tBack\\slash" Rossi',
    streetName: 'Via Roma',
    civicNumber: null,
    postalCode: '64100',
    city: 'L’Aquila',
    province: 'AQ',
    country: null,
    email: null,
  },
  description: 'TARI 2026\nseconda riga',
  metadata: [{ key: 'pratica', value: '12\\3' }],
  amountCents: 31200,
  options: [
    {
      installment: null,
      amountCents: 31200,
      dueDate: '2026-06-30',
      validityDate: null,
      retentionDate: null,
      description: 'TARI 2026',
      transfers: [
        {
          index: 1,
          beneficiaryFiscalCode: '99023040399',
          iban: 'IT60X0542811101000000123456',
          postalIban: false,
          stamp: null,
          category: '9/0101101IM/',
          remittanceInformation: 'TARI "2026"',
          amountCents: 31200,
        },
      ],
    },
    {
      installment: 1,
      amountCents: 15600,
      dueDate: '2026-06-30',
      validityDate: '2026-07-31',
      retentionDate: null,
      description: 'Rata 1',
      transfers: [],
    },
  ],
};

describe('rows of the fast insert path', () => {
  it('COPY text carries exactly the values the unnest INSERT sends', () => {
    const row: NewImportedPosition = {
      id: '01a21812-1e35-7001-8000-000000000001',
      iupd: 'P-1',
      dueTypeId: '22222222-2222-4222-8222-222222222222',
      position,
      optionIds: ['01a21812-1e35-7001-8000-000000000002', '01a21812-1e35-7001-8000-000000000003'],
      noticeNumbers: ['312000000001234587', '312000000001234688'],
      note: 'Creata dal caricamento, riga 2',
    };
    const context = {
      entityId: '11111111-1111-4111-8111-111111111111',
      importId: 'i-1',
      actor: 'RSSMRA80A01H501U',
    };
    const now = '2026-01-15T10:00:00.000Z';
    const payload = copyPayload([row], context, now);
    expect(readCopy(payload.positions)).toEqual([positionValues(row, context, now)]);
    expect(readCopy(payload.options)).toEqual([
      optionValues(row, 0, context.entityId),
      optionValues(row, 1, context.entityId),
    ]);
    expect(readCopy(payload.history)).toEqual([[row.id, null, 'VALID', context.actor, row.note]]);
    expect(positionValues(row, context, now)[6]).toBe('Mario "Tab\tBack\\slash" Rossi');
  });

  it('hands out time-ordered, unique UUIDs', () => {
    const ids = new TimeOrderedIds(Date.UTC(2026, 0, 15));
    const first = ids.next();
    const second = ids.next();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second > first).toBe(true);
    expect(new TimeOrderedIds(Date.UTC(2026, 0, 16)).next() > second).toBe(true);
  });
});
