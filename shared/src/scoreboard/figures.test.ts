import { describe, expect, it } from 'vitest';
import { type FiguresInput, metricSeries, outputValueAt } from './figures.js';

const YI = 10_000_000_000;

/** Three firms: 1 held throughout, 2 sold in mid-2021, 3 bought in 2021 and outside the focus sectors. */
const input: FiguresInput = {
  programme: { startDate: '2019-01-01', endDate: '2021-12-31' },
  designations: [
    { id: 1, companyId: 1, level: 'benchmark', effectiveOn: '2020-06-01', revokedOn: null },
    { id: 2, companyId: 2, level: 'benchmark', effectiveOn: '2020-09-01', revokedOn: '2021-03-01' },
    { id: 3, companyId: 1, level: 'leader', effectiveOn: '2021-06-01', revokedOn: null },
  ],
  listings: [
    { companyId: 2, attemptId: 9, listedOn: '2018-11-01' },
    { companyId: 1, attemptId: 10, listedOn: '2021-07-15' },
  ],
  holdings: new Map([
    [1, [{ from: '2019-05-01', to: null }]],
    [2, [{ from: '2019-08-01', to: '2021-06-30' }]],
    [3, [{ from: '2021-02-01', to: null }]],
  ]),
  focusFirms: new Set([1, 2]),
  outputByYear: new Map([
    [2020, new Map([[1, 3 * YI]])],
    [
      2021,
      new Map([
        [1, 5 * YI],
        [2, 2 * YI],
        [3, 9 * YI],
      ]),
    ],
  ]),
};

describe('the plan’s figures from plain data', () => {
  const dates = ['2020-12-31', '2021-06-29', '2021-12-31'];
  const series = metricSeries(input, dates, [
    { motherFundSizeFen: 100 * YI, fundGroupSizeFen: 600 * YI },
    { motherFundSizeFen: 100 * YI, fundGroupSizeFen: 800 * YI },
    { motherFundSizeFen: 100 * YI, fundGroupSizeFen: 900 * YI },
  ]);
  const cases: Array<[string, unknown, unknown]> = [
    ['benchmarks in force: two, then one after the revocation', series.benchmark_firms, [2, 1, 1]],
    ['leaders in force from 1 June 2021', series.leader_firms, [0, 1, 1]],
    ['listings inside the programme period only (the 2018 listing is before it)', series.star_listings, [0, 0, 1]],
    // 2020-12-31: year 2020, firms 1 and 2 held, only 1 has a figure (3亿); 2021-06-29: year 2020 again;
    // 2021-12-31: year 2021, firm 2 sold, firm 3 outside the focus sectors: 5亿.
    ['output value: latest complete year, portfolio firms in the focus sectors', series.output_value, [3 * YI, 3 * YI, 5 * YI]],
    ['fund figures pass through', series.fund_group_size, [600 * YI, 800 * YI, 900 * YI]],
    ['firm 2 had no 2020 figure: it is a gap', outputValueAt(input, '2020-12-31').gaps, [2]],
  ];
  for (const [name, actual, expected] of cases) it(name, () => expect(actual).toEqual(expected));
});
