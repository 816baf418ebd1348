import { type DbOrTx, fundPhase, programme, programmeTarget } from '@highland/drizzle';
import { fileOf } from '../xlsx/writer.js';
import {
  addYears,
  type DatedCommitment,
  type FundFlows,
  fundGroupOverview,
  IDLE_TOLERANCE,
  type Overview,
  type OverviewFund,
  type OverviewInput,
  type QualifyingInvestment,
  type SourceClass,
  type SourceMoney,
  type DisplayLocale,
} from '@highland/shared';
import { asc, eq, sql } from 'drizzle-orm';
import type { ReadCtx } from './ctx.js';
import { overviewWorkbook } from './fund-group-export.js';

/**
 * The fund group's as-of reads. Group-wide figures come from the running balances (fund_balance, kept by
 * triggers with every ledger row and commitment), one index seek per (fund, source, measure), never
 * from a scan of the ledger. See ADR 011.
 */

/** Each balance as of `asOf`: the cumulative amount on the latest date ≤ asOf, per fund, source and measure. */
export const BALANCES_AS_OF = (asOf: string, where = sql`1`) => sql`
  SELECT k.fund_id AS fund_id, k.source AS source, k.measure AS measure,
    (SELECT b.cum_fen FROM fund_balance b
      WHERE b.fund_id = k.fund_id AND b.source = k.source AND b.measure = k.measure AND b.date <= ${asOf}
      ORDER BY b.date DESC LIMIT 1) AS cum
  FROM fund_balance_key k WHERE ${where}`;

/** The balances the group's figures read: per source, commitments and contributions; every flow of the fund as a whole. */
const GROUP_KEYS = sql`(k.source = '*' OR k.measure IN ('commitment', 'contribution'))`;

/** fund_id, source, then commitment, call, contribution, distribution, fee, investment, proceeds (null: no row yet). */
type PivotRow = [number, string, number | null, number | null, number | null, number | null, number | null, number | null, number | null];

/** Balances as of a date, one row per fund and source (`*` = every source), measures as columns. */
export async function balancesAsOf(db: DbOrTx, asOf: string): Promise<PivotRow[]> {
  // Raw rows (not mapped to objects): thousands of them on a large group, and mapping is most of the cost.
  return db.values<PivotRow>(sql`
    SELECT fund_id, source,
      SUM(CASE measure WHEN 'commitment' THEN cum END) AS commitment,
      SUM(CASE measure WHEN 'call' THEN cum END) AS call,
      SUM(CASE measure WHEN 'contribution' THEN cum END) AS contribution,
      SUM(CASE measure WHEN 'distribution' THEN cum END) AS distribution,
      SUM(CASE measure WHEN 'fee' THEN cum END) AS fee,
      SUM(CASE measure WHEN 'investment' THEN cum END) AS investment,
      SUM(CASE measure WHEN 'proceeds' THEN cum END) AS proceeds
    FROM (${BALANCES_AS_OF(asOf, GROUP_KEYS)}) WHERE cum IS NOT NULL
    GROUP BY fund_id, source`);
}

/** Per fund and source, committed and paid-in; and each fund's flows (every source), as of a date. */
export function splitBalances(rows: ReadonlyArray<PivotRow>): { money: SourceMoney[]; flows: FundFlows[] } {
  const money: SourceMoney[] = [];
  const flows: FundFlows[] = [];
  for (const r of rows) {
    // libSQL rows are array-like, not iterable.
    const [fundId, source, commitment, call, contribution, distribution, fee, investment, proceeds] = [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]];
    if (source === '*') {
      flows.push({
        fundId,
        calledFen: call ?? 0,
        paidInFen: contribution ?? 0,
        distributedFen: distribution ?? 0,
        feesFen: fee ?? 0,
        investedFen: investment ?? 0,
        proceedsFen: proceeds ?? 0,
        investedInFundsFen: 0,
      });
    } else if (source !== 'none' && (commitment || contribution)) {
      money.push({ fundId, source: source as SourceClass, committedFen: commitment ?? 0, paidInFen: contribution ?? 0 });
    }
  }
  return { money, flows };
}

/** What each fund of funds paid in as an LP of other funds of the group (its investments), added to its flows. */
export async function addInvestedInFunds(db: DbOrTx, flows: FundFlows[], asOf: string, fundId?: number): Promise<void> {
  const rows = await db.values<[number, number]>(sql`
    -- CROSS JOIN keeps investors as the outer loop: a few funds of funds, each read through ledger_investor_idx.
    SELECT i.fund_id, SUM(l.amount_fen) FROM investor i CROSS JOIN ledger_entry l ON l.investor_id = i.id
    WHERE i.fund_id IS NOT NULL AND i.source_type <> 'mother_fund' ${fundId === undefined ? sql`` : sql`AND i.fund_id = ${fundId}`}
      AND l.kind = 'contribution' AND l.date <= ${asOf}
    GROUP BY i.fund_id`);
  for (const r of rows) {
    const f = flows.find((x) => x.fundId === r[0]);
    if (f) f.investedInFundsFen = r[1];
  }
}

/** Every fund with the facts the group's rules read (raw rows: the stress group has 600 of them). */
export async function groupFunds(db: DbOrTx): Promise<OverviewFund[]> {
  type Row = [number, string, string, string, OverviewFund['kind'], number | null, number | null, number, OverviewFund['status'], string | null, string | null];
  type Rest = [
    number | null,
    number | null,
    number | null,
    number | null,
    number,
    number,
    number,
    number,
    number,
    'committed' | 'paid_in',
    string | null,
    string | null,
  ];
  const rows = await db.values<[...Row, ...Rest]>(sql`
    SELECT f.id, f.code, f.name_zh, f.name_en, f.kind, f.parent_fund_id, f.batch, f.is_fund_of_funds, f.status, f.decision_date, f.established_date,
      f.term_years, f.investment_period_years, f.target_size_fen, f.gov_share_cap, f.gov_share_override_allowed,
      f.reinvest_k, f.reinvest_weight_registered, f.reinvest_weight_relocated, f.reinvest_weight_subsidiary, f.reinvest_basis, m.name_zh, m.name_en
    FROM fund f LEFT JOIN manager m ON m.id = f.manager_id ORDER BY f.id`);
  return rows.map((r) => ({
    id: r[0],
    code: r[1],
    nameZh: r[2],
    nameEn: r[3],
    kind: r[4],
    parentFundId: r[5],
    batch: r[6],
    isFundOfFunds: r[7] === 1,
    status: r[8],
    decisionDate: r[9],
    establishedDate: r[10],
    termYears: r[11],
    investmentPeriodYears: r[12],
    targetSizeFen: r[13],
    govShareCap: r[14],
    govShareOverrideAllowed: r[15] === 1,
    reinvest: { k: r[16], weights: { registered: r[17], relocated: r[18], subsidiary: r[19] }, basis: r[20] },
    managerZh: r[21],
    managerEn: r[22],
  }));
}

/** Cumulative contributions (every source) at each date they changed, for some funds, up to a date. */
async function contributionSeries(db: DbOrTx, fundIds: number[], asOf: string): Promise<Map<number, Array<{ date: string; cumFen: number }>>> {
  const out = new Map<number, Array<{ date: string; cumFen: number }>>();
  if (!fundIds.length) return out;
  const rows = await db.values<[number, string, number]>(sql`
    SELECT fund_id, date, cum_fen FROM fund_balance
    WHERE source = '*' AND measure = 'contribution' AND date <= ${asOf} AND fund_id IN (${sql.join(fundIds, sql`, `)})
    ORDER BY fund_id, date`);
  for (const r of rows) {
    const point = { date: r[1], cumFen: r[2] };
    const list = out.get(r[0]);
    if (list) list.push(point);
    else out.set(r[0], [point]);
  }
  return out;
}

/** Commitments with their money's source class, for some funds. */
export async function commitmentHistory(db: DbOrTx, fundIds: number[]): Promise<Map<number, DatedCommitment[]>> {
  const out = new Map<number, DatedCommitment[]>();
  if (!fundIds.length) return out;
  const rows = await db.values<[number, string, SourceClass, number]>(sql`
    SELECT c.fund_id, c.date, s.source, c.amount_fen FROM commitment c JOIN investor_source_class s ON s.id = c.investor_id
    WHERE c.fund_id IN (${sql.join(fundIds, sql`, `)}) ORDER BY c.fund_id, c.date, c.id`);
  for (const r of rows) {
    const c = { date: r[1], source: r[2], amountFen: r[3] };
    const list = out.get(r[0]);
    if (list) list.push(c);
    else out.set(r[0], [c]);
  }
  return out;
}

/**
 * The reinvestment engine's input, wired to the books: every `investment` row of the ledger (a fund paying
 * a company; the portfolio module writes one with each investment), net of reversals, per fund, firm and
 * date; the firm's registration in Shanghai from the company record; relocation and subsidiary evidence
 * from reinvest_evidence (withdrawn claims left out).
 */
export async function qualifyingInvestments(db: DbOrTx, asOf: string, fundId?: number): Promise<Map<number, QualifyingInvestment[]>> {
  const rows = await db.values<[number, number, string, number, number]>(sql`
    SELECT l.fund_id, l.company_id, l.date, SUM(l.amount_fen) AS amount, c.registered_in_shanghai AS registered
    FROM ledger_entry l JOIN company c ON c.id = l.company_id
    WHERE l.kind = 'investment' AND l.company_id IS NOT NULL AND l.date <= ${asOf} ${fundId === undefined ? sql`` : sql`AND l.fund_id = ${fundId}`}
    GROUP BY l.fund_id, l.company_id, l.date HAVING SUM(l.amount_fen) <> 0`);
  const evidence = await db.all<{ fund_id: number; company_id: number; evidence: 'relocated' | 'subsidiary'; effective_date: string }>(sql`
    SELECT fund_id, company_id, evidence, effective_date FROM reinvest_evidence WHERE withdrawn = 0
    ${fundId === undefined ? sql`` : sql`AND fund_id = ${fundId}`}`);
  const byKey = new Map<string, Array<{ type: 'relocated' | 'subsidiary'; effectiveDate: string }>>();
  for (const e of evidence) {
    const key = `${e.fund_id}|${e.company_id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), { type: e.evidence, effectiveDate: e.effective_date }]);
  }
  const out = new Map<number, QualifyingInvestment[]>();
  for (const r of rows) {
    const [fundId, companyId] = [r[0], r[1]];
    const inv: QualifyingInvestment = {
      companyId,
      date: r[2],
      amountFen: r[3],
      registeredInShanghai: r[4] === 1,
      evidence: byKey.get(`${fundId}|${companyId}`) ?? [],
    };
    const list = out.get(fundId);
    if (list) list.push(inv);
    else out.set(fundId, [inv]);
  }
  return out;
}

/** The programme's fund-group target and the mother fund's phase-1 target. */
async function targets(db: DbOrTx, motherId: number | null): Promise<{ group: number | null; mother: number | null }> {
  const prog = (await db.select({ id: programme.id }).from(programme).orderBy(asc(programme.startDate)).limit(1))[0];
  const t = prog ? await db.select().from(programmeTarget).where(eq(programmeTarget.programmeId, prog.id)) : [];
  const phase1 = motherId ? (await db.select().from(fundPhase).where(eq(fundPhase.fundId, motherId)).orderBy(asc(fundPhase.phase)).limit(1))[0] : undefined;
  return {
    group: t.find((x) => x.metric === 'fund_group_size')?.targetValue ?? null,
    mother: phase1?.targetSizeFen ?? t.find((x) => x.metric === 'mother_fund_size')?.targetValue ?? null,
  };
}

/**
 * Loads everything the overview is computed from, as of a date. Heavy inputs are loaded only where they
 * can change the answer: contribution histories for funds that may hold idle money, commitment histories
 * for funds over their cap.
 */
async function loadOverviewInput(db: DbOrTx, asOf: string, includeDirect: boolean): Promise<OverviewInput> {
  const [funds, pivot] = [await groupFunds(db), await balancesAsOf(db, asOf)];
  const { money, flows } = splitBalances(pivot);
  await addInvestedInFunds(db, flows, asOf);
  const yearAgo = addYears(asOf, -1);
  const paidYearAgo = new Map(
    (
      await db.all<{ fund_id: number; cum: number | null }>(sql`
        SELECT fund_id, cum FROM (${BALANCES_AS_OF(yearAgo, sql`k.source = '*' AND k.measure = 'contribution'`)})`)
    ).map((r) => [r.fund_id, r.cum ?? 0]),
  );
  const flowOf = new Map(flows.map((f) => [f.fundId, f]));
  const mayBeIdle = funds
    .filter((f) => {
      const old = paidYearAgo.get(f.id) ?? 0;
      const fl = flowOf.get(f.id);
      const idle = old - (fl ? fl.investedFen + fl.feesFen : 0);
      return idle > 0 && idle > old * IDLE_TOLERANCE;
    })
    .map((f) => f.id);
  const series = await contributionSeries(db, mayBeIdle, asOf);
  for (const [id, old] of paidYearAgo) if (!series.has(id)) series.set(id, [{ date: yearAgo, cumFen: old }]);
  const overCap = funds
    .filter((f) => {
      if (f.govShareCap === null) return false;
      let gov = 0;
      let size = 0;
      for (const m of money) {
        if (m.fundId !== f.id) continue;
        size += m.committedFen;
        if (m.source === 'mother_fund' || m.source === 'fiscal') gov += m.committedFen;
      }
      return size > 0 && gov / size > f.govShareCap + 1e-12;
    })
    .map((f) => f.id);
  const mother = funds.find((f) => f.kind === 'mother') ?? null;
  const t = await targets(db, mother?.id ?? null);
  return {
    asOf,
    includeDirect,
    funds,
    money,
    flows,
    contributionSeries: series,
    commitmentHistory: await commitmentHistory(db, overCap),
    investments: await qualifyingInvestments(db, asOf),
    groupTargetFen: t.group,
    motherTargetFen: t.mother,
  };
}

/** The government overview as of a date. */
export async function groupOverview(read: ReadCtx, input: { asOf?: string | undefined; includeDirect?: boolean | undefined }): Promise<Overview> {
  return fundGroupOverview(await loadOverviewInput(read.db, input.asOf ?? read.today(), input.includeDirect ?? true));
}

/** The overview as an XLSX workbook (base64), in the reader's language (the actor's unless asked). */
export async function overviewExport(
  read: ReadCtx,
  input: { asOf?: string | undefined; includeDirect?: boolean | undefined; locale?: DisplayLocale | undefined },
) {
  const asOf = input.asOf ?? read.today();
  const locale: DisplayLocale = input.locale ?? read.actor?.locale ?? 'zh-CN';
  const o = await groupOverview(read, { asOf, includeDirect: input.includeDirect });
  const buffer = await overviewWorkbook(o, locale);
  return fileOf(buffer, `${locale === 'en' ? 'fund-group-overview' : '基金群总览'}-${asOf}.xlsx`);
}

/**
 * The running balances recomputed from scratch — every commitment and ledger row, summed per fund, source
 * and measure by date with a running total — in fund_balance's shape. What the triggers maintain must equal
 * this (test/integration/balances.test.ts; the benchmark checks it on the stress set).
 */
export async function recomputeBalances(db: DbOrTx): Promise<Array<[number, string, string, string, number]>> {
  return db.values<[number, string, string, string, number]>(sql`
    WITH flows AS (
      SELECT c.fund_id, COALESCE(s.source, 'none') AS source, 'commitment' AS measure, c.date, c.amount_fen AS amt
      FROM commitment c LEFT JOIN investor_source_class s ON s.id = c.investor_id
      UNION ALL
      SELECT l.fund_id, COALESCE(s.source, 'none'), l.kind, l.date, l.amount_fen
      FROM ledger_entry l LEFT JOIN investor_source_class s ON s.id = l.investor_id
    ), tagged AS (
      SELECT fund_id, source, measure, date, amt FROM flows
      UNION ALL SELECT fund_id, '*', measure, date, amt FROM flows
    ), daily AS (
      SELECT fund_id, source, measure, date, SUM(amt) AS delta FROM tagged GROUP BY fund_id, source, measure, date
    )
    SELECT fund_id, source, measure, date,
      SUM(delta) OVER (PARTITION BY fund_id, source, measure ORDER BY date ROWS UNBOUNDED PRECEDING) AS cum
    FROM daily ORDER BY fund_id, source, measure, date`);
}

/** fund_balance as stored, in the same shape and order as recomputeBalances. */
export async function storedBalances(db: DbOrTx): Promise<Array<[number, string, string, string, number]>> {
  return db.values<[number, string, string, string, number]>(sql`
    SELECT fund_id, source, measure, date, cum_fen FROM fund_balance ORDER BY fund_id, source, measure, date`);
}
