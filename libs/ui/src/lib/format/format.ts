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

/** "dd/MM/yyyy HH:mm" in Europe/Rome, for registers and tables where the comma would be noise. */
export function formatTimestamp(value: DateInput): string {
  const parsed = toDate(value);
  return parsed ? dateTime.format(parsed).replace(', ', ' ') : MISSING;
}

const romeParts = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** How far Rome's wall clock is ahead of UTC at `instant` (ms): one hour in winter, two in summer. */
function romeOffsetMs(instant: number): number {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(romeParts.formatToParts(new Date(instant)).find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant (ISO, UTC) when the day `yyyy-MM-dd` begins in Europe/Rome, plus `addDays` days; null for a
 * malformed day. Date filters use it: "dal 01/03" is from Rome's midnight of 1 March, "al 31/03" is up to (not
 * including) Rome's midnight of 1 April.
 */
export function romeDayStart(day: string, addDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnightUtc = Date.UTC(year, month - 1, date + addDays);
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  // Rome's offset at its own midnight: guess with the offset at UTC midnight, then correct once (DST days).
  let instant = midnightUtc - romeOffsetMs(midnightUtc);
  instant = midnightUtc - romeOffsetMs(instant);
  return new Date(instant).toISOString();
}
