import { describe, expect, it } from 'vitest';
import { endedQuarters, parsePeriod, quarterEndsThrough, quarterOf } from './periods.js';

describe('reporting periods', () => {
  const cases: Array<[string, ReturnType<typeof parsePeriod>]> = [
    ['2024', { code: '2024', kind: 'year', start: '2024-01-01', end: '2024-12-31' }],
    ['2024H1', { code: '2024H1', kind: 'half', start: '2024-01-01', end: '2024-06-30' }],
    ['2024h2', { code: '2024H2', kind: 'half', start: '2024-07-01', end: '2024-12-31' }],
    ['2024Q1', { code: '2024Q1', kind: 'quarter', start: '2024-01-01', end: '2024-03-31' }],
    ['2023Q4', { code: '2023Q4', kind: 'quarter', start: '2023-10-01', end: '2023-12-31' }],
    ['2024Q5', null],
    ['24Q1', null],
    ['2024-Q1', null],
  ];
  for (const [code, expected] of cases) it(`${code} is ${expected ? expected.kind : 'not a period'}`, () => expect(parsePeriod(code)).toEqual(expected));
  it('the quarter of a mid-August date is Q3', () => expect(quarterOf('2024-08-15')).toBe('2024Q3'));
  it('quarter ends up to a mid-quarter date end with that date', () =>
    expect(quarterEndsThrough('2024-02-10', '2024-08-15')).toEqual(['2024-03-31', '2024-06-30', '2024-08-15']));
  it('a date that is a quarter end is not repeated', () => expect(quarterEndsThrough('2024-01-01', '2024-06-30')).toEqual(['2024-03-31', '2024-06-30']));
  it('statements can be drawn for the quarters that ended since joining, newest first', () =>
    expect(endedQuarters('2025-05-10', '2026-03-30')).toEqual(['2025Q4', '2025Q3', '2025Q2']));
});
