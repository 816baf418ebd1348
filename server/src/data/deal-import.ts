import { company, type DbOrTx, deal, dealNote, dealStageEvent, user, userFund } from '@highland/drizzle';
import {
  checkImportRows,
  checkMove,
  columnLetter,
  DomainError,
  IMPORT_MAX_ERRORS_LISTED,
  importTemplate,
  type ImportIssue,
  type ImportMapping,
  type ImportRow,
  matchOwner,
  moveRefusalMessage,
  normaliseCompanyName,
  type OpenStage,
  type OwnerMatch,
  type Stage,
  shortPersonName,
  sortIssues,
} from '@highland/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type ReadCtx, signedIn, type WriteCtx } from './ctx.js';
import { bulkInsert, yieldToEventLoop } from './bulk.js';
import { dealSnapshot, type DealRow } from './deal.js';
import type { ImportTable, Progress } from './import-file.js';
import { fundKind, pipelineSettings } from './scoring.js';
import { indexCompanies, indexDealTexts, reindexDeals } from './search.js';

const CHUNK = 400;
/** Rows planned between two pauses for other requests (see bulk.ts, yieldToEventLoop). */
const CHECK_CHUNK = 2000;
/** Rows per multi-row write (one JSON parameter each, see bulk.ts). */
const WRITE_CHUNK = 5000;

type DealPatch = Partial<Pick<DealRow, 'ownerId' | 'source' | 'round' | 'amountFen' | 'preMoneyFen' | 'nextStep' | 'nextStepDate'>>;

interface DealUpdatePlan {
  row: ImportRow;
  before: DealRow;
  patch: DealPatch;
  move: { to: Stage; kind: string; previousStage: OpenStage | null; reason: string | null } | null;
  note: string | null;
}

export interface ImportPlan {
  fundId: number;
  rows: number;
  issues: ImportIssue[];
  folded: Array<{ row: number; sameAs: number }>;
  newCompanies: ImportRow[];
  existingCompanies: number;
  creates: Array<{ row: ImportRow; ownerId: number | null }>;
  updates: DealUpdatePlan[];
  unchanged: number;
}

async function inChunks<T, R>(items: readonly T[], size: number, fn: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await yieldToEventLoop();
    out.push(...(await fn(items.slice(i, i + size))));
  }
  return out;
}

/**
 * Checks a whole file against a fund before anything is written: the shared cell and row rules, then
 * what needs the database — owners must be managers of the fund; a row for a company already in the
 * fund's pipeline updates that deal, and a change of stage must pass the state machine. Returns every
 * issue and the plan of what a commit would do.
 */
export async function checkImport(
  read: ReadCtx,
  input: { fundId: number; table: ImportTable; mapping: ImportMapping; progress?: Progress | undefined },
): Promise<ImportPlan> {
  return planImport(read.db, input.fundId, input.table, input.mapping, input.progress);
}

async function planImport(db: DbOrTx, fundId: number, table: ImportTable, mapping: ImportMapping, progress?: Progress): Promise<ImportPlan> {
  const f = await fundKind(db, fundId);
  if (!f) throw DomainError.field('fundId', 'unknownFund', `fundId: no fund with id ${fundId}`);
  if (f.kind === 'mother') throw DomainError.field('fundId', 'directNotMother', 'fundId: the mother fund’s direct deals are in its direct-investment vehicle');
  for (const [key, at] of Object.entries(mapping))
    if (at !== undefined && (at < 0 || at >= table.headers.length))
      throw DomainError.field(`mapping.${key}`, 'unknownColumn', `mapping.${key}: the file has no column ${at + 1}`, { column: at + 1 });
  const { stageOrder } = await pipelineSettings(db, fundId);
  // Each progress line is followed by a pause, so it reaches the client before the next stretch of work.
  const tick = async (done: number) => {
    await progress?.('check', done, table.rows.length);
    await yieldToEventLoop();
  };
  await tick(0);
  const checked = checkImportRows(table.rows, mapping, stageOrder);
  const issues = [...checked.issues];
  await tick(Math.round(table.rows.length / 2));

  const owners = await fundOwners(db, fundId);
  // An owner is named by e-mail, full display name or the name the board shows (shortPersonName).
  const ownerOf = (ref: string | null): OwnerMatch | null => (ref === null ? null : matchOwner(ref, owners));

  const usccs = checked.rows.map((r) => r.company.uscc);
  const companies = await inChunks(usccs, CHUNK, (part) => db.select({ id: company.id, uscc: company.uscc }).from(company).where(inArray(company.uscc, part)));
  const companyByUscc = new Map(companies.map((c) => [c.uscc as string, c.id]));
  const deals = await inChunks(
    companies.map((c) => c.id),
    CHUNK,
    (part) =>
      db
        .select()
        .from(deal)
        .where(and(eq(deal.fundId, fundId), inArray(deal.companyId, part))),
  );
  const dealByCompany = new Map(deals.map((d) => [d.companyId as number, d]));
  const notes = await inChunks(
    deals.map((d) => d.id),
    CHUNK,
    (part) => db.select({ dealId: dealNote.dealId, body: dealNote.body }).from(dealNote).where(inArray(dealNote.dealId, part)),
  );
  const noteKeys = new Set(notes.map((n) => `${n.dealId}\u0000${n.body}`));

  const plan: ImportPlan = {
    fundId,
    rows: table.rows.filter((r) => r.cells.some((c) => c !== null && c !== '')).length,
    issues,
    folded: checked.folded,
    newCompanies: [],
    existingCompanies: 0,
    creates: [],
    updates: [],
    unchanged: 0,
  };
  const ownerColumn = mapping.owner === undefined ? '' : columnLetter(mapping.owner);
  let seen = 0;
  for (const row of checked.rows) {
    if (++seen % CHECK_CHUNK === 0) await yieldToEventLoop();
    const match = ownerOf(row.deal.owner);
    if (match && match.kind !== 'one') {
      const value = row.deal.owner ?? '';
      issues.push(
        match.kind === 'ambiguous'
          ? {
              row: row.row,
              column: ownerColumn,
              field: 'owner',
              rule: 'ambiguousOwner',
              message: `row ${row.row}, column ${ownerColumn} (Owner): ${value} names ${match.names.length} managers of this fund (${match.names.join('; ')}); give the e-mail`,
              params: { value, names: match.names.join('; '), count: match.names.length },
            }
          : {
              row: row.row,
              column: ownerColumn,
              field: 'owner',
              rule: 'unknownOwner',
              message: `row ${row.row}, column ${ownerColumn} (Owner): ${value} is not a manager of this fund (give their e-mail or name)`,
              params: { value },
            },
      );
      continue;
    }
    const owner = match ? match.id : null;
    const companyId = companyByUscc.get(row.company.uscc);
    if (companyId === undefined) plan.newCompanies.push(row);
    else plan.existingCompanies += 1;
    const existing = companyId === undefined ? undefined : dealByCompany.get(companyId);
    if (!existing) {
      plan.creates.push({ row, ownerId: owner });
      continue;
    }
    const patch: DealPatch = {};
    const given = row.given;
    if (given.has('owner') && owner !== existing.ownerId) patch.ownerId = owner;
    if (given.has('source') && row.deal.source !== existing.source && row.deal.source) patch.source = row.deal.source;
    if (given.has('round') && row.deal.round !== existing.round) patch.round = row.deal.round;
    if (given.has('amountFen') && row.deal.amountFen !== existing.amountFen) patch.amountFen = row.deal.amountFen;
    if (given.has('preMoneyFen') && row.deal.preMoneyFen !== existing.preMoneyFen) patch.preMoneyFen = row.deal.preMoneyFen;
    if (given.has('nextStep') && row.deal.nextStep !== existing.nextStep) patch.nextStep = row.deal.nextStep;
    if (given.has('nextStepDate') && row.deal.nextStepDate !== existing.nextStepDate) patch.nextStepDate = row.deal.nextStepDate;
    let move: DealUpdatePlan['move'] = null;
    if (given.has('stage') && row.deal.stage !== existing.stage) {
      const check = checkMove(
        { kind: 'direct', order: stageOrder, stage: existing.stage as Stage, previousStage: existing.previousStage as OpenStage | null },
        row.deal.stage,
        {
          amountFen: patch.amountFen !== undefined ? patch.amountFen : existing.amountFen,
          preMoneyFen: patch.preMoneyFen !== undefined ? patch.preMoneyFen : existing.preMoneyFen,
          scorecardComplete: existing.scoreComplete,
          hasClosing: false,
          hasSigning: false,
          reason: row.passReason,
        },
      );
      if (!check.ok) {
        const column = mapping.stage === undefined ? '' : columnLetter(mapping.stage);
        issues.push({
          row: row.row,
          column,
          field: 'stage',
          rule: check.rule,
          message: `row ${row.row}, column ${column} (Stage): the deal is in ${existing.stage}; ${moveRefusalMessage(check.rule, check.params)}`,
          params: { ...check.params, from: existing.stage },
        });
        continue;
      }
      move = { to: row.deal.stage, kind: check.kind, previousStage: check.previousStage, reason: row.passReason };
    }
    const note = row.note && !noteKeys.has(`${existing.id}\u0000${row.note}`) ? row.note : null;
    if (!Object.keys(patch).length && !move && !note) plan.unchanged += 1;
    else plan.updates.push({ row, before: existing, patch, move, note });
  }
  plan.issues = sortIssues(issues);
  await progress?.('check', table.rows.length, table.rows.length);
  return plan;
}

/** The managers who may own a fund's deals (enabled manager accounts of the fund), by id. */
async function fundOwners(db: DbOrTx, fundId: number) {
  return db
    .select({ id: user.id, email: user.email, name: user.name })
    .from(user)
    .innerJoin(userFund, eq(userFund.userId, user.id))
    .where(and(eq(userFund.fundId, fundId), eq(user.role, 'manager'), eq(user.disabled, false)))
    .orderBy(user.id);
}

/**
 * The import template for a fund, in the reader's language: headers, an example row and the allowed
 * values (the fund's managers by the name the board shows, with their e-mails where a name is shared).
 */
export async function importTemplateFor(read: ReadCtx, input: { fundId: number | undefined; locale: 'zh-CN' | 'en' }) {
  const { fundId, locale } = input;
  if (fundId === undefined) return importTemplate(locale, []);
  const owners = await fundOwners(read.db, fundId);
  const { stageOrder } = await pipelineSettings(read.db, fundId);
  const names = owners.map((o) => {
    const short = shortPersonName(o.name);
    return owners.filter((x) => shortPersonName(x.name) === short).length > 1 ? o.email : short;
  });
  return importTemplate(locale, names, stageOrder);
}

/** What the check shows: counts of what would happen and the problems (listed up to a limit, always counted). */
export function planSummary(plan: ImportPlan) {
  return {
    rows: plan.rows,
    issueCount: plan.issues.length,
    issues: plan.issues.slice(0, IMPORT_MAX_ERRORS_LISTED),
    folded: plan.folded,
    newCompanies: plan.newCompanies.length,
    existingCompanies: plan.existingCompanies,
    dealsNew: plan.creates.length,
    dealsUpdated: plan.updates.length,
    dealsUnchanged: plan.unchanged,
  };
}

/** A file that changes nothing: the command writes nothing and throws this, with the result to report. */
export class NothingToImport extends Error {
  constructor(readonly result: ReturnType<typeof planSummary> & { companiesCreated: 0; dealsCreated: 0; dealsUpdated: 0; notesAdded: 0; written: false }) {
    super('The file changes nothing; nothing was written.');
  }
}

/**
 * Imports a file into a fund, all or nothing, in one transaction: the check runs again inside it (the
 * pipeline may have changed since the preview), any issue refuses the whole file, and a file that
 * changes nothing writes nothing. New companies, deals, their first stage events and notes go in as
 * multi-row inserts; the search index is written in the same transaction; one audit event summarises.
 */
export async function commitImport(
  write: WriteCtx,
  input: { fundId: number; fileName: string; table: ImportTable; mapping: ImportMapping; progress?: Progress | undefined },
) {
  const { audit, tx } = write;
  const { progress } = input;
  const plan = await planImport(tx, input.fundId, input.table, input.mapping, progress);
  if (plan.issues.length)
    throw new DomainError('VALIDATION', 'import.invalid', `The file has ${plan.issues.length} problems; nothing was imported.`, {
      params: { count: plan.issues.length },
      current: planSummary(plan),
    });
  if (!plan.creates.length && !plan.updates.length)
    throw new NothingToImport({ ...planSummary(plan), companiesCreated: 0, dealsCreated: 0, dealsUpdated: 0, notesAdded: 0, written: false });
  const summary = await writePlan(write, plan, progress);
  await audit({
    action: 'deal.import',
    entity: 'fund',
    entityId: input.fundId,
    after: {
      file: input.fileName,
      format: input.table.format,
      rows: plan.rows,
      ...summary.counts,
      createdDealIds: summary.createdDealIds.slice(0, 1000),
      updated: summary.updated.slice(0, 2000),
    },
  });
  return { ...planSummary(plan), ...summary.counts, written: true };
}

async function writePlan(write: WriteCtx, plan: ImportPlan, progress?: Progress) {
  const { tx } = write;
  const actor = signedIn(write);
  const now = write.now().toISOString();
  const actorId = actor.userId;
  const label = actor.email;
  const total = plan.newCompanies.length + plan.creates.length * 2 + plan.updates.length;
  let done = 0;
  // Each chunk ends with a progress line and a pause for other requests (bulk.ts, yieldToEventLoop).
  const step = async (n: number) => {
    done += n;
    await progress?.('write', done, total);
    await yieldToEventLoop();
  };

  // Companies new to the register.
  const companyIds = new Map<string, number>();
  for (let i = 0; i < plan.newCompanies.length; i += WRITE_CHUNK) {
    const part = plan.newCompanies.slice(i, i + WRITE_CHUNK);
    const ids = await bulkInsert(
      tx,
      company,
      part.map((r) => ({ ...r.company, nameNorm: normaliseCompanyName(r.company.nameZh), createdBy: actorId, createdAt: now, updatedAt: now })),
    );
    for (const [k, r] of part.entries()) companyIds.set(r.company.uscc, ids[k] as number);
    await indexCompanies(
      tx,
      part.map((r) => ({ id: companyIds.get(r.company.uscc) as number, nameZh: r.company.nameZh, nameEn: r.company.nameEn, uscc: r.company.uscc })),
      true,
    );
    await step(part.length);
  }
  const existingIds = await inChunks(
    plan.creates.map((c) => c.row.company.uscc).filter((u) => !companyIds.has(u)),
    CHUNK,
    (part) => tx.select({ id: company.id, uscc: company.uscc }).from(company).where(inArray(company.uscc, part)),
  );
  for (const c of existingIds) companyIds.set(c.uscc as string, c.id);

  // New deals, their first stage event and notes.
  const createdDealIds: number[] = [];
  let notesAdded = 0;
  for (let i = 0; i < plan.creates.length; i += WRITE_CHUNK) {
    const part = plan.creates.slice(i, i + WRITE_CHUNK);
    const dealIds = await bulkInsert(
      tx,
      deal,
      part.map(({ row, ownerId }) => ({
        fundId: plan.fundId,
        pipeline: 'direct' as const,
        companyId: companyIds.get(row.company.uscc) as number,
        stage: row.deal.stage,
        previousStage: row.deal.previousStage,
        stageEnteredAt: now,
        ownerId,
        source: row.deal.source ?? 'inbound',
        round: row.deal.round,
        amountFen: row.deal.amountFen,
        preMoneyFen: row.deal.preMoneyFen,
        nextStep: row.deal.nextStep,
        nextStepDate: row.deal.nextStepDate,
        createdAt: now,
        createdBy: actorId,
        updatedAt: now,
      })),
    );
    const withIds = part.map(({ row }, k) => ({ row, id: dealIds[k] as number }));
    createdDealIds.push(...withIds.map((w) => w.id));
    await bulkInsert(
      tx,
      dealStageEvent,
      withIds.map(({ row, id }) => ({
        dealId: id,
        fromStage: null,
        toStage: row.deal.stage,
        kind: 'import',
        reason: row.deal.stage === 'passed' ? row.passReason : null,
        at: now,
        actorUserId: actorId,
        actorLabel: label,
      })),
    );
    const notes = withIds.filter((w) => w.row.note);
    if (notes.length) {
      await bulkInsert(
        tx,
        dealNote,
        notes.map(({ row, id }) => ({ dealId: id, authorId: actorId, authorLabel: label, body: row.note as string, at: now })),
      );
      notesAdded += notes.length;
    }
    await indexDealTexts(
      tx,
      withIds.map(({ row, id }) => ({ id, texts: [row.deal.nextStep, row.note] })),
      true,
    );
    await step(part.length * 2);
  }

  // Deals already in the fund's pipeline: changed fields, a stage move, a new note.
  const updated: Array<{ id: number; before: unknown; patch: DealPatch; move: string | null }> = [];
  for (const u of plan.updates) {
    const set: Record<string, unknown> = { ...u.patch, version: sql`${deal.version} + 1`, updatedAt: now };
    if (u.move) Object.assign(set, { stage: u.move.to, previousStage: u.move.previousStage, stageEnteredAt: now });
    await tx
      .update(deal)
      .set(set)
      .where(and(eq(deal.id, u.before.id), eq(deal.version, u.before.version)));
    if (u.move)
      await tx.insert(dealStageEvent).values({
        dealId: u.before.id,
        fromStage: u.before.stage,
        toStage: u.move.to,
        kind: u.move.kind,
        reason: u.move.reason ?? '导入 import',
        at: now,
        actorUserId: actorId,
        actorLabel: label,
      });
    if (u.note) {
      await tx.insert(dealNote).values({ dealId: u.before.id, authorId: actorId, authorLabel: label, body: u.note, at: now });
      notesAdded += 1;
    }
    updated.push({ id: u.before.id, before: dealSnapshot(u.before), patch: u.patch, move: u.move?.to ?? null });
    if (updated.length % 200 === 0) await step(200);
  }
  await reindexDeals(
    tx,
    plan.updates.filter((u) => u.note || u.patch.nextStep !== undefined).map((u) => u.before.id),
  );
  await progress?.('write', total, total);
  return {
    counts: { companiesCreated: plan.newCompanies.length, dealsCreated: createdDealIds.length, dealsUpdated: plan.updates.length, notesAdded },
    createdDealIds,
    updated,
  };
}
