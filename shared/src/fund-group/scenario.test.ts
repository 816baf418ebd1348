import { describe, expect, it } from 'vitest';
import { commitmentHistory, contributionSeries, flowsAsOf, investmentsFromLedger, moneyAsOf, type RawCommitment, type RawLedgerEntry } from './entries.js';
import { groupLeverage } from './leverage.js';
import type { SourceClass } from './money.js';
import { fundGroupOverview, type OverviewFund, type OverviewInput } from './overview.js';

/**
 * A small fund group written as the dated entries its books would hold, with every figure worked out by
 * hand below (amounts in ¥ million; 1 m = 100,000,000 fen). The as-of date is 2023-12-31: entries dated
 * 2024 are in the books but must not count.
 *
 *   M  mother fund      LPs: fiscal A 600, SOE B 300, financial C 100 (C from 2020) — paid in 300 / 150 / 30;
 *                       its own direct investment 10 (and 25 more in 2024)
 *   V  direct vehicle   mother 50 (paid 20), invested 18; set up 2016-01-01 for 8 years
 *   S1 batch 1          mother 40, fiscal D 20, SOE E 60, private F 80 = 200; paid 60 (2021-04-01) + 40
 *                       (2022-04-01) = 100; a duplicated 5 posted and reversed; k = 1.5 on commitment
 *   S2 batch 1, a FoF   mother 100, SOE G 150, financial H 250 = 500; paid 250; k = 0
 *   S3 batch 2          mother 30, S2 as LP 60 (group money), private I 110 = 200; paid 10 / 20 / 30; k = 1 on paid-in
 *   S4 batch 2          mother 25, foreign J 50, individual K 25 (2022-01-10), fiscal L 20 (2022-09-01) = 120,
 *                       private N 80 on 2024-06-30; paid 35 + 5 = 40 (+40 in 2024); k = 2, 1-year period
 *   S5 batch 2          decided 2022-06-01, never set up
 */
const m = (million: number) => million * 100_000_000;
const T = '2023-12-31';

const rule = (k: number, basis: 'committed' | 'paid_in' = 'committed') => ({ k, weights: { registered: 1, relocated: 0.8, subsidiary: 0.5 }, basis });
const fund = (f: Partial<OverviewFund> & Pick<OverviewFund, 'id' | 'code' | 'kind'>): OverviewFund => ({
  nameZh: f.code,
  nameEn: f.code,
  parentFundId: f.kind === 'mother' ? null : 1,
  batch: null,
  isFundOfFunds: false,
  status: 'investing',
  decisionDate: null,
  establishedDate: null,
  termYears: 10,
  investmentPeriodYears: 5,
  targetSizeFen: null,
  govShareCap: 0.3,
  govShareOverrideAllowed: false,
  reinvest: rule(0),
  managerZh: null,
  managerEn: null,
  ...f,
});
const FUNDS: OverviewFund[] = [
  fund({ id: 1, code: 'M', kind: 'mother', isFundOfFunds: true, establishedDate: '2019-06-01', govShareCap: null, termYears: 15 }),
  fund({ id: 2, code: 'V', kind: 'direct_vehicle', decisionDate: '2015-12-01', establishedDate: '2016-01-01', termYears: 8, govShareCap: null }),
  fund({ id: 3, code: 'S1', kind: 'sub', batch: 1, decisionDate: '2020-12-01', establishedDate: '2021-03-01', targetSizeFen: m(180), reinvest: rule(1.5) }),
  fund({ id: 4, code: 'S2', kind: 'sub', batch: 1, isFundOfFunds: true, decisionDate: '2020-10-01', establishedDate: '2021-01-15', targetSizeFen: m(500) }),
  fund({
    id: 5,
    code: 'S3',
    kind: 'sub',
    batch: 2,
    decisionDate: '2021-11-01',
    establishedDate: '2022-02-15',
    investmentPeriodYears: 4,
    reinvest: rule(1, 'paid_in'),
  }),
  fund({ id: 6, code: 'S4', kind: 'sub', batch: 2, decisionDate: '2021-10-01', establishedDate: '2022-01-10', investmentPeriodYears: 1, reinvest: rule(2) }),
  fund({ id: 7, code: 'S5', kind: 'sub', batch: 2, decisionDate: '2022-06-01', status: 'approved' }),
];

const c = (fundId: number, source: SourceClass, date: string, million: number): RawCommitment => ({ fundId, source, date, amountFen: m(million) });
const COMMITMENTS: RawCommitment[] = [
  c(1, 'fiscal', '2019-06-01', 600),
  c(1, 'soe', '2019-06-01', 300),
  c(1, 'financial', '2020-01-01', 100),
  c(2, 'mother_fund', '2016-01-01', 50),
  ...[c(3, 'mother_fund', '2021-03-01', 40), c(3, 'fiscal', '2021-03-01', 20), c(3, 'soe', '2021-03-01', 60), c(3, 'private', '2021-03-01', 80)],
  ...[c(4, 'mother_fund', '2021-01-15', 100), c(4, 'soe', '2021-01-15', 150), c(4, 'financial', '2021-01-15', 250)],
  ...[c(5, 'mother_fund', '2022-02-15', 30), c(5, 'group_fund', '2022-02-15', 60), c(5, 'private', '2022-02-15', 110)],
  ...[c(6, 'mother_fund', '2022-01-10', 25), c(6, 'foreign', '2022-01-10', 50), c(6, 'individual', '2022-01-10', 25)],
  c(6, 'fiscal', '2022-09-01', 20),
  c(6, 'private', '2024-06-30', 80),
];
const e = (
  fundId: number,
  source: SourceClass,
  kind: RawLedgerEntry['kind'],
  date: string,
  million: number,
  companyId: number | null = null,
): RawLedgerEntry => ({
  fundId,
  source,
  kind,
  date,
  amountFen: m(million),
  companyId,
});
const paid = (fundId: number, source: SourceClass, date: string, million: number) => [
  e(fundId, source, 'call', date, million),
  e(fundId, source, 'contribution', date, million),
];
const LEDGER: RawLedgerEntry[] = [
  ...paid(1, 'fiscal', '2019-07-01', 300),
  ...paid(1, 'soe', '2019-07-01', 150),
  ...paid(1, 'financial', '2020-02-01', 30),
  e(1, 'none', 'investment', '2022-05-01', 10, 9),
  e(1, 'none', 'investment', '2024-02-01', 25, 9),
  ...paid(2, 'mother_fund', '2016-03-01', 20),
  e(2, 'none', 'investment', '2016-06-01', 18, 8),
  ...[
    paid(3, 'mother_fund', '2021-04-01', 12),
    paid(3, 'fiscal', '2021-04-01', 6),
    paid(3, 'soe', '2021-04-01', 18),
    paid(3, 'private', '2021-04-01', 24),
  ].flat(),
  ...[
    paid(3, 'mother_fund', '2022-04-01', 8),
    paid(3, 'fiscal', '2022-04-01', 4),
    paid(3, 'soe', '2022-04-01', 12),
    paid(3, 'private', '2022-04-01', 16),
  ].flat(),
  e(3, 'private', 'contribution', '2022-04-01', 5),
  e(3, 'private', 'contribution', '2022-04-01', -5),
  e(3, 'mother_fund', 'fee', '2022-03-01', 4),
  e(3, 'none', 'investment', '2021-06-01', 20, 1),
  e(3, 'none', 'investment', '2021-09-01', 10, 2),
  e(3, 'none', 'investment', '2022-01-15', 15, 3),
  e(3, 'none', 'investment', '2023-05-01', 5, 4),
  e(3, 'none', 'investment', '2024-03-01', 30, 5),
  ...[paid(4, 'mother_fund', '2021-05-01', 50), paid(4, 'soe', '2021-05-01', 75), paid(4, 'financial', '2021-05-01', 125)].flat(),
  e(4, 'none', 'investment', '2021-08-01', 240, 6),
  ...[paid(5, 'mother_fund', '2022-03-01', 10), paid(5, 'group_fund', '2022-03-01', 20), paid(5, 'private', '2022-03-01', 30)].flat(),
  e(5, 'none', 'investment', '2022-06-01', 12, 1),
  e(5, 'none', 'investment', '2022-08-01', 45, 4),
  ...[
    paid(6, 'mother_fund', '2022-02-01', 5),
    paid(6, 'foreign', '2022-02-01', 20),
    paid(6, 'individual', '2022-02-01', 10),
    paid(6, 'fiscal', '2022-10-01', 5),
  ].flat(),
  e(6, 'none', 'investment', '2022-06-01', 38, 4),
  ...paid(6, 'private', '2024-07-15', 40),
];
const COMPANIES = new Map([
  [1, { registeredInShanghai: true }],
  [2, { registeredInShanghai: false }],
  [3, { registeredInShanghai: false }],
  [4, { registeredInShanghai: false }],
  [5, { registeredInShanghai: true }],
]);
const EVIDENCE = [
  { fundId: 3, companyId: 2, type: 'relocated' as const, effectiveDate: '2022-05-01' },
  { fundId: 3, companyId: 3, type: 'subsidiary' as const, effectiveDate: '2024-02-01' },
];

function input(asOf: string, includeDirect = true): OverviewInput {
  return {
    asOf,
    includeDirect,
    funds: FUNDS,
    money: moneyAsOf(COMMITMENTS, LEDGER, asOf),
    flows: flowsAsOf(LEDGER, asOf),
    contributionSeries: contributionSeries(LEDGER, asOf),
    commitmentHistory: commitmentHistory(COMMITMENTS),
    investments: investmentsFromLedger(LEDGER, COMPANIES, EVIDENCE),
    groupTargetFen: m(2000),
    motherTargetFen: m(1000),
  };
}

const o = fundGroupOverview(input(T));
const row = (code: string) => {
  const r = o.funds.find((f) => f.code === code);
  if (!r) throw new Error(`no row ${code}`);
  return r;
};
const flags = (code: string) => o.compliance.filter((f) => f.fundId === FUNDS.find((x) => x.code === code)?.id).map((f) => `${f.trigger}@${f.since}`);
const excluded = groupLeverage({ funds: FUNDS, money: moneyAsOf(COMMITMENTS, LEDGER, T), motherDirectInvestedFen: m(10), includeDirect: false });

describe('fund group as of 2023-12-31, every figure worked out by hand', () => {
  // Amounts, to the fen.
  const amounts: Array<[string, number, number]> = [
    ['mother fund size: 600 + 300 + 100', o.mother?.committedFen ?? -1, m(1000)],
    ['mother fund paid-in: 300 + 150 + 30', o.mother?.paidInFen ?? -1, m(480)],
    ['group size, committed: direct (10 own + 50 vehicle) + S1 200 + S2 500 + S3 (200 − 60 from S2) + S4 120', o.leverage.groupSize.committed, m(1020)],
    ['group size, paid-in: direct (10 + 20) + 100 + 250 + (60 − 20) + 40', o.leverage.groupSize.paid_in, m(460)],
    ['money between funds of the group left out, committed', o.leverage.excludedGroupFundFen.committed, m(60)],
    ['government money, committed: 10 + 50 + (40 + 20) + 100 + 30 + (25 + 20)', o.leverage.governmentFen.committed, m(295)],
    ['government money, paid-in: 10 + 20 + (20 + 10) + 50 + 10 + (5 + 5)', o.leverage.governmentFen.paid_in, m(130)],
    ['budget money, committed: A 600 + D 20 + L 20', o.leverage.fiscalFen.committed, m(640)],
    ['budget money, paid-in: A 300 + D 10 + L 5', o.leverage.fiscalFen.paid_in, m(315)],
    ['S1 paid-in nets the reversed duplicate: 60 + 40', row('S1').paidInFen, m(100)],
    ['S4 size leaves out the 2024 commitment: 25 + 50 + 25 + 20', row('S4').committedFen, m(120)],
    ['S4 paid-in leaves out the 2024 contribution', row('S4').paidInFen, m(40)],
    ['batch 1 size: 200 + 500', o.batches[0]?.committedFen ?? -1, m(700)],
    ['batch 2 size counts S2’s money in S3 once: 140 + 120', o.batches[1]?.committedFen ?? -1, m(260)],
    ['batch 2 paid-in: (60 − 20) + 40', o.batches[1]?.paidInFen ?? -1, m(80)],
    ['batch 2 mother fund paid-in: 10 + 5', o.batches[1]?.motherPaidInFen ?? -1, m(15)],
    ['waterfall starts at the mother fund’s money in the group: 10 + 50 + 40 + 100 + 30 + 25', o.waterfall.committed[0]?.amountFen ?? -1, m(255)],
    ['waterfall, budget money in the funds: 20 + 20', o.waterfall.committed.find((s) => s.key === 'fiscal')?.amountFen ?? -1, m(40)],
    ['waterfall, SOE: 60 + 150', o.waterfall.committed.find((s) => s.key === 'soe')?.amountFen ?? -1, m(210)],
    ['waterfall ends at the group size', o.waterfall.committed.at(-1)?.amountFen ?? -1, m(1020)],
    ['S1 reinvestment counted: 20 × 1.0 + 10 × 0.8 (relocated 2022-05-01); the subsidiary counts only from 2024', row('S1').reinvest.countedFen, m(28)],
    ['S1 reinvestment shortfall: 1.5 × 40 − 28', row('S1').reinvest.shortfallFen, m(32)],
    ['direct deals left out: group size 960', excluded.groupSize.committed, m(960)],
  ];
  for (const [name, actual, expected] of amounts) it(name, () => expect(actual).toBe(expected));

  // Ratios, to 1e-12.
  const ratios: Array<[string, number | null | undefined, number]> = [
    ['S1 leverage, committed: 200 ÷ 40', row('S1').leverage.committed.ratio, 5],
    ['S3 leverage, committed: 200 ÷ 30', row('S3').leverage.committed.ratio, 200 / 30],
    ['S3 leverage, paid-in: 60 ÷ 10', row('S3').leverage.paid_in.ratio, 6],
    ['S4 leverage, committed: 120 ÷ 25', row('S4').leverage.committed.ratio, 4.8],
    ['S4 leverage, paid-in: 40 ÷ 5', row('S4').leverage.paid_in.ratio, 8],
    ['batch 1 leverage, committed: 700 ÷ 140', o.batches[0]?.leverage.committed.ratio, 5],
    ['batch 2 leverage, committed: 260 ÷ 55', o.batches[1]?.leverage.committed.ratio, 260 / 55],
    ['batch 2 leverage, paid-in: 80 ÷ 15', o.batches[1]?.leverage.paid_in.ratio, 80 / 15],
    ['group total, committed: 1020 ÷ 1000', o.leverage.total.committed.ratio, 1.02],
    ['group total, paid-in: 460 ÷ 480', o.leverage.total.paid_in.ratio, 460 / 480],
    ['social capital, committed: (1020 − 295) ÷ 295', o.leverage.socialCapital.committed.ratio, 725 / 295],
    ['social capital, paid-in: (460 − 130) ÷ 130', o.leverage.socialCapital.paid_in.ratio, 330 / 130],
    ['budget-money basis, committed: 1020 ÷ 640', o.leverage.fiscal.committed.ratio, 1020 / 640],
    ['budget-money basis, paid-in: 460 ÷ 315', o.leverage.fiscal.paid_in.ratio, 460 / 315],
    ['direct deals left out, group total: 960 ÷ 1000', excluded.total.committed.ratio, 0.96],
    ['direct deals left out, social capital: (960 − 235) ÷ 235', excluded.socialCapital.committed.ratio, 725 / 235],
    ['direct deals left out, budget basis: 960 ÷ 640', excluded.fiscal.committed.ratio, 1.5],
    ['progress toward the 2,000 target: 1020 ÷ 2000', o.progress.committed, 0.51],
    ['S1 government share: (40 + 20) ÷ 200', row('S1').govShare, 0.3],
    ['S3 government share: 30 ÷ 200 (S2’s money is not government money)', row('S3').govShare, 0.15],
    ['S4 government share: (25 + 20) ÷ 120', row('S4').govShare, 0.375],
    ['S1 paid-in ratio: 100 ÷ 200', row('S1').paidInRatio, 0.5],
    ['S1 reinvestment on commitment: 28 ÷ (1.5 × 40)', row('S1').reinvest.completion.committed, 28 / 60],
    ['S1 reinvestment on paid-in: 28 ÷ (1.5 × 20)', row('S1').reinvest.completion.paid_in, 28 / 30],
    ['S3 reinvestment on paid-in: 12 ÷ (1 × 10)', row('S3').reinvest.completion.paid_in, 1.2],
    ['S3 reinvestment on commitment: 12 ÷ 30', row('S3').reinvest.completion.committed, 0.4],
  ];
  for (const [name, actual, expected] of ratios) it(name, () => expect(actual).toBeCloseTo(expected, 12));

  // Statuses and flags.
  const states: Array<[string, unknown, unknown]> = [
    ['S1 behind a straight line (46.7% done, 1,035 of 1,826 days gone): at risk', row('S1').reinvest.status, 'at_risk'],
    ['S2 has no requirement (k = 0)', row('S2').reinvest.status, 'not_required'],
    ['S3 met on its binding basis, paid-in', row('S3').reinvest.status, 'met'],
    ['S4’s period ended 2023-01-10 with nothing local: breached', row('S4').reinvest.status, 'breached'],
    ['S1: 46 of the 100 paid in by 2022-12-31 unused (54 used), idle since its first contribution turned one', flags('S1'), ['idle_money@2022-04-01']],
    ['S2, S3: money used within the year', [...flags('S2'), ...flags('S3')], []],
    [
      'S4: over its 30% cap since the budget LP joined; reinvestment breached at the end of its period',
      flags('S4'),
      ['gov_share_over_cap@2022-09-01', 'reinvest_breached@2023-01-10'],
    ],
    ['S5: not set up a year after the decision', flags('S5'), ['not_set_up@2023-06-01']],
    ['V: term ends 2024-01-01, within six months', flags('V'), ['term_ending@2023-07-01']],
    ['every flag, oldest first', o.compliance.map((f) => f.since), ['2022-04-01', '2022-09-01', '2023-01-10', '2023-06-01', '2023-07-01']],
  ];
  for (const [name, actual, expected] of states) it(name, () => expect(actual).toEqual(expected));
});

describe('the same group at the end of 2024', () => {
  const later = fundGroupOverview(input('2024-12-31'));
  const r = (code: string) => later.funds.find((f) => f.code === code);
  const cases: Array<[string, unknown, unknown]> = [
    ['S4’s 2024 private commitment brings its share under the cap: 45 ÷ 200', r('S4')?.govShare, 0.225],
    ['S4 is no longer flagged over its cap', later.compliance.some((f) => f.fundId === 6 && f.trigger === 'gov_share_over_cap'), false],
    ['the group adds S4’s 80 and the mother fund’s 25 more direct investment', later.leverage.groupSize.committed, m(1020 + 80 + 25)],
    ['S1 counts the subsidiary (15 × 0.5) and the 2024 Shanghai investment (30)', r('S1')?.reinvest.countedFen, m(28 + 7.5 + 30)],
  ];
  for (const [name, actual, expected] of cases) it(name, () => expect(actual).toEqual(expected));
});
