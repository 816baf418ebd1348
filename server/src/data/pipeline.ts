import { type Db, type DbOrTx, fund, savedView, user, userFund } from '@highland/drizzle';
import { type DealFilter, DomainError, type DealSort, type PipelineKind, type SavedViewSave, stageOrder } from '@highland/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type MutationContext, mutate } from '../audit.js';
import { fundScopeCondition, readableFunds } from '../auth/scope.js';
import type { Actor } from '../context.js';
import { criteriaOf, pipelineSettings } from './scoring.js';

/**
 * What the pipeline pages need to draw their pickers: the funds the caller may read (with each one's
 * pipeline, stage order, scorecard and managers), and which of them the caller may write.
 */
export async function pipelineOptions(db: Db, actor: Actor) {
  const scope = await readableFunds(db, actor);
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
      writable: actor.role === 'manager' && actor.managedFundIds.includes(f.id),
      owners: managers.filter((m) => m.fundId === f.id).map(({ id, name, email }) => ({ id, name, email })),
    });
  }
  const groupReader = actor.role === 'government' || actor.role === 'admin' || actor.managesMotherFund;
  return { funds: out, groupReader, userId: actor.userId };
}

export async function listViews(db: DbOrTx, actor: Actor) {
  const rows = await db.select().from(savedView).where(eq(savedView.userId, actor.userId)).orderBy(asc(savedView.name));
  return rows.map((r) => ({ id: r.id, name: r.name, filter: r.filter as DealFilter, sort: r.sort as DealSort, updatedAt: r.updatedAt }));
}

/** Saves a view under a name (a new one, or `id` overwritten); names are unique per user. */
export async function saveView(ctx: MutationContext & { actor: Actor }, input: SavedViewSave) {
  return mutate(ctx, async (tx, audit) => {
    const now = ctx.now().toISOString();
    const clash = (
      await tx
        .select()
        .from(savedView)
        .where(and(eq(savedView.userId, ctx.actor.userId), eq(savedView.name, input.name)))
    )[0];
    if (clash && clash.id !== input.id) throw DomainError.field('name', 'unique', `name: you already have a view called ${input.name}`);
    let id = input.id;
    if (id) {
      await ownView(tx, ctx.actor, id);
      await tx.update(savedView).set({ name: input.name, filter: input.filter, sort: input.sort, updatedAt: now }).where(eq(savedView.id, id));
    } else {
      const row = (
        await tx
          .insert(savedView)
          .values({ userId: ctx.actor.userId, name: input.name, filter: input.filter, sort: input.sort, createdAt: now, updatedAt: now })
          .returning({ id: savedView.id })
      )[0];
      id = row?.id;
    }
    await audit({ action: 'view.save', entity: 'saved_view', entityId: id ?? 0, after: input });
    return { id: id ?? 0 };
  });
}

export async function deleteView(ctx: MutationContext & { actor: Actor }, id: number) {
  return mutate(ctx, async (tx, audit) => {
    const mine = await ownView(tx, ctx.actor, id);
    await tx.delete(savedView).where(eq(savedView.id, id));
    await audit({ action: 'view.delete', entity: 'saved_view', entityId: id, before: { name: mine.name, filter: mine.filter, sort: mine.sort } });
    return { ok: true as const };
  });
}

/** A saved view is its owner's alone. */
async function ownView(db: DbOrTx, actor: Actor, id: number) {
  const view = (await db.select().from(savedView).where(eq(savedView.id, id)))[0];
  if (!view) throw new DomainError('NOT_FOUND', 'view.notFound', `No saved view ${id}.`, { params: { id } });
  if (view.userId !== actor.userId) throw new DomainError('FORBIDDEN', 'view.notYours', `Saved view ${id} belongs to another user.`, { params: { id } });
  return view;
}
