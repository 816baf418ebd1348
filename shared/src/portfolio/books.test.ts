import { describe, expect, it } from 'vitest';
import { Books, byCompany, Cumulative, type FundBook, netFigures } from './books.js';
import { capitalAccountColumns } from './capital-account.js';

const YI = 10_000_000_000;
const at = (date: string, amountFen: number) => ({ date, amountFen });
const none: [] = [];

/**
 * The mother fund M (id 1) is 30% of sub-fund S (id 2) beside an LP paying 70%, and holds company 100
 * directly through its vehicle V (id 3, M its only LP). S holds companies 100 and 200. So M reaches
 * company 100 twice: the overlap.
 */
function group(): FundBook[] {
  const s: FundBook = {
    fundId: 2,
    commitments: [at('2020-01-01', 10 * YI)],
    calls: [at('2020-02-01', 5 * YI)],
    contributions: [at('2020-02-01', 5 * YI)],
    distributions: [at('2024-06-30', 1 * YI)],
    fees: [at('2021-01-01', 0.2 * YI)],
    investments: [at('2020-03-01', 2 * YI), at('2020-04-01', 2 * YI)],
    proceeds: [at('2024-06-01', 1.5 * YI)],
    positions: [
      {
        companyId: 100,
        events: {
          tranches: [{ id: 1, date: '2020-03-01', amountFen: 2 * YI, equityShare: 0.1 }],
          exits: [],
          marks: [{ date: '2023-12-31', valueFen: 6 * YI, method: 'last_round' }],
        },
      },
      {
        companyId: 200,
        events: {
          tranches: [{ id: 2, date: '2020-04-01', amountFen: 2 * YI, equityShare: 0.2 }],
          exits: [{ id: 1, date: '2024-06-01', shareSold: 0.2, proceedsFen: 1.5 * YI }],
          marks: [],
        },
      },
    ],
    interests: [],
  };
  const v: FundBook = {
    fundId: 3,
    commitments: [at('2020-01-01', 2 * YI)],
    calls: [at('2020-02-01', 1 * YI)],
    contributions: [at('2020-02-01', 1 * YI)],
    distributions: none,
    fees: none,
    investments: [at('2020-05-01', 1 * YI)],
    proceeds: none,
    positions: [{ companyId: 100, events: { tranches: [{ id: 3, date: '2020-05-01', amountFen: 1 * YI, equityShare: 0.05 }], exits: [], marks: [] } }],
    interests: [],
  };
  const m: FundBook = {
    fundId: 1,
    commitments: [at('2019-06-01', 20 * YI)],
    calls: [at('2019-07-01', 4 * YI)],
    contributions: [at('2019-07-01', 4 * YI)],
    distributions: none,
    fees: none,
    investments: none,
    proceeds: none,
    positions: [],
    interests: [
      { fundId: 2, commitments: [at('2020-01-01', 3 * YI)], contributions: [at('2020-02-01', 1.5 * YI)], distributions: [at('2024-06-30', 0.3 * YI)] },
      { fundId: 3, commitments: [at('2020-01-01', 2 * YI)], contributions: [at('2020-02-01', 1 * YI)], distributions: none },
    ],
  };
  return [m, s, v];
}

describe('NAV from the books', () => {
  const books = new Books(group());
  // S at 2024-12-31: cash 5 − 0.2 − 1 − 4 + 1.5 = 1.3; company 100 marked 6; company 200 sold → 7.3亿.
  it('a sub-fund: cash plus its marked positions', () => expect(books.nav(2, ['2024-12-31'])).toEqual([7.3 * YI]));
  // V: cash 0, company 100 at cost 1 → 1亿.
  it('a vehicle never marked: its position at cost', () => expect(books.nav(3, ['2024-12-31'])).toEqual([1 * YI]));
  // M: cash 4 − 1.5 − 1 + 0.3 = 1.8; 30% × 7.3 = 2.19; 100% × 1 = 1 → 4.99亿.
  it('the mother fund: its cash plus its paid-in share of each fund it is in', () => expect(books.nav(1, ['2024-12-31'])).toEqual([4.99 * YI]));
  it('before any money moved a fund is worth nothing', () => expect(books.nav(1, ['2019-01-01'])).toEqual([0]));
});

describe('look-through', () => {
  const rows = byCompany(new Books(group()).exposures(1, '2024-12-31'));
  const c100 = rows.find((r) => r.companyId === 100);
  it('a company reached through two funds is one row', () => expect(rows.map((r) => r.companyId).sort()).toEqual([100, 200]));
  it('with both paths listed and marked as overlap', () => expect({ paths: c100?.paths.length, overlap: c100?.overlap }).toEqual({ paths: 2, overlap: true }));
  it('its exposure is Σ share × position value (30% × 6亿 + 100% × 1亿)', () => expect(c100?.valueFen).toBeCloseTo(2.8 * YI, 0));
  it('the path names the funds it runs through', () => expect(c100?.paths.map((p) => p.via)).toEqual([[2], [3]]));
  it('an LP of the sub-fund sees its share of the sub-fund’s companies', () => {
    const lp = byCompany(
      new Books(group()).interestExposures(
        [{ fundId: 2, commitments: [at('2020-01-01', 7 * YI)], contributions: [at('2020-02-01', 3.5 * YI)], distributions: none }],
        '2024-12-31',
      ),
    );
    expect(lp.find((r) => r.companyId === 100)?.valueFen).toBeCloseTo(0.7 * 6 * YI, 0);
  });
});

describe('performance', () => {
  const books = new Books(group());
  it('net figures of the sub-fund: TVPI = (distributed + NAV) ÷ paid-in', () =>
    expect(books.netSeries(2, ['2024-12-31'])[0]?.tvpi).toBeCloseTo((1 + 7.3) / 5, 12));
  it('gross MOIC of the sub-fund: (proceeds + position values) ÷ invested', () => expect(books.gross(2, '2024-12-31').moic).toBeCloseTo((1.5 + 6) / 4, 12));
  it('no money paid in: no multiples and no IRR', () =>
    expect(netFigures([], [], 0, '2024-12-31')).toEqual({ paidInFen: 0, distributedFen: 0, navFen: 0, dpi: null, rvpi: null, tvpi: null, irr: null }));
  it('a fund that doubled in a year has a net IRR of 100%', () => expect(netFigures([at('2023-01-01', YI)], [], 2 * YI, '2024-01-01').irr).toBeCloseTo(1, 9));
});

describe('the LP capital account', () => {
  const books = new Books(group());
  const lp = { commitments: [at('2020-01-01', 7 * YI)], contributions: [at('2020-02-01', 3.5 * YI)], distributions: [at('2024-06-30', 0.7 * YI)] };
  const input = {
    contributions: new Cumulative(lp.contributions),
    distributions: new Cumulative(lp.distributions),
    fees: new Cumulative([at('2021-01-01', 0.14 * YI)]),
    balanceAt: (d: string) => (books.shares(lp, 2, [d])[0] ?? 0) * (books.nav(2, [d])[0] ?? 0),
  };
  const cols = capitalAccountColumns(input, '2024-04-01', '2024-06-30');
  const reconciles = (c: (typeof cols)['qtd']) => c.beginningFen + c.contributionsFen - c.distributionsFen - c.feesFen + c.gainLossFen === c.endingFen;
  it('every column reconciles: beginning + contributions − distributions − fees + gain = ending', () =>
    expect([cols.qtd, cols.ytd, cols.itd].map(reconciles)).toEqual([true, true, true]));
  it('the quarter’s distribution is in the quarter column', () => expect(cols.qtd.distributionsFen).toBe(0.7 * YI));
  it('since inception begins at zero', () => expect(cols.itd.beginningFen).toBe(0));
  it('the year column begins where last year ended', () =>
    expect(cols.ytd.beginningFen).toBe(Math.round((books.shares(lp, 2, ['2023-12-31'])[0] ?? 0) * (books.nav(2, ['2023-12-31'])[0] ?? 0))));
});
