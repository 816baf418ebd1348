import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccountEntry,
  type CapitalAccountsInput,
  commitmentFigures,
  endingFromLines,
  type PartnerTerms,
  partnerAccountColumns,
  rollForwardCapitalAccounts,
} from './capital-accounts.js';

const A = 1;
const B = 2;
const C = 3;
const commit = (date: string, amountFen: number) => [{ date, amountFen }];

describe('rollForwardCapitalAccounts: the issue’s example', () => {
  // A and B commit 100 and pay 50 each; NAV doubles to 200; B defaults on the next call of 50, which A pays.
  const partners: PartnerTerms[] = [
    { id: A, commitments: commit('2024-01-01', 100) },
    { id: B, commitments: commit('2024-01-01', 100), defaultedOn: '2024-10-01' },
  ];
  const entries: AccountEntry[] = [
    { kind: 'contribution', date: '2024-01-15', partnerId: A, amountFen: 50 },
    { kind: 'contribution', date: '2024-01-15', partnerId: B, amountFen: 50 },
    { kind: 'unrealisedGain', date: '2024-06-30', amountFen: 100 },
    { kind: 'contribution', date: '2024-09-15', partnerId: A, amountFen: 50 },
  ];
  for (const basis of ['commitment', 'paidIn'] as const) {
    it(`A shows 150 and B 100, not 166.67 and 83.33 (${basis} basis)`, () => {
      const book = rollForwardCapitalAccounts({ partners, entries, basis });
      expect([book.balanceAt(A, '2024-09-30'), book.balanceAt(B, '2024-09-30'), book.navAt('2024-09-30')]).toEqual([150, 100, 250]);
    });
  }
  it('from its default on, B shares in a later gain by its balance (100 of 250), not its commitment', () => {
    const book = rollForwardCapitalAccounts({
      partners,
      entries: [...entries, { kind: 'unrealisedGain', date: '2024-12-31', amountFen: 50 }],
      basis: 'commitment',
    });
    expect([book.balanceAt(A, '2024-12-31'), book.balanceAt(B, '2024-12-31')]).toEqual([180, 120]);
  });
  it('refuses a forfeiture by a partner not in default', () => {
    expect(() =>
      rollForwardCapitalAccounts({
        partners,
        entries: [...entries, { kind: 'forfeiture', date: '2024-09-01', partnerId: B, amountFen: 25 }],
        basis: 'commitment',
      }),
    ).toThrow(/not in default/);
  });
  it('a forfeiture moves part of B’s account to A', () => {
    const book = rollForwardCapitalAccounts({
      partners,
      entries: [...entries, { kind: 'forfeiture', date: '2024-11-01', partnerId: B, amountFen: 25 }],
      basis: 'commitment',
    });
    const a = book.lines(A, '2024-10-01', '2024-12-31');
    const b = book.lines(B, '2024-10-01', '2024-12-31');
    expect([a.forfeitureFen, a.endingFen, b.forfeitureFen, b.endingFen]).toEqual([25, 175, -25, 75]);
  });
});

describe('rollForwardCapitalAccounts: the ILPA lines of a fund with fees, a later close, carry', () => {
  // A and B commit 1,000 each on 2020-01-01; C commits 2,000 on 2021-01-01. Hurdle 0, carry 20%, full catch-up.
  const input: CapitalAccountsInput = {
    basis: 'commitment',
    carry: { hurdle: 0, carry: 0.2, catchUp: 1 },
    partners: [
      { id: A, commitments: commit('2020-01-01', 1000) },
      { id: B, commitments: commit('2020-01-01', 1000) },
      { id: C, commitments: commit('2021-01-01', 2000) },
    ],
    entries: [
      { kind: 'contribution', date: '2020-01-15', partnerId: A, amountFen: 500 },
      { kind: 'contribution', date: '2020-01-15', partnerId: B, amountFen: 500 },
      { kind: 'managementFee', date: '2020-03-31', amountFen: 40 },
      { kind: 'unrealisedGain', date: '2020-12-31', amountFen: 240 },
      { kind: 'contribution', date: '2021-01-15', partnerId: C, amountFen: 1000 },
      { kind: 'managementFee', date: '2021-03-31', amountFen: 80 },
      { kind: 'feeOffset', date: '2021-03-31', amountFen: 20 },
      { kind: 'expense', date: '2021-03-31', amountFen: 7 },
      { kind: 'income', date: '2021-06-30', amountFen: 13 },
      { kind: 'realisedGain', date: '2021-06-30', amountFen: 400 },
      { kind: 'unrealisedGain', date: '2021-06-30', amountFen: -200 },
    ],
  };
  const book = rollForwardCapitalAccounts(input);
  it('2020: A and B share the fee and the gain equally; accrued carry is 20% of their profit', () => {
    // each: 500 − 20 + 120 = 600 before carry; profit 100, carry 20 → 580
    expect([book.balanceAt(A, '2020-12-31'), book.balanceAt(B, '2020-12-31'), book.gpBalanceAt('2020-12-31')]).toEqual([580, 580, 40]);
  });
  it('2021 H1: C shares from its close by commitment (half), A and B a quarter each', () => {
    const a = book.lines(A, '2021-01-01', '2021-06-30');
    const c = book.lines(C, '2021-01-01', '2021-06-30');
    // fund results: −80 + 20 − 7 + 13 + 400 − 200 = 146; A's quarter: fee 20, offset 5, expense 1.75→2 (largest remainder), income 3.25→3, gains 100 and −50
    expect(a).toEqual({
      from: '2021-01-01',
      to: '2021-06-30',
      beginningFen: 580,
      contributionsFen: 0,
      distributionsReturnOfCapitalFen: 0,
      distributionsGainFen: 0,
      distributionsIncomeFen: 0,
      managementFeesGrossFen: 20,
      managementFeeOffsetsFen: 5,
      expensesFen: a.expensesFen,
      incomeFen: a.incomeFen,
      realisedGainFen: 100,
      unrealisedGainFen: -50,
      forfeitureFen: 0,
      carryAccruedFen: a.carryAccruedFen,
      carryPaidFen: 0,
      endingFen: a.endingFen,
    });
    expect([c.managementFeesGrossFen, c.managementFeeOffsetsFen, c.realisedGainFen, c.unrealisedGainFen]).toEqual([40, 10, 200, -100]);
    expect(book.lines(A, '2021-01-01', '2021-06-30').expensesFen + book.lines(B, '2021-01-01', '2021-06-30').expensesFen + c.expensesFen).toBe(7);
  });
  it('every period’s lines roll forward to its ending balance with no balancing figure', () => {
    for (const id of [A, B, C])
      for (const [from, to] of [
        [null, '2021-06-30'],
        ['2020-01-01', '2020-12-31'],
        ['2021-04-01', '2021-06-30'],
      ] as const) {
        expect(endingFromLines(book.lines(id, from, to))).toBe(book.balanceAt(id, to));
      }
  });
  it('a distribution with carry: the GP’s account pays the carry out, the LP’s lines show it paid', () => {
    const gross = 600;
    const withDist = rollForwardCapitalAccounts({
      ...input,
      entries: [
        ...input.entries,
        // A’s profit before carry by now is 580+… ; the GP takes 20 of A’s 600, A gets 500 back and 80 of gain
        { kind: 'distribution', date: '2021-09-30', partnerId: A, returnOfCapitalFen: 500, gainFen: 80, incomeFen: 0, carryFen: 20 },
      ],
    });
    const l = withDist.lines(A, '2021-07-01', '2021-09-30');
    expect([l.distributionsReturnOfCapitalFen + l.distributionsGainFen + l.carryPaidFen, l.carryPaidFen, endingFromLines(l) === l.endingFen]).toEqual([
      gross,
      20,
      true,
    ]);
    expect(
      withDist.balanceAt(A, '2021-09-30') + withDist.balanceAt(B, '2021-09-30') + withDist.balanceAt(C, '2021-09-30') + withDist.gpBalanceAt('2021-09-30'),
    ).toBe(withDist.navAt('2021-09-30'));
  });
});

describe('statement columns and commitment figures', () => {
  const book = rollForwardCapitalAccounts({
    basis: 'commitment',
    partners: [{ id: A, commitments: commit('2024-01-01', 1000) }],
    entries: [
      { kind: 'contribution', date: '2024-02-01', partnerId: A, amountFen: 300 },
      { kind: 'unrealisedGain', date: '2024-05-15', amountFen: 30 },
      { kind: 'expense', date: '2025-02-10', amountFen: 5 },
      { kind: 'unrealisedGain', date: '2025-05-10', amountFen: 10 },
    ],
  });
  it('QTD, YTD and ITD for 2025Q2', () => {
    const c = partnerAccountColumns(book, A, '2025-04-01', '2025-06-30');
    expect([
      [c.qtd.beginningFen, c.qtd.unrealisedGainFen, c.qtd.expensesFen, c.qtd.endingFen],
      [c.ytd.beginningFen, c.ytd.unrealisedGainFen, c.ytd.expensesFen, c.ytd.endingFen],
      [c.itd.beginningFen, c.itd.contributionsFen, c.itd.unrealisedGainFen, c.itd.expensesFen, c.itd.endingFen],
    ]).toEqual([
      [325, 10, 0, 335],
      [330, 10, 5, 335],
      [0, 300, 40, 5, 335],
    ]);
  });
  it('unfunded adds back recallable distributions; called-but-unpaid is never negative', () => {
    expect([
      commitmentFigures({ committedFen: 1000, calledFen: 400, contributedFen: 300, recallableFen: 50 }),
      commitmentFigures({ committedFen: 1000, calledFen: 300, contributedFen: 320, recallableFen: 0 }).calledUnpaidFen,
    ]).toEqual([{ committedFen: 1000, contributionsFen: 300, recallableFen: 50, unfundedFen: 750, calledUnpaidFen: 100 }, 0]);
  });
});

// ---------------------------------------------------------------------------------------------------
const dateArb = fc.integer({ min: 0, max: 2000 }).map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const partnersArb = fc
  .array(
    fc.record({
      close: dateArb,
      amount: fc.integer({ min: 1, max: 1_000_000_000 }),
      release: fc.option(fc.record({ date: dateArb, amount: fc.integer({ min: 1, max: 1_000_000 }) }), { nil: undefined }),
      defaultedOn: fc.option(dateArb, { nil: undefined }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((ps) =>
    ps.map(
      (p, i): PartnerTerms => ({
        id: i + 1,
        commitments: [
          { date: '2020-01-01', amountFen: p.amount },
          ...(p.release && p.release.amount < p.amount ? [{ date: p.release.date, amountFen: -p.release.amount }] : []),
        ],
        defaultedOn: p.defaultedOn ?? null,
      }),
    ),
  );
const entryArb = (nPartners: number) =>
  fc.oneof(
    fc.record({
      kind: fc.constant('contribution' as const),
      date: dateArb,
      partnerId: fc.integer({ min: 1, max: nPartners }),
      amountFen: fc.integer({ min: 1, max: 500_000_000 }),
    }),
    fc.record({
      kind: fc.constantFrom(
        'income' as const,
        'realisedGain' as const,
        'unrealisedGain' as const,
        'managementFee' as const,
        'feeOffset' as const,
        'expense' as const,
      ),
      date: dateArb,
      amountFen: fc.integer({ min: -300_000_000, max: 300_000_000 }),
    }),
    fc.record({
      kind: fc.constant('forfeiture' as const),
      date: dateArb,
      partnerId: fc.integer({ min: 1, max: nPartners }),
      amountFen: fc.integer({ min: 0, max: 50_000_000 }),
    }),
    fc.record({
      kind: fc.constant('distribution' as const),
      date: dateArb,
      partnerId: fc.integer({ min: 1, max: nPartners }),
      returnOfCapitalFen: fc.integer({ min: 0, max: 100_000_000 }),
      gainFen: fc.integer({ min: 0, max: 100_000_000 }),
      incomeFen: fc.integer({ min: 0, max: 1_000_000 }),
      carryFen: fc.integer({ min: 0, max: 10_000_000 }),
    }),
  );
const fundArb = partnersArb.chain((partners) =>
  fc.record({
    partners: fc.constant(partners),
    // A forfeiture only by a partner in default on its date.
    entries: fc
      .array(entryArb(partners.length), { minLength: 1, maxLength: 25 })
      .map((es) => es.filter((e) => e.kind !== 'forfeiture' || (partners[e.partnerId - 1]?.defaultedOn ?? '9999-12-31') <= e.date)),
    basis: fc.constantFrom('commitment' as const, 'paidIn' as const),
    carry: fc.option(fc.constant({ hurdle: 0.08, carry: 0.2, catchUp: 1 }), { nil: null }),
    keys: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 25, maxLength: 25 }),
  }),
);

describe('rollForwardCapitalAccounts: properties', () => {
  it('on every date the LPs’ balances plus the GP’s account add up to the fund’s NAV, to the fen', () => {
    fc.assert(
      fc.property(fundArb, (f) => {
        const book = rollForwardCapitalAccounts(f);
        return book.dates.every((d) => {
          // NAV recomputed from the entries alone
          let nav = 0;
          for (const e of f.entries) {
            if (e.date > d) continue;
            if (e.kind === 'contribution') nav += e.amountFen;
            else if (e.kind === 'distribution') nav -= e.returnOfCapitalFen + e.gainFen + e.incomeFen + e.carryFen;
            else if (e.kind === 'managementFee' || e.kind === 'expense') nav -= e.amountFen;
            else if (e.kind === 'forfeiture')
              continue; // moves between partners, NAV unchanged
            else nav += e.amountFen;
          }
          return f.partners.reduce((s, p) => s + book.balanceAt(p.id, d), 0) + book.gpBalanceAt(d) === nav && book.navAt(d) === nav;
        });
      }),
      { numRuns: 150 },
    );
  });
  it('the order entries were keyed in does not change any line', () => {
    fc.assert(
      fc.property(fundArb, (f) => {
        const shuffled = f.entries
          .map((e, i) => ({ e, k: f.keys[i] ?? 0 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.e);
        const one = rollForwardCapitalAccounts(f);
        const two = rollForwardCapitalAccounts({ ...f, entries: shuffled });
        const last = one.dates.at(-1) ?? '2020-01-01';
        return f.partners.every((p) => JSON.stringify(one.lines(p.id, null, last)) === JSON.stringify(two.lines(p.id, null, last)));
      }),
      { numRuns: 100 },
    );
  });
  it('each partner’s lines roll forward to its balance for any period', () => {
    fc.assert(
      fc.property(fundArb, dateArb, dateArb, (f, x, y) => {
        const [from, to] = x <= y ? [x, y] : [y, x];
        const book = rollForwardCapitalAccounts(f);
        return f.partners.every((p) => endingFromLines(book.lines(p.id, from, to)) === book.balanceAt(p.id, to));
      }),
      { numRuns: 100 },
    );
  });
});
