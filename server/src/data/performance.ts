import { company, type DbOrTx, fund, investment, investmentExit, kpiSnapshot, navStatement, reinvestEvidence, user, valuation } from '@highland/drizzle';
import {
  byCompany,
  type CompanyExposure,
  minDate,
  type Exposure,
  positionIrr,
  positionMoic,
  type PositionState,
  positionAsOf,
  positionSeries,
  quarterEndsThrough,
} from '@highland/shared';
import { aliasedTable, and, asc, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { loadBooks } from './books.js';
import type { ReadCtx } from './ctx.js';
import { loadCompany, loadFundInfo, loadPositionEvents } from './load.js';
import { fundScopeCondition } from './scope-sql.js';
import { liveRound } from './live.js';
import { pmeAgainstIndexes } from './benchmarks.js';

export type FundInfo = Awaited<ReturnType<typeof loadFundInfo>>;

/** The funds in a scope, for a picker: the mother fund first, then vehicles and sub-funds by code. */
export async function fundOptions(read: ReadCtx) {
  const scope = await read.scope();
  return read.db
    .select({ id: fund.id, code: fund.code, nameZh: fund.nameZh, nameEn: fund.nameEn, kind: fund.kind, parentFundId: fund.parentFundId })
    .from(fund)
    .where(fundScopeCondition(scope, fund.id))
    .orderBy(asc(fund.kind), asc(fund.code));
}

export interface CompanyInfo {
  id: number;
  nameZh: string;
  nameEn: string | null;
  uscc: string | null;
  sector: string;
  zone: string;
  registeredInShanghai: boolean;
}

const companyColumns = {
  id: company.id,
  nameZh: company.nameZh,
  nameEn: company.nameEn,
  uscc: company.uscc,
  sector: company.sector,
  zone: company.zone,
  registeredInShanghai: company.registeredInShanghai,
};

/** The companies the given funds have invested in, by id (one indexed subquery, however many there are). */
async function companiesOfFunds(db: DbOrTx, fundIds: readonly number[]): Promise<Map<number, CompanyInfo>> {
  if (!fundIds.length) return new Map();
  const rows = await db
    .select(companyColumns)
    .from(company)
    .where(
      inArray(
        company.id,
        db
          .selectDistinct({ id: investment.companyId })
          .from(investment)
          .where(and(inArray(investment.fundId, [...new Set(fundIds)]), liveRound())),
      ),
    );
  return new Map(rows.map((r) => [r.id, r]));
}

async function fundNames(db: DbOrTx, ids: readonly number[]) {
  if (!ids.length) return new Map<number, { code: string; nameZh: string; nameEn: string; vintage: number | null; kind: string }>();
  const rows = await db
    .select({ id: fund.id, code: fund.code, nameZh: fund.nameZh, nameEn: fund.nameEn, vintage: fund.vintage, kind: fund.kind })
    .from(fund)
    .where(inArray(fund.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * A fund's performance as of a date: LP ↔ fund figures (net), fund ↔ holdings figures (gross), the
 * history at quarter ends (J-curve, NAV over time), its holdings and its interests in other funds,
 * and its NAV statements beside the NAV its books give for the same date.
 */
export async function fundPerformance(read: ReadCtx, input: { fundId: number; asOf?: string | undefined }) {
  const { db } = read;
  const { fundId } = input;
  const asOf = input.asOf ?? read.today();
  const info = await loadFundInfo(db, fundId);
  const { books } = await loadBooks(db, [fundId], asOf, { span: 'history' });
  const book = books.book(fundId);
  const [summary] = books.netSeries(fundId, [asOf]);
  if (!summary) throw new Error('no summary');
  const gross = books.gross(fundId, asOf);
  const start = info.establishedDate && info.establishedDate <= asOf ? info.establishedDate : null;
  const dates = start ? quarterEndsThrough(start, asOf) : [];
  const history = books.netSeries(fundId, dates).map((s, k) => ({
    date: dates[k] as string,
    paidInFen: s.paidInFen,
    distributedFen: s.distributedFen,
    navFen: s.navFen,
    netCashFlowFen: s.distributedFen - s.paidInFen,
    tvpi: s.tvpi,
    irr: s.irr,
  }));

  const states = books.positions(fundId, [asOf]).map((p) => p[0] as PositionState);
  const companies = await companiesOfFunds(db, [fundId]);
  const holdings = book.positions.map((p, k) => {
    const s = states[k] as PositionState;
    const c = companies.get(p.companyId);
    return {
      companyId: p.companyId,
      nameZh: c?.nameZh ?? '',
      nameEn: c?.nameEn ?? null,
      sector: c?.sector ?? '',
      zone: c?.zone ?? '',
      firstDate: p.events.tranches.reduce((a, t) => minDate(a, t.date), '9999-12-31'),
      rounds: p.events.tranches.length,
      investedFen: s.investedFen,
      realisedFen: s.realisedFen,
      remainingCostFen: s.remainingCostFen,
      valueFen: s.valueFen,
      heldShare: s.heldShare,
      moic: positionMoic(s),
      irr: positionIrr(p.events, s),
      mark: s.mark ? { date: s.mark.date, method: s.mark.method } : null,
      exited: s.exited,
    };
  });

  const names = await fundNames(
    db,
    book.interests.map((i) => i.fundId),
  );
  const interests = book.interests.map((i) => {
    const g = names.get(i.fundId);
    const share = books.shares(i, i.fundId, [asOf])[0] ?? 0;
    const nav = books.nav(i.fundId, [asOf])[0] ?? 0;
    const sum = (xs: ReadonlyArray<{ date: string; amountFen: number }>) => xs.reduce((a, x) => (x.date <= asOf ? a + x.amountFen : a), 0);
    const paid = sum(i.contributions);
    const dist = sum(i.distributions);
    return {
      fundId: i.fundId,
      code: g?.code ?? '',
      nameZh: g?.nameZh ?? '',
      nameEn: g?.nameEn ?? '',
      kind: g?.kind ?? 'sub',
      vintage: g?.vintage ?? null,
      committedFen: sum(i.commitments),
      paidInFen: paid,
      distributedFen: dist,
      share,
      navFen: nav,
      navShareFen: Math.round(share * nav),
      tvpi: paid > 0 ? (dist + share * nav) / paid : null,
    };
  });

  const statements = await db
    .select({ id: navStatement.id, date: navStatement.date, navFen: navStatement.navFen, source: navStatement.source })
    .from(navStatement)
    .where(and(eq(navStatement.fundId, fundId), sql`${navStatement.date} <= ${asOf}`))
    .orderBy(desc(navStatement.date), desc(navStatement.id))
    .limit(24);
  const statementDates = [...new Set(statements.map((s) => s.date))].sort();
  const bookNav = new Map(statementDates.map((d, k) => [d, books.nav(fundId, statementDates)[k] ?? 0]));
  const [pending] = await db
    .select({ n: sql<number>`count(*)` })
    .from(valuation)
    .where(and(eq(valuation.fundId, fundId), eq(valuation.status, 'pending')));

  const pme = await pmeAgainstIndexes(db, book.contributions, book.distributions, summary.navFen, asOf);
  return {
    asOf,
    fund: info,
    pme,
    summary: { ...summary, cashFen: books.cashAt(fundId, asOf), gross },
    history,
    holdings: holdings.sort((a, b) => b.valueFen - a.valueFen || b.realisedFen - a.realisedFen),
    interests,
    navStatements: statements.map((s) => ({ ...s, booksNavFen: bookNav.get(s.date) ?? 0, differenceFen: s.navFen - (bookNav.get(s.date) ?? 0) })),
    pendingValuations: Number(pending?.n ?? 0),
  };
}

/** Groups look-through rows by a key: value, cost, realised and the number of companies in each group. */
function groupBy(rows: ReadonlyArray<CompanyExposure & { key: string }>) {
  const m = new Map<string, { key: string; valueFen: number; investedFen: number; realisedFen: number; remainingCostFen: number; companies: number }>();
  for (const r of rows) {
    const g = m.get(r.key) ?? { key: r.key, valueFen: 0, investedFen: 0, realisedFen: 0, remainingCostFen: 0, companies: 0 };
    g.valueFen += r.valueFen;
    g.investedFen += r.investedFen;
    g.realisedFen += r.realisedFen;
    g.remainingCostFen += r.remainingCostFen;
    g.companies += 1;
    m.set(r.key, g);
  }
  return [...m.values()]
    .map((g) => ({
      ...g,
      valueFen: Math.round(g.valueFen),
      investedFen: Math.round(g.investedFen),
      realisedFen: Math.round(g.realisedFen),
      remainingCostFen: Math.round(g.remainingCostFen),
      moic: g.investedFen > 0 ? (g.realisedFen + g.valueFen) / g.investedFen : null,
    }))
    .sort((a, b) => b.valueFen - a.valueFen);
}

/**
 * The look-through of exposures: one row per company (its paths and the overlap), and the totals by
 * sector, zone and vintage (the year of the first investment reaching it).
 */
export async function describeExposures(db: DbOrTx, exposures: ReadonlyArray<Exposure>) {
  const rows = byCompany(exposures);
  const companies = await companiesOfFunds(
    db,
    exposures.map((e) => e.holderFundId),
  );
  const funds = await fundNames(db, [...new Set(exposures.flatMap((e) => [e.holderFundId, ...e.via]))]);
  const code = (id: number) => funds.get(id)?.code ?? String(id);
  const described = rows.map((r) => {
    const c = companies.get(r.companyId);
    return {
      companyId: r.companyId,
      nameZh: c?.nameZh ?? '',
      nameEn: c?.nameEn ?? null,
      sector: c?.sector ?? '',
      zone: c?.zone ?? '',
      registeredInShanghai: c?.registeredInShanghai ?? false,
      firstDate: r.firstDate,
      valueFen: Math.round(r.valueFen),
      investedFen: Math.round(r.investedFen),
      realisedFen: Math.round(r.realisedFen),
      remainingCostFen: Math.round(r.remainingCostFen),
      moic: r.investedFen > 0 ? (r.realisedFen + r.valueFen) / r.investedFen : null,
      overlap: r.overlap,
      held: r.paths.some((p) => !p.exited),
      paths: r.paths.map((p) => ({
        holderFundId: p.holderFundId,
        holderCode: code(p.holderFundId),
        via: p.via.map(code),
        share: p.share,
        valueFen: Math.round(p.valueFen),
        investedFen: Math.round(p.investedFen),
      })),
    };
  });
  const withKey = (key: (r: (typeof described)[number]) => string) =>
    groupBy(rows.map((r, k) => ({ ...r, key: key(described[k] as (typeof described)[number]) })));
  return {
    companies: described,
    bySector: withKey((r) => r.sector),
    byZone: withKey((r) => r.zone),
    byVintage: withKey((r) => r.firstDate.slice(0, 4)),
    totals: {
      companies: described.length,
      held: described.filter((r) => r.held).length,
      overlapping: described.filter((r) => r.overlap).length,
      valueFen: described.reduce((a, r) => a + r.valueFen, 0),
      investedFen: described.reduce((a, r) => a + r.investedFen, 0),
      realisedFen: described.reduce((a, r) => a + r.realisedFen, 0),
    },
  };
}

/** A fund's look-through as of a date: its exposure to every company it reaches, directly or through other funds. */
export async function lookThrough(read: ReadCtx, input: { fundId: number; asOf?: string | undefined }) {
  const { db } = read;
  const { fundId } = input;
  const asOf = input.asOf ?? read.today();
  const info = await loadFundInfo(db, fundId);
  const { books } = await loadBooks(db, [fundId], asOf, { span: 'asOf' });
  return { asOf, fund: info, ...(await describeExposures(db, books.exposures(fundId, asOf))) };
}

/** One position in detail: its rounds, exits, every mark with its review, the company's KPIs and the value's history. */
export async function positionDetail(read: ReadCtx, input: { fundId: number; companyId: number; asOf?: string | undefined }) {
  const { db } = read;
  const { fundId, companyId } = input;
  const asOf = input.asOf ?? read.today();
  const info = await loadFundInfo(db, fundId);
  const c = await loadCompany(db, companyId);
  const events = await loadPositionEvents(db, info, companyId);
  const known = {
    tranches: events.tranches.filter((t) => t.date <= asOf),
    exits: events.exits.filter((x) => x.date <= asOf),
    marks: events.marks.filter((m) => m.date <= asOf),
  };
  const state = positionAsOf(known, asOf);
  const dates = quarterEndsThrough(events.tranches[0]?.date ?? asOf, asOf);
  const history = positionSeries(known, dates).map((s) => ({
    date: s.date,
    valueFen: s.valueFen,
    investedFen: s.investedFen,
    realisedFen: s.realisedFen,
    remainingCostFen: s.remainingCostFen,
  }));
  const creator = aliasedTable(user, 'creator');
  const reviewer = aliasedTable(user, 'reviewer');
  // Every round and exit as written (corrections included), so a reversed one is shown struck out with its reason.
  const [allRounds, allExits, marks, kpis, evidence] = await Promise.all([
    db
      .select()
      .from(investment)
      .where(and(eq(investment.fundId, fundId), eq(investment.companyId, companyId)))
      .orderBy(asc(investment.date), asc(investment.id)),
    db
      .select()
      .from(investmentExit)
      .where(and(eq(investmentExit.fundId, fundId), eq(investmentExit.companyId, companyId)))
      .orderBy(asc(investmentExit.date), asc(investmentExit.id)),
    db
      .select({
        id: valuation.id,
        date: valuation.date,
        valueFen: valuation.valueFen,
        method: valuation.method,
        basis: valuation.basis,
        status: valuation.status,
        createdAt: valuation.createdAt,
        createdBy: valuation.createdBy,
        createdByName: creator.name,
        reviewedAt: valuation.reviewedAt,
        reviewedByName: reviewer.name,
        reviewNote: valuation.reviewNote,
      })
      .from(valuation)
      .leftJoin(creator, eq(creator.id, valuation.createdBy))
      .leftJoin(reviewer, eq(reviewer.id, valuation.reviewedBy))
      .where(and(eq(valuation.fundId, fundId), eq(valuation.companyId, companyId)))
      .orderBy(desc(valuation.date), desc(valuation.id)),
    companyKpis(db, companyId),
    // 返投 evidence this fund recorded for the company (relocation, Shanghai subsidiary), as the reinvestment engine reads it.
    db
      .select({ evidence: reinvestEvidence.evidence, effectiveDate: reinvestEvidence.effectiveDate })
      .from(reinvestEvidence)
      .where(and(eq(reinvestEvidence.fundId, fundId), eq(reinvestEvidence.companyId, companyId), eq(reinvestEvidence.withdrawn, false)))
      .orderBy(asc(reinvestEvidence.effectiveDate)),
  ]);
  const reversalsOf = (rows: ReadonlyArray<{ id: number; reversesId: number | null; memo: string | null; createdAt: string }>) =>
    new Map(rows.filter((r) => r.reversesId !== null).map((r) => [r.reversesId as number, { id: r.id, reason: r.memo ?? '', at: r.createdAt }]));
  const roundReversals = reversalsOf(allRounds);
  const exitReversals = reversalsOf(allExits);
  const rounds = allRounds.filter((r) => r.reversesId === null).map((r) => ({ ...r, reversal: roundReversals.get(r.id) ?? null }));
  const exits = allExits.filter((x) => x.reversesId === null).map((x) => ({ ...x, reversal: exitReversals.get(x.id) ?? null }));
  return {
    asOf,
    fund: info,
    company: c,
    state: { ...state, moic: positionMoic(state), irr: positionIrr(known, state) },
    rounds: rounds.filter((r) => r.date <= asOf).map((r) => ({ ...r, state: state.tranches.find((t) => t.id === r.id) ?? null })),
    exits: exits.filter((x) => x.date <= asOf),
    valuations: marks.filter((m) => m.date <= asOf),
    kpis,
    evidence: evidence.filter((e) => e.effectiveDate <= asOf),
    history,
  };
}

/** The newest snapshot of each period for a company (a correction is a newer row), oldest period first, with how many times each was revised. */
async function companyKpis(db: DbOrTx, companyId: number) {
  const rows = await db.select().from(kpiSnapshot).where(eq(kpiSnapshot.companyId, companyId)).orderBy(asc(kpiSnapshot.periodEnd), asc(kpiSnapshot.id));
  const latest = new Map<string, (typeof rows)[number] & { revisions: number }>();
  for (const r of rows) latest.set(r.period, { ...r, revisions: (latest.get(r.period)?.revisions ?? 0) + 1 });
  return [...latest.values()].sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : a.period.length - b.period.length));
}

/** Marks waiting for review in the given funds, with the mark in force before each for comparison. */
export async function pendingValuations(read: ReadCtx) {
  const { db } = read;
  const scope = await read.scope();
  const creator = aliasedTable(user, 'creator');
  const rows = await db
    .select({
      id: valuation.id,
      fundId: valuation.fundId,
      fundCode: fund.code,
      companyId: valuation.companyId,
      companyZh: company.nameZh,
      companyEn: company.nameEn,
      date: valuation.date,
      valueFen: valuation.valueFen,
      method: valuation.method,
      basis: valuation.basis,
      createdAt: valuation.createdAt,
      createdBy: valuation.createdBy,
      createdByName: creator.name,
      previousFen: sql<number | null>`(SELECT v2.value_fen FROM valuation v2 WHERE v2.fund_id = ${valuation.fundId} AND v2.company_id = ${valuation.companyId}
        AND v2.status = 'approved' AND v2.date <= ${valuation.date} ORDER BY v2.date DESC, v2.id DESC LIMIT 1)`,
    })
    .from(valuation)
    .innerJoin(fund, eq(fund.id, valuation.fundId))
    .innerJoin(company, eq(company.id, valuation.companyId))
    .leftJoin(creator, eq(creator.id, valuation.createdBy))
    .where(and(eq(valuation.status, 'pending'), fundScopeCondition(scope, valuation.fundId)))
    .orderBy(asc(valuation.date), asc(valuation.id))
    .limit(200);
  return rows;
}

/** Companies by name or credit code, for pickers. */
export async function companyOptions(read: ReadCtx, { q }: { q: string }) {
  const term = `%${q.replace(/[%_]/g, '')}%`;
  return read.db
    .select({ id: company.id, nameZh: company.nameZh, nameEn: company.nameEn, uscc: company.uscc, sector: company.sector })
    .from(company)
    .where(q ? or(like(company.nameZh, term), like(company.nameEn, term), like(company.uscc, term)) : undefined)
    .orderBy(asc(company.nameZh))
    .limit(20);
}
