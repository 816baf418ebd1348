import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayNumber, daysBetween, fromDayNumber, isIsoDate, quarterEnd } from './dates.js';

describe('ISO business dates', () => {
  const valid: Array<[string, boolean]> = [
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['2024-4-1', false],
    ['', false],
  ];
  for (const [s, ok] of valid) it(`${s || '(empty)'} is ${ok ? 'a date' : 'not a date'}`, () => expect(isIsoDate(s)).toBe(ok));

  it('day numbers match the Unix epoch', () => expect(dayNumber('1970-01-01')).toBe(0));
  it('day numbers agree with Date.UTC for every day 1900–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2200-12-31') }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        return fromDayNumber(n) === iso && dayNumber(iso) === n;
      }),
    );
  });
  it('one leap year is 366 days', () => expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366));
  it('adding days crosses a year end', () => expect(addDays('2024-12-31', 1)).toBe('2025-01-01'));
  it('a month after 31 January is the end of February', () => expect(addMonths('2024-01-31', 1)).toBe('2024-02-29'));
  it('12 months back from a date', () => expect(addMonths('2025-03-15', -12)).toBe('2024-03-15'));
  it('the quarter end of a mid-quarter date', () => expect(quarterEnd('2024-08-15')).toBe('2024-09-30'));
});
