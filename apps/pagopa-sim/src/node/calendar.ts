/**
 * The node's calendar: Italian local time, the operating day that closes at 13:00 and the settlement day of the
 * PSP's cumulative credit transfer (SPEC.md §11). Pure functions over instants, so tests can pin the clock.
 */

const ROME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface LocalParts {
  date: string;
  hour: number;
  time: string;
}

function romeParts(at: Date): LocalParts {
  const parts = Object.fromEntries(ROME.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    hour: Number(parts['hour']),
    time: `${parts['hour']}:${parts['minute']}:${parts['second']}`,
  };
}

/** `YYYY-MM-DD` of the instant in Italy. */
export function romeDate(at: Date): string {
  return romeParts(at).date;
}

/** `YYYY-MM-DDTHH:mm:ss` in Italian local time, without offset, as the platform writes xsd:dateTime values. */
export function romeDateTime(at: Date): string {
  const parts = romeParts(at);
  return `${parts.date}T${parts.time}`;
}

/** Calendar arithmetic on `YYYY-MM-DD` strings (UTC noon avoids any daylight-saving edge). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The node's operating day: payments after 13:00 Italian time belong to the next day. */
export function operatingDay(at: Date): string {
  const parts = romeParts(at);
  return parts.hour >= 13 ? addDays(parts.date, 1) : parts.date;
}

/** Easter Sunday (Gregorian, anonymous algorithm) of a year, as `YYYY-MM-DD`. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** SEPA credit transfers settle on TARGET2 days: no weekends, New Year, Good Friday, Easter Monday, 1 May, 25-26 Dec. */
export function isTargetBusinessDay(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const monthDay = date.slice(5);
  if (['01-01', '05-01', '12-25', '12-26'].includes(monthDay)) return false;
  const easter = easterSunday(Number(date.slice(0, 4)));
  return date !== addDays(easter, -2) && date !== addDays(easter, 1);
}

/** First TARGET2 business day strictly after the given day. */
export function nextBusinessDay(date: string): string {
  let candidate = addDays(date, 1);
  while (!isTargetBusinessDay(candidate)) candidate = addDays(candidate, 1);
  return candidate;
}

/** The day the PSP credits the entity for a payment made at `at`: the business day after the operating day. */
export function settlementDay(at: Date): string {
  return nextBusinessDay(operatingDay(at));
}
