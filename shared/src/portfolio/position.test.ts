import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/errors.js';
import {
  allocateExit,
  checkExitReversal,
  checkMarkDate,
  checkTrancheReversal,
  type PositionEvents,
  positionAsOf,
  positionIrr,
  positionMoic,
  positionSeries,
} from './position.js';

const YI = 10_000_000_000;
const round = (id: number, date: string, amountFen: number, equityShare: number) => ({ id, date, amountFen, equityShare });

/** A Series A of ¥1亿 for 10%, a follow-on of ¥0.5亿 for 2%, marks, a partial then a full exit. */
const story: PositionEvents = {
  tranches: [round(1, '2020-03-01', 1 * YI, 0.1), round(2, '2022-06-01', YI / 2, 0.02)],
  marks: [
    { id: 1, date: '2021-12-31', valueFen: 2 * YI, method: 'last_round' },
    { id: 2, date: '2023-12-31', valueFen: 4 * YI, method: 'comparables' },
  ],
  exits: [
    { id: 1, date: '2024-06-30', shareSold: 0.06, proceedsFen: 3 * YI },
    { id: 2, date: '2025-06-30', shareSold: 0.06, proceedsFen: 4 * YI },
  ],
};

describe('a position rolled forward', () => {
  const cases: Array<{ name: string; asOf: string; expected: Partial<ReturnType<typeof positionAsOf>> }> = [
    { name: 'before the first round nothing is held', asOf: '2020-01-01', expected: { investedFen: 0, valueFen: 0, heldShare: 0, exited: false } },
    { name: 'never marked: valued at cost', asOf: '2021-06-30', expected: { investedFen: YI, valueFen: YI, mark: null } },
    { name: 'a mark sets the value', asOf: '2022-01-31', expected: { valueFen: 2 * YI, remainingCostFen: YI } },
    { name: 'a follow-on after a mark adds its cost', asOf: '2022-12-31', expected: { valueFen: 2.5 * YI, investedFen: 1.5 * YI } },
    {
      name: 'half the holding sold halves the value and the cost',
      asOf: '2024-07-01',
      expected: { valueFen: 2 * YI, remainingCostFen: 0.75 * YI, realisedFen: 3 * YI },
    },
    {
      name: 'the last share sold leaves nothing held',
      asOf: '2025-12-31',
      expected: { valueFen: 0, remainingCostFen: 0, heldShare: 0, exited: true, realisedFen: 7 * YI },
    },
  ];
  for (const c of cases) it(c.name, () => expect(positionAsOf(story, c.asOf)).toMatchObject(c.expected));

  it('a series over several dates equals each date computed alone', () => {
    const dates = ['2020-12-31', '2022-12-31', '2024-12-31', '2026-06-30'];
    expect(positionSeries(story, dates)).toEqual(dates.map((d) => positionAsOf(story, d)));
  });

  it('a mark on the day of a round values what is held after it', () => {
    const e: PositionEvents = {
      tranches: [round(1, '2024-01-10', YI, 0.1)],
      exits: [],
      marks: [{ date: '2024-01-10', valueFen: 3 * YI, method: 'last_round' }],
    };
    expect(positionAsOf(e, '2024-01-10').valueFen).toBe(3 * YI);
  });

  it('exit proceeds split over the rounds pro rata to their shares, to the fen', () => {
    const s = positionAsOf(story, '2024-07-01');
    expect(s.tranches.map((t) => t.realisedFen)).toEqual([2.5 * YI, 0.5 * YI]);
  });

  it('MOIC = (realised + unrealised) ÷ invested', () => expect(positionMoic(positionAsOf(story, '2024-07-01'))).toBeCloseTo((3 + 2) / 1.5, 12));

  it('a whole exit at cost after one year has an IRR of zero', () => {
    const e: PositionEvents = {
      tranches: [round(1, '2023-01-01', YI, 0.1)],
      exits: [{ id: 1, date: '2024-01-01', shareSold: 0.1, proceedsFen: YI }],
      marks: [],
    };
    expect(positionIrr(e, positionAsOf(e, '2024-06-30'))).toBeCloseTo(0, 9);
  });

  it('doubling in exactly 365 days is an IRR of 100%', () => {
    const e: PositionEvents = { tranches: [round(1, '2023-01-01', YI, 0.1)], exits: [], marks: [{ date: '2024-01-01', valueFen: 2 * YI, method: 'dcf' }] };
    expect(positionIrr(e, positionAsOf(e, '2024-01-01'))).toBeCloseTo(1, 9);
  });
});

describe('an exit is checked against the holding', () => {
  const threw = (f: () => unknown) => {
    try {
      f();
      return null;
    } catch (e) {
      return e instanceof DomainError ? (e.details.fields?.[0]?.rule ?? e.key) : String(e);
    }
  };
  it('selling more than is held is refused', () =>
    expect(threw(() => allocateExit(story, { date: '2024-12-31', shareSold: 0.07, proceedsFen: YI }))).toBe('exceedsHolding'));
  const partlySold: PositionEvents = { ...story, exits: story.exits.slice(0, 1) };
  it('selling exactly what is held is allowed (float noise tolerated)', () =>
    expect(allocateExit(partlySold, { date: '2024-12-31', shareSold: 0.12 - 0.06, proceedsFen: YI }).reduce((a, p) => a + p.proceedsFen, 0)).toBe(YI));
  it('a backdated exit that leaves a later exit short is refused', () =>
    expect(threw(() => allocateExit(story, { date: '2023-01-01', shareSold: 0.05, proceedsFen: YI }))).toBe('exceedsHolding'));
  it('an exit before the first round is refused', () =>
    expect(threw(() => allocateExit(story, { date: '2019-01-01', shareSold: 0.01, proceedsFen: 1 }))).toBe('exceedsHolding'));
  it('a write-off with no proceeds writes no ledger rows', () =>
    expect(allocateExit(partlySold, { date: '2024-12-31', shareSold: 0.06, proceedsFen: 0 })).toEqual([]));
});

describe('a mark is checked against the position', () => {
  const rule = (date: string) => {
    try {
      checkMarkDate(story, date);
      return 'ok';
    } catch (e) {
      return e instanceof DomainError ? e.details.fields?.[0]?.rule : String(e);
    }
  };
  it('dated before the first investment: refused', () => expect(rule('2020-02-29')).toBe('beforeInvestment'));
  it('dated on the day of the first investment: allowed', () => expect(rule('2020-03-01')).toBe('ok'));
  it('dated after the position was sold in full: refused', () => expect(rule('2025-07-01')).toBe('positionExited'));
});

describe('corrections: which rounds and exits may be reversed', () => {
  const ruleOf = (fn: () => void) => {
    try {
      fn();
      return 'ok';
    } catch (e) {
      return e instanceof DomainError ? e.details.fields?.[0]?.rule : String(e);
    }
  };
  const noExits: PositionEvents = { ...story, exits: [] };

  it('a round with an exit on or after its date: refused, naming the exit', () => {
    expect(ruleOf(() => checkTrancheReversal(story, 2))).toBe('exitAfterRound');
    try {
      checkTrancheReversal(story, 1);
    } catch (e) {
      expect((e as DomainError).message).toContain('2024-06-30 (#1)');
    }
  });
  it('an exit on the same day as the round counts as after it (rounds apply first)', () => {
    const sameDay: PositionEvents = {
      tranches: [round(1, '2020-03-01', YI, 0.1)],
      exits: [{ id: 7, date: '2020-03-01', shareSold: 0.01, proceedsFen: 1 }],
      marks: [],
    };
    expect(ruleOf(() => checkTrancheReversal(sameDay, 1))).toBe('exitAfterRound');
  });
  it('the follow-on may go when the first round still holds on every mark date', () => expect(ruleOf(() => checkTrancheReversal(noExits, 2))).toBe('ok'));
  it('the only round under a mark: refused (the position would hold nothing on the mark date)', () =>
    expect(ruleOf(() => checkTrancheReversal(noExits, 1))).toBe('markWithoutHolding'));
  it('the first round may go once a corrected round dated on or before the marks is recorded', () => {
    const corrected: PositionEvents = { ...noExits, tranches: [...noExits.tranches, round(3, '2020-03-01', 1.1 * YI, 0.1)] };
    expect(ruleOf(() => checkTrancheReversal(corrected, 1))).toBe('ok');
  });
  it('a round with no marks and no exits: allowed; an unknown id: refused', () => {
    expect(ruleOf(() => checkTrancheReversal({ tranches: [round(1, '2020-03-01', YI, 0.1)], exits: [], marks: [] }, 1))).toBe('ok');
    expect(ruleOf(() => checkTrancheReversal(noExits, 99))).toBe('notInPosition');
  });
  it('an exit with a later exit: refused; the last exit: allowed', () => {
    expect(ruleOf(() => checkExitReversal(story, 1))).toBe('laterExit');
    expect(ruleOf(() => checkExitReversal(story, 2))).toBe('ok');
    expect(ruleOf(() => checkExitReversal(story, 3))).toBe('notInPosition');
  });
  it('two exits on one day: the later id must go first', () => {
    const twin: PositionEvents = {
      tranches: [round(1, '2020-03-01', YI, 0.1)],
      exits: [
        { id: 4, date: '2024-01-01', shareSold: 0.02, proceedsFen: 10 },
        { id: 5, date: '2024-01-01', shareSold: 0.02, proceedsFen: 10 },
      ],
      marks: [],
    };
    expect(ruleOf(() => checkExitReversal(twin, 4))).toBe('laterExit');
    expect(ruleOf(() => checkExitReversal(twin, 5))).toBe('ok');
  });
});
