import { type DebtPositionFilters, POSITION_STATUSES, type PositionStatus } from '@pagamenti/contracts';
import { isValidEntityFiscalCode, isValidPersonFiscalCode } from '@pagamenti/pagopa';
import { parseEuroToCents, romeDayStart } from '@pagamenti/ui';

/**
 * The positions list's filters as they live in the URL (`?stato=VALID&tipo=TARI&cerca=…`), so that Back,
 * reloads and shared links show the same list. Values the list would not understand are dropped on reading.
 */
export interface PositionListFilters {
  /** Notice number, IUV, IUPD or the debtor's fiscal code / VAT number, as typed. */
  cerca?: string;
  stato?: PositionStatus;
  /** Due type code. */
  tipo?: string;
  /** Debtor's fiscal code or VAT number, or the start of the name. */
  debitore?: string;
  /** Days `yyyy-MM-dd`. */
  scadenzaDal?: string;
  scadenzaAl?: string;
  creataDal?: string;
  creataAl?: string;
  /** Euro as typed, "12,50". */
  importoMin?: string;
  importoMax?: string;
}

/** In the order the filter form shows them. */
export const FILTER_KEYS = [
  'cerca',
  'stato',
  'tipo',
  'debitore',
  'importoMin',
  'importoMax',
  'scadenzaDal',
  'scadenzaAl',
  'creataDal',
  'creataAl',
] as const satisfies readonly (keyof PositionListFilters)[];

export const PAGE_SIZE = 25;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(value: string | null): string | undefined {
  return value && DAY.test(value) && romeDayStart(value) ? value : undefined;
}

function validAmount(value: string | null): string | undefined {
  if (!value) return undefined;
  const cents = parseEuroToCents(value);
  return cents !== null && !Number.isNaN(cents) ? value : undefined;
}

function text(value: string | null, max: number): string | undefined {
  const trimmed = (value ?? '').trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

export function readPositionFilters(params: URLSearchParams): PositionListFilters {
  const stato = params.get('stato') ?? '';
  return {
    cerca: text(params.get('cerca'), 70),
    stato: (POSITION_STATUSES as readonly string[]).includes(stato) ? (stato as PositionStatus) : undefined,
    tipo: text(params.get('tipo'), 35),
    debitore: text(params.get('debitore'), 70),
    scadenzaDal: validDay(params.get('scadenzaDal')),
    scadenzaAl: validDay(params.get('scadenzaAl')),
    creataDal: validDay(params.get('creataDal')),
    creataAl: validDay(params.get('creataAl')),
    importoMin: validAmount(params.get('importoMin')),
    importoMax: validAmount(params.get('importoMax')),
  };
}

export function writePositionFilters(filters: PositionListFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

/** A fiscal code (16 characters) or a VAT number (11 digits) with a right check character. */
export function looksLikeDebtorCode(value: string): boolean {
  const code = value.replace(/\s+/g, '').toUpperCase();
  return isValidPersonFiscalCode(code) || isValidEntityFiscalCode(code);
}

/**
 * The API filters of the list. The search box is one field for several identifiers: a fiscal code or VAT number
 * searches the debtor, anything else the notice number, IUV or IUPD (spaces removed, as notices print them).
 * Dates are days (`yyyy-MM-dd`): the API reads creation days in Europe/Rome, both ends included.
 */
export function apiFiltersOf(filters: PositionListFilters): DebtPositionFilters {
  const search = filters.cerca?.replace(/\s+/g, '');
  const searchesDebtor = !!search && looksLikeDebtorCode(search);
  const cents = (value: string | undefined) => {
    const parsed = value ? parseEuroToCents(value) : null;
    return parsed === null || Number.isNaN(parsed) ? undefined : parsed;
  };
  return {
    q: search && !searchesDebtor ? search : undefined,
    debtor: searchesDebtor ? search.toUpperCase() : filters.debitore,
    status: filters.stato,
    dueTypeCode: filters.tipo,
    dueFrom: filters.scadenzaDal,
    dueTo: filters.scadenzaAl,
    createdFrom: filters.creataDal,
    createdTo: filters.creataAl,
    minAmountCents: cents(filters.importoMin),
    maxAmountCents: cents(filters.importoMax),
  };
}

/** Only the filters that are set, so equal filters give equal query keys. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
