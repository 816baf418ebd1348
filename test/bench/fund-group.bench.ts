import { readCtx, systemCaller } from '@highland/server/data/ctx';
import { balancesAsOf, groupFunds, groupOverview, recomputeBalances, splitBalances, storedBalances } from '@highland/server/data/fund-group';
import { groupLeverage } from '@highland/shared';
import { defineBench } from './harness.js';

const AS_OF = '2023-12-31';

/** The raw SQL the overview cannot do without: each balance as of the date (one index seek per key), pivoted per fund and source. */
const RAW_BALANCES = `
  SELECT fund_id, source,
    SUM(CASE measure WHEN 'commitment' THEN cum END), SUM(CASE measure WHEN 'call' THEN cum END),
    SUM(CASE measure WHEN 'contribution' THEN cum END), SUM(CASE measure WHEN 'distribution' THEN cum END),
    SUM(CASE measure WHEN 'fee' THEN cum END), SUM(CASE measure WHEN 'investment' THEN cum END), SUM(CASE measure WHEN 'proceeds' THEN cum END)
  FROM (SELECT k.fund_id, k.source, k.measure,
          (SELECT b.cum_fen FROM fund_balance b WHERE b.fund_id = k.fund_id AND b.source = k.source AND b.measure = k.measure AND b.date <= ?1
           ORDER BY b.date DESC LIMIT 1) AS cum
        FROM fund_balance_key k WHERE k.source = '*' OR k.measure IN ('commitment', 'contribution'))
  WHERE cum IS NOT NULL GROUP BY fund_id, source`;
const RAW_FUNDS = 'SELECT * FROM fund';
const RAW_INVESTMENTS = `
  SELECT l.fund_id, l.company_id, l.date, SUM(l.amount_fen), c.registered_in_shanghai FROM ledger_entry l JOIN company c ON c.id = l.company_id
  WHERE l.kind = 'investment' AND l.company_id IS NOT NULL AND l.date <= ?1 GROUP BY l.fund_id, l.company_id, l.date`;
/** What the figures would cost without the balances: every ledger row up to the date, summed per fund and kind, and every commitment. */
const NAIVE = [
  'SELECT fund_id, kind, SUM(amount_fen) FROM ledger_entry WHERE date <= ?1 GROUP BY fund_id, kind',
  'SELECT fund_id, investor_id, SUM(amount_fen) FROM commitment WHERE date <= ?1 GROUP BY fund_id, investor_id',
];

export default defineBench({
  id: 'fund-group',
  title: 'Fund group: the government overview and the leverage family as of a past date',
  about: [
    `On the stress set (600 sub-funds, 5,000 LPs, ~34,000 commitments, ~1 M ledger rows), as of ${AS_OF}.`,
    '**Overview**: `groupOverview` — every as-of read from the running balances, the compliance and reinvestment inputs, and the',
    'pure computation of the leverage family, batches, government shares, reinvestment and flags for every fund — against the raw',
    'SQL it cannot do without (the balances pivot, the funds, the investments) sent straight through the libSQL client.',
    '**Leverage**: the balances read plus `groupLeverage`, against the balances pivot alone.',
    '**Balances vs the ledger**: the same as-of totals read from the balances, against the plain `SUM … GROUP BY` over the',
    'ledger and the commitments that answering without them would take (a ratio below 1 is the saving).',
    'Before timing, the run checks on the whole stress set that the balances the triggers kept equal a full recomputation.',
  ].join(' '),
  async prepare(ctx) {
    const db = await ctx.openDb();
    const client = db.$client;
    const t0 = performance.now();
    const [stored, recomputed] = [await storedBalances(db), await recomputeBalances(db)];
    const key = (r: ArrayLike<unknown>) => `${r[0]}|${r[1]}|${r[2]}|${r[3]}|${r[4]}`;
    const mismatch = stored.length !== recomputed.length ? -1 : stored.findIndex((r, i) => key(r) !== key(recomputed[i] as ArrayLike<unknown>));
    if (mismatch !== -1) throw new Error(`fund_balance differs from a full recomputation (row ${mismatch}; ${stored.length} vs ${recomputed.length} rows)`);
    console.log(
      `  balances equal a full recomputation: ${stored.length.toLocaleString('en')} rows compared in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const subFundsCommitted = (rows: ArrayLike<unknown>[], motherId: number) =>
      rows.filter((r) => r[1] === '*' && r[0] !== motherId).reduce((a, r) => a + Number(r[2] ?? 0), 0);
    return {
      cases: [
        {
          name: `overview as of ${AS_OF}`,
          run: () => groupOverview(readCtx(systemCaller(db)), { asOf: AS_OF }),
          baseline: {
            name: 'raw SQL: balances pivot + funds + investments',
            run: async () => {
              const rows = (await client.execute({ sql: RAW_BALANCES, args: [AS_OF] })).rows;
              await client.execute(RAW_FUNDS);
              await client.execute({ sql: RAW_INVESTMENTS, args: [AS_OF] });
              return rows;
            },
          },
          same: (o, rows) => {
            const ov = o as Awaited<ReturnType<typeof groupOverview>>;
            const a = ov.funds.reduce((s, f) => s + f.committedFen, 0);
            const b = subFundsCommitted(rows as ArrayLike<unknown>[], ov.mother?.id ?? 0);
            return a === b ? null : `Σ fund sizes ${a} ≠ ${b}`;
          },
          iterations: 15,
        },
        {
          name: `leverage family as of ${AS_OF}`,
          run: async () => {
            const { money } = splitBalances(await balancesAsOf(db, AS_OF));
            return groupLeverage({ funds: await groupFunds(db), money, motherDirectInvestedFen: 0, includeDirect: true });
          },
          baseline: { name: 'raw SQL: balances pivot', run: async () => (await client.execute({ sql: RAW_BALANCES, args: [AS_OF] })).rows },
          iterations: 20,
        },
        {
          name: `as-of totals from the balances (${AS_OF})`,
          run: () => balancesAsOf(db, AS_OF),
          baseline: {
            name: 'naive: SUM … GROUP BY over ~1 M ledger rows + commitments',
            run: async () => {
              for (const sql of NAIVE) await client.execute({ sql, args: [AS_OF] });
            },
          },
          iterations: 10,
        },
      ],
    };
  },
});
