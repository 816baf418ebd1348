import { consultingSession, listingAttempt, listingEvent, listingSubsidySchedule, policySupport, type Tx } from '@highland/drizzle';
import {
  assertWithinCap,
  type ConsultingCreate,
  DomainError,
  formatMoney,
  holdersOn,
  LISTING_STAGE_CODES,
  LISTING_STAGES,
  type ListingStage,
  type ListingSubsidyScheduleSet,
  type SupportApply,
  type SupportCap,
  type SupportDecide,
  type SupportKind,
  type SupportList,
  type SupportPay,
  type SupportStatus,
  type SupportTotalDimension,
  supportCap,
  ZONES,
  type Zone,
} from '@highland/shared';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { insertAudited, type ReadCtx, stampOf, type WriteCtx } from '../ctx.js';
import { loadSupport } from '../load.js';
import { holdingMoves } from './books.js';
import { asOfOr, companyOrThrow, type FirmScope, firmFields, firmReadable, firmsById, fundCodes, notBefore, notFuture, userNames } from './common.js';

type Row = typeof policySupport.$inferSelect;

// ── The listing-subsidy schedule (configuration) ───────────────────────────────────────────────────────

export async function listingSchedule(read: ReadCtx) {
  const { db } = read;
  const rows = await db.select().from(listingSubsidySchedule);
  const names = await userNames(
    db,
    rows.map((r) => r.updatedBy),
  );
  return LISTING_STAGE_CODES.map((milestone) => {
    const r = rows.find((x) => x.milestone === milestone);
    return {
      milestone,
      amountFen: r?.amountFen ?? 0,
      note: r?.note ?? null,
      updatedAt: r?.updatedAt ?? null,
      updatedBy: r?.updatedBy == null ? null : (names.get(r.updatedBy) ?? null),
    };
  });
}

/** Sets the amounts of the milestones listed (others unchanged); audited with the schedule before and after. */
export async function setListingSchedule(write: WriteCtx, input: ListingSubsidyScheduleSet) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const before = await tx.select().from(listingSubsidySchedule).orderBy(asc(listingSubsidySchedule.milestone));
  for (const e of input.entries) {
    const values = { amountFen: e.amountFen, note: e.note || null, updatedAt: meta.at, updatedBy: meta.userId };
    if (before.some((b) => b.milestone === e.milestone))
      await tx.update(listingSubsidySchedule).set(values).where(eq(listingSubsidySchedule.milestone, e.milestone));
    else await tx.insert(listingSubsidySchedule).values({ milestone: e.milestone, ...values });
  }
  const after = await tx.select().from(listingSubsidySchedule).orderBy(asc(listingSubsidySchedule.milestone));
  await audit({ action: 'support.schedule.update', entity: 'listing_subsidy_schedule', entityId: 'schedule', before, after });
  return after;
}

// ── Support records ────────────────────────────────────────────────────────────────────────────────────

/** A listing subsidy: the attempt is the firm's, reached the milestone by the application date, and has no other live claim for it. */
async function listingSubsidyCap(tx: Tx, input: Extract<SupportApply, { kind: 'listing_subsidy' }>): Promise<SupportCap> {
  const [a] = await tx.select().from(listingAttempt).where(eq(listingAttempt.id, input.listingAttemptId));
  if (!a || a.companyId !== input.companyId)
    throw DomainError.field('listingAttemptId', 'unknownAttempt', `listingAttemptId: the firm has no listing attempt ${input.listingAttemptId}`, {
      id: input.listingAttemptId,
    });
  const [reached] = await tx
    .select({ date: listingEvent.date })
    .from(listingEvent)
    .where(and(eq(listingEvent.attemptId, a.id), eq(listingEvent.kind, input.milestone)))
    .orderBy(asc(listingEvent.date))
    .limit(1);
  if (!reached || reached.date > input.appliedOn)
    throw DomainError.field(
      'milestone',
      'milestoneNotReached',
      `milestone: the attempt had not reached ${LISTING_STAGES[input.milestone].en} by ${input.appliedOn}; a subsidy is claimed for a milestone reached`,
      { milestone: LISTING_STAGES[input.milestone].zh, date: input.appliedOn },
    );
  const [claimed] = await tx
    .select({ id: policySupport.id })
    .from(policySupport)
    .where(and(eq(policySupport.listingAttemptId, a.id), eq(policySupport.milestone, input.milestone), ne(policySupport.status, 'rejected')));
  if (claimed)
    throw new DomainError(
      'CONFLICT',
      'support.alreadyClaimed',
      `A subsidy for ${LISTING_STAGES[input.milestone].en} of this attempt exists already (record ${claimed.id}).`,
      {
        params: { id: claimed.id, milestone: LISTING_STAGES[input.milestone].zh },
      },
    );
  const [s] = await tx.select().from(listingSubsidySchedule).where(eq(listingSubsidySchedule.milestone, input.milestone));
  return supportCap({ kind: 'listing_subsidy', milestone: input.milestone, scheduleFen: s?.amountFen ?? null });
}

/**
 * Records an application for policy support with the cap its rule gives (stored: "the applied cap").
 * Refused above the cap, with the cap and its rule named; nothing is written.
 */
export async function applySupport(write: WriteCtx, input: SupportApply) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  await companyOrThrow(tx, input.companyId);
  notFuture('appliedOn', input.appliedOn, meta.today);
  const cap =
    input.kind === 'listing_subsidy'
      ? await listingSubsidyCap(tx, input)
      : supportCap({
          kind: input.kind,
          basisFen: 'basisFen' in input ? input.basisFen : null,
          recipients: input.kind === 'team_reward' ? input.recipients : [],
        });
  assertWithinCap('appliedFen', input.appliedFen, cap);
  const [row] = await tx
    .insert(policySupport)
    .values({
      companyId: input.companyId,
      kind: input.kind,
      firstSetKind: input.kind === 'first_set' ? input.firstSetKind : null,
      listingAttemptId: input.kind === 'listing_subsidy' ? input.listingAttemptId : null,
      milestone: input.kind === 'listing_subsidy' ? input.milestone : null,
      title: input.title,
      reference: input.reference || null,
      basisFen: 'basisFen' in input ? input.basisFen : null,
      recipients: input.kind === 'team_reward' ? input.recipients : null,
      capFen: cap.capFen,
      capRule: cap.rule,
      status: 'applied',
      appliedOn: input.appliedOn,
      appliedFen: input.appliedFen,
      createdAt: meta.at,
      createdBy: meta.userId,
      updatedAt: meta.at,
    })
    .returning();
  if (!row) throw new Error('support insert returned nothing');
  await audit({ action: 'support.apply', entity: 'policy_support', entityId: row.id, after: { ...row, capText: cap.text } });
  return row;
}

const capOf = (r: Row): SupportCap => ({
  capFen: r.capFen,
  rule: r.capRule as SupportCap['rule'],
  text: `the cap applied when it was claimed: ${formatMoney(r.capFen, { locale: 'en', unit: 'yuan' })}`,
});

/** Approves (at most what was applied for, within the applied cap) or refuses an application, once. */
export async function decideSupport(write: WriteCtx, input: SupportDecide) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const before = await loadSupport(tx, input.id);
  if (before.status !== 'applied')
    throw new DomainError('INVALID_STATE', 'support.alreadyDecided', `Support ${input.id} was already ${before.status}.`, {
      params: { id: input.id, status: before.status },
    });
  notFuture('date', input.date, meta.today);
  notBefore('date', input.date, before.appliedOn, 'application date');
  if (input.decision === 'approved') {
    const approved = input.approvedFen ?? 0;
    assertWithinCap('approvedFen', approved, capOf(before));
    if (approved > before.appliedFen)
      throw DomainError.field('approvedFen', 'aboveApplied', `approvedFen: more than the ${before.appliedFen} fen applied for`, { applied: before.appliedFen });
  }
  const [after] = await tx
    .update(policySupport)
    .set({
      status: input.decision,
      decidedOn: input.date,
      approvedFen: input.decision === 'approved' ? (input.approvedFen ?? null) : null,
      decisionNote: input.note || null,
      updatedAt: meta.at,
    })
    .where(eq(policySupport.id, input.id))
    .returning();
  await audit({ action: `support.${input.decision === 'approved' ? 'approve' : 'reject'}`, entity: 'policy_support', entityId: input.id, before, after });
  return after;
}

/** Records the payment of an approved support: at most the approved amount, not before the approval. */
export async function paySupport(write: WriteCtx, input: SupportPay) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const before = await loadSupport(tx, input.id);
  if (before.status !== 'approved' || before.decidedOn === null || before.approvedFen === null)
    throw new DomainError('INVALID_STATE', 'support.notApproved', `Support ${input.id} is ${before.status}: only approved support is paid.`, {
      params: { id: input.id, status: before.status },
    });
  notFuture('date', input.date, meta.today);
  notBefore('date', input.date, before.decidedOn, 'approval date');
  if (input.paidFen > before.approvedFen)
    throw DomainError.field('paidFen', 'aboveApproved', `paidFen: more than the ${before.approvedFen} fen approved`, { approved: before.approvedFen });
  const [after] = await tx
    .update(policySupport)
    .set({ status: 'paid', paidOn: input.date, paidFen: input.paidFen, updatedAt: meta.at })
    .where(eq(policySupport.id, input.id))
    .returning();
  await audit({ action: 'support.pay', entity: 'policy_support', entityId: input.id, before, after });
  return after;
}

/** Where a record stood on `date` (null: not yet applied for). */
function statusOn(r: Row, date: string): SupportStatus | null {
  if (r.appliedOn > date) return null;
  if (r.paidOn !== null && r.paidOn <= date) return 'paid';
  if (r.decidedOn !== null && r.decidedOn <= date) return r.status === 'rejected' ? 'rejected' : 'approved';
  return 'applied';
}

/** Amounts as of `date`: applied, approved (when decided by then) and paid (when paid by then). */
function amountsOn(r: Row, date: string) {
  const status = statusOn(r, date);
  return {
    status,
    appliedFen: status ? r.appliedFen : 0,
    approvedFen: status === 'approved' || status === 'paid' ? (r.approvedFen ?? 0) : 0,
    paidFen: status === 'paid' ? (r.paidFen ?? 0) : 0,
  };
}

export async function listSupport(read: ReadCtx, { firms: scope, ...filter }: SupportList & { firms: FirmScope }) {
  const { db } = read;
  const asOf = asOfOr(read, filter.asOf);
  const rows = (await db.select().from(policySupport).orderBy(desc(policySupport.appliedOn), desc(policySupport.id))).filter(
    (r) => firmReadable(scope, r.companyId) && (!filter.kind || r.kind === filter.kind) && (!filter.companyId || r.companyId === filter.companyId),
  );
  const firms = await firmsById(
    db,
    rows.map((r) => r.companyId),
  );
  const items = rows
    .map((r) => ({ r, a: amountsOn(r, asOf) }))
    .filter(({ a }) => a.status !== null && (!filter.status || a.status === filter.status))
    .map(({ r, a }) => {
      return {
        id: r.id,
        companyId: r.companyId,
        ...firmFields(firms.get(r.companyId)),
        kind: r.kind,
        firstSetKind: r.firstSetKind,
        listingAttemptId: r.listingAttemptId,
        milestone: r.milestone as ListingStage | null,
        title: r.title,
        reference: r.reference,
        basisFen: r.basisFen,
        recipients: r.recipients,
        capFen: r.capFen,
        capRule: r.capRule,
        status: a.status as SupportStatus,
        appliedOn: r.appliedOn,
        appliedFen: r.appliedFen,
        decidedOn: a.status === 'applied' ? null : r.decidedOn,
        approvedFen: a.approvedFen || null,
        decisionNote: a.status === 'applied' ? null : r.decisionNote,
        paidOn: a.status === 'paid' ? r.paidOn : null,
        paidFen: a.paidFen || null,
      };
    });
  const sum = (k: 'appliedFen' | 'approvedFen' | 'paidFen') => items.reduce((x, i) => x + (i[k] ?? 0), 0);
  return { asOf, items, totals: { appliedFen: sum('appliedFen'), approvedFen: sum('approvedFen'), paidFen: sum('paidFen'), count: items.length } };
}

export interface TotalRow {
  key: string;
  labelZh: string;
  labelEn: string;
  appliedFen: number;
  approvedFen: number;
  paidFen: number;
  count: number;
  sessions: number;
  paidByKind: Partial<Record<SupportKind, number>>;
}

/**
 * Support totals per firm, sub-fund, zone or year, as of a date. Per year, each amount falls in the year
 * of its own step (applied, approved, paid). Per sub-fund, a record counts for every fund that held the
 * firm on the application date — a firm held by two funds counts in both, so those rows overlap.
 */
export async function supportTotals(read: ReadCtx, input: { by: SupportTotalDimension; asOf?: string | undefined; firms: FirmScope }) {
  const { db } = read;
  const { by, firms: scope } = input;
  const asOf = asOfOr(read, input.asOf);
  const rows = (await db.select().from(policySupport)).filter((r) => firmReadable(scope, r.companyId) && r.appliedOn <= asOf);
  const sessions = (await db.select().from(consultingSession)).filter((s) => firmReadable(scope, s.companyId) && s.date <= asOf);
  const firms = await firmsById(db, [...rows.map((r) => r.companyId), ...sessions.map((s) => s.companyId)]);
  const out = new Map<string, TotalRow>();
  const bucket = (key: string, zh: string, en: string) => {
    let t = out.get(key);
    if (!t) {
      t = { key, labelZh: zh, labelEn: en, appliedFen: 0, approvedFen: 0, paidFen: 0, count: 0, sessions: 0, paidByKind: {} };
      out.set(key, t);
    }
    return t;
  };
  const moves = by === 'fund' ? await holdingMoves(db) : [];
  const funds = by === 'fund' ? await fundCodes(db) : new Map();
  const holderCache = new Map<string, Map<number, number[]>>();
  const keysOf = (companyId: number, date: string): Array<[string, string, string]> => {
    const c = firms.get(companyId);
    if (by === 'company') return [[String(companyId), c?.nameZh ?? '', c?.nameEn ?? c?.nameZh ?? '']];
    if (by === 'zone') {
      const z = ZONES[(c?.zone ?? '') as Zone];
      return [[c?.zone ?? '', z?.zh ?? c?.zone ?? '', z?.en ?? c?.zone ?? '']];
    }
    if (by === 'year') return [[date.slice(0, 4), `${date.slice(0, 4)}年`, date.slice(0, 4)]];
    let holders = holderCache.get(date);
    if (!holders) {
      holders = holdersOn(moves, date);
      holderCache.set(date, holders);
    }
    const ids = holders.get(companyId) ?? [];
    if (!ids.length) return [['none', '（申请时无基金持有）', '(not held when applied)']];
    return ids.map((id) => {
      const f = funds.get(id);
      return [String(id), f ? `${f.code} ${f.nameZh}` : String(id), f ? `${f.code} ${f.nameEn}` : String(id)] as [string, string, string];
    });
  };
  for (const r of rows) {
    const a = amountsOn(r, asOf);
    if (by === 'year') {
      for (const [k, zh, en] of keysOf(r.companyId, r.appliedOn)) {
        const t = bucket(k, zh, en);
        t.appliedFen += a.appliedFen;
        t.count += 1;
      }
      if (a.approvedFen && r.decidedOn) for (const [k, zh, en] of keysOf(r.companyId, r.decidedOn)) bucket(k, zh, en).approvedFen += a.approvedFen;
      if (a.paidFen && r.paidOn)
        for (const [k, zh, en] of keysOf(r.companyId, r.paidOn)) {
          const t = bucket(k, zh, en);
          t.paidFen += a.paidFen;
          t.paidByKind[r.kind] = (t.paidByKind[r.kind] ?? 0) + a.paidFen;
        }
      continue;
    }
    for (const [k, zh, en] of keysOf(r.companyId, r.appliedOn)) {
      const t = bucket(k, zh, en);
      t.appliedFen += a.appliedFen;
      t.approvedFen += a.approvedFen;
      t.paidFen += a.paidFen;
      t.count += 1;
      if (a.paidFen) t.paidByKind[r.kind] = (t.paidByKind[r.kind] ?? 0) + a.paidFen;
    }
  }
  for (const s of sessions) for (const [k, zh, en] of keysOf(s.companyId, s.date)) bucket(k, zh, en).sessions += 1;
  const list = [...out.values()].sort((a, b) => (by === 'year' ? a.key.localeCompare(b.key) : b.paidFen - a.paidFen || b.appliedFen - a.appliedFen));
  const total = (k: 'appliedFen' | 'approvedFen' | 'paidFen') => rows.reduce((x, r) => x + amountsOn(r, asOf)[k], 0);
  return {
    asOf,
    by,
    rows: list,
    totals: { appliedFen: total('appliedFen'), approvedFen: total('approvedFen'), paidFen: total('paidFen'), count: rows.length, sessions: sessions.length },
    overlapping: by === 'fund',
  };
}

// ── Consulting sessions ────────────────────────────────────────────────────────────────────────────────

export async function addConsulting(write: WriteCtx, input: ConsultingCreate) {
  const { tx } = write;
  const meta = stampOf(write);
  await companyOrThrow(tx, input.companyId);
  notFuture('date', input.date, meta.today);
  if (input.listingAttemptId != null) {
    const [a] = await tx.select({ companyId: listingAttempt.companyId }).from(listingAttempt).where(eq(listingAttempt.id, input.listingAttemptId));
    if (!a || a.companyId !== input.companyId)
      throw DomainError.field('listingAttemptId', 'unknownAttempt', `listingAttemptId: the firm has no listing attempt ${input.listingAttemptId}`, {
        id: input.listingAttemptId,
      });
  }
  const row = await insertAudited(
    write,
    consultingSession,
    {
      companyId: input.companyId,
      listingAttemptId: input.listingAttemptId ?? null,
      date: input.date,
      provider: input.provider,
      topic: input.topic,
      hours: input.hours ?? null,
      note: input.note || null,
      createdAt: meta.at,
      createdBy: meta.userId,
    },
    { action: 'support.consulting', entity: 'consulting_session' },
  );
  return row;
}

export async function listConsulting(read: ReadCtx, input: { companyId?: number | undefined; asOf?: string | undefined; firms: FirmScope }) {
  const { db } = read;
  const { companyId, firms: scope } = input;
  const asOf = asOfOr(read, input.asOf);
  const rows = (
    await db
      .select()
      .from(consultingSession)
      .where(companyId === undefined ? undefined : inArray(consultingSession.companyId, [companyId]))
      .orderBy(desc(consultingSession.date), desc(consultingSession.id))
  ).filter((r) => firmReadable(scope, r.companyId) && r.date <= asOf);
  const firms = await firmsById(
    db,
    rows.map((r) => r.companyId),
  );
  return rows.map((r) => ({ ...r, nameZh: firms.get(r.companyId)?.nameZh ?? '', nameEn: firms.get(r.companyId)?.nameEn ?? null }));
}
