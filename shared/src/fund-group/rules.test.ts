import { describe, expect, it } from 'vitest';
import { idleClock, setUpClock, termClock } from './compliance.js';
import { allocateCall, allocateToLps, checkFlowDate, checkRelease, checkReversal, type LpPosition } from './ledger.js';
import { reinvestment, reinvestWeight } from './reinvest.js';
import { type CommitmentCheckInput, checkCommitment, overCapSince } from './share.js';

const base: CommitmentCheckInput = {
  existing: [
    { date: '2024-01-10', source: 'mother_fund', amountFen: 2_000 },
    { date: '2024-01-10', source: 'soe', amountFen: 8_000 },
  ],
  lines: [],
  date: '2024-06-01',
  isClose: false,
  targetFen: 12_000,
  govShareCap: 0.3,
  govShareOverrideAllowed: false,
  overrideReason: null,
};

describe('a commitment against the government-share cap and the target', () => {
  const cases: Array<[string, Partial<CommitmentCheckInput>, unknown]> = [
    [
      'a private top-up within target lowers the share',
      { lines: [{ source: 'private', amountFen: 1_000 }] },
      { ok: true, override: false, shareAfter: 2_000 / 11_000, sizeAfterFen: 11_000 },
    ],
    [
      'outside a close, passing the target is refused',
      { lines: [{ source: 'private', amountFen: 3_000 }] },
      { ok: false, rule: 'targetExceeded', params: { targetFen: 12_000, sizeAfterFen: 13_000, overFen: 1_000 } },
    ],
    [
      'a close may pass the target',
      { isClose: true, lines: [{ source: 'private', amountFen: 3_000 }] },
      { ok: true, override: false, shareAfter: 2_000 / 13_000, sizeAfterFen: 13_000 },
    ],
    [
      'budget money taking the share past 30% is refused',
      { lines: [{ source: 'fiscal', amountFen: 1_500 }] },
      { ok: false, rule: 'govShareCap', params: { share: 3_500 / 11_500, cap: 0.3, date: '2024-06-01' } },
    ],
    [
      'a reason where the fund allows no override is refused too',
      { lines: [{ source: 'fiscal', amountFen: 1_500 }], overrideReason: '区财政追加出资' },
      { ok: false, rule: 'govShareOverrideNotAllowed', params: { share: 3_500 / 11_500, cap: 0.3, date: '2024-06-01' } },
    ],
    [
      'with the fund’s override rule and a reason, it is accepted as an override',
      { lines: [{ source: 'fiscal', amountFen: 1_500 }], overrideReason: '区财政追加出资', govShareOverrideAllowed: true },
      { ok: true, override: true, shareAfter: 3_500 / 11_500, sizeAfterFen: 11_500 },
    ],
    [
      'the first close of a fund is checked as a whole',
      {
        existing: [],
        lines: [
          { source: 'mother_fund', amountFen: 3_000 },
          { source: 'soe', amountFen: 7_000 },
        ],
        isClose: true,
      },
      { ok: true, override: false, shareAfter: 0.3, sizeAfterFen: 10_000 },
    ],
    [
      'a backdated government commitment is checked on every later date too',
      {
        existing: [
          { date: '2024-01-10', source: 'mother_fund', amountFen: 2_000 },
          { date: '2024-01-10', source: 'soe', amountFen: 4_000 },
          { date: '2024-09-01', source: 'private', amountFen: 4_000 },
        ],
        lines: [{ source: 'mother_fund', amountFen: 1_000 }],
        date: '2024-03-01',
      },
      { ok: false, rule: 'govShareCap', params: { share: 3_000 / 7_000, cap: 0.3, date: '2024-03-01' } },
    ],
    [
      'no cap: anything goes',
      { govShareCap: null, lines: [{ source: 'fiscal', amountFen: 1_500 }] },
      { ok: true, override: false, shareAfter: 3_500 / 11_500, sizeAfterFen: 11_500 },
    ],
  ];
  for (const [name, patch, expected] of cases) it(name, () => expect(checkCommitment({ ...base, ...patch })).toEqual(expected));

  it('over the cap since the date of the commitment that put it over', () => {
    expect(
      overCapSince(
        [
          { date: '2022-01-01', source: 'mother_fund', amountFen: 20 },
          { date: '2022-01-01', source: 'soe', amountFen: 80 },
          { date: '2022-05-01', source: 'fiscal', amountFen: 30 },
          { date: '2023-01-01', source: 'private', amountFen: 10 },
        ],
        0.3,
        '2023-06-30',
      ),
    ).toBe('2022-05-01');
  });
});

const lp = (investorId: number, committedFen: number, calledFen = 0, contributedFen = 0): LpPosition => ({
  investorId,
  committedFen,
  calledFen,
  contributedFen,
  distributedFen: 0,
  feesFen: 0,
});

describe('the ledger’s rules', () => {
  const cases: Array<[string, () => unknown, unknown]> = [
    [
      'a call is split pro rata to commitment, to the fen, the odd fen to the largest remainder',
      () => allocateCall(1_000, [lp(3, 3_000), lp(1, 3_000), lp(2, 1_000)]),
      {
        ok: true,
        value: [
          { investorId: 1, amountFen: 429 },
          { investorId: 2, amountFen: 143 },
          { investorId: 3, amountFen: 428 },
        ],
      },
    ],
    [
      'a call above an LP’s uncalled commitment is refused',
      () => allocateCall(600, [lp(1, 1_000, 800), lp(2, 1_000, 0)]),
      { ok: false, rule: 'exceedsUncalled', params: { investorId: 1, partFen: 300, uncalledFen: 200 } },
    ],
    ['a call on a fund without LPs is refused', () => allocateCall(600, []), { ok: false, rule: 'noInvestors', params: {} }],
    [
      'a distribution to an investor not in the fund is refused',
      () => allocateToLps([lp(1, 100)], { lines: [{ investorId: 9, amountFen: 5 }] }),
      { ok: false, rule: 'notAnInvestor', params: { investorId: 9 } },
    ],
    [
      'a distribution split by paid-in',
      () => allocateToLps([lp(1, 100, 50, 50), lp(2, 100, 50, 25)], { totalFen: 300, weightOf: (p) => p.contributedFen }),
      {
        ok: true,
        value: [
          { investorId: 1, amountFen: 200 },
          { investorId: 2, amountFen: 100 },
        ],
      },
    ],
    [
      'a date before the fund was set up is refused',
      () => checkFlowDate({ establishedDate: '2021-03-01' }, '2021-02-28'),
      { ok: false, rule: 'beforeInception', params: { date: '2021-02-28', establishedDate: '2021-03-01' } },
    ],
    [
      'a flow on a fund not set up is refused',
      () => checkFlowDate({ establishedDate: null }, '2021-02-28'),
      { ok: false, rule: 'notSetUp', params: { date: '2021-02-28' } },
    ],
    [
      'an entry is reversed once',
      () => checkReversal({ id: 5, kind: 'fee', reversesId: null }, { reversedBy: 9, paidOnCallFen: 0 }),
      { ok: false, rule: 'alreadyReversed', params: { entryId: 5, reversedBy: 9 } },
    ],
    [
      'a reversal is not reversed',
      () => checkReversal({ id: 9, kind: 'fee', reversesId: 5 }, { reversedBy: null, paidOnCallFen: 0 }),
      { ok: false, rule: 'reversalOfReversal', params: { entryId: 9, reversesId: 5 } },
    ],
    [
      'a paid call part is not reversed before its payment',
      () => checkReversal({ id: 7, kind: 'call', reversesId: null }, { reversedBy: null, paidOnCallFen: 100 }),
      { ok: false, rule: 'callHasContributions', params: { entryId: 7, paidFen: 100 } },
    ],
  ];
  for (const [name, run, expected] of cases) it(name, () => expect(run()).toEqual(expected));
});

describe('local reinvestment', () => {
  const rule = { k: 1, weights: { registered: 1, relocated: 0.8, subsidiary: 0.5 }, basis: 'committed' as const };
  const inv = {
    companyId: 1,
    date: '2022-01-01',
    amountFen: 100,
    registeredInShanghai: false,
    evidence: [] as Array<{ type: 'relocated' | 'subsidiary'; effectiveDate: string }>,
  };
  const weights: Array<[string, Parameters<typeof reinvestWeight>[0], unknown]> = [
    ['registered in Shanghai counts in full', { ...inv, registeredInShanghai: true }, { reason: 'registered', weight: 1, evidenceDate: null }],
    [
      'a firm that moved in after the investment counts at the relocated weight, though registered now',
      { ...inv, registeredInShanghai: true, evidence: [{ type: 'relocated', effectiveDate: '2023-01-01' }] },
      { reason: 'relocated', weight: 0.8, evidenceDate: '2023-01-01' },
    ],
    [
      'a relocation after the as-of date is pending',
      { ...inv, evidence: [{ type: 'relocated', effectiveDate: '2025-01-01' }] },
      { reason: 'relocation_pending', weight: 0, evidenceDate: '2025-01-01' },
    ],
    [
      'the best evidence in force counts',
      {
        ...inv,
        evidence: [
          { type: 'subsidiary', effectiveDate: '2022-06-01' },
          { type: 'relocated', effectiveDate: '2023-06-01' },
        ],
      },
      { reason: 'relocated', weight: 0.8, evidenceDate: '2023-06-01' },
    ],
    ['no evidence: does not count', inv, { reason: 'not_local', weight: 0, evidenceDate: null }],
  ];
  for (const [name, i, expected] of weights) it(name, () => expect(reinvestWeight(i, rule, '2024-06-30')).toEqual(expected));

  const status = (k: number, counted: number, asOf: string) =>
    reinvestment({
      rule: { ...rule, k },
      asOf,
      motherCommittedFen: 1_000,
      motherPaidInFen: 400,
      establishedDate: '2020-01-01',
      investmentPeriodYears: 4,
      investments: counted ? [{ ...inv, date: '2020-06-01', registeredInShanghai: true, amountFen: counted }] : [],
    }).status;
  const statuses: Array<[string, string, string]> = [
    ['k = 0 means no requirement', status(0, 0, '2025-01-01'), 'not_required'],
    ['met at 100% of k × commitment', status(1, 1_000, '2022-01-01'), 'met'],
    ['half done just before half the period: on track', status(1, 500, '2021-12-31'), 'on_track'],
    ['a quarter done at half the period: at risk', status(1, 250, '2022-01-01'), 'at_risk'],
    ['the period over and short: breached', status(1, 900, '2024-01-02'), 'breached'],
  ];
  for (const [name, actual, expected] of statuses) it(name, () => expect(actual).toBe(expected));
});

describe('compliance clocks', () => {
  const cases: Array<[string, unknown, unknown]> = [
    ['set up within the year: no flag', setUpClock({ id: 1, decisionDate: '2022-01-01', establishedDate: '2022-11-01' }, '2023-06-01'), null],
    [
      'set up late: flagged until it was',
      setUpClock({ id: 1, decisionDate: '2022-01-01', establishedDate: '2023-09-01' }, '2023-06-01'),
      { fundId: 1, trigger: 'not_set_up', since: '2023-01-01', params: { decisionDate: '2022-01-01', deadline: '2023-01-01' } },
    ],
    [
      'idle money within the tolerance is a working balance',
      idleClock({ fundId: 1, asOf: '2024-06-30', contributions: [{ date: '2022-01-01', cumFen: 1_000 }], usedFen: 910 }),
      null,
    ],
    [
      'idle money since the oldest unused contribution turned one',
      idleClock({
        fundId: 1,
        asOf: '2024-06-30',
        contributions: [
          { date: '2022-01-01', cumFen: 1_000 },
          { date: '2023-01-01', cumFen: 2_000 },
          { date: '2024-03-01', cumFen: 3_000 },
        ],
        usedFen: 1_200,
      }),
      { fundId: 1, trigger: 'idle_money', since: '2024-01-01', params: { idleFen: 800, paidInYearAgoFen: 2_000, usedFen: 1_200 } },
    ],
    [
      'a term that has run out',
      termClock({ id: 1, establishedDate: '2015-01-01', termYears: 8, status: 'harvesting' }, '2024-01-01'),
      { fundId: 1, trigger: 'term_expired', since: '2023-01-01', params: { termEnd: '2023-01-01' } },
    ],
    ['a liquidated fund has no term clock', termClock({ id: 1, establishedDate: '2015-01-01', termYears: 8, status: 'liquidated' }, '2024-01-01'), null],
  ];
  for (const [name, actual, expected] of cases) it(name, () => expect(actual).toEqual(expected));
});

describe('a release of uncalled commitment', () => {
  const base = { investorId: 7, amountFen: 1_000, date: '2026-06-30', committedFen: 10_000, calledFen: 8_000, lastCallDate: '2026-03-31' };
  const rule = (over: Partial<typeof base> & { lastCallDate?: string | null }) => {
    const r = checkRelease({ ...base, ...over });
    return r.ok ? 'ok' : r.rule;
  };
  it('up to the uncalled amount, after the last call: allowed', () =>
    expect([rule({}), rule({ amountFen: 2_000 }), rule({ lastCallDate: null })]).toEqual(['ok', 'ok', 'ok']));
  it('more than the uncalled amount: refused', () => expect(rule({ amountFen: 2_001 })).toBe('releaseExceedsUncalled'));
  it('dated before a call already made: refused', () => expect(rule({ date: '2026-03-30' })).toBe('releaseBeforeLaterCall'));
  it('on the day of the last call: allowed (the call came first)', () => expect(rule({ date: '2026-03-31' })).toBe('ok'));
  it('an investor not in the fund: refused', () => expect(rule({ committedFen: 0, calledFen: 0 })).toBe('notAnInvestor'));
});
