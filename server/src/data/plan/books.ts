import type { DbOrTx } from '@highland/drizzle';
import { type FundFigures, type HoldingInterval, type HoldingMove, heldOn, holdingIntervals, SECTOR_CODES } from '@highland/shared';
import { sql } from 'drizzle-orm';
import type { ReadCtx } from '../ctx.js';
import { LIVE_EXIT, LIVE_ROUND } from '../live.js';

/**
 * What the plan's figures read from the other modules' books: the fund figures (commitments, ledger),
 * the group's holdings (investments and exits) and the firms' annual output value (KPI snapshots).
 */

/**
 * Mother-fund size and fund-group size on each of `dates` (ascending), from the books — the plan's two
 * fund targets — with each fund's part and the mother fund's direct investments on the last date.
 * THE one place these are computed for the scoreboard; replace its body with the fund-group module's
 * leverage numerator when that lands (see ADR 040):
 *
 * - mother-fund size = Σ commitments to the mother fund dated on or before the date;
 * - fund-group size = the leverage numerator of docs/domain.md#leverage, "(mother-fund direct investments + Σ sub-fund
 *   sizes)", on the committed basis: Σ commitments to sub-funds and direct-investment vehicles, counted
 *   from the later of their date and the fund's set-up, less the commitments made by other funds of the
 *   group (a fund of funds' money is counted once, in its own size), plus the mother fund's own
 *   investments in companies (its `investment` ledger rows, net of reversals).
 */
export async function planFundFigures(
  db: DbOrTx,
  dates: ReadonlyArray<string>,
): Promise<{ series: FundFigures[]; byFund: Map<number, number>; motherDirectFen: number }> {
  const [commitments, direct] = await Promise.all([
    db.values<[string, number, number, number]>(sql`
      SELECT CASE WHEN c.date > f.established_date THEN c.date ELSE f.established_date END AS d,
             c.fund_id, f.kind = 'mother' AS is_mother, SUM(c.amount_fen)
      FROM commitment c
      JOIN fund f ON f.id = c.fund_id
      JOIN investor i ON i.id = c.investor_id
      LEFT JOIN fund g ON g.id = i.fund_id
      WHERE f.established_date IS NOT NULL AND (f.kind = 'mother' OR g.id IS NULL OR g.kind = 'mother')
      GROUP BY d, c.fund_id
      ORDER BY d`),
    db.values<[string, number]>(sql`
      SELECT l.date, SUM(l.amount_fen) FROM ledger_entry l JOIN fund f ON f.id = l.fund_id
      WHERE f.kind = 'mother' AND l.kind = 'investment'
      GROUP BY l.date ORDER BY l.date`),
  ]);
  const series: FundFigures[] = [];
  const byFund = new Map<number, number>();
  let ci = 0;
  let di = 0;
  let mother = 0;
  let members = 0;
  let motherDirectFen = 0;
  for (const date of dates) {
    for (; ci < commitments.length && (commitments[ci]?.[0] as string) <= date; ci++) {
      // libSQL rows are array-like, not iterable.
      const row = commitments[ci] as [string, number, number, number];
      const fundId = row[1];
      const isMother = row[2];
      const fen = row[3];
      if (isMother) mother += fen;
      else members += fen;
      byFund.set(fundId, (byFund.get(fundId) ?? 0) + fen);
    }
    for (; di < direct.length && (direct[di]?.[0] as string) <= date; di++) motherDirectFen += (direct[di] as [string, number])[1];
    series.push({ motherFundSizeFen: mother, fundGroupSizeFen: members + motherDirectFen });
  }
  return { series, byFund, motherDirectFen };
}

/** Every fund's purchases and sales of shares, per fund, company and day: the group's holdings. */
export async function holdingMoves(db: DbOrTx, companyId?: number): Promise<HoldingMove[]> {
  const only = companyId === undefined ? sql`1` : sql`company_id = ${companyId}`;
  const rows = await db.values<[number, number, string, number, number]>(sql`
    SELECT fund_id, company_id, date, SUM(equity_share), 0 FROM investment WHERE ${only} AND ${LIVE_ROUND} GROUP BY fund_id, company_id, date
    UNION ALL
    SELECT fund_id, company_id, date, 0, SUM(share_sold) FROM investment_exit WHERE ${only} AND ${LIVE_EXIT} GROUP BY fund_id, company_id, date`);
  return rows.map((r) => ({ fundId: r[0], companyId: r[1], date: r[2], boughtShare: r[3], soldShare: r[4] }));
}

/** Whether the firm is in the group's portfolio on `date`: an investment of some fund in force then. */
export async function isPortfolioFirm(db: DbOrTx, companyId: number, date: string): Promise<boolean> {
  return heldOn(holdingIntervals(await holdingMoves(db, companyId)).get(companyId), date);
}

/** Firms ever held by a fund of the group whose sector is one of the plan's focus sectors. */
export async function focusFirms(db: DbOrTx): Promise<Set<number>> {
  const rows = await db.values<[number]>(sql`
    SELECT id FROM company WHERE sector IN (${sql.join(
      SECTOR_CODES.map((s) => sql`${s}`),
      sql`, `,
    )}) AND id IN (SELECT company_id FROM investment WHERE ${LIVE_ROUND})`);
  return new Set(rows.map((r) => r[0]));
}

/**
 * Annual output value (产值) per year and firm: the newest snapshot of period `YYYY` that carries an
 * output value (a later correction supersedes an earlier one; a correction without the figure does not
 * erase it).
 */
export async function annualOutput(db: DbOrTx, years: ReadonlyArray<number>): Promise<Map<number, Map<number, number>>> {
  const out = new Map<number, Map<number, number>>(years.map((y) => [y, new Map()]));
  if (!years.length) return out;
  const rows = await db.values<[number, number, string, number]>(sql`
    SELECT id, company_id, period, output_value_fen FROM kpi_snapshot
    WHERE period IN (SELECT value FROM json_each(${JSON.stringify(years.map(String))})) AND output_value_fen IS NOT NULL`);
  const newest = new Map<string, number>();
  for (const r of rows) {
    const key = `${r[1]}:${r[2]}`;
    if ((newest.get(key) ?? -1) > r[0]) continue;
    newest.set(key, r[0]);
    out.get(Number(r[2]))?.set(r[1], r[3]);
  }
  return out;
}

/** The latest annual output value before `year` of each firm (for the gaps: what was last reported). */
export async function lastOutputBefore(db: DbOrTx, companyIds: ReadonlyArray<number>, year: number): Promise<Map<number, { year: number; outputFen: number }>> {
  const out = new Map<number, { year: number; outputFen: number; id: number }>();
  if (!companyIds.length) return out;
  const rows = await db.values<[number, number, string, number]>(sql`
    SELECT id, company_id, period, output_value_fen FROM kpi_snapshot
    WHERE company_id IN (SELECT value FROM json_each(${JSON.stringify(companyIds)}))
      AND length(period) = 4 AND period < ${String(year)} AND output_value_fen IS NOT NULL`);
  for (const r of rows) {
    const y = Number(r[2]);
    const seen = out.get(r[1]);
    if (!seen || y > seen.year || (y === seen.year && r[0] > seen.id)) out.set(r[1], { year: y, outputFen: r[3], id: r[0] });
  }
  return out;
}

export type Holdings = Map<number, HoldingInterval[]>;

/**
 * Firms a form may name: those held (now or before) by the given funds ('all': by any fund of the group),
 * matching `q` by name or credit code, each with whether it is in the portfolio on `date`.
 */
export async function firmOptions(read: ReadCtx, input: { funds: ReadonlyArray<number> | 'all'; q: string; date?: string | undefined }) {
  const { db } = read;
  const { funds: fundIds, q } = input;
  const date = input.date ?? read.today();
  if (fundIds !== 'all' && !fundIds.length) return [];
  const term = `%${q.replace(/[%_]/g, '')}%`;
  const held =
    fundIds === 'all'
      ? sql`SELECT company_id FROM investment WHERE ${LIVE_ROUND}`
      : sql`SELECT company_id FROM investment WHERE ${LIVE_ROUND} AND fund_id IN (${sql.join(
          fundIds.map((id) => sql`${id}`),
          sql`, `,
        )})`;
  const rows = await db.values<[number, string, string | null, string | null, string, string]>(sql`
    SELECT id, name_zh, name_en, uscc, sector, zone FROM company
    WHERE id IN (${held}) ${q ? sql`AND (name_zh LIKE ${term} OR name_en LIKE ${term} OR uscc LIKE ${term})` : sql``}
    ORDER BY name_zh LIMIT 30`);
  const out = [];
  for (const r of rows) {
    const inPortfolio = await isPortfolioFirm(db, r[0], date);
    out.push({ id: r[0], nameZh: r[1], nameEn: r[2], uscc: r[3], sector: r[4], zone: r[5], inPortfolio });
  }
  return out;
}
