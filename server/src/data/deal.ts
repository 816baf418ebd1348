import { auditEvent, deal, dealNote, dealScore, dealStageEvent, fund, manager, pipelineSetting, type Tx, user, userFund } from '@highland/drizzle';
import {
  type ApplicationCreate,
  type Closing,
  checkMove,
  computeScorecard,
  type DealCreate,
  type DealMove,
  type DealUpdate,
  DomainError,
  isSideStage,
  canWriteFund,
  moveRefusalMessage,
  type OpenStage,
  type PipelineKind,
  type PipelineSettings,
  policyFitFacts,
  readsGroup,
  type ScoreSubmit,
  type Stage,
  stageOrder,
  wonStage,
} from '@highland/shared';
import { and, asc, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../context.js';
import { companySnapshot } from './company.js';
import { type ReadCtx, signedIn, type WriteCtx } from './ctx.js';
import { type DealRow, loadCompany, loadDeal, loadFund } from './load.js';
import { createInvestment } from './portfolio.js';
import { inScope } from './scope-sql.js';
import { criteriaOf, fundDealIds, fundKind, pipelineSettings, recomputeScores } from './scoring.js';
import { indexDealTexts, reindexDeals } from './search.js';
import { createSubFundFromSelection } from './selection.js';

export type { DealRow } from './load.js';

/** What the audit trail and a CONFLICT answer show of a deal. */
export function dealSnapshot(d: DealRow) {
  return {
    id: d.id,
    fundId: d.fundId,
    pipeline: d.pipeline,
    companyId: d.companyId,
    stage: d.stage,
    previousStage: d.previousStage,
    ownerId: d.ownerId,
    source: d.source,
    round: d.round,
    amountFen: d.amountFen,
    preMoneyFen: d.preMoneyFen,
    nextStep: d.nextStep,
    nextStepDate: d.nextStepDate,
    proposalSizeFen: d.proposalSizeFen,
    closingDate: d.closingDate,
    closingAmountFen: d.closingAmountFen,
    closingRound: d.closingRound,
    closingEquity: d.closingEquity,
    resultFundId: d.resultFundId,
    version: d.version,
    updatedAt: d.updatedAt,
  };
}

function conflict(current: DealRow, yours: number): DomainError {
  return new DomainError(
    'CONFLICT',
    'deal.conflict',
    `version: deal ${current.id} was changed by someone else (it is at version ${current.version}, your edit was based on version ${yours}); reload it and try again`,
    { params: { id: current.id, version: current.version, yours }, current: dealSnapshot(current) },
  );
}

/** The owner of a deal is a manager of its fund. */
async function assertOwner(tx: Tx, ownerId: number | null | undefined, fundId: number): Promise<void> {
  if (ownerId === null || ownerId === undefined) return;
  const ok = await tx
    .select({ id: user.id })
    .from(user)
    .innerJoin(userFund, eq(userFund.userId, user.id))
    .where(and(eq(user.id, ownerId), eq(userFund.fundId, fundId), eq(user.role, 'manager'), eq(user.disabled, false)));
  if (!ok.length) throw DomainError.field('ownerId', 'ownerNotInFund', `ownerId: user ${ownerId} is not a manager of this fund`, { id: ownerId });
}

async function addEvent(tx: Tx, actor: Actor, e: { dealId: number; from: Stage | null; to: Stage; kind: string; reason: string | null; at: string }) {
  await tx.insert(dealStageEvent).values({
    dealId: e.dealId,
    fromStage: e.from,
    toStage: e.to,
    kind: e.kind,
    reason: e.reason,
    at: e.at,
    actorUserId: actor.userId,
    actorLabel: actor.email,
  });
}

async function assertPipelineFund(tx: Tx, fundId: number, kind: PipelineKind) {
  const f = await fundKind(tx, fundId);
  if (!f) throw DomainError.field('fundId', 'unknownFund', `fundId: no fund with id ${fundId}`, { id: fundId });
  if (kind === 'selection' && f.kind !== 'mother')
    throw DomainError.field('fundId', 'selectionMotherOnly', 'fundId: only the mother fund runs the selection of sub-fund managers');
  if (kind === 'direct' && f.kind === 'mother')
    throw DomainError.field('fundId', 'directNotMother', 'fundId: the mother fund invests directly through its direct-investment vehicle');
  return f;
}

/** A new deal: a company enters a fund's pipeline at an early stage, with its first stage event. */
export async function createDeal(write: WriteCtx, input: DealCreate) {
  const { tx, audit } = write;
  const actor = signedIn(write);
  await assertPipelineFund(tx, input.fundId, 'direct');
  const c = await loadCompany(tx, input.companyId);
  if (c.mergedIntoId)
    throw DomainError.field('companyId', 'companyMerged', `companyId: company ${c.id} was merged into company ${c.mergedIntoId}; use that one`, {
      into: c.mergedIntoId,
    });
  const existing = (
    await tx
      .select({ id: deal.id })
      .from(deal)
      .where(and(eq(deal.companyId, c.id), eq(deal.fundId, input.fundId)))
  )[0];
  if (existing) {
    const message = `companyId: ${c.nameZh} is already in this fund's pipeline (deal ${existing.id})`;
    throw new DomainError('CONFLICT', 'deal.exists', message, {
      params: { id: existing.id, name: c.nameZh },
      fields: [{ path: 'companyId', rule: 'dealExists', message, params: { id: existing.id } }],
    });
  }
  await assertOwner(tx, input.ownerId, input.fundId);
  const now = write.now().toISOString();
  const { note, stage, ...fields } = input;
  const row = (
    await tx
      .insert(deal)
      .values({ ...fields, pipeline: 'direct', stage, stageEnteredAt: now, createdAt: now, createdBy: actor.userId, updatedAt: now })
      .returning()
  )[0];
  if (!row) throw new Error('deal insert returned nothing');
  await addEvent(tx, actor, { dealId: row.id, from: null, to: stage, kind: 'create', reason: null, at: now });
  if (note) await tx.insert(dealNote).values({ dealId: row.id, authorId: actor.userId, authorLabel: actor.email, body: note, at: now });
  await indexDealTexts(tx, [{ id: row.id, texts: [row.nextStep, note] }], true);
  await audit({ action: 'deal.create', entity: 'deal', entityId: row.id, after: dealSnapshot(row) });
  return { id: row.id, version: row.version };
}

/** A manager's application to the mother fund's selection of sub-funds (the applicant is a management firm). */
export async function createApplication(write: WriteCtx, input: ApplicationCreate) {
  const { tx, audit } = write;
  const actor = signedIn(write);
  await assertPipelineFund(tx, input.fundId, 'selection');
  await assertOwner(tx, input.ownerId, input.fundId);
  const now = write.now().toISOString();
  let applicant = input.managerUscc ? (await tx.select().from(manager).where(eq(manager.uscc, input.managerUscc)))[0] : undefined;
  applicant ??= (await tx.select().from(manager).where(eq(manager.nameZh, input.managerNameZh)))[0];
  if (!applicant) {
    applicant = (
      await tx
        .insert(manager)
        .values({ nameZh: input.managerNameZh, nameEn: input.managerNameEn ?? input.managerNameZh, uscc: input.managerUscc })
        .returning()
    )[0];
    if (!applicant) throw new Error('manager insert returned nothing');
  }
  const row = (
    await tx
      .insert(deal)
      .values({
        fundId: input.fundId,
        pipeline: 'selection',
        applicantId: applicant.id,
        proposalNameZh: input.proposalNameZh,
        proposalNameEn: input.proposalNameEn,
        proposalSizeFen: input.proposalSizeFen,
        proposalSectors: input.proposalSectors,
        stage: 'call',
        stageEnteredAt: now,
        ownerId: input.ownerId,
        source: input.source,
        amountFen: input.amountFen,
        nextStep: input.nextStep,
        nextStepDate: input.nextStepDate,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
      })
      .returning()
  )[0];
  if (!row) throw new Error('deal insert returned nothing');
  await addEvent(tx, actor, { dealId: row.id, from: null, to: 'call', kind: 'create', reason: null, at: now });
  if (input.note) await tx.insert(dealNote).values({ dealId: row.id, authorId: actor.userId, authorLabel: actor.email, body: input.note, at: now });
  await reindexDeals(tx, [row.id]);
  await audit({ action: 'deal.create', entity: 'deal', entityId: row.id, after: dealSnapshot(row) });
  return { id: row.id, version: row.version };
}

/** Edits a deal's fields; refused with CONFLICT (and the current state) when based on an older version. */
export async function updateDeal(write: WriteCtx, input: DealUpdate) {
  const { tx, audit } = write;
  const before = await loadDeal(tx, input.id);
  if (before.version !== input.version) throw conflict(before, input.version);
  await assertOwner(tx, input.ownerId, before.fundId);
  const { id, version, ...patch } = input;
  if (before.pipeline === 'direct' && patch.proposalSizeFen !== undefined)
    throw DomainError.field('proposalSizeFen', 'selectionOnly', 'proposalSizeFen: only an application to the selection has a proposed fund size');
  const now = write.now().toISOString();
  const after = (
    await tx
      .update(deal)
      .set({ ...patch, version: sql`${deal.version} + 1`, updatedAt: now })
      .where(and(eq(deal.id, id), eq(deal.version, version)))
      .returning()
  )[0];
  if (!after) throw conflict(await loadDeal(tx, id), version);
  if (patch.nextStep !== undefined) await reindexDeals(tx, [id]);
  await audit({ action: 'deal.update', entity: 'deal', entityId: id, before: dealSnapshot(before), after: dealSnapshot(after) });
  return { id, version: after.version };
}

/**
 * Records the closing of a deal moved to invested, in the move's transaction: the closing on the deal,
 * and the investment with its ledger cash flow (`createInvestment` of the portfolio module, which checks
 * the date against today and the fund's set-up) — the move, the closing, the investment and its cash
 * flow commit together or not at all.
 */
async function recordClosing(write: WriteCtx, d: DealRow, closing: Closing): Promise<void> {
  const { tx } = write;
  if (d.companyId === null) throw new DomainError('INVALID_STATE', 'deal.noCompany', `Deal ${d.id} has no company to invest in.`, { params: { id: d.id } });
  await tx
    .update(deal)
    .set({
      closingDate: closing.date,
      closingAmountFen: closing.amountFen,
      closingRound: closing.round,
      closingEquity: closing.equity,
      closingInstrument: closing.instrument,
      round: closing.round,
    })
    .where(eq(deal.id, d.id));
  await createInvestment(write, {
    fundId: d.fundId,
    companyId: d.companyId,
    date: closing.date,
    round: closing.round,
    instrument: closing.instrument,
    amountFen: closing.amountFen,
    equityShare: closing.equity,
    roundSizeFen: null,
    postMoneyFen: d.preMoneyFen === null ? null : d.preMoneyFen + closing.amountFen,
    coInvestors: [],
    memo: `项目储备交割 deal #${d.id}`,
  });
}

/**
 * Moves a deal through the state machine (shared `checkMove`): a refused move says which rule; every
 * move is a stage event. Moving to invested records the closing; signing an application creates the
 * sub-fund and the mother fund's commitment — all in one transaction.
 */
export async function moveDeal(write: WriteCtx, input: DealMove) {
  const { tx, audit } = write;
  const actor = signedIn(write);
  const before = await loadDeal(tx, input.id);
  if (before.version !== input.version) throw conflict(before, input.version);
  const settings = await pipelineSettings(tx, before.fundId);
  const won = wonStage(before.pipeline);
  if (input.closing && (input.to !== won || before.pipeline !== 'direct'))
    throw DomainError.field('closing', 'closingOnlyWhenInvested', 'closing: a closing is recorded only with the move to invested');
  if (input.signing && (input.to !== won || before.pipeline !== 'selection'))
    throw DomainError.field('signing', 'signingOnlyWhenSigned', 'signing: the sub-fund is created only with the move to signing');
  const check = checkMove(
    { kind: before.pipeline, order: settings.stageOrder, stage: before.stage as Stage, previousStage: before.previousStage as OpenStage | null },
    input.to,
    {
      amountFen: before.amountFen,
      preMoneyFen: before.preMoneyFen,
      scorecardComplete: before.scoreComplete,
      hasClosing: input.closing !== undefined,
      hasSigning: input.signing !== undefined,
      reason: input.reason,
    },
  );
  if (!check.ok) {
    const message = moveRefusalMessage(check.rule, check.params);
    const path = message.split(':')[0] ?? 'stage';
    throw new DomainError('INVALID_STATE', `deal.move.${check.rule}`, message, {
      params: { ...check.params, from: before.stage },
      fields: [{ path, rule: check.rule, message, params: check.params }],
    });
  }
  const now = write.now().toISOString();
  const after = (
    await tx
      .update(deal)
      .set({ stage: input.to, previousStage: check.previousStage, stageEnteredAt: now, version: sql`${deal.version} + 1`, updatedAt: now })
      .where(and(eq(deal.id, before.id), eq(deal.version, input.version)))
      .returning()
  )[0];
  if (!after) throw conflict(await loadDeal(tx, before.id), input.version);
  let created: { fundId: number; commitmentId: number | null } | null = null;
  if (input.closing) await recordClosing(write, after, input.closing);
  if (input.signing) {
    created = await createSubFundFromSelection(write, {
      app: { dealId: after.id, motherFundId: after.fundId, applicantId: after.applicantId, proposalSectors: after.proposalSectors },
      signing: input.signing,
    });
    await tx.update(deal).set({ resultFundId: created.fundId, amountFen: input.signing.commitmentFen }).where(eq(deal.id, after.id));
  }
  await addEvent(tx, actor, { dealId: before.id, from: before.stage as Stage, to: input.to, kind: check.kind, reason: input.reason, at: now });
  const final = await loadDeal(tx, before.id);
  await audit({
    action: `deal.move`,
    entity: 'deal',
    entityId: before.id,
    before: dealSnapshot(before),
    after: { ...dealSnapshot(final), reason: input.reason },
  });
  if (created)
    await audit({ action: 'fund.createFromSelection', entity: 'fund', entityId: created.fundId, after: { dealId: before.id, ...input.signing, ...created } });
  return { id: before.id, version: final.version, stage: final.stage, createdFundId: created?.fundId ?? null };
}

/** One scorer's scores for a deal (replacing their earlier score of the same criteria); the deal's score follows. */
export async function submitScores(write: WriteCtx, input: ScoreSubmit) {
  const { tx, audit } = write;
  const actor = signedIn(write);
  const d = await loadDeal(tx, input.dealId);
  if (isSideStage(d.stage as Stage) || d.stage === wonStage(d.pipeline))
    throw new DomainError('INVALID_STATE', 'deal.scoreClosed', `Deal ${d.id} is ${d.stage}; only open deals are scored.`, { params: { stage: d.stage } });
  const criteria = criteriaOf(await pipelineSettings(tx, d.fundId), d.pipeline);
  const keys = new Set(criteria.map((c) => c.key));
  input.scores.forEach((s, i) => {
    if (!keys.has(s.criterion))
      throw DomainError.field(`scores.${i}.criterion`, 'unknownCriterion', `scores.${i}.criterion: ${s.criterion} is not a criterion of this scorecard`, {
        criterion: s.criterion,
      });
  });
  const seen = new Set<string>();
  for (const [i, s] of input.scores.entries()) {
    if (seen.has(s.criterion)) throw DomainError.field(`scores.${i}.criterion`, 'duplicateCriterion', `scores.${i}.criterion: ${s.criterion} is scored twice`);
    seen.add(s.criterion);
  }
  const now = write.now().toISOString();
  const before = await tx
    .select({ criterion: dealScore.criterion, score: dealScore.score })
    .from(dealScore)
    .where(and(eq(dealScore.dealId, d.id), eq(dealScore.scorerId, actor.userId)));
  for (const s of input.scores) {
    await tx
      .insert(dealScore)
      .values({ dealId: d.id, scorerId: actor.userId, criterion: s.criterion, score: s.score, comment: s.comment, at: now })
      .onConflictDoUpdate({ target: [dealScore.dealId, dealScore.scorerId, dealScore.criterion], set: { score: s.score, comment: s.comment, at: now } });
  }
  await recomputeScores(tx, [d.id]);
  await tx.update(deal).set({ updatedAt: now }).where(eq(deal.id, d.id));
  const after = await loadDeal(tx, d.id);
  await audit({
    action: 'deal.score',
    entity: 'deal',
    entityId: d.id,
    before: { scorer: actor.email, scores: before },
    after: { scorer: actor.email, scores: input.scores, score: after.score, complete: after.scoreComplete },
  });
  return { id: d.id, score: after.score, complete: after.scoreComplete };
}

export async function addNote(write: WriteCtx, input: { dealId: number; body: string }) {
  const { tx, audit } = write;
  const actor = signedIn(write);
  const d = await loadDeal(tx, input.dealId);
  const now = write.now().toISOString();
  const row = (await tx.insert(dealNote).values({ dealId: d.id, authorId: actor.userId, authorLabel: actor.email, body: input.body, at: now }).returning())[0];
  await tx.update(deal).set({ updatedAt: now }).where(eq(deal.id, d.id));
  await reindexDeals(tx, [d.id]);
  await audit({ action: 'deal.note', entity: 'deal', entityId: d.id, after: { noteId: row?.id, body: input.body } });
  return { id: row?.id ?? 0 };
}

export async function saveSettings(write: WriteCtx, input: PipelineSettings) {
  const { tx, audit } = write;
  const actor = signedIn(write);
  const f = await fundKind(tx, input.fundId);
  if (!f) throw DomainError.field('fundId', 'unknownFund', `fundId: no fund with id ${input.fundId}`);
  const kind: PipelineKind = f.kind === 'mother' ? 'selection' : 'direct';
  const before = await pipelineSettings(tx, input.fundId);
  const known = new Set(criteriaOf(before, kind).map((c) => c.key));
  const unknown = Object.keys(input.weights).filter((k) => !known.has(k));
  if (unknown.length) throw DomainError.field('weights', 'unknownCriterion', `weights: ${unknown.join(', ')} not criteria of this scorecard`);
  if (!Object.values(input.weights).some((w) => w > 0))
    throw DomainError.field('weights', 'weightsAllZero', 'weights: at least one criterion must weigh more than 0');
  const now = write.now().toISOString();
  const values = {
    fundId: input.fundId,
    stageOrder: input.stageOrder,
    ...(kind === 'selection' ? { selectionWeights: input.weights } : { directWeights: input.weights }),
    updatedAt: now,
    updatedBy: actor.userId,
  };
  await tx.insert(pipelineSetting).values(values).onConflictDoUpdate({ target: pipelineSetting.fundId, set: values });
  await recomputeScores(tx, await fundDealIds(tx, input.fundId));
  await audit({ action: 'pipeline.settings', entity: 'fund', entityId: input.fundId, before, after: values });
  return { ok: true as const };
}

/** The deal page: the deal, its company or application, timeline, scorecards, notes, rank and what the caller may do. */
export async function getDeal(read: ReadCtx, { id }: { id: number }) {
  const { db } = read;
  const actor = signedIn(read);
  const asOf = read.today();
  const d = await loadDeal(db, id);
  const f = await loadFund(db, d.fundId);
  const settings = await pipelineSettings(db, d.fundId);
  const criteria = criteriaOf(settings, d.pipeline);
  const c = d.companyId ? await loadCompany(db, d.companyId) : null;
  const applicant = d.applicantId ? ((await db.select().from(manager).where(eq(manager.id, d.applicantId)))[0] ?? null) : null;
  const owner = d.ownerId ? ((await db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(eq(user.id, d.ownerId)))[0] ?? null) : null;
  const events = await db.select().from(dealStageEvent).where(eq(dealStageEvent.dealId, id)).orderBy(asc(dealStageEvent.at), asc(dealStageEvent.id));
  const notes = await db.select().from(dealNote).where(eq(dealNote.dealId, id)).orderBy(desc(dealNote.at), desc(dealNote.id));
  const scores = await db
    .select({
      scorerId: dealScore.scorerId,
      scorerName: user.name,
      criterion: dealScore.criterion,
      score: dealScore.score,
      comment: dealScore.comment,
      at: dealScore.at,
    })
    .from(dealScore)
    .innerJoin(user, eq(user.id, dealScore.scorerId))
    .where(eq(dealScore.dealId, id))
    .orderBy(asc(dealScore.scorerId), asc(dealScore.criterion));
  const edits = await db
    .select({ at: auditEvent.at, actor: auditEvent.actorLabel, before: auditEvent.before, after: auditEvent.after })
    .from(auditEvent)
    .where(and(eq(auditEvent.entity, 'deal'), eq(auditEvent.entityId, String(id)), eq(auditEvent.action, 'deal.update')))
    .orderBy(asc(auditEvent.id))
    .limit(200);
  const card = computeScorecard(criteria, scores);
  // Rank among the fund's open deals of the same pipeline by score (1 = best); null when unscored.
  const open = stageOrder(d.pipeline, settings.stageOrder).filter((s) => s !== wonStage(d.pipeline));
  const [ranked] = await db
    .select({ n: count() })
    .from(deal)
    .where(and(eq(deal.fundId, d.fundId), eq(deal.pipeline, d.pipeline), inArray(deal.stage, [...open]), sql`${deal.score} IS NOT NULL`));
  const [better] =
    d.score === null
      ? [{ n: 0 }]
      : await db
          .select({ n: count() })
          .from(deal)
          .where(and(eq(deal.fundId, d.fundId), eq(deal.pipeline, d.pipeline), inArray(deal.stage, [...open]), gt(deal.score, d.score)));
  const isOpen = (open as readonly string[]).includes(d.stage);
  const scope = await read.scope();
  const groupReader = readsGroup(actor);
  const others = d.companyId
    ? await db
        .select({ dealId: deal.id, fundId: deal.fundId, fundCode: fund.code, stage: deal.stage })
        .from(deal)
        .innerJoin(fund, eq(fund.id, deal.fundId))
        .where(and(eq(deal.companyId, d.companyId), sql`${deal.id} <> ${id}`))
    : [];
  const owners = await db
    .select({ id: user.id, name: user.name })
    .from(user)
    .innerJoin(userFund, eq(userFund.userId, user.id))
    .where(and(eq(userFund.fundId, d.fundId), eq(user.role, 'manager'), eq(user.disabled, false)))
    .orderBy(asc(user.name));
  const canWrite = canWriteFund(actor, d.fundId);
  // The round the closing recorded, if the portfolio has since reversed it (ADR 033): the deal keeps its closing.
  const [closingReversal] =
    d.closingDate && d.companyId
      ? await db.all<{ reason: string | null; at: string }>(sql`
          SELECT r.memo AS reason, r.created_at AS at FROM investment i JOIN investment r ON r.reverses_id = i.id
          WHERE i.fund_id = ${d.fundId} AND i.company_id = ${d.companyId} AND i.date = ${d.closingDate} AND i.amount_fen = ${d.closingAmountFen ?? -1}
          ORDER BY i.id LIMIT 1`)
      : [];
  return {
    closingReversal: closingReversal ?? null,
    deal: {
      ...dealSnapshot(d),
      stageEnteredAt: d.stageEnteredAt,
      createdAt: d.createdAt,
      score: d.score,
      scoreComplete: d.scoreComplete,
      closingInstrument: d.closingInstrument,
    },
    fund: { id: f.id, code: f.code, nameZh: f.nameZh, nameEn: f.nameEn, kind: f.kind, sectorFocus: f.sectorFocus },
    stageOrder: settings.stageOrder,
    stages: stageOrder(d.pipeline, settings.stageOrder),
    company: c ? companySnapshot(c) : null,
    policyFit: c ? policyFitFacts(c, f.sectorFocus, asOf) : null,
    application:
      d.pipeline === 'selection'
        ? {
            applicantNameZh: applicant?.nameZh ?? null,
            applicantNameEn: applicant?.nameEn ?? null,
            applicantUscc: applicant?.uscc ?? null,
            proposalNameZh: d.proposalNameZh,
            proposalNameEn: d.proposalNameEn,
            proposalSizeFen: d.proposalSizeFen,
            proposalSectors: d.proposalSectors ?? [],
            resultFundId: d.resultFundId,
          }
        : null,
    owner,
    owners,
    events,
    notes,
    scores,
    edits: edits.map((e) => ({
      at: e.at,
      actor: e.actor,
      before: e.before ? (JSON.parse(e.before) as Record<string, unknown>) : null,
      after: e.after ? (JSON.parse(e.after) as Record<string, unknown>) : null,
    })),
    criteria,
    scorecard: card,
    rank: d.score !== null && isOpen ? { rank: (better?.n ?? 0) + 1, of: ranked?.n ?? 0 } : null,
    overlap: groupReader ? others : others.filter((o) => inScope(scope, o.fundId)),
    canWrite,
    myScores: scores.filter((s) => s.scorerId === actor.userId),
  };
}
