/**
 * One fund through its life with the partner-accounting functions composed as the server will compose
 * them (ADR 045): fees from its terms, two closes with equalisation, a default with re-allocation and
 * forfeiture, three distributions through the waterfall and a wind-up with clawback. Figures that can be
 * worked by hand are asserted to the fen; the rest through identities that must hold to the fen.
 */
import { describe, expect, it } from 'vitest';
import { allocateProRata } from '../ledger/allocate.js';
import { allocateCallWithDefaults, callPosition, defaultInterest, equaliseLateClose } from './calls.js';
import { type AccountEntry, endingFromLines, type PartnerTerms, rollForwardCapitalAccounts } from './capital-accounts.js';
import { managementFees, quarterPeriods } from './fees.js';
import { clawback, type WaterfallFlow, wholeFundWaterfall } from './waterfall.js';

const W = 1_000_000; // fen in 1 万元
const A = 1;
const B = 2;
const C = 3;
const terms = { hurdle: 0.08, carry: 0.2, catchUp: 1 };

describe('a fund through its life: fees, two closes, a default, three distributions, wind-up with clawback', () => {
  // Closes: A 600 万 and B 400 万 on 2020-01-01; C 500 万 on 2020-10-01.
  const call1 = allocateCallWithDefaults(
    200 * W,
    [
      { id: A, committedFen: 600 * W, calledFen: 0, defaulted: false },
      { id: B, committedFen: 400 * W, calledFen: 0, defaulted: false },
    ],
    'reallocate',
  );
  const eq = equaliseLateClose({
    closeDate: '2020-10-01',
    commitmentFen: 500 * W,
    rate: 0.08,
    firstCloseDate: '2020-01-01',
    calls: [{ dueDate: '2020-01-15', totalFen: 200 * W, committedFen: 1000 * W }],
    earlier: [
      { id: A, paidInFen: 120 * W },
      { id: B, paidInFen: 80 * W },
    ],
  });
  const call2 = allocateCallWithDefaults(
    300 * W,
    [
      { id: A, committedFen: 600 * W, calledFen: 120 * W, defaulted: false },
      { id: B, committedFen: 400 * W, calledFen: 80 * W, defaulted: false },
      { id: C, committedFen: 500 * W, calledFen: 100 * W, defaulted: false },
    ],
    'reallocate',
  );
  const call3 = allocateCallWithDefaults(
    300 * W,
    [
      { id: A, committedFen: 600 * W, calledFen: 240 * W, defaulted: false },
      { id: B, committedFen: 400 * W, calledFen: 160 * W, defaulted: false },
      { id: C, committedFen: 500 * W, calledFen: 200 * W, defaulted: false },
    ],
    'reallocate',
  );
  const bPart3 = { noticeDate: '2021-06-01', dueDate: '2021-06-15', amountFen: call3.parts.find((p) => p.id === B)?.amountFen ?? 0 };
  // B never pays call 3: in default from 2021-06-26 (10 cure days); its uncalled 160 万 is released.
  const call4 = allocateCallWithDefaults(
    165 * W,
    [
      { id: A, committedFen: 600 * W, calledFen: 360 * W, defaulted: false },
      { id: B, committedFen: 240 * W, calledFen: 240 * W, defaulted: true },
      { id: C, committedFen: 500 * W, calledFen: 300 * W, defaulted: false },
    ],
    'reallocate',
  );

  // A follow-on call after two distributions, B still excluded: 600:500.
  const call5 = allocateCallWithDefaults(
    110 * W,
    [
      { id: A, committedFen: 600 * W, calledFen: 450 * W, defaulted: false },
      { id: B, committedFen: 240 * W, calledFen: 240 * W, defaulted: true },
      { id: C, committedFen: 500 * W, calledFen: 375 * W, defaulted: false },
    ],
    'reallocate',
  );

  it('the calls: 120/80, then C equalised, then 120/80/100 twice, then B’s share re-allocated to A and C', () => {
    expect([call1.parts, call2.parts, call3.parts, call4.parts]).toEqual([
      [
        { id: A, amountFen: 120 * W },
        { id: B, amountFen: 80 * W },
      ],
      [
        { id: A, amountFen: 120 * W },
        { id: B, amountFen: 80 * W },
        { id: C, amountFen: 100 * W },
      ],
      [
        { id: A, amountFen: 120 * W },
        { id: B, amountFen: 80 * W },
        { id: C, amountFen: 100 * W },
      ],
      // 165 × 600/1340 + B's 165 × 240/1340 × 600/1100 = 90 万 exactly; C the rest
      [
        { id: A, amountFen: 90 * W },
        { id: C, amountFen: 75 * W },
      ],
    ]);
    expect(call5.parts).toEqual([
      { id: A, amountFen: 60 * W },
      { id: C, amountFen: 50 * W },
    ]);
  });
  it('C’s equalisation: 100 万 plus 8% for 260 days = 5,698,630 fen, to A and B 60:40', () => {
    expect([eq.principalFen, eq.interestFen, eq.interestTo.map((x) => x.amountFen)]).toEqual([100 * W, 5_698_630, [3_419_178, 2_279_452]]);
  });
  it('B’s default: in default from 2021-06-26, 10% on 80 万 for 199 days to the year end = 4,361,644 fen; 80 万 called but unpaid', () => {
    const d = defaultInterest({ part: bPart3, receipts: [], cureDays: 10, rate: 0.1, asOf: '2021-12-31' });
    const pos = callPosition(
      [{ noticeDate: '2020-01-05', dueDate: '2020-01-15', amountFen: 80 * W }, { noticeDate: '2021-01-05', dueDate: '2021-01-15', amountFen: 80 * W }, bPart3],
      [
        { date: '2020-01-15', amountFen: 80 * W },
        { date: '2021-01-15', amountFen: 80 * W },
      ],
      '2021-12-31',
    );
    expect([d, pos]).toEqual([
      { inDefault: true, defaultDate: '2021-06-26', interestFen: 4_361_644 },
      { calledFen: 240 * W, paidFen: 160 * W, unpaidFen: 80 * W, overdueFen: 80 * W, advanceFen: 0 },
    ]);
  });

  // ---- the books ----
  const partners: PartnerTerms[] = [
    { id: A, commitments: [{ date: '2020-01-01', amountFen: 600 * W }] },
    {
      id: B,
      commitments: [
        { date: '2020-01-01', amountFen: 400 * W },
        { date: '2021-06-26', amountFen: -160 * W },
      ],
      defaultedOn: '2021-06-26',
    },
    { id: C, commitments: [{ date: '2020-10-01', amountFen: 500 * W }] },
  ];
  const contributions: AccountEntry[] = [
    ...call1.parts.map((p) => ({ kind: 'contribution' as const, date: '2020-01-15', partnerId: p.id, amountFen: p.amountFen })),
    { kind: 'contribution', date: '2020-10-01', partnerId: C, amountFen: eq.principalFen },
    ...call2.parts.map((p) => ({ kind: 'contribution' as const, date: '2021-01-15', partnerId: p.id, amountFen: p.amountFen })),
    ...call3.parts.filter((p) => p.id !== B).map((p) => ({ kind: 'contribution' as const, date: '2021-06-15', partnerId: p.id, amountFen: p.amountFen })),
    ...call4.parts.map((p) => ({ kind: 'contribution' as const, date: '2022-03-15', partnerId: p.id, amountFen: p.amountFen })),
    ...call5.parts.map((p) => ({ kind: 'contribution' as const, date: '2023-09-15', partnerId: p.id, amountFen: p.amountFen })),
  ];
  const paidIn = (upTo: string) => {
    const points: Array<{ date: string; valueFen: number }> = [];
    let sum = 0;
    for (const e of contributions)
      if (e.kind === 'contribution' && e.date <= upTo) {
        sum += e.amountFen;
        points.push({ date: e.date, valueFen: sum });
      }
    return points;
  };
  const fees = managementFees(
    {
      investmentPeriodEnd: '2022-12-31',
      postInvestmentBasis: 'paidIn',
      steps: [
        { from: '2020-01-01', rate: 0.02 },
        { from: '2023-01-01', rate: 0.015 },
      ],
      offsetShare: 1,
    },
    {
      committed: [
        { date: '2020-01-01', valueFen: 1000 * W },
        { date: '2020-10-01', valueFen: 1500 * W },
        { date: '2021-06-26', valueFen: 1340 * W },
      ],
      invested: [],
      nav: [],
      paidIn: paidIn('2099-12-31'),
    },
    quarterPeriods('2020-01-01', '2024-06-30'),
    [{ date: '2022-06-30', amountFen: 3 * W }],
  );
  it('fees follow the terms: 2020Q1 2% of 1,000 万 for 91 days; 2023Q1 1.5% of the 985 万 paid in for 90 days; the offset in 2022Q2', () => {
    // 1e9 × 0.02 × 91/365 = 4,986,301.37; 9.85e8 × 0.015 × 90/365 = 3,643,150.68
    expect([fees[0]?.grossFen, fees[12]?.grossFen, fees[9]?.offsetFen]).toEqual([4_986_301, 3_643_151, 3 * W]);
  });

  const results: AccountEntry[] = [
    ...fees.filter((f) => f.grossFen > 0).map((f) => ({ kind: 'managementFee' as const, date: f.to, amountFen: f.grossFen })),
    ...fees.filter((f) => f.offsetFen > 0).map((f) => ({ kind: 'feeOffset' as const, date: f.to, amountFen: f.offsetFen })),
    { kind: 'unrealisedGain', date: '2021-12-31', amountFen: 800 * W },
    { kind: 'realisedGain', date: '2022-06-30', amountFen: 700 * W },
    { kind: 'unrealisedGain', date: '2022-06-30', amountFen: -500 * W },
    { kind: 'realisedGain', date: '2023-06-30', amountFen: 300 * W },
    { kind: 'expense', date: '2023-06-30', amountFen: 2 * W },
    { kind: 'unrealisedGain', date: '2023-12-31', amountFen: -650 * W },
    { kind: 'income', date: '2024-06-30', amountFen: 1 * W },
  ];

  /** Builds the books, adding B's forfeiture and three distributions through the waterfall, LP by LP. */
  function run() {
    let entries: AccountEntry[] = [...contributions, ...results];
    const book = () => rollForwardCapitalAccounts({ partners, entries, basis: 'commitment', carry: terms });
    // Forfeiture: half of B's account on 2022-01-10 goes to A and C.
    const bBalance = book().balanceAt(B, '2022-01-09');
    entries.push({ kind: 'forfeiture', date: '2022-01-10', partnerId: B, amountFen: Math.round(bBalance / 2) });
    const flowsOf = (id: number, upTo: string): WaterfallFlow[] =>
      entries.flatMap((e): WaterfallFlow[] => {
        if (!('partnerId' in e) || e.partnerId !== id || e.date > upTo) return [];
        if (e.kind === 'contribution') return [{ date: e.date, amount: -e.amountFen }];
        if (e.kind === 'distribution') return [{ date: e.date, amount: e.returnOfCapitalFen + e.gainFen + e.incomeFen + e.carryFen }];
        return [];
      });
    const distribute = (date: string, totalFen: number | 'all') => {
      const b = book();
      const ids = [A, B, C];
      const value = ids.map((id) => Math.max(0, b.balanceAt(id, date) + b.unpaidCarryAt(id, date)));
      const gross = totalFen === 'all' ? value : allocateProRata(totalFen, value);
      for (const [k, id] of ids.entries()) {
        const g = gross[k] ?? 0;
        if (g === 0) continue;
        const rows = wholeFundWaterfall(terms, [...flowsOf(id, date), { date, amount: g }]);
        const carryFen = rows.at(-1)?.gp ?? 0;
        const cash = g - carryFen;
        const contributed = flowsOf(id, date).reduce((s, f) => (f.amount < 0 ? s - f.amount : s), 0);
        const returned = entries.reduce((s, e) => (e.kind === 'distribution' && e.partnerId === id ? s + e.returnOfCapitalFen : s), 0);
        const roc = Math.min(cash, contributed - returned);
        entries.push({ kind: 'distribution', date, partnerId: id, returnOfCapitalFen: roc, gainFen: cash - roc, incomeFen: 0, carryFen });
      }
    };
    distribute('2022-06-30', 900 * W);
    distribute('2023-06-30', 700 * W);
    distribute('2023-12-31', 20 * W);
    const beforeWindUp = book();
    distribute('2024-06-30', 'all');
    entries = [...entries];
    return { beforeWindUp, final: book(), entries, flowsOf };
  }
  const { final, entries, flowsOf } = run();
  const dates = final.dates;

  it('on every date the partners’ accounts and the GP’s add up to NAV, to the fen', () => {
    expect(dates.filter((d) => final.balanceAt(A, d) + final.balanceAt(B, d) + final.balanceAt(C, d) + final.gpBalanceAt(d) !== final.navAt(d))).toEqual([]);
  });
  it('every partner’s ILPA lines for every year roll forward to its balance', () => {
    const broken: string[] = [];
    for (const id of [A, B, C])
      for (const y of ['2020', '2021', '2022', '2023', '2024']) {
        const l = final.lines(id, `${y}-01-01`, `${y}-12-31`);
        if (endingFromLines(l) !== l.endingFen) broken.push(`${id}/${y}`);
      }
    expect(broken).toEqual([]);
  });
  it('B shares by its balance after its default, and its forfeiture went to A and C', () => {
    const b = final.lines(B, '2022-01-01', '2022-12-31');
    const a = final.lines(A, '2022-01-01', '2022-12-31');
    const c = final.lines(C, '2022-01-01', '2022-12-31');
    expect([b.forfeitureFen < 0, a.forfeitureFen + c.forfeitureFen + b.forfeitureFen, a.forfeitureFen * 500 - c.forfeitureFen * 600 <= 600]).toEqual([
      true,
      0,
      true,
    ]);
  });
  it('carry was paid on the distributions before the write-down', () => {
    const paid = entries.reduce((s, e) => (e.kind === 'distribution' && e.date <= '2023-06-30' ? s + e.carryFen : s), 0);
    expect(paid).toBeGreaterThan(0);
  });
  it('at wind-up the GP owes back, on each LP, exactly the clawback of its carry; the fund holds nothing else', () => {
    const end = '2024-06-30';
    const paidTo = (id: number) =>
      entries.flatMap((e) => (e.kind === 'distribution' && e.partnerId === id && e.carryFen > 0 ? [{ date: e.date, amount: e.carryFen }] : []));
    const owed = [A, B, C].map((id) => clawback(terms, flowsOf(id, end), paidTo(id)).excessFen);
    const exposure = [A, B, C].map((id) => 0 - final.unpaidCarryAt(id, end) || 0);
    const lpTotal = [A, B, C].reduce((s, id) => s + final.balanceAt(id, end), 0);
    expect([owed.some((x) => x > 0), exposure, final.navAt(end), lpTotal, -final.gpBalanceAt(end)]).toEqual([true, owed, 0, lpTotal, lpTotal]);
  });
});
