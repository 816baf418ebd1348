import { describe, expect, it } from 'vitest';
import { ksPme, type IndexPoint, type KsPmeInput, type PmeFlow } from './pme.js';

// A quarterly index: 100 at the start, then the levels below.
const index: IndexPoint[] = [
  { date: '2020-01-01', level: 100 },
  { date: '2020-04-01', level: 110 },
  { date: '2020-07-01', level: 90 },
  { date: '2020-10-01', level: 120 },
  { date: '2021-01-01', level: 150 },
];
const input = (flows: PmeFlow[], nav: number, valuationDate = '2021-01-01', idx: IndexPoint[] = index): KsPmeInput => ({
  flows,
  nav,
  valuationDate,
  index: idx,
});

/** `expected` when `got` is within 1e-12 (relative) of it, else `got`: one readable expect per case. */
const snap = (got: number | null, expected: number | null): number | null =>
  got !== null && expected !== null && Math.abs(got - expected) <= 1e-12 * Math.abs(expected) ? expected : got;

describe('ksPme', () => {
  const cases: Array<{ scenario: string; input: KsPmeInput; expected: number | null }> = [
    {
      // 100 invested at 100 grows with the index to 150: NAV 150 means index-like performance
      scenario: 'a fund that exactly tracks the index scores 1',
      input: input([{ date: '2020-01-01', amount: -100 }], 150),
      expected: 1,
    },
    {
      // C: 100·150/100 + 50·150/90 = 150 + 83.33…; D: 60·150/120 = 75; NAV 200
      scenario: 'two calls, a distribution and a NAV (hand-computed)',
      input: input(
        [
          { date: '2020-01-01', amount: -100 },
          { date: '2020-07-01', amount: -50 },
          { date: '2020-10-01', amount: 60 },
        ],
        200,
      ),
      expected: (75 + 200) / (150 + (50 * 150) / 90),
    },
    {
      // netting would give a contribution of 60·1.5 = 90 and 150 / 90; not netted: (40·1.5 + 150) / (100·1.5)
      scenario: 'a call of 100 and a distribution of 40 on the same day are not netted',
      input: input(
        [
          { date: '2020-01-01', amount: -100 },
          { date: '2020-01-01', amount: 40 },
        ],
        150,
      ),
      expected: (60 + 150) / 150,
    },
    {
      scenario: 'a flow between index points uses the last level on or before its date (110 for 2020-06-30)',
      input: input([{ date: '2020-06-30', amount: -110 }], 150),
      expected: 150 / ((110 * 150) / 110),
    },
    {
      scenario: 'a valuation date between index points uses the last level before it (120 for 2020-12-25)',
      input: input([{ date: '2020-04-01', amount: -110 }], 120, '2020-12-25'),
      expected: 120 / ((110 * 120) / 110),
    },
    {
      scenario: 'flows after the valuation date are ignored; flows on it count',
      input: input(
        [
          { date: '2020-01-01', amount: -100 },
          { date: '2020-10-01', amount: 30 },
          { date: '2020-10-02', amount: -1000 },
          { date: '2021-06-30', amount: 500 },
        ],
        100,
        '2020-10-01',
      ),
      expected: (30 + 100) / ((100 * 120) / 100),
    },
    {
      scenario: 'the index may be given in any order',
      input: input([{ date: '2020-01-01', amount: -100 }], 150, '2021-01-01', [...index].reverse()),
      expected: 1,
    },
    {
      scenario: 'a fund that lagged the index scores below 1',
      input: input([{ date: '2020-01-01', amount: -100 }], 120),
      expected: 0.8,
    },
    { scenario: 'no contributions yet → null', input: input([{ date: '2020-04-01', amount: 10 }], 50), expected: null },
    { scenario: 'no flows at all → null', input: input([], 50), expected: null },
    {
      scenario: 'the only contribution is after the valuation date → null',
      input: input([{ date: '2020-10-02', amount: -100 }], 0, '2020-10-01'),
      expected: null,
    },
  ];
  it.each(cases)('$scenario', ({ input: i, expected }) => {
    expect(snap(ksPme(i), expected)).toBe(expected);
  });
});

describe('ksPme: invalid input throws a RangeError', () => {
  const ok: PmeFlow = { date: '2020-04-01', amount: -100 };
  const cases: Array<{ scenario: string; input: KsPmeInput; message: RegExp }> = [
    {
      scenario: 'a flow before the first index point',
      input: input([ok, { date: '2019-12-31', amount: -5 }], 1),
      message: /flows\[1\]\.date.*before the first index point/,
    },
    { scenario: 'a valuation date before the first index point', input: input([ok], 1, '2019-06-30'), message: /valuationDate.*before the first index point/ },
    { scenario: 'an invalid flow date', input: input([ok, { date: '2020-02-30', amount: 1 }], 1), message: /flows\[1\]\.date/ },
    { scenario: 'a non-finite amount', input: input([{ date: '2020-04-01', amount: Number.NaN }], 1), message: /flows\[0\]\.amount/ },
    { scenario: 'a non-finite NAV', input: input([ok], Infinity), message: /nav/ },
    { scenario: 'an invalid valuation date', input: input([ok], 1, '2021-13-01'), message: /valuationDate/ },
    { scenario: 'an index level of 0', input: input([ok], 1, '2021-01-01', [...index, { date: '2021-02-01', level: 0 }]), message: /index\[5\]\.level/ },
    {
      scenario: 'two index points on one date',
      input: input([ok], 1, '2021-01-01', [...index, { date: '2020-07-01', level: 91 }]),
      message: /index\[5\]\.date repeats/,
    },
    { scenario: 'an empty index', input: input([ok], 1, '2021-01-01', []), message: /index must be a non-empty array/ },
  ];
  it.each(cases)('$scenario', ({ input: i, message }) => {
    let error: unknown;
    try {
      ksPme(i);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'RangeError', message: expect.stringMatching(message) });
  });
});
