import {
  easterSunday,
  isTargetBusinessDay,
  nextBusinessDay,
  operatingDay,
  romeDate,
  romeDateTime,
  settlementDay,
} from './calendar';

describe('node calendar', () => {
  it('writes Italian local time, summer and winter', () => {
    expect(romeDateTime(new Date('2025-07-01T10:15:30Z'))).toBe('2025-07-01T12:15:30');
    expect(romeDateTime(new Date('2025-01-15T23:30:00Z'))).toBe('2025-01-16T00:30:00');
    expect(romeDate(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01');
  });

  it('closes the operating day at 13:00 Italian time', () => {
    expect(operatingDay(new Date('2025-07-01T10:59:59Z'))).toBe('2025-07-01'); // 12:59:59 CEST
    expect(operatingDay(new Date('2025-07-01T11:00:00Z'))).toBe('2025-07-02'); // 13:00 CEST
    expect(operatingDay(new Date('2025-01-15T11:59:00Z'))).toBe('2025-01-15'); // 12:59 CET
    expect(operatingDay(new Date('2025-01-15T12:00:00Z'))).toBe('2025-01-16'); // 13:00 CET
  });

  it('knows Easter and the TARGET2 holidays', () => {
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(isTargetBusinessDay('2025-04-18')).toBe(false); // Good Friday
    expect(isTargetBusinessDay('2025-04-21')).toBe(false); // Easter Monday
    expect(isTargetBusinessDay('2025-05-01')).toBe(false);
    expect(isTargetBusinessDay('2025-12-26')).toBe(false);
    expect(isTargetBusinessDay('2025-08-15')).toBe(true); // Ferragosto is not a TARGET2 holiday
    expect(isTargetBusinessDay('2025-07-05')).toBe(false); // Saturday
  });

  it('settles on the business day after the operating day', () => {
    expect(nextBusinessDay('2025-07-04')).toBe('2025-07-07'); // Friday → Monday
    expect(nextBusinessDay('2025-04-17')).toBe('2025-04-22'); // Thursday before Easter → Tuesday
    expect(settlementDay(new Date('2025-07-01T08:00:00Z'))).toBe('2025-07-02');
    expect(settlementDay(new Date('2025-07-04T12:00:00Z'))).toBe('2025-07-07'); // Friday 14:00 → op. day Sat
    expect(settlementDay(new Date('2025-12-24T12:00:00Z'))).toBe('2025-12-29');
  });
});
