import { company, deal, dealStageEvent, fund, manager, user } from '@highland/drizzle';
import {
  boardStages,
  canWriteFund,
  computeFunnel,
  type DealCursor,
  type DealFilter,
  type DealHistory,
  type DealList,
  type DealSort,
  type FunnelInput,
  type OpenStage,
  type PipelineKind,
  readsGroup,
  type Stage,
  type StageOrder,
  stageOrder,
  wonStage,
} from '@highland/shared';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, or, type SQL, type SQLWrapper, sql, sum } from 'drizzle-orm';
import { type ReadCtx, signedIn } from './ctx.js';
import { fundScopeCondition } from './scope-sql.js';
import { pipelineSettings } from './scoring.js';
import { dealSearchCondition } from './search.js';

/** Companies in the direct pipelines of two or more funds (passed deals do not count). */
const overlapCompanies = sql`SELECT company_id FROM deal WHERE pipeline = 'direct' AND stage <> 'passed' AND company_id IS NOT NULL GROUP BY company_id HAVING count(DISTINCT fund_id) > 1`;

/**
 * The conditions of a deal filter, scoped to the funds the caller may read. Naming a fund outside the scope,
 * or asking for the overlap without reading the group, is refused by the router before (auth/guards.ts).
 */
async function dealConditions(read: ReadCtx, f: DealFilter): Promise<{ where: SQL | undefined; needsCompany: boolean }> {
  const scope = await read.scope();
  const conds: Array<SQL | undefined> = [eq(deal.pipeline, f.pipeline)];
  if (f.fundIds?.length) {
    conds.push(inArray(deal.fundId, f.fundIds));
  } else conds.push(fundScopeCondition(scope, deal.fundId));
  if (f.stages?.length) conds.push(inArray(deal.stage, f.stages));
  if (f.sources?.length) conds.push(inArray(deal.source, f.sources));
  if (f.ownerIds?.length) conds.push(inArray(deal.ownerId, f.ownerIds));
  if (f.sectors?.length) conds.push(inArray(company.sector, f.sectors));
  if (f.zones?.length) conds.push(inArray(company.zone, f.zones));
  if (f.scoreMin !== undefined) conds.push(gte(deal.score, f.scoreMin));
  if (f.scoreMax !== undefined) conds.push(lte(deal.score, f.scoreMax));
  if (f.createdFrom) conds.push(gte(deal.createdAt, f.createdFrom));
  if (f.createdTo) conds.push(lte(deal.createdAt, `${f.createdTo}T23:59:59.999Z`));
  if (f.nextStepFrom) conds.push(gte(deal.nextStepDate, f.nextStepFrom));
  if (f.nextStepTo) conds.push(lte(deal.nextStepDate, f.nextStepTo));
  const search = dealSearchCondition(f.q);
  if (search) conds.push(search);
  if (f.overlapOnly) {
    conds.push(sql`${deal.companyId} IN (${overlapCompanies})`);
  }
  return { where: and(...conds), needsCompany: Boolean(f.sectors?.length || f.zones?.length) };
}

const SORT: Record<DealSort['field'], { expr: SQLWrapper; nullable: boolean }> = {
  updatedAt: { expr: deal.updatedAt, nullable: false },
  createdAt: { expr: deal.createdAt, nullable: false },
  stageEnteredAt: { expr: deal.stageEnteredAt, nullable: false },
  amountFen: { expr: deal.amountFen, nullable: true },
  score: { expr: deal.score, nullable: true },
  nextStepDate: { expr: deal.nextStepDate, nullable: true },
  companyName: { expr: sql`coalesce(${company.nameZh}, ${deal.proposalNameZh})`, nullable: false },
};

/**
 * Keyset pagination: the rows after `cursor` in the order (sort column, id), both in the sort's
 * direction. NULL sorts lowest (SQLite's order), so nulls come last when descending and first when
 * ascending; the cursor condition follows the same rule.
 */
function afterCursor(sort: DealSort, cursor: DealCursor | null): SQL | undefined {
  if (!cursor) return undefined;
  const { expr, nullable } = SORT[sort.field];
  const desc = sort.dir === 'desc';
  const cmp = (a: SQLWrapper, b: unknown) => (desc ? sql`${a} < ${b}` : sql`${a} > ${b}`);
  const idAfter = cmp(deal.id, cursor.id);
  if (cursor.v === null) {
    if (!nullable) return idAfter;
    return desc ? and(sql`${expr} IS NULL`, idAfter) : or(and(sql`${expr} IS NULL`, idAfter), sql`${expr} IS NOT NULL`);
  }
  const after = or(cmp(expr, cursor.v), and(sql`${expr} = ${cursor.v}`, idAfter));
  return nullable && desc ? or(after, sql`${expr} IS NULL`) : after;
}

const listFields = {
  id: deal.id,
  version: deal.version,
  fundId: deal.fundId,
  fundCode: fund.code,
  pipeline: deal.pipeline,
  companyId: deal.companyId,
  companyNameZh: company.nameZh,
  companyNameEn: company.nameEn,
  uscc: company.uscc,
  sector: company.sector,
  zone: company.zone,
  ownership: company.ownership,
  registeredInShanghai: company.registeredInShanghai,
  proposalNameZh: deal.proposalNameZh,
  proposalNameEn: deal.proposalNameEn,
  applicantZh: manager.nameZh,
  applicantEn: manager.nameEn,
  stage: deal.stage,
  previousStage: deal.previousStage,
  stageEnteredAt: deal.stageEnteredAt,
  ownerId: deal.ownerId,
  ownerName: user.name,
  source: deal.source,
  round: deal.round,
  amountFen: deal.amountFen,
  preMoneyFen: deal.preMoneyFen,
  score: deal.score,
  scoreComplete: deal.scoreComplete,
  nextStep: deal.nextStep,
  nextStepDate: deal.nextStepDate,
  createdAt: deal.createdAt,
  updatedAt: deal.updatedAt,
};

export type DealListRow = Awaited<ReturnType<typeof listDeals>>['items'][number];

/** One page of the deal table, sorted, filtered and after the cursor. */
export async function listDeals(read: ReadCtx, input: DealList) {
  const { db } = read;
  const { where } = await dealConditions(read, input.filter);
  const { expr } = SORT[input.sort.field];
  const dir = input.sort.dir === 'desc' ? sql`DESC` : sql`ASC`;
  const rows = await db
    .select({ ...listFields, sortValue: sql<string | number | null>`${expr}` })
    .from(deal)
    .innerJoin(fund, eq(fund.id, deal.fundId))
    .leftJoin(company, eq(company.id, deal.companyId))
    .leftJoin(user, eq(user.id, deal.ownerId))
    .leftJoin(manager, eq(manager.id, deal.applicantId))
    .where(and(where, afterCursor(input.sort, input.cursor)))
    .orderBy(sql`${expr} ${dir}`, sql`${deal.id} ${dir}`)
    .limit(input.limit + 1);
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(({ sortValue: _s, ...r }) => r),
    nextCursor: more && last ? { v: last.sortValue, id: last.id } : null,
  };
}

/** How many deals match a filter, and their proposed amount. */
export async function countDeals(read: ReadCtx, { filter }: { filter: DealFilter }) {
  const { db } = read;
  const { where, needsCompany } = await dealConditions(read, filter);
  const base = db.select({ n: count(), amount: sum(deal.amountFen).mapWith(Number) }).from(deal);
  const [row] = await (needsCompany ? base.leftJoin(company, eq(company.id, deal.companyId)).where(where) : base.where(where));
  return { count: row?.n ?? 0, amountFen: row?.amount ?? 0 };
}

const WON_OR_SIDE = (kind: PipelineKind) => ['passed', 'on_hold', wonStage(kind)];

export interface BoardInput {
  fundId: number;
  pipeline: PipelineKind;
  perColumn: number;
  q?: string | undefined;
  ownerIds?: number[] | undefined;
}

/**
 * A fund's board: every column with its count and proposed amount (over all its deals), and the first
 * cards of each — open columns best score first, closed and side columns most recent first.
 */
export async function boardOf(read: ReadCtx, input: BoardInput) {
  const { db } = read;
  const actor = signedIn(read);
  const settings = await pipelineSettings(db, input.fundId);
  const order: StageOrder = settings.stageOrder;
  const columns = boardStages(input.pipeline, order);
  const conds = and(
    eq(deal.fundId, input.fundId),
    eq(deal.pipeline, input.pipeline),
    input.ownerIds?.length ? inArray(deal.ownerId, input.ownerIds) : undefined,
    dealSearchCondition(input.q) ?? undefined,
  );
  const totals = await db
    .select({ stage: deal.stage, n: count(), amount: sum(deal.amountFen).mapWith(Number) })
    .from(deal)
    .where(conds)
    .groupBy(deal.stage);
  // One small indexed query per column (deal_fund_stage_idx: fund, pipeline, stage, score) rather than
  // one window over the whole fund: each reads only the cards it shows.
  const recentFirst = new Set(WON_OR_SIDE(input.pipeline));
  const cardFields = {
    id: deal.id,
    version: deal.version,
    stage: deal.stage,
    previousStage: deal.previousStage,
    stageEnteredAt: deal.stageEnteredAt,
    companyId: deal.companyId,
    nameZh: sql<string>`coalesce(${company.nameZh}, ${deal.proposalNameZh})`,
    nameEn: sql<string | null>`coalesce(${company.nameEn}, ${deal.proposalNameEn})`,
    sector: company.sector,
    zone: company.zone,
    amountFen: deal.amountFen,
    score: deal.score,
    scoreComplete: deal.scoreComplete,
    ownerName: user.name,
    round: deal.round,
    nextStep: deal.nextStep,
    nextStepDate: deal.nextStepDate,
  };
  const cardsByStage = new Map<string, Array<Awaited<ReturnType<typeof columnCards>>[number]>>();
  function columnCards(stage: string) {
    return db
      .select(cardFields)
      .from(deal)
      .leftJoin(company, eq(company.id, deal.companyId))
      .leftJoin(user, eq(user.id, deal.ownerId))
      .where(and(conds, eq(deal.stage, stage)))
      .orderBy(...(recentFirst.has(stage) ? [desc(deal.stageEnteredAt), desc(deal.id)] : [desc(deal.score), asc(deal.stageEnteredAt), desc(deal.id)]))
      .limit(input.perColumn);
  }
  for (const stage of columns) if (totals.some((t) => t.stage === stage)) cardsByStage.set(stage, await columnCards(stage));
  const cards = [...cardsByStage.values()].flat();
  const overlapping = new Set<number>();
  const companyIds = [...new Set(cards.map((c) => c.companyId).filter((id): id is number => id !== null))];
  if (readsGroup(actor) && companyIds.length) {
    const rows = await db
      .selectDistinct({ companyId: deal.companyId })
      .from(deal)
      .where(and(inArray(deal.companyId, companyIds), ne(deal.fundId, input.fundId), eq(deal.pipeline, 'direct'), ne(deal.stage, 'passed')));
    for (const r of rows) if (r.companyId !== null) overlapping.add(r.companyId);
  }
  return {
    fundId: input.fundId,
    pipeline: input.pipeline,
    stageOrder: order,
    canWrite: canWriteFund(actor, input.fundId),
    columns: columns.map((stage) => {
      const t = totals.find((x) => x.stage === stage);
      return {
        stage,
        count: t?.n ?? 0,
        amountFen: t?.amount ?? 0,
        cards: (cardsByStage.get(stage) ?? []).map((c) => ({ ...c, overlap: c.companyId !== null && overlapping.has(c.companyId) })),
      };
    }),
  };
}

/** The funnel of the deals in scope (created in the period), from their stage events. */
export async function funnelOf(read: ReadCtx, input: FunnelInput) {
  const { db } = read;
  const { where } = await dealConditions(read, { pipeline: input.pipeline, ...(input.fundIds ? { fundIds: input.fundIds } : {}) });
  const deals = await db
    .select({ id: deal.id, source: deal.source, sector: company.sector, createdAt: deal.createdAt })
    .from(deal)
    .leftJoin(company, eq(company.id, deal.companyId))
    .where(and(where, input.from ? gte(deal.createdAt, input.from) : undefined, input.to ? lte(deal.createdAt, `${input.to}T23:59:59.999Z`) : undefined));
  const single = input.fundIds?.length === 1 ? input.fundIds[0] : undefined;
  const order: StageOrder = single !== undefined ? (await pipelineSettings(db, single)).stageOrder : 'committee_first';
  const stages = stageOrder(input.pipeline, order);
  const histories = new Map<number, DealHistory & { moves: Array<{ from: Stage | null; to: Stage; at: string }> }>();
  for (const d of deals) histories.set(d.id, { source: d.source, sector: d.sector, moves: [] });
  const ids = deals.map((d) => d.id);
  for (let i = 0; i < ids.length; i += 5000) {
    const part = ids.slice(i, i + 5000);
    const events = await db
      .select({ dealId: dealStageEvent.dealId, from: dealStageEvent.fromStage, to: dealStageEvent.toStage, at: dealStageEvent.at })
      .from(dealStageEvent)
      .where(inArray(dealStageEvent.dealId, part))
      .orderBy(asc(dealStageEvent.dealId), asc(dealStageEvent.at), asc(dealStageEvent.id));
    for (const e of events) histories.get(e.dealId)?.moves.push({ from: e.from as Stage | null, to: e.to as Stage, at: e.at });
  }
  return { stageOrder: order, ...computeFunnel(stages as readonly OpenStage[], [...histories.values()]) };
}

/** Companies in two or more funds' pipelines, with where each stands: for reviewers and the mother fund's managers. */
export async function overlapList(read: ReadCtx, { limit = 500 }: { limit?: number } = {}) {
  const rows = await read.db
    .select({
      companyId: deal.companyId,
      nameZh: company.nameZh,
      nameEn: company.nameEn,
      uscc: company.uscc,
      sector: company.sector,
      zone: company.zone,
      dealId: deal.id,
      fundId: deal.fundId,
      fundCode: fund.code,
      stage: deal.stage,
      amountFen: deal.amountFen,
      score: deal.score,
      updatedAt: deal.updatedAt,
    })
    .from(deal)
    .innerJoin(company, eq(company.id, deal.companyId))
    .innerJoin(fund, eq(fund.id, deal.fundId))
    .where(
      and(
        sql`${deal.companyId} IN (${overlapCompanies})`,
        eq(deal.pipeline, 'direct'),
        ne(deal.stage, 'passed'),
        isNotNull(deal.companyId),
        isNull(company.mergedIntoId),
      ),
    )
    .orderBy(asc(company.id), asc(fund.code));
  const byCompany = new Map<
    number,
    { companyId: number; nameZh: string; nameEn: string | null; uscc: string | null; sector: string; zone: string; deals: typeof rows }
  >();
  for (const r of rows) {
    const id = r.companyId as number;
    let c = byCompany.get(id);
    if (!c) {
      c = { companyId: id, nameZh: r.nameZh, nameEn: r.nameEn, uscc: r.uscc, sector: r.sector, zone: r.zone, deals: [] };
      byCompany.set(id, c);
    }
    c.deals.push(r);
  }
  const all = [...byCompany.values()].map((c) => ({
    ...c,
    funds: new Set(c.deals.filter((d) => d.stage !== 'passed').map((d) => d.fundId)).size,
    deals: c.deals.map(({ dealId, fundId, fundCode, stage, amountFen, score, updatedAt }) => ({
      dealId,
      fundId,
      fundCode,
      stage,
      amountFen,
      score,
      updatedAt,
    })),
  }));
  all.sort((a, b) => b.funds - a.funds || a.nameZh.localeCompare(b.nameZh, 'zh-CN'));
  return { total: all.length, items: all.slice(0, limit) };
}

/** Every deal of a filter in the sort's order, a page at a time (exports). */
export async function* allDeals(read: ReadCtx, { filter, sort, max }: { filter: DealFilter; sort: DealSort; max: number }) {
  let cursor: DealCursor | null = null;
  let n = 0;
  for (;;) {
    const page = await listDeals(read, { filter, sort, cursor, limit: 500 });
    for (const row of page.items) {
      if (n >= max) return;
      n += 1;
      yield row;
    }
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
