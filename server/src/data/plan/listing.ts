import { consultingSession, type DbOrTx, listingAttempt, listingEvent, policySupport } from '@highland/drizzle';
import {
  allowedListingEvents,
  applyListingEvent,
  DomainError,
  LISTING_STANDARDS,
  type ListedFirm,
  type ListingEvent,
  type ListingOpen,
  type ListingRecord,
  type ListingUndo,
  type ListingUpdate,
  listingStandardCheck,
  listingState,
  listingTimeline,
  phaseOfStage,
  SECTOR_CODES,
} from '@highland/shared';
import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { type ReadCtx, stampOf, type WriteCtx } from '../ctx.js';
import { loadListingAttempt } from '../load.js';
import { asOfOr, assertPortfolioFirm, companyOrThrow, type FirmScope, firmFields, firmsById, notFuture, userNames } from './common.js';

type Attempt = typeof listingAttempt.$inferSelect;
type EventRow = typeof listingEvent.$inferSelect;

const asEvent = (e: EventRow): ListingEvent => ({ kind: e.kind, date: e.date, outcome: e.outcome });
const inFocus = (sector: string) => (SECTOR_CODES as readonly string[]).includes(sector);

/** Firms whose listing reached 发行上市, with the date: what the listings target counts. */
export async function listedFirms(db: DbOrTx): Promise<ListedFirm[]> {
  const rows = await db.values<[number, number, string]>(sql`
    SELECT a.id, a.company_id, e.date FROM listing_event e JOIN listing_attempt a ON a.id = e.attempt_id
    WHERE e.kind = 'listed' ORDER BY e.date, a.id`);
  return rows.map((r) => ({ attemptId: r[0], companyId: r[1], listedOn: r[2] }));
}

async function eventsOf(db: DbOrTx, attemptIds: ReadonlyArray<number>): Promise<Map<number, EventRow[]>> {
  const out = new Map<number, EventRow[]>();
  for (let i = 0; i < attemptIds.length; i += 500) {
    const rows = await db
      .select()
      .from(listingEvent)
      .where(inArray(listingEvent.attemptId, attemptIds.slice(i, i + 500)))
      .orderBy(asc(listingEvent.id));
    for (const r of rows) {
      const list = out.get(r.attemptId) ?? [];
      list.push(r);
      out.set(r.attemptId, list);
    }
  }
  return out;
}

/** Subsidies paid (as of the date) and consulting sessions held, per attempt. */
async function supportByAttempt(db: DbOrTx, asOf: string) {
  const [paid, sessions] = await Promise.all([
    db
      .select({ id: policySupport.listingAttemptId, fen: sql<number>`SUM(${policySupport.paidFen})` })
      .from(policySupport)
      .where(and(eq(policySupport.kind, 'listing_subsidy'), sql`${policySupport.paidOn} <= ${asOf}`))
      .groupBy(policySupport.listingAttemptId),
    db
      .select({ id: consultingSession.listingAttemptId, n: sql<number>`COUNT(*)` })
      .from(consultingSession)
      .where(sql`${consultingSession.date} <= ${asOf}`)
      .groupBy(consultingSession.listingAttemptId),
  ]);
  return { paid: new Map(paid.map((p) => [p.id, p.fen])), sessions: new Map(sessions.map((s) => [s.id, s.n])) };
}

function summary(
  a: Attempt,
  events: ReadonlyArray<EventRow>,
  asOf: string,
  firm: { nameZh: string; nameEn: string | null; sector: string; zone: string } | undefined,
) {
  const timeline = listingTimeline(events.map(asEvent), asOf);
  const s = timeline.state;
  const phase = s.stage ? phaseOfStage(s.stage) : null;
  const currentPhase = timeline.phases.find((p) => p.current) ?? null;
  return {
    id: a.id,
    companyId: a.companyId,
    ...firmFields(firm),
    attemptNo: a.attemptNo,
    sponsor: a.sponsor,
    listingStandard: a.listingStandard as 1 | 2 | 3 | 4 | 5,
    standard: listingStandardCheck(a.listingStandard as 1 | 2 | 3 | 4 | 5, a.expectedMarketValueFen, inFocus(firm?.sector ?? '')),
    plannedRaiseFen: a.plannedRaiseFen,
    expectedMarketValueFen: a.expectedMarketValueFen,
    openedOn: a.openedOn,
    stage: s.stage,
    stageDate: s.stageDate,
    committeeOutcome: s.committeeOutcome,
    suspended: s.suspended,
    suspendedSince: s.suspendedSince,
    outcome: s.outcome,
    closedOn: s.closedOn,
    daysInStage: timeline.daysInStage,
    phase,
    phaseDays: currentPhase?.activeDays ?? null,
    phaseTypicalDays: currentPhase?.typicalDays ?? null,
    acceptedDays: timeline.acceptedDays,
    suspendedDays: timeline.suspensions.reduce((x, p) => x + p.days, 0),
    timeline,
  };
}

/** Every attempt opened on or before `asOf` of the firms in scope, as it stood then: the board and the timeline. */
export async function listingBoard(read: ReadCtx, input: { asOf?: string | undefined; firms: FirmScope }) {
  const { db } = read;
  const scope = input.firms;
  const asOf = asOfOr(read, input.asOf);
  const attempts = (await db.select().from(listingAttempt).orderBy(asc(listingAttempt.openedOn), asc(listingAttempt.id))).filter(
    (a) => a.openedOn <= asOf && (scope === 'all' || scope.has(a.companyId)),
  );
  const events = await eventsOf(
    db,
    attempts.map((a) => a.id),
  );
  const firms = await firmsById(
    db,
    attempts.map((a) => a.companyId),
  );
  const { paid, sessions } = await supportByAttempt(db, asOf);
  return {
    asOf,
    attempts: attempts.map((a) => ({
      ...summary(a, events.get(a.id) ?? [], asOf, firms.get(a.companyId)),
      subsidyPaidFen: paid.get(a.id) ?? 0,
      consultingSessions: sessions.get(a.id) ?? 0,
    })),
  };
}

/** One attempt in full: its events with who recorded them, the timeline, the firm's other attempts, its support. */
export async function listingDetail(read: ReadCtx, input: { id: number; asOf?: string | undefined }) {
  const { db } = read;
  const { id } = input;
  const asOf = asOfOr(read, input.asOf);
  const a = await loadListingAttempt(db, id);
  const events = (await eventsOf(db, [a.id])).get(a.id) ?? [];
  const firms = await firmsById(db, [a.companyId]);
  const names = await userNames(
    db,
    events.map((e) => e.createdBy),
  );
  const others = await db
    .select({
      id: listingAttempt.id,
      attemptNo: listingAttempt.attemptNo,
      openedOn: listingAttempt.openedOn,
      outcome: listingAttempt.outcome,
      closedOn: listingAttempt.closedOn,
    })
    .from(listingAttempt)
    .where(eq(listingAttempt.companyId, a.companyId))
    .orderBy(asc(listingAttempt.attemptNo));
  const [subsidies, sessions] = await Promise.all([
    db.select().from(policySupport).where(eq(policySupport.listingAttemptId, a.id)).orderBy(asc(policySupport.appliedOn)),
    db.select().from(consultingSession).where(eq(consultingSession.listingAttemptId, a.id)).orderBy(asc(consultingSession.date)),
  ]);
  const full = listingState(events.map(asEvent));
  return {
    ...summary(a, events, asOf, firms.get(a.companyId)),
    note: a.note,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      date: e.date,
      outcome: e.outcome,
      note: e.note,
      by: e.createdBy === null ? null : (names.get(e.createdBy) ?? null),
      at: e.createdAt,
      afterAsOf: e.date > asOf,
    })),
    /** What may be recorded next (on the attempt as it stands today, whatever the as-of date). */
    next: allowedListingEvents(full),
    lastDate: full.lastDate,
    attempts: others,
    subsidies: subsidies.map((s) => ({
      id: s.id,
      milestone: s.milestone,
      status: s.status,
      appliedOn: s.appliedOn,
      appliedFen: s.appliedFen,
      approvedFen: s.approvedFen,
      paidFen: s.paidFen,
      paidOn: s.paidOn,
    })),
    sessions: sessions.map((s) => ({ id: s.id, date: s.date, provider: s.provider, topic: s.topic, hours: s.hours })),
  };
}

function assertStandard(standard: 1 | 2 | 3 | 4 | 5, marketValueFen: number | null | undefined, sector: string): void {
  if (standard !== 5) return;
  if (!inFocus(sector))
    throw DomainError.field(
      'listingStandard',
      'fifthStandardSector',
      'listingStandard: the fifth standard is open to AI firms (the plan’s focus sectors) only',
    );
  const floor = LISTING_STANDARDS[5].minMarketValueFen;
  if (marketValueFen != null && marketValueFen < floor)
    throw DomainError.field(
      'expectedMarketValueFen',
      'fifthStandardMarketValue',
      `expectedMarketValueFen: the fifth standard needs an expected market value of at least ¥4 bn (${floor} fen)`,
      { minimum: floor },
    );
}

/**
 * Opens a firm's listing attempt at 辅导备案. Refused: a firm outside the portfolio on that date; a second
 * open attempt for the same firm; the fifth standard for a firm it does not admit.
 */
export async function openListing(write: WriteCtx, input: ListingOpen) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const c = await companyOrThrow(tx, input.companyId);
  notFuture('date', input.date, meta.today);
  await assertPortfolioFirm(tx, c.id, c.nameZh, input.date, 'listing.notInPortfolio');
  const [open] = await tx
    .select({ id: listingAttempt.id, openedOn: listingAttempt.openedOn })
    .from(listingAttempt)
    .where(and(eq(listingAttempt.companyId, c.id), isNull(listingAttempt.outcome)));
  if (open)
    throw new DomainError(
      'CONFLICT',
      'listing.openAttemptExists',
      `${c.nameZh} already has an open listing attempt (opened ${open.openedOn}); end it before opening another.`,
      {
        params: { name: c.nameZh, id: open.id, date: open.openedOn },
      },
    );
  assertStandard(input.listingStandard, input.expectedMarketValueFen, c.sector);
  const [{ n } = { n: 0 }] = await tx
    .select({ n: max(listingAttempt.attemptNo) })
    .from(listingAttempt)
    .where(eq(listingAttempt.companyId, c.id));
  const [row] = await tx
    .insert(listingAttempt)
    .values({
      companyId: c.id,
      attemptNo: (n ?? 0) + 1,
      sponsor: input.sponsor,
      listingStandard: input.listingStandard,
      plannedRaiseFen: input.plannedRaiseFen,
      expectedMarketValueFen: input.expectedMarketValueFen ?? null,
      openedOn: input.date,
      note: input.note || null,
      createdAt: meta.at,
      createdBy: meta.userId,
      updatedAt: meta.at,
    })
    .returning();
  if (!row) throw new Error('listing insert returned nothing');
  const [first] = await tx
    .insert(listingEvent)
    .values({ attemptId: row.id, kind: 'tutoring_filed', date: input.date, createdAt: meta.at, createdBy: meta.userId })
    .returning();
  await audit({ action: 'listing.open', entity: 'listing_attempt', entityId: row.id, after: { ...row, events: [first] } });
  return row;
}

export async function updateListing(write: WriteCtx, input: ListingUpdate) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const before = await loadListingAttempt(tx, input.id);
  const c = await companyOrThrow(tx, before.companyId);
  assertStandard(input.listingStandard, input.expectedMarketValueFen, c.sector);
  const [after] = await tx
    .update(listingAttempt)
    .set({
      sponsor: input.sponsor,
      listingStandard: input.listingStandard,
      plannedRaiseFen: input.plannedRaiseFen,
      expectedMarketValueFen: input.expectedMarketValueFen ?? null,
      updatedAt: meta.at,
    })
    .where(eq(listingAttempt.id, input.id))
    .returning();
  await audit({ action: 'listing.update', entity: 'listing_attempt', entityId: input.id, before, after });
  return after;
}

/** Records the next stage (or a suspension, resumption, termination) through the state machine; nothing is written when it refuses. */
export async function recordListingEvent(write: WriteCtx, input: ListingRecord) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const before = await loadListingAttempt(tx, input.attemptId);
  notFuture('date', input.date, meta.today);
  const events = (await eventsOf(tx, [before.id])).get(before.id) ?? [];
  const state = applyListingEvent(listingState(events.map(asEvent)), { kind: input.kind, date: input.date, outcome: input.outcome ?? null });
  const [event] = await tx
    .insert(listingEvent)
    .values({
      attemptId: before.id,
      kind: input.kind,
      date: input.date,
      outcome: input.outcome ?? null,
      note: input.note || null,
      createdAt: meta.at,
      createdBy: meta.userId,
    })
    .returning();
  const [after] = await tx
    .update(listingAttempt)
    .set({ outcome: state.outcome, closedOn: state.closedOn, updatedAt: meta.at })
    .where(eq(listingAttempt.id, before.id))
    .returning();
  await audit({ action: `listing.${input.kind}`, entity: 'listing_attempt', entityId: before.id, before, after: { ...after, event } });
  return { attempt: after, event, state };
}

/**
 * Removes the latest event of an attempt (a mistaken entry), with a reason, audited with what it removed.
 * The opening 辅导备案 is not removable; undoing an ending reopens the attempt, unless the firm has opened
 * another since.
 */
export async function undoListingEvent(write: WriteCtx, input: ListingUndo) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const before = await loadListingAttempt(tx, input.attemptId);
  const [last] = await tx.select().from(listingEvent).where(eq(listingEvent.attemptId, before.id)).orderBy(desc(listingEvent.id)).limit(1);
  const events = (await eventsOf(tx, [before.id])).get(before.id) ?? [];
  if (!last || events.length < 2)
    throw new DomainError('INVALID_STATE', 'listing.cannotUndoOpening', 'The opening 辅导备案 cannot be undone; terminate the attempt instead.');
  if (before.outcome !== null) {
    const [other] = await tx
      .select({ id: listingAttempt.id })
      .from(listingAttempt)
      .where(and(eq(listingAttempt.companyId, before.companyId), isNull(listingAttempt.outcome)));
    if (other)
      throw new DomainError('CONFLICT', 'listing.openAttemptExists', `The firm has opened another attempt since; this one cannot be reopened.`, {
        params: { id: other.id, name: '', date: '' },
      });
  }
  await tx.delete(listingEvent).where(eq(listingEvent.id, last.id));
  const state = listingState(events.filter((e) => e.id !== last.id).map(asEvent));
  const [after] = await tx
    .update(listingAttempt)
    .set({ outcome: state.outcome, closedOn: state.closedOn, updatedAt: meta.at })
    .where(eq(listingAttempt.id, before.id))
    .returning();
  await audit({
    action: 'listing.undo',
    entity: 'listing_attempt',
    entityId: before.id,
    before: { ...before, removed: last },
    after: { ...after, reason: input.reason },
  });
  return after;
}
