import { describe, expect, it } from 'vitest';
import { dayNumberToIsoDate, daysFromCivil, isIsoDate, isoDayOrThrow, parseIsoDay } from './dates.js';

describe('parseIsoDay: valid dates', () => {
  const cases: Array<{ scenario: string; input: string; expected: number }> = [
    { scenario: 'the Unix epoch is day 0', input: '1970-01-01', expected: 0 },
    { scenario: 'the day before the epoch is −1', input: '1969-12-31', expected: -1 },
    { scenario: 'a leap day in a year divisible by 400', input: '2000-02-29', expected: 11016 },
    { scenario: 'a leap day in an ordinary leap year', input: '2024-02-29', expected: 19782 },
    { scenario: 'the first day of the year 0000 (proleptic Gregorian)', input: '0000-01-01', expected: -719528 },
    { scenario: 'the last day of 9999', input: '9999-12-31', expected: 2932896 },
  ];
  it.each(cases)('$scenario', ({ input, expected }) => {
    expect(parseIsoDay(input)).toBe(expected);
    expect(isIsoDate(input)).toBe(true);
  });
});

describe('parseIsoDay: anything else is NaN (never a throw)', () => {
  const cases: Array<{ scenario: string; input: unknown }> = [
    { scenario: '29 February in a common year', input: '2023-02-29' },
    { scenario: '29 February 1900 (divisible by 100, not by 400)', input: '1900-02-29' },
    { scenario: '31 April', input: '2024-04-31' },
    { scenario: 'month 13', input: '2024-13-01' },
    { scenario: 'month 00', input: '2024-00-10' },
    { scenario: 'day 00', input: '2024-01-00' },
    { scenario: 'no zero padding', input: '2024-1-05' },
    { scenario: 'slashes', input: '2024/01/05' },
    { scenario: 'a timestamp', input: '2024-01-05T00:00:00Z' },
    { scenario: 'surrounding spaces', input: ' 2024-01-05' },
    { scenario: 'a five-digit year', input: '+02024-01-05' },
    { scenario: 'full-width digits', input: '２０２４-01-05' },
    { scenario: 'a Date object', input: new Date('2024-01-05') },
    { scenario: 'a number', input: 20240105 },
    { scenario: 'null', input: null },
  ];
  it.each(cases)('$scenario', ({ input }) => {
    expect(parseIsoDay(input)).toBeNaN();
    expect(isIsoDate(input)).toBe(false);
  });
});

describe('day numbers', () => {
  it('agree with Date.UTC and round-trip for every day from 1000-01-01 to 9999-12-31', () => {
    const mismatches: string[] = [];
    const first = Date.UTC(1000, 0, 1) / 86_400_000;
    const last = Date.UTC(9999, 11, 31) / 86_400_000;
    for (let day = first; day <= last; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (parseIsoDay(iso) !== day || dayNumberToIsoDate(day) !== iso) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  it('are consecutive across years 0000–0999 (where Date.UTC maps 0–99 to 1900–1999)', () => {
    const gaps: string[] = [];
    let expected = parseIsoDay('0000-01-01');
    for (let y = 0; y < 1000; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const day = parseIsoDay(iso);
          if (Number.isNaN(day)) continue;
          if (day !== expected || daysFromCivil(y, m, d) !== day || dayNumberToIsoDate(day) !== iso) gaps.push(iso);
          expected = day + 1;
        }
      }
    }
    expect(gaps).toEqual([]);
  });
});

describe('isoDayOrThrow', () => {
  it('names the field in its RangeError', () => {
    expect(() => isoDayOrThrow('2024-02-30', 'flows[7].date')).toThrow(/^flows\[7\]\.date must be a valid 'YYYY-MM-DD' date, got "2024-02-30"$/);
  });
  it('returns the day number of a valid date', () => {
    expect(isoDayOrThrow('1970-01-02', 'x')).toBe(1);
  });
});
