import { type DbOrTx, designation, designationEvent, kpiSnapshot } from '@highland/drizzle';
import {
  DESIGNATION_CRITERIA,
  type DesignationLevel,
  type DesignationList,
  type DesignationNominate,
  type DesignationReview,
  type DesignationRevoke,
  type DesignationSpan,
  type DesignationStatus,
  DomainError,
  designationsInForce,
  SECTOR_CODES,
} from '@highland/shared';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { type ReadCtx, stampOf, type WriteCtx } from '../ctx.js';
import { loadDesignation } from '../load.js';
import { asOfOr, assertPortfolioFirm, companyOrThrow, type FirmScope, firmFields, firmsById, notBefore, notFuture, userNames } from './common.js';

/** Designations that were ever in force (approved, possibly revoked since), for the counts. */
export async function designationSpans(db: DbOrTx): Promise<DesignationSpan[]> {
  const rows = await db.values<[number, number, DesignationLevel, string, string | null]>(sql`
    SELECT id, company_id, level, effective_on, revoked_on FROM designation WHERE effective_on IS NOT NULL ORDER BY effective_on, id`);
  return rows.map((r) => ({ id: r[0], companyId: r[1], level: r[2], effectiveOn: r[3], revokedOn: r[4] }));
}

type Row = typeof designation.$inferSelect;

/** Where a designation stood on `date` (null: not yet nominated then). */
export function statusOn(d: Pick<Row, 'status' | 'nominatedOn' | 'reviewedOn' | 'effectiveOn' | 'revokedOn'>, date: string): DesignationStatus | null {
  if (d.nominatedOn > date) return null;
  if (d.revokedOn !== null && d.revokedOn <= date) return 'revoked';
  if (d.reviewedOn !== null && d.reviewedOn <= date) return d.effectiveOn !== null ? 'approved' : 'rejected';
  return 'nominated';
}

/** The designations of the firms in scope as they stood on `asOf`, with their history and the counts in force. */
export async function listDesignations(read: ReadCtx, { firms: scope, ...filter }: DesignationList & { firms: FirmScope }) {
  const { db } = read;
  const asOf = asOfOr(read, filter.asOf);
  const rows = await db.select().from(designation).orderBy(desc(designation.nominatedOn), desc(designation.id));
  const visible = rows.filter((r) => scope === 'all' || scope.has(r.companyId));
  const events = visible.length
    ? await db
        .select()
        .from(designationEvent)
        .where(
          inArray(
            designationEvent.designationId,
            visible.map((r) => r.id),
          ),
        )
        .orderBy(asc(designationEvent.id))
    : [];
  const firms = await firmsById(
    db,
    visible.map((r) => r.companyId),
  );
  const names = await userNames(db, [...visible.flatMap((r) => [r.nominatedBy, r.reviewedBy, r.revokedBy]), ...events.map((e) => e.by)]);
  const items = visible
    .map((r) => ({ r, status: statusOn(r, asOf) }))
    .filter((x): x is { r: Row; status: DesignationStatus } => x.status !== null)
    .filter((x) => (!filter.status || x.status === filter.status) && (!filter.level || x.r.level === filter.level))
    .map(({ r, status }) => {
      return {
        id: r.id,
        companyId: r.companyId,
        ...firmFields(firms.get(r.companyId)),
        level: r.level,
        status,
        nominatedOn: r.nominatedOn,
        nominatedBy: r.nominatedBy === null ? null : (names.get(r.nominatedBy) ?? null),
        nominatedById: r.nominatedBy,
        criteria: r.criteria,
        evidence: r.evidence,
        facts: r.facts,
        reviewedOn: r.reviewedOn !== null && r.reviewedOn <= asOf ? r.reviewedOn : null,
        reviewNote: r.reviewedOn !== null && r.reviewedOn <= asOf ? r.reviewNote : null,
        effectiveOn: r.effectiveOn !== null && r.effectiveOn <= asOf ? r.effectiveOn : null,
        revokedOn: r.revokedOn !== null && r.revokedOn <= asOf ? r.revokedOn : null,
        revokeReason: r.revokedOn !== null && r.revokedOn <= asOf ? r.revokeReason : null,
        history: events
          .filter((e) => e.designationId === r.id && e.date <= asOf)
          .map((e) => ({ action: e.action, date: e.date, note: e.note, by: e.by === null ? null : (names.get(e.by) ?? null), at: e.at })),
      };
    });
  const spans = (await designationSpans(db)).filter((s) => scope === 'all' || scope.has(s.companyId));
  return {
    asOf,
    counts: {
      leader: designationsInForce(spans, 'leader', asOf).length,
      benchmark: designationsInForce(spans, 'benchmark', asOf).length,
      pending: items.filter((i) => i.status === 'nominated').length,
    },
    items,
  };
}

/** The firm's figures from the books on a date: its latest annual KPIs, sector and zone. */
async function factsOn(db: DbOrTx, companyId: number, date: string, c: { sector: string; zone: string; registeredInShanghai: boolean }) {
  const [k] = await db
    .select()
    .from(kpiSnapshot)
    .where(and(eq(kpiSnapshot.companyId, companyId), sql`length(${kpiSnapshot.period}) = 4`, lte(kpiSnapshot.periodEnd, date)))
    .orderBy(desc(kpiSnapshot.period), desc(kpiSnapshot.id))
    .limit(1);
  return {
    sector: c.sector,
    zone: c.zone,
    registeredInShanghai: c.registeredInShanghai ? 'yes' : 'no',
    kpiYear: k?.period ?? null,
    revenueFen: k?.revenueFen ?? null,
    outputValueFen: k?.outputValueFen ?? null,
    rndFen: k?.rndFen ?? null,
    headcount: k?.headcount ?? null,
    patents: k?.patents ?? null,
  };
}

/**
 * Nominates a portfolio firm. Refused: a firm no fund of the group holds on the date; a criterion the
 * books contradict (a focus sector, registration in Shanghai); a firm already nominated or designated at
 * that level. The firm's figures on the date are kept with the nomination for the reviewer.
 */
export async function nominate(write: WriteCtx, input: DesignationNominate) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const c = await companyOrThrow(tx, input.companyId);
  notFuture('date', input.date, meta.today);
  await assertPortfolioFirm(tx, c.id, c.nameZh, input.date, 'designation.notInPortfolio');
  const contradicted = input.criteria.filter(
    (k) =>
      DESIGNATION_CRITERIA[k].checkable &&
      ((k === 'focus_sector' && !(SECTOR_CODES as readonly string[]).includes(c.sector)) || (k === 'shanghai_registered' && !c.registeredInShanghai)),
  );
  if (contradicted.length)
    throw DomainError.field('criteria', 'contradicted', `criteria: the company record contradicts ${contradicted.join(', ')}`, {
      criteria: contradicted.map((k) => DESIGNATION_CRITERIA[k].zh).join('、'),
    });
  const [open] = await tx
    .select({ id: designation.id, status: designation.status })
    .from(designation)
    .where(and(eq(designation.companyId, c.id), eq(designation.level, input.level), inArray(designation.status, ['nominated', 'approved'])));
  if (open)
    throw new DomainError(
      'CONFLICT',
      'designation.duplicate',
      `${c.nameZh} is already ${open.status === 'approved' ? 'designated' : 'nominated'} at this level (designation ${open.id}).`,
      {
        params: { name: c.nameZh, id: open.id, status: open.status },
      },
    );
  const facts = await factsOn(tx, c.id, input.date, c);
  const [row] = await tx
    .insert(designation)
    .values({
      companyId: c.id,
      level: input.level,
      status: 'nominated',
      nominatedOn: input.date,
      nominatedBy: meta.userId,
      criteria: input.criteria,
      evidence: input.evidence,
      facts,
      createdAt: meta.at,
      updatedAt: meta.at,
    })
    .returning();
  if (!row) throw new Error('designation insert returned nothing');
  await tx.insert(designationEvent).values({ designationId: row.id, action: 'nominated', date: input.date, note: null, at: meta.at, by: meta.userId });
  await audit({ action: 'designation.nominate', entity: 'designation', entityId: row.id, after: row });
  return row;
}

/** Approves (in force from the review date) or rejects a nomination, once; never by its nominator. */
export async function reviewDesignation(write: WriteCtx, input: DesignationReview) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const before = await loadDesignation(tx, input.id);
  if (before.status !== 'nominated')
    throw new DomainError('INVALID_STATE', 'designation.alreadyReviewed', `Designation ${input.id} was already ${before.status}.`, {
      params: { id: input.id, status: before.status },
      current: before,
    });
  if (before.nominatedBy !== null && before.nominatedBy === meta.userId)
    throw new DomainError('FORBIDDEN', 'designation.selfReview', 'A nomination is reviewed by someone other than its nominator.');
  notFuture('date', input.date, meta.today);
  notBefore('date', input.date, before.nominatedOn, 'nomination date');
  const approved = input.decision === 'approved';
  const [after] = await tx
    .update(designation)
    .set({
      status: input.decision,
      reviewedOn: input.date,
      reviewedBy: meta.userId,
      reviewNote: input.note || null,
      effectiveOn: approved ? input.date : null,
      updatedAt: meta.at,
    })
    .where(eq(designation.id, input.id))
    .returning();
  await tx
    .insert(designationEvent)
    .values({ designationId: input.id, action: input.decision, date: input.date, note: input.note || null, at: meta.at, by: meta.userId });
  await audit({ action: `designation.${approved ? 'approve' : 'reject'}`, entity: 'designation', entityId: input.id, before, after });
  return after;
}

/** Revokes a designation in force, with a reason; it stops counting from the revocation date. */
export async function revokeDesignation(write: WriteCtx, input: DesignationRevoke) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const before = await loadDesignation(tx, input.id);
  if (before.status !== 'approved' || before.effectiveOn === null)
    throw new DomainError('INVALID_STATE', 'designation.notInForce', `Designation ${input.id} is ${before.status}, not in force: nothing to revoke.`, {
      params: { id: input.id, status: before.status },
    });
  notFuture('date', input.date, meta.today);
  notBefore('date', input.date, before.effectiveOn, 'date it came into force');
  const [after] = await tx
    .update(designation)
    .set({ status: 'revoked', revokedOn: input.date, revokedBy: meta.userId, revokeReason: input.reason, updatedAt: meta.at })
    .where(eq(designation.id, input.id))
    .returning();
  await tx.insert(designationEvent).values({ designationId: input.id, action: 'revoked', date: input.date, note: input.reason, at: meta.at, by: meta.userId });
  await audit({ action: 'designation.revoke', entity: 'designation', entityId: input.id, before, after });
  return after;
}
