const MISSING = '–';
const TIME_ZONE = 'Europe/Rome';

const euro = new Intl.NumberFormat('it-IT', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  // it-IT leaves four-digit amounts ungrouped ("1234,50 €") by default.
  useGrouping: 'always',
});
const date = new Intl.DateTimeFormat('it-IT', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const dateTime = new Intl.DateTimeFormat('it-IT', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type DateInput = string | number | Date | null | undefined;

function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = value instanceof Date ? value : new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** Integer cents to "1.234,50 €" (a no-break space before €). A missing amount shows a dash, never "0,00 €". */
export function formatEuro(cents: number | null | undefined): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return MISSING;
  return euro.format(cents / 100);
}

/** "dd/MM/yyyy" in Europe/Rome. */
export function formatDate(value: DateInput): string {
  const parsed = toDate(value);
  return parsed ? date.format(parsed) : MISSING;
}

/** "dd/MM/yyyy, HH:mm" in Europe/Rome. */
export function formatDateTime(value: DateInput): string {
  const parsed = toDate(value);
  return parsed ? dateTime.format(parsed) : MISSING;
}
