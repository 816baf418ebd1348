import { describe, expect, it } from 'vitest';
import { latestCompleteYear, linearProjection, progressRatio, targetStatus } from './progress.js';

describe('straight-line projection to the programme’s end', () => {
  const cases: Array<[string, () => unknown, unknown]> = [
    [
      'a straight line is projected exactly',
      () =>
        linearProjection(
          [
            { date: '2020-01-01', value: 0 },
            { date: '2020-12-31', value: 365 },
          ],
          '2021-12-31',
        )?.endValue,
      730,
    ],
    [
      'least squares through three points (0, 10, 14 at 0, 1, 2 years of 365 days)',
      () =>
        linearProjection(
          [
            { date: '2019-01-01', value: 0 },
            { date: '2020-01-01', value: 10 },
            { date: '2020-12-31', value: 14 },
          ],
          '2021-12-31',
        )?.endValue,
      // x in days 0, 365, 730; slope 14/730 per day; mean (365, 8); at 1095: 8 + 14/730 × 730 = 22
      22,
    ],
    ['one point: no projection', () => linearProjection([{ date: '2020-01-01', value: 5 }], '2021-12-31'), null],
    [
      'two points on the same day: no projection',
      () =>
        linearProjection(
          [
            { date: '2020-01-01', value: 5 },
            { date: '2020-01-01', value: 6 },
          ],
          '2021-12-31',
        ),
      null,
    ],
  ];
  for (const [name, run, expected] of cases) it(name, () => expect(run()).toEqual(expected));
});

describe('target status', () => {
  const line = (endValue: number) => ({
    endValue,
    perYear: 0,
    line: [
      { date: '2020-01-01', value: 0 },
      { date: '2021-12-31', value: endValue },
    ] as [{ date: string; value: number }, { date: string; value: number }],
  });
  const cases: Array<[string, Parameters<typeof targetStatus>[0], ReturnType<typeof targetStatus>]> = [
    ['reached before the end', { target: 10, value: 11, valueAtEnd: null, projection: line(12) }, 'met'],
    ['not yet, but the line reaches it', { target: 10, value: 6, valueAtEnd: null, projection: line(10.5) }, 'on_track'],
    ['not yet, and the line falls short', { target: 10, value: 6, valueAtEnd: null, projection: line(8) }, 'behind'],
    ['not yet, and no line', { target: 10, value: 6, valueAtEnd: null, projection: null }, 'behind'],
    ['ended short of it, though reached later', { target: 10, value: 12, valueAtEnd: 9, projection: null }, 'missed'],
    ['ended having reached it', { target: 10, value: 9, valueAtEnd: 10, projection: null }, 'met'],
  ];
  for (const [name, input, expected] of cases) it(name, () => expect(targetStatus(input)).toBe(expected));
  it('progress of 45 toward 100', () => expect(progressRatio(45, 100)).toBe(0.45));
});

describe('the latest complete year of annual figures', () => {
  const cases: Array<[string, number]> = [
    ['2021-12-31', 2021],
    ['2021-12-30', 2020],
    ['2026-10-31', 2025],
    ['2022-01-01', 2021],
  ];
  for (const [asOf, year] of cases) it(`on ${asOf} it is ${year}`, () => expect(latestCompleteYear(asOf)).toBe(year));
});
