import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../common/errors.js';
import { allocateCallWithDefaults, callPosition, defaultInterest, equaliseLateClose, simpleInterestFen } from './calls.js';

const WAN = 1_000_000; // fen in 1 万元

describe('allocateCallWithDefaults', () => {
  it('the issue’s example: A 60 / B 40, 40% called, B in default with its uncalled 24 released — a call of 6 goes to A', () => {
    const r = allocateCallWithDefaults(
      6,
      [
        { id: 1, committedFen: 60, calledFen: 24, defaulted: false },
        { id: 2, committedFen: 16, calledFen: 16, defaulted: true },
      ],
      'reallocate',
    );
    expect(r).toEqual({ parts: [{ id: 1, amountFen: 6 }], totalFen: 6, shrunkFen: 0 });
  });
  it('shrink: the defaulter’s share is dropped and the call is smaller', () => {
    const r = allocateCallWithDefaults(
      100,
      [
        { id: 1, committedFen: 600, calledFen: 0, defaulted: false },
        { id: 2, committedFen: 400, calledFen: 0, defaulted: true },
      ],
      'shrink',
    );
    expect(r).toEqual({ parts: [{ id: 1, amountFen: 60 }], totalFen: 60, shrunkFen: 40 });
  });
  it('re-allocation stops at each LP’s uncalled commitment and moves on to those with room', () => {
    const r = allocateCallWithDefaults(
      90,
      [
        { id: 1, committedFen: 100, calledFen: 95, defaulted: false },
        { id: 2, committedFen: 100, calledFen: 0, defaulted: false },
        { id: 3, committedFen: 100, calledFen: 0, defaulted: true },
      ],
      'reallocate',
    );
    expect(r.parts).toEqual([
      { id: 1, amountFen: 5 },
      { id: 2, amountFen: 85 },
    ]);
  });
  it('refuses a call the LPs in good standing cannot meet, naming the rule', () => {
    let caught: unknown;
    try {
      allocateCallWithDefaults(
        50,
        [
          { id: 1, committedFen: 60, calledFen: 24, defaulted: false },
          { id: 2, committedFen: 16, calledFen: 16, defaulted: true },
        ],
        'reallocate',
      );
    } catch (e) {
      caught = e;
    }
    expect(isDomainError(caught) && caught.details.fields?.[0]).toMatchObject({ path: 'totalFen', rule: 'exceedsUncalled' });
  });
  it('parts never exceed uncalled, never go to defaulters, and sum to the call (reallocate) or to it less the dropped shares (shrink)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ committedFen: fc.integer({ min: 0, max: 1e9 }), calledPct: fc.integer({ min: 0, max: 100 }), defaulted: fc.boolean() }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 2e9 }),
        fc.constantFrom('reallocate' as const, 'shrink' as const),
        (ps, total, remedy) => {
          const partners = ps.map((p, i) => ({
            id: i + 1,
            committedFen: p.committedFen,
            calledFen: Math.floor((p.committedFen * p.calledPct) / 100),
            defaulted: p.defaulted,
          }));
          const good = partners.filter((p) => !p.defaulted).reduce((s, p) => s + p.committedFen - p.calledFen, 0);
          if (partners.every((p) => p.committedFen === 0)) return true;
          let r: ReturnType<typeof allocateCallWithDefaults>;
          try {
            r = allocateCallWithDefaults(total, partners, remedy);
          } catch (e) {
            return isDomainError(e) && e.details.fields?.[0]?.rule === 'exceedsUncalled' && good < total;
          }
          const sum = r.parts.reduce((s, p) => s + p.amountFen, 0);
          const ok = r.parts.every((p) => {
            const lp = partners.find((x) => x.id === p.id);
            return lp !== undefined && !lp.defaulted && p.amountFen <= lp.committedFen - lp.calledFen;
          });
          return ok && sum === r.totalFen && r.totalFen + r.shrunkFen === total && (remedy === 'shrink' || r.shrunkFen === 0);
        },
      ),
    );
  });
});

describe('equaliseLateClose: the issue’s example, to the fen', () => {
  // A and B commit 100 万元 each and pay 50 in two calls of 25 each (due 2024-01-15 and 2024-07-15); C closes 2025-07-15 with 100.
  const eq = equaliseLateClose({
    closeDate: '2025-07-15',
    commitmentFen: 100 * WAN,
    rate: 0.08,
    firstCloseDate: '2024-01-01',
    calls: [
      { dueDate: '2024-01-15', totalFen: 50 * WAN, committedFen: 200 * WAN },
      { dueDate: '2024-07-15', totalFen: 50 * WAN, committedFen: 200 * WAN },
    ],
    earlier: [
      { id: 1, paidInFen: 50 * WAN },
      { id: 2, paidInFen: 50 * WAN },
    ],
  });
  it('C pays 25 for each call plus 8% simple ACT/365: 547 days on the first (2,997,260.27 fen) and 365 on the second (2,000,000)', () => {
    expect(eq.calls).toEqual([
      { dueDate: '2024-01-15', principalFen: 25 * WAN, days: 547, interestFen: 2_997_260 },
      { dueDate: '2024-07-15', principalFen: 25 * WAN, days: 365, interestFen: 2_000_000 },
    ]);
  });
  it('C’s 50 stays in the fund; the 4,997,260 fen of interest goes to A and B pro rata to paid-in', () => {
    expect([eq.principalFen, eq.interestFen, eq.interestTo]).toEqual([
      50 * WAN,
      4_997_260,
      [
        { id: 1, amountFen: 2_498_630 },
        { id: 2, amountFen: 2_498_630 },
      ],
    ]);
  });
  it('afterwards all three stand at 50% paid in', () => {
    const paid = [50 * WAN, 50 * WAN, eq.principalFen];
    expect(paid.map((p) => p / (100 * WAN))).toEqual([0.5, 0.5, 0.5]);
  });
  it('refuses an equalisation on or before the first close', () => {
    expect(() => equaliseLateClose({ closeDate: '2024-01-01', commitmentFen: 1, rate: 0.08, firstCloseDate: '2024-01-01', calls: [], earlier: [] })).toThrow(
      /closeDate: a later close must come after the first close/,
    );
  });
});

describe('call position and default interest', () => {
  const part = { noticeDate: '2025-03-01', dueDate: '2025-03-31', amountFen: 1_000_000 };
  it('a call counts from its notice date, not its due date', () => {
    expect(callPosition([part], [], '2025-03-10')).toEqual({ calledFen: 1_000_000, paidFen: 0, unpaidFen: 1_000_000, overdueFen: 0, advanceFen: 0 });
    expect(callPosition([part], [], '2025-02-28').calledFen).toBe(0);
  });
  it('a receipt on any date from the notice on, in part; overdue after the due date; never negative', () => {
    expect(callPosition([part], [{ date: '2025-03-05', amountFen: 400_000 }], '2025-04-10')).toEqual({
      calledFen: 1_000_000,
      paidFen: 400_000,
      unpaidFen: 600_000,
      overdueFen: 600_000,
      advanceFen: 0,
    });
    expect(callPosition([part], [{ date: '2025-03-05', amountFen: 1_200_000 }], '2025-04-10')).toMatchObject({
      unpaidFen: 0,
      overdueFen: 0,
      advanceFen: 200_000,
    });
  });
  it('paid within the cure period: no default, no interest', () => {
    expect(defaultInterest({ part, receipts: [{ date: '2025-04-20', amountFen: 1_000_000 }], cureDays: 30, rate: 0.1, asOf: '2025-12-31' })).toEqual({
      inDefault: false,
      defaultDate: null,
      interestFen: 0,
    });
  });
  it('unpaid after the cure period: 10% simple from the due date on the balance, 400,000 paid on day 20 and the rest on day 73', () => {
    // 1,000,000 × 0.1 × 20/365 + 600,000 × 0.1 × 53/365 = 5,479.45 + 8,712.33 = 14,191.78
    const r = defaultInterest({
      part,
      receipts: [
        { date: '2025-04-20', amountFen: 400_000 },
        { date: '2025-06-12', amountFen: 600_000 },
      ],
      cureDays: 30,
      rate: 0.1,
      asOf: '2025-12-31',
    });
    expect(r).toEqual({ inDefault: true, defaultDate: '2025-05-01', interestFen: 14_192 });
  });
  it('simple interest ACT/365 across a leap day', () => {
    expect(simpleInterestFen(36_500, 0.1, '2024-02-28', '2024-03-01')).toBe(20);
  });
});
