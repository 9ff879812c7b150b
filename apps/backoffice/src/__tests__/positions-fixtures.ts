import type {
  CurrentUser,
  DebtPosition,
  DebtPositionSummary,
  DueType,
  EntityAccount,
  PaymentOption,
  PositionHistoryEntry,
} from '@pagamenti/contracts';
import { PINETO, ROSETO, annaFerri } from './fixtures';

export const positionsPath = (entityId = PINETO) => `/api/v1/entities/${entityId}/positions`;

/** Anna Ferri working on Roseto, where she is an operator: she may write positions. */
export function operator(): CurrentUser {
  return annaFerri({
    activeEntityId: ROSETO,
    entities: [
      { entityId: PINETO, entityName: 'Comune di Pineto', entityFiscalCode: '99023040399', role: 'admin' },
      {
        entityId: ROSETO,
        entityName: 'Comune di Roseto degli Abruzzi',
        entityFiscalCode: ROSETO_FISCAL_CODE,
        role: 'operator',
      },
    ],
  });
}

/** Someone who may only look at Pineto's positions. */
export function viewer(): CurrentUser {
  return annaFerri({
    entities: [
      { entityId: PINETO, entityName: 'Comune di Pineto', entityFiscalCode: '99023040399', role: 'viewer' },
    ],
  });
}

/** As in the demo data (a valid check digit). */
export const ROSETO_FISCAL_CODE = '99024087688';

export const TREASURY_IBAN = 'IT22Q0538715400000000122286';

export function account(entityId: string): EntityAccount {
  return {
    id: `${entityId.slice(0, 30)}0000a1`,
    entityId,
    iban: TREASURY_IBAN,
    kind: 'BANK',
    description: 'Tesoreria',
    validFrom: '2025-01-01',
    active: true,
    createdAt: '2025-01-01T00:00:00Z',
  };
}

export function dueType(entityId: string, overrides: Partial<DueType> = {}): DueType {
  return {
    id: `${entityId.slice(0, 30)}0000d1`,
    entityId,
    code: 'TARI',
    name: 'Tassa rifiuti',
    description: null,
    taxonomyCode: '9/0101108TS/',
    accountId: account(entityId).id,
    amountMode: 'FREE',
    fixedAmountCents: null,
    minAmountCents: null,
    maxAmountCents: null,
    spontaneous: false,
    formSchema: null,
    debtorRequired: true,
    active: true,
    presetKey: null,
    createdAt: '2025-01-10T08:30:00Z',
    updatedAt: '2025-01-10T08:30:00Z',
    ...overrides,
  };
}

export function summary(overrides: Partial<DebtPositionSummary> = {}): DebtPositionSummary {
  return {
    id: '00000000-0000-4000-8000-0000000000p1',
    iupd: 'TARI-2025-0001',
    dueTypeCode: 'TARI',
    debtorIdValue: 'RSSMRA80A01H501U',
    debtorName: 'Mario Rossi',
    description: 'TARI 2025 – saldo',
    status: 'VALID',
    amountCents: 123450,
    paidCents: 0,
    noticeNumber: '307000000000000123',
    dueDate: '2025-06-16',
    installments: 0,
    createdAt: '2025-03-01T09:00:00Z',
    ...overrides,
  };
}

function option(overrides: Partial<PaymentOption>): PaymentOption {
  return {
    noticeNumber: '307000000000000123',
    iuv: '07000000000000123',
    installment: null,
    amountCents: 20000,
    dueDate: '2099-06-16',
    validityDate: null,
    retentionDate: null,
    description: 'TARI 2025',
    status: 'UNPAID',
    paidAt: null,
    transfers: [
      {
        index: 1,
        beneficiaryFiscalCode: ROSETO_FISCAL_CODE,
        iban: TREASURY_IBAN,
        postalIban: false,
        stamp: null,
        category: '9/0101108TS/',
        remittanceInformation: 'TARI 2025',
        amountCents: overrides.amountCents ?? 20000,
      },
    ],
    ...overrides,
  };
}

/** A TARI position of Roseto: the single payment of 200 € and two installments of 100 €. */
export function position(overrides: Partial<DebtPosition> = {}): DebtPosition {
  return {
    id: '00000000-0000-4000-8000-0000000000p1',
    entityId: ROSETO,
    entityFiscalCode: ROSETO_FISCAL_CODE,
    iupd: 'TARI-2025-0001',
    dueTypeId: `${ROSETO.slice(0, 30)}0000d1`,
    dueTypeCode: 'TARI',
    debtor: {
      type: 'F',
      idValue: 'RSSMRA80A01H501U',
      name: 'Mario Rossi',
      streetName: 'Via Roma',
      civicNumber: '1',
      postalCode: '64026',
      city: 'Roseto degli Abruzzi',
      province: 'TE',
      country: 'IT',
      email: 'mario.rossi@example.it',
    },
    description: 'TARI 2025',
    metadata: [{ key: 'pratica', value: 'T-42' }],
    status: 'VALID',
    amountCents: 20000,
    paidCents: 0,
    options: [
      option({}),
      option({
        noticeNumber: '307000000000000220',
        iuv: '07000000000000220',
        installment: 1,
        amountCents: 10000,
        dueDate: '2099-05-16',
      }),
      option({
        noticeNumber: '307000000000000317',
        iuv: '07000000000000317',
        installment: 2,
        amountCents: 10000,
        dueDate: '2099-09-16',
      }),
    ],
    version: 3,
    createdAt: '2025-03-01T09:00:00Z',
    updatedAt: '2025-03-02T10:30:00Z',
    publishedAt: '2025-03-01T09:00:00Z',
    cancelledAt: null,
    ...overrides,
  };
}

export const history: PositionHistoryEntry[] = [
  { at: '2025-03-01T08:59:00Z', actor: 'FRRNNA90E50A345B', fromStatus: null, toStatus: 'DRAFT', note: null },
  {
    at: '2025-03-01T09:00:00Z',
    actor: 'FRRNNA90E50A345B',
    fromStatus: 'DRAFT',
    toStatus: 'VALID',
    note: 'Pubblicata',
  },
];
