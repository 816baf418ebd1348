import { pmeAgainstIndexes } from './benchmarks.js';
import { capitalCall, commitment, type DbOrTx, fund, ledgerEntry } from '@highland/drizzle';
import {
  addDays,
  capitalAccountColumns,
  Cumulative,
  type DatedAmount,
  DomainError,
  minDate,
  type Books,
  type Interest,
  type LedgerKind,
  netFigures,
  parsePeriod,
  quarterEndsThrough,
  type StatementLines,
} from '@highland/shared';
import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import { loadBooks } from './books.js';
import type { ReadCtx } from './ctx.js';
import { loadInvestor } from './load.js';
import { describeExposures } from './performance.js';

/**
 * The LP portal: only the investor's own commitments and flows, and its share of each fund's NAV.
 * Nothing here returns a fund's totals or another investor's row: a fund's size minus one LP's
 * commitment would be the others' (docs/decisions/032-lp-portal.md).
 */
interface InvestorFlows {
  investor: { id: number; nameZh: string; nameEn: string; sourceType: string };
  funds: Array<{ id: number; code: string; nameZh: string; nameEn: string; vintage: number | null; status: string; establishedDate: string | null }>;
  interests: Map<number, Interest & { calls: DatedAmount[]; fees: DatedAmount[]; since: string }>;
}

async function investorFlows(db: DbOrTx, investorId: number, asOf: string): Promise<InvestorFlows> {
  const row = await loadInvestor(db, investorId);
  const inv = { id: row.id, nameZh: row.nameZh, nameEn: row.nameEn, sourceType: row.sourceType };
  const commits = await db
    .select({ fundId: commitment.fundId, date: commitment.date, amountFen: commitment.amountFen })
    .from(commitment)
    .where(and(eq(commitment.investorId, investorId), lte(commitment.date, asOf)))
    .orderBy(asc(commitment.date));
  const fundIds = [...new Set(commits.map((c) => c.fundId))];
  const flows = fundIds.length
    ? await db
        .select({ fundId: ledgerEntry.fundId, kind: ledgerEntry.kind, date: ledgerEntry.date, amountFen: ledgerEntry.amountFen })
        .from(ledgerEntry)
        .where(and(eq(ledgerEntry.investorId, investorId), lte(ledgerEntry.date, asOf)))
    : [];
  const funds = fundIds.length
    ? await db
        .select({
          id: fund.id,
          code: fund.code,
          nameZh: fund.nameZh,
          nameEn: fund.nameEn,
          vintage: fund.vintage,
          status: fund.status,
          establishedDate: fund.establishedDate,
        })
        .from(fund)
        .where(inArray(fund.id, fundIds))
        .orderBy(asc(fund.code))
    : [];
  const interests = new Map<number, Interest & { calls: DatedAmount[]; fees: DatedAmount[]; since: string }>();
  for (const c of commits) {
    const i = interests.get(c.fundId) ?? { fundId: c.fundId, commitments: [], contributions: [], distributions: [], calls: [], fees: [], since: c.date };
    (i.commitments as DatedAmount[]).push({ date: c.date, amountFen: c.amountFen });
    interests.set(c.fundId, i);
  }
  const into: Partial<Record<LedgerKind, 'contributions' | 'distributions' | 'calls' | 'fees'>> = {
    contribution: 'contributions',
    distribution: 'distributions',
    call: 'calls',
    fee: 'fees',
  };
  for (const f of flows) {
    const key = into[f.kind];
    const i = interests.get(f.fundId);
    if (key && i) (i[key] as DatedAmount[]).push({ date: f.date, amountFen: f.amountFen });
  }
  return { investor: inv, funds, interests };
}

const total = (xs: ReadonlyArray<DatedAmount>, asOf: string) => xs.reduce((a, x) => (x.date <= asOf ? a + x.amountFen : a), 0);

/**
 * One LP's statement lines in one fund for a quarter, from the fund's books: the commitment figures and the
 * ILPA columns. The LP's own statement and the statements a fund issues (statements.ts) both come from here.
 */
export function statementLines(
  books: Books,
  fundId: number,
  i: Interest & { calls: DatedAmount[]; fees: DatedAmount[] },
  q: { start: string; end: string },
): StatementLines {
  const columns = capitalAccountColumns(
    {
      contributions: new Cumulative(i.contributions),
      distributions: new Cumulative(i.distributions),
      fees: new Cumulative(i.fees),
      balanceAt: (d) => (books.shares(i, fundId, [d])[0] ?? 0) * (books.nav(fundId, [d])[0] ?? 0),
    },
    q.start,
    q.end,
  );
  const committedFen = total(i.commitments, q.end);
  const calledFen = total(i.calls, q.end);
  return { committedFen, calledFen, unfundedFen: committedFen - calledFen, ...columns };
}

/** The LP's positions, multiples and net IRR per fund and in all, its cash flows, NAV history and look-through. */
export async function lpPortal(read: ReadCtx, input: { investorId: number; asOf?: string | undefined }) {
  const { db } = read;
  const { investorId } = input;
  const asOf = input.asOf ?? read.today();
  const { investor: inv, funds, interests } = await investorFlows(db, investorId, asOf);
  if (!funds.length) return { asOf, investor: inv, totals: null, pme: [], positions: [], history: [], cashFlows: [], lookThrough: null };
  const { books } = await loadBooks(
    db,
    funds.map((f) => f.id),
    asOf,
    { span: 'history' },
  );
  const positions = funds.map((f) => {
    const i = interests.get(f.id) as NonNullable<ReturnType<typeof interests.get>>;
    const nav = Math.round((books.shares(i, f.id, [asOf])[0] ?? 0) * (books.nav(f.id, [asOf])[0] ?? 0));
    const committed = total(i.commitments, asOf);
    const called = total(i.calls, asOf);
    return {
      fundId: f.id,
      code: f.code,
      nameZh: f.nameZh,
      nameEn: f.nameEn,
      vintage: f.vintage,
      status: f.status,
      since: i.since,
      committedFen: committed,
      calledFen: called,
      uncalledFen: committed - called,
      feesFen: total(i.fees, asOf),
      ...netFigures(i.contributions, i.distributions, nav, asOf),
    };
  });
  const all = [...interests.values()];
  const navTotal = positions.reduce((a, p) => a + p.navFen, 0);
  const totals = {
    committedFen: positions.reduce((a, p) => a + p.committedFen, 0),
    calledFen: positions.reduce((a, p) => a + p.calledFen, 0),
    uncalledFen: positions.reduce((a, p) => a + p.uncalledFen, 0),
    feesFen: positions.reduce((a, p) => a + p.feesFen, 0),
    ...netFigures(
      all.flatMap((i) => i.contributions),
      all.flatMap((i) => i.distributions),
      navTotal,
      asOf,
    ),
  };
  const first = all.reduce((a, i) => minDate(a, i.since), asOf);
  const dates = quarterEndsThrough(first, asOf);
  const navs = funds.map((f) => {
    const i = interests.get(f.id) as Interest;
    const shares = books.shares(i, f.id, dates);
    const fundNav = books.nav(f.id, dates);
    return dates.map((_, k) => (shares[k] ?? 0) * (fundNav[k] ?? 0));
  });
  const history = dates.map((date, k) => {
    const paid = all.reduce((a, i) => a + total(i.contributions, date), 0);
    const dist = all.reduce((a, i) => a + total(i.distributions, date), 0);
    return { date, paidInFen: paid, distributedFen: dist, navFen: Math.round(navs.reduce((a, n) => a + (n[k] ?? 0), 0)), netCashFlowFen: dist - paid };
  });
  const cashFlows = await db
    .select({
      id: ledgerEntry.id,
      fundId: ledgerEntry.fundId,
      kind: ledgerEntry.kind,
      date: ledgerEntry.date,
      amountFen: ledgerEntry.amountFen,
      callNo: capitalCall.callNo,
      memo: ledgerEntry.memo,
    })
    .from(ledgerEntry)
    .leftJoin(capitalCall, eq(capitalCall.id, ledgerEntry.callId))
    .where(and(eq(ledgerEntry.investorId, investorId), lte(ledgerEntry.date, asOf)))
    .orderBy(asc(ledgerEntry.date), asc(ledgerEntry.id));
  const look = await describeExposures(db, books.interestExposures(all, asOf));
  const pme = await pmeAgainstIndexes(
    db,
    all.flatMap((i) => i.contributions),
    all.flatMap((i) => i.distributions),
    navTotal,
    asOf,
  );
  const held = look.companies.filter((c) => c.held);
  return {
    asOf,
    investor: inv,
    totals,
    pme,
    positions,
    history,
    cashFlows,
    lookThrough: {
      bySector: look.bySector.filter((g) => g.valueFen > 0),
      byZone: look.byZone.filter((g) => g.valueFen > 0),
      top: held.slice(0, 20).map((c) => ({ companyId: c.companyId, nameZh: c.nameZh, nameEn: c.nameEn, sector: c.sector, zone: c.zone, valueFen: c.valueFen })),
      companies: held.length,
      valueFen: held.reduce((a, c) => a + c.valueFen, 0),
    },
  };
}

/**
 * The quarterly capital account statement (ILPA lines) of an LP, per fund and in all, quarter to date,
 * year to date and since inception. Refused for a quarter that has not ended or that ended before the
 * LP's first commitment.
 */
export async function lpStatement(db: DbOrTx, investorId: number, quarter: string, today: string, onlyFundId?: number) {
  const q = parsePeriod(quarter);
  if (q?.kind !== 'quarter') throw DomainError.field('quarter', 'quarter', 'quarter: must be a quarter such as 2024Q3');
  if (q.end > today) throw DomainError.field('quarter', 'quarterNotEnded', `quarter: ${q.code} has not ended yet (it ends ${q.end})`, { end: q.end });
  const flows0 = await investorFlows(db, investorId, q.end);
  const { investor: inv, interests } = flows0;
  const funds = onlyFundId === undefined ? flows0.funds : flows0.funds.filter((f) => f.id === onlyFundId);
  const joinedAll = await db
    .select({ date: commitment.date })
    .from(commitment)
    .where(onlyFundId === undefined ? eq(commitment.investorId, investorId) : and(eq(commitment.investorId, investorId), eq(commitment.fundId, onlyFundId)))
    .orderBy(asc(commitment.date))
    .limit(1);
  const joined = joinedAll[0]?.date ?? null;
  if (!funds.length || joined === null || joined > q.end)
    throw DomainError.field(
      'quarter',
      'beforeJoined',
      joined === null ? 'quarter: the investor has no commitment yet' : `quarter: ${q.code} ended before the investor's first commitment (${joined})`,
      joined === null ? {} : { joined },
    );
  const { books } = await loadBooks(
    db,
    funds.map((f) => f.id),
    q.end,
    { span: 'history' },
  );
  const rows = funds.map((f) => ({
    fundId: f.id,
    code: f.code,
    nameZh: f.nameZh,
    nameEn: f.nameEn,
    ...statementLines(books, f.id, interests.get(f.id) as NonNullable<ReturnType<typeof interests.get>>, q),
  }));
  const keys = ['beginningFen', 'contributionsFen', 'distributionsFen', 'feesFen', 'gainLossFen', 'endingFen'] as const;
  const sumColumn = (col: 'qtd' | 'ytd' | 'itd') => {
    const first = rows[0]?.[col];
    const out = { from: first?.from ?? '', to: q.end, beginningFen: 0, contributionsFen: 0, distributionsFen: 0, feesFen: 0, gainLossFen: 0, endingFen: 0 };
    for (const r of rows) for (const k of keys) out[k] += r[col][k];
    return out;
  };
  const flows = await db
    .select({ date: ledgerEntry.date, fundId: ledgerEntry.fundId, kind: ledgerEntry.kind, amountFen: ledgerEntry.amountFen, callNo: capitalCall.callNo })
    .from(ledgerEntry)
    .leftJoin(capitalCall, eq(capitalCall.id, ledgerEntry.callId))
    .where(
      and(
        eq(ledgerEntry.investorId, investorId),
        lte(ledgerEntry.date, q.end),
        gt(ledgerEntry.date, addDays(q.start, -1)),
        onlyFundId === undefined ? undefined : eq(ledgerEntry.fundId, onlyFundId),
      ),
    )
    .orderBy(asc(ledgerEntry.date), asc(ledgerEntry.id));
  return {
    quarter: q.code,
    start: q.start,
    end: q.end,
    joined,
    investor: inv,
    funds: rows,
    total: {
      committedFen: rows.reduce((a, r) => a + r.committedFen, 0),
      calledFen: rows.reduce((a, r) => a + r.calledFen, 0),
      unfundedFen: rows.reduce((a, r) => a + r.unfundedFen, 0),
      qtd: sumColumn('qtd'),
      ytd: sumColumn('ytd'),
      itd: sumColumn('itd'),
    },
    flows: flows.map((f) => ({ ...f, code: funds.find((x) => x.id === f.fundId)?.code ?? '' })),
  };
}

export type LpStatement = Awaited<ReturnType<typeof lpStatement>>;
