import { fund, savedView, user, userFund } from '@highland/drizzle';
import { canWriteFund, type DealFilter, type DealSort, DomainError, type PipelineKind, readsGroup, type SavedViewSave, stageOrder } from '@highland/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type ReadCtx, signedIn, type WriteCtx } from './ctx.js';
import { loadSavedView } from './load.js';
import { fundScopeCondition } from './scope-sql.js';
import { criteriaOf, pipelineSettings } from './scoring.js';

/**
 * What the pipeline pages need to draw their pickers: the funds the caller may read (with each one's
 * pipeline, stage order, scorecard and managers), and which of them the caller may write.
 */
export async function pipelineOptions(read: ReadCtx) {
  const { db } = read;
  const actor = signedIn(read);
  const scope = await read.scope();
  const funds = await db
    .select({ id: fund.id, code: fund.code, nameZh: fund.nameZh, nameEn: fund.nameEn, kind: fund.kind, sectorFocus: fund.sectorFocus, batch: fund.batch })
    .from(fund)
    .where(fundScopeCondition(scope, fund.id))
    .orderBy(asc(fund.kind), asc(fund.code));
  const ids = funds.map((f) => f.id);
  const managers = ids.length
    ? await db
        .select({ fundId: userFund.fundId, id: user.id, name: user.name, email: user.email })
        .from(userFund)
        .innerJoin(user, eq(user.id, userFund.userId))
        .where(and(inArray(userFund.fundId, ids), eq(user.role, 'manager'), eq(user.disabled, false)))
        .orderBy(asc(user.name))
    : [];
  const out = [];
  for (const f of funds) {
    const settings = await pipelineSettings(db, f.id);
    const pipeline: PipelineKind = f.kind === 'mother' ? 'selection' : 'direct';
    out.push({
      ...f,
      pipeline,
      stageOrder: settings.stageOrder,
      stages: stageOrder(pipeline, settings.stageOrder),
      criteria: criteriaOf(settings, pipeline),
      writable: canWriteFund(actor, f.id),
      owners: managers.filter((m) => m.fundId === f.id).map(({ id, name, email }) => ({ id, name, email })),
    });
  }
  const groupReader = readsGroup(actor);
  return { funds: out, groupReader, userId: actor.userId };
}

export async function listViews(read: ReadCtx) {
  const rows = await read.db
    .select()
    .from(savedView)
    .where(eq(savedView.userId, signedIn(read).userId))
    .orderBy(asc(savedView.name));
  return rows.map((r) => ({ id: r.id, name: r.name, filter: r.filter as DealFilter, sort: r.sort as DealSort, updatedAt: r.updatedAt }));
}

/** Saves a view under a name (a new one, or `id` overwritten, which the router checked is the caller's); names are unique per user. */
export async function saveView(write: WriteCtx, input: SavedViewSave) {
  const { tx, audit } = write;
  const actor = signedIn(write);
  const now = write.now().toISOString();
  const clash = (
    await tx
      .select()
      .from(savedView)
      .where(and(eq(savedView.userId, actor.userId), eq(savedView.name, input.name)))
  )[0];
  if (clash && clash.id !== input.id) throw DomainError.field('name', 'unique', `name: you already have a view called ${input.name}`);
  let id = input.id;
  if (id) {
    await loadSavedView(tx, id);
    await tx.update(savedView).set({ name: input.name, filter: input.filter, sort: input.sort, updatedAt: now }).where(eq(savedView.id, id));
  } else {
    const row = (
      await tx
        .insert(savedView)
        .values({ userId: actor.userId, name: input.name, filter: input.filter, sort: input.sort, createdAt: now, updatedAt: now })
        .returning({ id: savedView.id })
    )[0];
    id = row?.id;
  }
  await audit({ action: 'view.save', entity: 'saved_view', entityId: id ?? 0, after: input });
  return { id: id ?? 0 };
}

/** Deletes a saved view (the router checked it is the caller's). */
export async function deleteView(write: WriteCtx, { id }: { id: number }) {
  const { tx, audit } = write;
  const mine = await loadSavedView(tx, id);
  await tx.delete(savedView).where(eq(savedView.id, id));
  await audit({ action: 'view.delete', entity: 'saved_view', entityId: id, before: { name: mine.name, filter: mine.filter, sort: mine.sort } });
  return { ok: true as const };
}
