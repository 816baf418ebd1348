import { type DbOrTx, programme, programmeTarget, type Tx } from '@highland/drizzle';
import {
  DomainError,
  type ProgrammeCreate,
  type ProgrammeTargetRemove,
  type ProgrammeTargetSet,
  type ProgrammeUpdate,
  TARGET_METRIC_CODES,
  type TargetMetric,
} from '@highland/shared';
import { and, asc, eq, ne } from 'drizzle-orm';
import { insertAudited, type ReadCtx, type WriteCtx } from '../ctx.js';
import { loadProgramme, loadProgrammeTarget } from '../load.js';

export interface ProgrammeRow {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  startDate: string;
  endDate: string;
  targets: Array<{ metric: TargetMetric; targetValue: number; note: string | null }>;
}

const metricOrder = (m: string) => TARGET_METRIC_CODES.indexOf(m as TargetMetric);

/** Every programme with its targets, oldest first. */
export async function listProgrammes(read: ReadCtx): Promise<ProgrammeRow[]> {
  return programmesOf(read.db);
}

/** The same, inside another query or a command (the scoreboard, the target checks). */
export async function programmesOf(db: DbOrTx): Promise<ProgrammeRow[]> {
  const [rows, targets] = await Promise.all([
    db.select().from(programme).orderBy(asc(programme.startDate), asc(programme.id)),
    db.select().from(programmeTarget),
  ]);
  return rows.map((p) => ({
    ...p,
    targets: targets
      .filter((t) => t.programmeId === p.id && metricOrder(t.metric) >= 0)
      .sort((a, b) => metricOrder(a.metric) - metricOrder(b.metric))
      .map((t) => ({ metric: t.metric as TargetMetric, targetValue: t.targetValue, note: t.note })),
  }));
}

async function programmeOrThrow(db: DbOrTx, id: number): Promise<ProgrammeRow> {
  const p = (await programmesOf(db)).find((x) => x.id === id);
  if (!p) throw DomainError.field('programmeId', 'unknownProgramme', `programmeId: no programme with id ${id}`, { id });
  return p;
}

/** The programme a date falls in (the latest started, when several overlap); else the last one before it; else the first. */
export function programmeFor(list: ReadonlyArray<ProgrammeRow>, asOf: string): ProgrammeRow | null {
  const running = list.filter((p) => p.startDate <= asOf && asOf <= p.endDate);
  if (running.length) return running[running.length - 1] ?? null;
  const before = list.filter((p) => p.startDate <= asOf);
  return before[before.length - 1] ?? list[0] ?? null;
}

async function assertCodeFree(tx: Tx, code: string, exceptId?: number): Promise<void> {
  const [dup] = await tx
    .select({ id: programme.id })
    .from(programme)
    .where(exceptId === undefined ? eq(programme.code, code) : and(eq(programme.code, code), ne(programme.id, exceptId)));
  if (dup) throw DomainError.field('code', 'duplicate', `code: a programme with code ${code} exists already`, { code });
}

export async function createProgramme(write: WriteCtx, input: ProgrammeCreate) {
  const { tx } = write;
  await assertCodeFree(tx, input.code);
  const row = await insertAudited(write, programme, input, { action: 'programme.create', entity: 'programme' });
  return row;
}

export async function updateProgramme(write: WriteCtx, input: ProgrammeUpdate) {
  const { tx, audit } = write;
  const before = await loadProgramme(tx, input.id);
  await assertCodeFree(tx, input.code, input.id);
  const { id, ...fields } = input;
  const [after] = await tx.update(programme).set(fields).where(eq(programme.id, id)).returning();
  await audit({ action: 'programme.update', entity: 'programme', entityId: id, before, after });
  return after;
}

/** Sets (adds or changes) one target of a programme. */
export async function setProgrammeTarget(write: WriteCtx, input: ProgrammeTargetSet) {
  const { tx, audit } = write;
  await programmeOrThrow(tx, input.programmeId);
  const where = and(eq(programmeTarget.programmeId, input.programmeId), eq(programmeTarget.metric, input.metric));
  const [before] = await tx.select().from(programmeTarget).where(where);
  const values = { targetValue: input.targetValue, note: input.note || null };
  if (before) await tx.update(programmeTarget).set(values).where(where);
  else await tx.insert(programmeTarget).values({ programmeId: input.programmeId, metric: input.metric, ...values });
  const after = { programmeId: input.programmeId, metric: input.metric, ...values };
  await audit({ action: before ? 'programme.target.update' : 'programme.target.create', entity: 'programme', entityId: input.programmeId, before, after });
  return after;
}

export async function removeProgrammeTarget(write: WriteCtx, input: ProgrammeTargetRemove) {
  const { tx, audit } = write;
  const where = and(eq(programmeTarget.programmeId, input.programmeId), eq(programmeTarget.metric, input.metric));
  const before = await loadProgrammeTarget(tx, input.programmeId, input.metric);
  await tx.delete(programmeTarget).where(where);
  await audit({ action: 'programme.target.remove', entity: 'programme', entityId: input.programmeId, before });
  return { removed: true };
}
