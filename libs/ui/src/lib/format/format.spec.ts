import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatEuro } from './format';

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
