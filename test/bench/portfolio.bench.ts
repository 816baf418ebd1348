import { readCtx, systemCaller } from '@highland/server/data/ctx';
import type { Db } from '@highland/drizzle';
import { fundPerformance, lookThrough } from '@highland/server/data/performance';
import { lpPortal } from '@highland/server/data/lp';
import { defineBench } from './harness.js';

const AS_OF = '2026-06-30';

/** Everything the books of `fundIds` hold up to AS_OF, read with hand-written SQL and not computed on: the floor under any look-through. */
async function rawBooks(db: Db, fundIds: string, span: 'asOf' | 'history') {
  const c = db.$client;
  const q = (sql: string) => c.execute({ sql, args: [AS_OF] });
  const fundInvestors = (await c.execute(`SELECT id FROM investor WHERE fund_id IN (${fundIds})`)).rows.map((r) => Number(r.id)).join(',') || 'NULL';
  const results = await Promise.all([
    span === 'history'
      ? q(
          `SELECT fund_id, measure, date, cum_fen FROM fund_balance WHERE source = '*' AND fund_id IN (${fundIds}) AND date <= ? ORDER BY fund_id, measure, date`,
        )
      : q(
          `SELECT fund_id, measure, MAX(date) AS date, cum_fen FROM fund_balance WHERE source = '*' AND fund_id IN (${fundIds}) AND date <= ? GROUP BY fund_id, measure`,
        ),
    q(
      `SELECT investor_id, fund_id, date, SUM(amount_fen) AS a FROM commitment WHERE investor_id IN (${fundInvestors}) AND date <= ? GROUP BY investor_id, fund_id, date`,
    ),
    q(
      `SELECT investor_id, fund_id, kind, date, SUM(amount_fen) AS a FROM ledger_entry WHERE investor_id IN (${fundInvestors}) AND kind IN ('contribution', 'distribution') AND date <= ? GROUP BY investor_id, fund_id, kind, date`,
    ),
    q(`SELECT id, fund_id, company_id, date, amount_fen, equity_share FROM investment WHERE fund_id IN (${fundIds}) AND date <= ?`),
    q(`SELECT id, fund_id, company_id, date, share_sold, proceeds_fen FROM investment_exit WHERE fund_id IN (${fundIds}) AND date <= ?`),
    span === 'asOf'
      ? q(
          `SELECT fund_id, company_id, value_fen, MAX(date || printf('%012d', id)) AS k FROM valuation WHERE fund_id IN (${fundIds}) AND status = 'approved' AND date <= ? GROUP BY fund_id, company_id`,
        )
      : q(`SELECT id, fund_id, company_id, date, value_fen FROM valuation WHERE fund_id IN (${fundIds}) AND status = 'approved' AND date <= ?`),
  ]);
  return results;
}

export default defineBench({
  id: 'portfolio',
  title: 'Portfolio: look-through, LP portal, fund performance',
  about: `As the data layer computes them on the stress set, as of ${AS_OF}: the mother fund's look-through (every sub-fund's and the vehicle's ~30,000 rounds, exits and marks in force, rolled forward and weighted by the mother fund's share along every path, grouped by company, sector, zone and vintage, with names); the LP portal of the LP in the most funds (its figures, KS-PME against the stress set's two daily indices, NAV history by quarter, cash flows and look-through); and one sub-fund's performance page (net and gross figures, KS-PME against the two daily indices, quarterly history with the IRR at each quarter end, holdings with their IRR, NAV statements against the books). The lower bound of each is the same input rows read with hand-written SQL through the libSQL client and not computed on — no look-through can be cheaper than reading what it looks through.`,
  async prepare(ctx) {
    const db = await ctx.openDb();
    const c = db.$client;
    const all = (await c.execute(`SELECT id FROM fund`)).rows.map((r) => Number(r.id)).join(',');
    const [lp] = (
      await c.execute(`SELECT investor_id AS id FROM commitment c JOIN investor i ON i.id = c.investor_id WHERE i.fund_id IS NULL
        GROUP BY c.investor_id ORDER BY count(DISTINCT c.fund_id) DESC, c.investor_id LIMIT 1`)
    ).rows;
    const lpId = Number(lp?.id);
    const lpFunds = (await c.execute({ sql: `SELECT DISTINCT fund_id FROM commitment WHERE investor_id = ?`, args: [lpId] })).rows
      .map((r) => Number(r.fund_id))
      .join(',');
    const [sub] = (await c.execute(`SELECT fund_id AS id FROM investment GROUP BY fund_id ORDER BY count(*) DESC, fund_id LIMIT 1`)).rows;
    const subId = Number(sub?.id);
    return {
      cases: [
        {
          name: "mother fund's look-through (~30,000 rounds, 600 sub-funds)",
          run: async () => (await lookThrough(readCtx(systemCaller(db)), { fundId: 1, asOf: AS_OF })).companies.length,
          baseline: {
            name: 'raw SQL: the input rows',
            run: async () => {
              const r = await rawBooks(db, all, 'asOf');
              return new Set((r[3]?.rows ?? []).map((x) => Number(x.company_id))).size;
            },
          },
          same: (a, b) => (a === b ? null : `${String(a)} companies looked through, ${String(b)} invested in`),
          iterations: 7,
        },
        {
          name: `LP portal, the LP in the most funds (${lpFunds.split(',').length})`,
          run: async () => (await lpPortal(readCtx(systemCaller(db)), { investorId: lpId, asOf: AS_OF })).positions.length,
          baseline: {
            name: 'raw SQL: the LP’s rows and its funds’ books',
            run: async () => {
              const [commits] = await Promise.all([
                c.execute({ sql: `SELECT fund_id, date, amount_fen FROM commitment WHERE investor_id = ? AND date <= ?`, args: [lpId, AS_OF] }),
                c.execute({
                  sql: `SELECT fund_id, kind, date, amount_fen, call_id FROM ledger_entry WHERE investor_id = ? AND date <= ?`,
                  args: [lpId, AS_OF],
                }),
                rawBooks(db, lpFunds, 'history'),
              ]);
              return new Set(commits.rows.map((x) => Number(x.fund_id))).size;
            },
          },
          same: (a, b) => (a === b ? null : `${String(a)} ≠ ${String(b)} funds`),
          iterations: 15,
        },
        {
          name: 'one sub-fund’s performance page (52 rounds, history by quarter)',
          run: async () => (await fundPerformance(readCtx(systemCaller(db)), { fundId: subId, asOf: AS_OF })).holdings.length,
          baseline: {
            name: 'raw SQL: the fund’s books',
            run: async () => {
              const r = await rawBooks(db, String(subId), 'history');
              return new Set((r[3]?.rows ?? []).map((x) => Number(x.company_id))).size;
            },
          },
          same: (a, b) => (a === b ? null : `${String(a)} ≠ ${String(b)} holdings`),
          iterations: 15,
        },
      ],
    };
  },
});
