import { company, companyMerge, type DbOrTx, deal, dealNote, dealScore, dealStageEvent, fund, type Tx } from '@highland/drizzle';
import { type CompanyCreate, type CompanyList, type CompanyMerge, type CompanyUpdate, DomainError, normaliseCompanyName } from '@highland/shared';
import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { type ReadCtx, signedIn, type WriteCtx } from './ctx.js';
import { type CompanyRow, loadCompany } from './load.js';
import { fundScopeCondition } from './scope-sql.js';
import { recomputeScores } from './scoring.js';
import { companySearchCondition, indexCompanies, reindexDeals } from './search.js';

export type { CompanyRow } from './load.js';

/** The company as the audit trail records it (and the deal page shows it). */
export const companySnapshot = (c: CompanyRow) => ({
  id: c.id,
  uscc: c.uscc,
  nameZh: c.nameZh,
  nameEn: c.nameEn,
  sector: c.sector,
  zone: c.zone,
  registeredInShanghai: c.registeredInShanghai,
  founded: c.founded,
  ownership: c.ownership,
  headcount: c.headcount,
  website: c.website,
  mergedIntoId: c.mergedIntoId,
});

function usccTaken(uscc: string, existing: Pick<CompanyRow, 'id' | 'nameZh'>): DomainError {
  const message = `uscc: ${uscc} already belongs to ${existing.nameZh} (company ${existing.id})`;
  return new DomainError('CONFLICT', 'company.usccTaken', message, {
    params: { uscc, id: existing.id, name: existing.nameZh },
    fields: [{ path: 'uscc', rule: 'unique', message, params: { id: existing.id, name: existing.nameZh } }],
  });
}

export interface DuplicateCandidate {
  id: number;
  uscc: string | null;
  nameZh: string;
  nameEn: string | null;
  sector: string;
  zone: string;
  reason: 'uscc' | 'name';
}

/** Live companies sharing the credit code or the normalised Chinese name. */
export async function findDuplicates(
  read: ReadCtx,
  probe: { uscc?: string | null | undefined; nameZh?: string | null | undefined; excludeId?: number | undefined },
): Promise<DuplicateCandidate[]> {
  return duplicatesOf(read.db, probe);
}

async function duplicatesOf(
  db: DbOrTx,
  probe: { uscc?: string | null | undefined; nameZh?: string | null | undefined; excludeId?: number | undefined },
): Promise<DuplicateCandidate[]> {
  const uscc = probe.uscc?.trim().toUpperCase() || null;
  const norm = probe.nameZh ? normaliseCompanyName(probe.nameZh) : '';
  const conds = [uscc ? eq(company.uscc, uscc) : undefined, norm ? eq(company.nameNorm, norm) : undefined].filter((c) => c !== undefined);
  if (!conds.length) return [];
  const rows = await db
    .select()
    .from(company)
    .where(and(or(...conds), isNull(company.mergedIntoId), probe.excludeId ? ne(company.id, probe.excludeId) : undefined))
    .limit(20);
  return rows.map((r) => ({
    id: r.id,
    uscc: r.uscc,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    sector: r.sector,
    zone: r.zone,
    reason: uscc && r.uscc === uscc ? 'uscc' : 'name',
  }));
}

export async function createCompany(write: WriteCtx, input: CompanyCreate) {
  const { tx, audit } = write;
  const actor = signedIn(write);
  const dups = await duplicatesOf(tx, { uscc: input.uscc, nameZh: input.nameZh });
  const byCode = dups.find((d) => d.reason === 'uscc');
  if (byCode && input.uscc) throw usccTaken(input.uscc, byCode);
  if (dups.length && !input.allowNameDuplicate) {
    const first = dups[0] as DuplicateCandidate;
    const message = `nameZh: ${first.nameZh} (company ${first.id}) has the same name; confirm to create another company of that name`;
    throw new DomainError('CONFLICT', 'company.nameDuplicate', message, {
      params: { id: first.id, name: first.nameZh },
      fields: [{ path: 'nameZh', rule: 'nameDuplicate', message, params: { id: first.id, name: first.nameZh } }],
      current: dups,
    });
  }
  const now = write.now().toISOString();
  const { allowNameDuplicate: _confirm, ...fields } = input;
  const row = (
    await tx
      .insert(company)
      .values({ ...fields, nameNorm: normaliseCompanyName(input.nameZh), createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning()
  )[0];
  if (!row) throw new Error('company insert returned nothing');
  await indexCompanies(tx, [row], true);
  await audit({ action: 'company.create', entity: 'company', entityId: row.id, after: companySnapshot(row) });
  return { id: row.id };
}

export async function updateCompany(write: WriteCtx, input: CompanyUpdate) {
  const { tx, audit } = write;
  const before = await loadCompany(tx, input.id);
  if (before.mergedIntoId)
    throw new DomainError('INVALID_STATE', 'company.merged', `Company ${before.id} was merged into company ${before.mergedIntoId}; edit that one.`, {
      params: { id: before.id, into: before.mergedIntoId },
    });
  const { id, ...patch } = input;
  if (patch.uscc && patch.uscc !== before.uscc) {
    const taken = (await tx.select().from(company).where(eq(company.uscc, patch.uscc)))[0];
    if (taken) throw usccTaken(patch.uscc, taken);
  }
  const zone = patch.zone ?? before.zone;
  const inShanghai = patch.registeredInShanghai ?? before.registeredInShanghai;
  if (inShanghai && zone === 'outside_shanghai')
    throw DomainError.field('zone', 'zoneNotShanghai', 'zone: must be a Shanghai zone or district for a firm registered in Shanghai');
  const now = write.now().toISOString();
  const after = (
    await tx
      .update(company)
      .set({ ...patch, ...(patch.nameZh ? { nameNorm: normaliseCompanyName(patch.nameZh) } : {}), updatedAt: now })
      .where(eq(company.id, id))
      .returning()
  )[0];
  if (!after) throw new Error(`company ${id} vanished inside its update`);
  await indexCompanies(tx, [await companyTextWithAliases(tx, after)]);
  await audit({ action: 'company.update', entity: 'company', entityId: id, before: companySnapshot(before), after: companySnapshot(after) });
  return { id };
}

/** A company's index text, with the names of the companies merged into it (so an old name still finds it). */
async function companyTextWithAliases(tx: Tx, c: CompanyRow) {
  const merged = await tx.select({ nameZh: company.nameZh, nameEn: company.nameEn, uscc: company.uscc }).from(company).where(eq(company.mergedIntoId, c.id));
  const aliases = merged.flatMap((m) => [m.nameZh, m.nameEn ?? '']).join(' ');
  return { id: c.id, nameZh: `${c.nameZh} ${aliases}`, nameEn: c.nameEn, uscc: c.uscc };
}

/**
 * Merges a duplicate into the company that stays, keeping both histories: the duplicate's deals move to
 * the survivor; where both have a deal in the same fund, the duplicate's stage events, scores (unless the
 * same scorer scored the same criterion on the survivor's deal) and notes move to the survivor's deal and
 * a note records the fold. The duplicate's row stays, pointing at the survivor; a company_merge row and an
 * audit event keep what it was. Two different credit codes are two legal entities: never merged.
 */
export async function mergeCompanies(write: WriteCtx, input: CompanyMerge) {
  const { tx, audit } = write;
  const actor = signedIn(write);
  const from = await loadCompany(tx, input.fromId);
  const into = await loadCompany(tx, input.intoId);
  for (const c of [from, into])
    if (c.mergedIntoId)
      throw new DomainError('INVALID_STATE', 'company.merged', `Company ${c.id} was already merged into company ${c.mergedIntoId}.`, {
        params: { id: c.id, into: c.mergedIntoId },
      });
  if (from.uscc && into.uscc && from.uscc !== into.uscc)
    throw DomainError.field(
      'intoId',
      'usccDiffers',
      `intoId: the two companies have different credit codes (${from.uscc}, ${into.uscc}); they are different firms`,
      {
        from: from.uscc,
        into: into.uscc,
      },
    );

  const now = write.now().toISOString();
  const fromDeals = await tx.select().from(deal).where(eq(deal.companyId, from.id));
  const intoDeals = await tx.select().from(deal).where(eq(deal.companyId, into.id));
  const moved: number[] = [];
  const folded: Array<{ from: number; into: number; fundId: number; stage: string }> = [];
  for (const d of fromDeals) {
    const twin = intoDeals.find((x) => x.fundId === d.fundId);
    if (!twin) {
      await tx
        .update(deal)
        .set({ companyId: into.id, version: sql`${deal.version} + 1`, updatedAt: now })
        .where(eq(deal.id, d.id));
      moved.push(d.id);
      continue;
    }
    await tx.update(dealStageEvent).set({ dealId: twin.id }).where(eq(dealStageEvent.dealId, d.id));
    await tx.update(dealNote).set({ dealId: twin.id }).where(eq(dealNote.dealId, d.id));
    await tx.run(sql`UPDATE deal_score SET deal_id = ${twin.id} WHERE deal_id = ${d.id}
      AND NOT EXISTS (SELECT 1 FROM deal_score s WHERE s.deal_id = ${twin.id} AND s.scorer_id = deal_score.scorer_id AND s.criterion = deal_score.criterion)`);
    await tx.delete(dealScore).where(eq(dealScore.dealId, d.id));
    await tx.insert(dealNote).values({
      dealId: twin.id,
      authorId: actor.userId,
      authorLabel: actor.email,
      body: `合并重复企业：原「${from.nameZh}」的项目 #${d.id}（${d.stage}）的阶段记录、评分与备注已并入本项目。 Merged duplicate company ${from.nameZh}: deal #${d.id} (${d.stage}) moved into this deal.`,
      at: now,
    });
    await tx.run(sql`DELETE FROM deal_text_search WHERE rowid = ${d.id}`);
    await tx.delete(deal).where(eq(deal.id, d.id));
    await tx
      .update(deal)
      .set({ version: sql`${deal.version} + 1`, updatedAt: now })
      .where(eq(deal.id, twin.id));
    folded.push({ from: d.id, into: twin.id, fundId: d.fundId, stage: d.stage });
  }
  const takeUscc = !into.uscc && from.uscc ? from.uscc : null;
  await tx.update(company).set({ mergedIntoId: into.id, uscc: null, updatedAt: now }).where(eq(company.id, from.id));
  const survivor = (
    await tx
      .update(company)
      .set({ ...(takeUscc ? { uscc: takeUscc } : {}), updatedAt: now })
      .where(eq(company.id, into.id))
      .returning()
  )[0];
  if (!survivor) throw new Error(`company ${into.id} vanished inside the merge`);
  await tx.run(sql`DELETE FROM company_search WHERE rowid = ${from.id}`);
  await indexCompanies(tx, [await companyTextWithAliases(tx, survivor)]);
  await recomputeScores(
    tx,
    folded.map((f) => f.into),
  );
  await reindexDeals(
    tx,
    folded.map((f) => f.into),
  );
  const details = { from: companySnapshot(from), moved, folded };
  await tx.insert(companyMerge).values({ fromId: from.id, intoId: into.id, at: now, actorUserId: actor.userId, details });
  await audit({
    action: 'company.merge',
    entity: 'company',
    entityId: into.id,
    before: { from: companySnapshot(from), into: companySnapshot(into) },
    after: { ...details, into: companySnapshot(survivor) },
  });
  return { intoId: into.id, moved: moved.length, folded: folded.length };
}

/** The company register, newest first, with each company's deals in the funds the caller may read. */
export async function listCompanies(read: ReadCtx, input: CompanyList) {
  const { db } = read;
  const scope = await read.scope();
  const rows = await db
    .select()
    .from(company)
    .where(
      and(
        isNull(company.mergedIntoId),
        input.sector ? eq(company.sector, input.sector) : undefined,
        input.zone ? eq(company.zone, input.zone) : undefined,
        input.cursor ? lt(company.id, input.cursor) : undefined,
        companySearchCondition(input.q) ?? undefined,
      ),
    )
    .orderBy(desc(company.id))
    .limit(input.limit + 1);
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const ids = page.map((r) => r.id);
  const deals = ids.length
    ? await db
        .select({ companyId: deal.companyId, dealId: deal.id, fundCode: fund.code, stage: deal.stage })
        .from(deal)
        .innerJoin(fund, eq(fund.id, deal.fundId))
        .where(and(inArray(deal.companyId, ids), fundScopeCondition(scope, deal.fundId)))
        .orderBy(asc(fund.code))
    : [];
  return {
    items: page.map((c) => ({ ...companySnapshot(c), createdAt: c.createdAt, deals: deals.filter((d) => d.companyId === c.id) })),
    nextCursor: more ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/** One company with its deals in readable funds, what was merged into it, and whether the caller may edit it. */
export async function getCompany(read: ReadCtx, { id }: { id: number }) {
  const { db } = read;
  const c = await loadCompany(db, id);
  const scope = await read.scope();
  const deals = await db
    .select({
      id: deal.id,
      fundId: deal.fundId,
      fundCode: fund.code,
      fundNameZh: fund.nameZh,
      fundNameEn: fund.nameEn,
      stage: deal.stage,
      amountFen: deal.amountFen,
      score: deal.score,
      updatedAt: deal.updatedAt,
    })
    .from(deal)
    .innerJoin(fund, eq(fund.id, deal.fundId))
    .where(and(eq(deal.companyId, id), fundScopeCondition(scope, deal.fundId)))
    .orderBy(asc(fund.code));
  const merges = await db
    .select({ fromId: companyMerge.fromId, at: companyMerge.at, nameZh: company.nameZh, nameEn: company.nameEn })
    .from(companyMerge)
    .innerJoin(company, eq(company.id, companyMerge.fromId))
    .where(eq(companyMerge.intoId, id))
    .orderBy(desc(companyMerge.at));
  const duplicates = c.mergedIntoId ? [] : await duplicatesOf(db, { uscc: null, nameZh: c.nameZh, excludeId: c.id });
  return { ...companySnapshot(c), createdAt: c.createdAt, updatedAt: c.updatedAt, deals, merges, duplicates };
}

/**
 * Who has a stake in companies, for the router's permission checks (company data is shared by every fund,
 * so it is edited only by someone with a stake in it): each company's creator, and the funds with a deal of it.
 */
export async function companyStakes(read: ReadCtx, { companyIds }: { companyIds: readonly number[] }) {
  if (!companyIds.length) return { createdBy: new Map<number, number | null>(), dealFundIds: [] as number[] };
  const rows = await read.db
    .select({ id: company.id, createdBy: company.createdBy })
    .from(company)
    .where(inArray(company.id, [...companyIds]));
  const funds = await read.db
    .selectDistinct({ fundId: deal.fundId })
    .from(deal)
    .where(inArray(deal.companyId, [...companyIds]));
  return { createdBy: new Map(rows.map((r) => [r.id, r.createdBy])), dealFundIds: funds.map((f) => f.fundId) };
}
