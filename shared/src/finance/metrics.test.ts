import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributed, dpi, fundMetrics, moic, pic, rvpi, tvpi, type KindedFlow } from './metrics.js';

const call = (date: string, amount: number): KindedFlow => ({ date, kind: 'contribution', amount });
const dist = (date: string, amount: number): KindedFlow => ({ date, kind: 'distribution', amount });
const YI = 10_000_000_000; // ¥100 million in fen

describe('fund multiples as of a date', () => {
  const cases: Array<{
    scenario: string;
    flows: KindedFlow[];
    nav: number;
    asOf: string;
    expected: { paidIn: number; distributed: number; dpi: number | null; rvpi: number | null; tvpi: number | null };
  }> = [
    {
      scenario: 'no distributions yet',
      flows: [call('2021-03-31', 2 * YI), call('2021-09-30', 3 * YI)],
      nav: 4 * YI,
      asOf: '2022-12-31',
      expected: { paidIn: 5 * YI, distributed: 0, dpi: 0, rvpi: 0.8, tvpi: 0.8 },
    },
    {
      scenario: 'nothing paid in yet: every ratio is null, not NaN or Infinity',
      flows: [call('2023-06-30', YI)],
      nav: 0,
      asOf: '2023-01-01',
      expected: { paidIn: 0, distributed: 0, dpi: null, rvpi: null, tvpi: null },
    },
    {
      scenario: '10-year fund, fully realised (NAV 0)',
      flows: [call('2014-01-10', 6 * YI), call('2015-01-10', 4 * YI), dist('2019-06-30', 7 * YI), dist('2023-12-20', 11 * YI)],
      nav: 0,
      asOf: '2024-12-31',
      expected: { paidIn: 10 * YI, distributed: 18 * YI, dpi: 1.8, rvpi: 0, tvpi: 1.8 },
    },
    {
      scenario: 'flows after asOf are left out, flows on asOf count',
      flows: [call('2020-01-01', 100), dist('2020-12-31', 30), dist('2021-01-01', 1000), call('2021-01-01', 1000)],
      nav: 90,
      asOf: '2020-12-31',
      expected: { paidIn: 100, distributed: 30, dpi: 0.3, rvpi: 0.9, tvpi: 1.2 },
    },
    {
      // 1/3 and 2/3 are not representable: TVPI comes from the sums, not from the rounded parts
      scenario: 'ratios are computed from sums, unrounded',
      flows: [call('2020-01-01', 3), dist('2021-01-01', 1)],
      nav: 2,
      asOf: '2022-01-01',
      expected: { paidIn: 3, distributed: 1, dpi: 1 / 3, rvpi: 2 / 3, tvpi: 1 },
    },
    {
      scenario: 'flows in any order',
      flows: [dist('2023-01-01', 50), call('2020-01-01', 100), call('2021-01-01', 100)],
      nav: 250,
      asOf: '2024-01-01',
      expected: { paidIn: 200, distributed: 50, dpi: 0.25, rvpi: 1.25, tvpi: 1.5 },
    },
  ];

  it.each(cases)('$scenario', ({ flows, nav, asOf, expected }) => {
    expect({
      separately: {
        paidIn: pic({ flows, asOf }),
        distributed: distributed({ flows, asOf }),
        dpi: dpi({ flows, asOf }),
        rvpi: rvpi({ flows, nav, asOf }),
        tvpi: tvpi({ flows, nav, asOf }),
      },
      together: fundMetrics({ flows, nav, asOf }),
    }).toEqual({ separately: expected, together: { ...expected, nav } });
  });
});

describe('moic of an investment', () => {
  const cases: Array<{ scenario: string; flows: KindedFlow[]; value: number; asOf: string; expected: number | null }> = [
    { scenario: 'unrealised only: 2× on paper', flows: [call('2021-05-01', 50 * YI)], value: 100 * YI, asOf: '2024-06-30', expected: 2 },
    {
      scenario: 'partly realised',
      flows: [call('2021-05-01', 40), call('2022-05-01', 60), dist('2023-11-11', 120)],
      value: 30,
      asOf: '2024-06-30',
      expected: 1.5,
    },
    { scenario: 'written off', flows: [call('2021-05-01', 40)], value: 0, asOf: '2024-06-30', expected: 0 },
    { scenario: 'not invested yet → null', flows: [], value: 0, asOf: '2024-06-30', expected: null },
  ];
  it.each(cases)('$scenario', ({ flows, value, asOf, expected }) => {
    expect(moic({ flows, value, asOf })).toBe(expected);
  });
});

describe('metrics: invalid input throws a RangeError naming the element', () => {
  const cases: Array<{ scenario: string; run: () => unknown; message: RegExp }> = [
    { scenario: 'a negative amount', run: () => pic({ flows: [call('2020-01-01', -5)], asOf: '2021-01-01' }), message: /flows\[0\]\.amount/ },
    {
      scenario: 'an amount in yuan with decimals',
      run: () => dpi({ flows: [call('2020-01-01', 1), dist('2020-02-01', 10.5)], asOf: '2021-01-01' }),
      message: /flows\[1\]\.amount/,
    },
    {
      scenario: 'an amount beyond the safe integers',
      run: () => pic({ flows: [call('2020-01-01', 2 ** 53)], asOf: '2021-01-01' }),
      message: /flows\[0\]\.amount/,
    },
    {
      scenario: 'an unknown kind',
      run: () => pic({ flows: [{ date: '2020-01-01', kind: 'fee' as 'contribution', amount: 1 }], asOf: '2021-01-01' }),
      message: /flows\[0\]\.kind/,
    },
    { scenario: 'an invalid flow date', run: () => pic({ flows: [call('2020-1-1', 1)], asOf: '2021-01-01' }), message: /flows\[0\]\.date/ },
    { scenario: 'an invalid asOf', run: () => pic({ flows: [], asOf: '31/12/2021' }), message: /asOf/ },
    {
      scenario: 'a NAV that is not an integer number of fen',
      run: () => tvpi({ flows: [call('2020-01-01', 1)], nav: 0.5, asOf: '2021-01-01' }),
      message: /nav/,
    },
  ];
  it.each(cases)('$scenario', ({ run, message }) => {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'RangeError', message: expect.stringMatching(message) });
  });
});

describe('metrics properties', () => {
  const flowArb = fc.record({
    day: fc.integer({ min: 0, max: 4000 }),
    kind: fc.constantFrom<'contribution' | 'distribution'>('contribution', 'distribution'),
    amount: fc.integer({ min: 0, max: 1e13 }),
  });
  const iso = (day: number) => new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

  it('TVPI = DPI + RVPI (to rounding), and every ratio is null exactly when PIC is 0', () => {
    fc.assert(
      fc.property(fc.array(flowArb, { maxLength: 30 }), fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 4000 }), (raw, nav, asOfDay) => {
        const flows = raw.map((f) => ({ date: iso(f.day), kind: f.kind, amount: f.amount }));
        const m = fundMetrics({ flows, nav, asOf: iso(asOfDay) });
        if (m.paidIn === 0) {
          expect([m.dpi, m.rvpi, m.tvpi]).toEqual([null, null, null]);
        } else {
          expect(Math.abs(m.tvpi! - (m.dpi! + m.rvpi!))).toBeLessThanOrEqual(4 * Number.EPSILON * m.tvpi!);
        }
      }),
      { numRuns: 300 },
    );
  });
});
