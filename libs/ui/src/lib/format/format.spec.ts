import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatEuro, formatTimestamp, romeDayStart } from './format';

/** Intl puts a no-break space before the currency sign. */
const spaced = (text: string) => text.replace(/\u00a0/g, ' ');

describe('formatEuro', () => {
  it('formats integer cents with grouping, a comma and exactly two decimals', () => {
    expect(spaced(formatEuro(123450))).toBe('1.234,50 €');
    expect(spaced(formatEuro(123456789))).toBe('1.234.567,89 €');
    expect(spaced(formatEuro(50))).toBe('0,50 €');
    expect(spaced(formatEuro(0))).toBe('0,00 €');
    expect(spaced(formatEuro(-1999))).toBe('-19,99 €');
  });

  it('shows a dash for a missing amount', () => {
    expect(formatEuro(null)).toBe('–');
    expect(formatEuro(undefined)).toBe('–');
    expect(formatEuro(Number.NaN)).toBe('–');
  });
});

describe('formatDate / formatDateTime', () => {
  it('uses dd/MM/yyyy in Europe/Rome, whatever the input offset', () => {
    // 22:30 UTC on 16 June is already 17 June in Rome (CEST, UTC+2).
    expect(formatDate('2025-06-16T22:30:00Z')).toBe('17/06/2025');
    expect(formatDateTime('2025-06-16T22:30:00Z')).toBe('17/06/2025, 00:30');
  });

  it('applies winter time (CET, UTC+1)', () => {
    expect(formatDateTime(new Date('2025-01-05T08:05:00Z'))).toBe('05/01/2025, 09:05');
  });

  it('shows a dash for missing or invalid dates', () => {
    expect(formatDate(null)).toBe('–');
    expect(formatDate('')).toBe('–');
    expect(formatDateTime('not a date')).toBe('–');
  });
});

describe('formatTimestamp', () => {
  it('is dd/MM/yyyy HH:mm in Europe/Rome, without the comma', () => {
    expect(formatTimestamp('2025-06-16T22:30:00Z')).toBe('17/06/2025 00:30');
    expect(formatTimestamp(null)).toBe('–');
  });
});

describe('romeDayStart', () => {
  it('is Rome’s midnight in UTC, winter and summer', () => {
    expect(romeDayStart('2025-01-05')).toBe('2025-01-04T23:00:00.000Z');
    expect(romeDayStart('2025-06-16')).toBe('2025-06-15T22:00:00.000Z');
  });

  it('adds days across month ends and daylight saving changes', () => {
    expect(romeDayStart('2025-03-31', 1)).toBe('2025-03-31T22:00:00.000Z');
    // 30 March 2025: clocks go forward at 02:00, midnight is still CET.
    expect(romeDayStart('2025-03-30')).toBe('2025-03-29T23:00:00.000Z');
    expect(romeDayStart('2025-03-30', 1)).toBe('2025-03-30T22:00:00.000Z');
    // 26 October 2025: clocks go back at 03:00, midnight is still CEST.
    expect(romeDayStart('2025-10-26')).toBe('2025-10-25T22:00:00.000Z');
    expect(romeDayStart('2025-10-26', 1)).toBe('2025-10-26T23:00:00.000Z');
  });

  it('refuses malformed or impossible days', () => {
    expect(romeDayStart('2025-02-30')).toBeNull();
    expect(romeDayStart('01/03/2025')).toBeNull();
    expect(romeDayStart('')).toBeNull();
  });
});
