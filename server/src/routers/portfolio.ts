import { valuation } from '@highland/drizzle';
import {
  DomainError,
  ExitCreateSchema,
  ExitReversalSchema,
  InvestmentCreateSchema,
  InvestmentReversalSchema,
  KpiImportSchema,
  KpiSnapshotCreateSchema,
  PositionKeySchema,
  ValuationCreateSchema,
  ValuationReviewSchema,
} from '@highland/shared';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { mutate } from '../audit.js';
import { assertFundReadable, assertFundReviewable, assertFundWritable, readableFunds, withDescendants } from '../auth/scope.js';
import type { Actor } from '../context.js';
import { companyOptions, pendingValuations, positionDetail } from '../data/performance.js';
import {
  addKpiSnapshot,
  addValuation,
  companiesHeldBy,
  createInvestment,
  importKpis,
  recordExit,
  reverseExit,
  reverseInvestment,
  reviewValuation,
  type WriteMeta,
} from '../data/portfolio.js';
import { type AuthedContext, roleProcedure, router } from '../trpc.js';
import { businessToday } from '../business-date.js';

const readers = roleProcedure('government', 'admin', 'manager');
const managers = roleProcedure('manager');

function meta(ctx: AuthedContext): WriteMeta {
  const now = ctx.now();
  return { userId: ctx.actor.userId, at: now.toISOString(), today: businessToday(ctx) };
}

/** A company's KPIs are kept by the managers of the funds that hold it (or funds above them). */
async function keepsKpisOf(ctx: AuthedContext, actor: Actor): Promise<Set<number>> {
  return companiesHeldBy(ctx.db, await withDescendants(ctx.db, actor.managedFundIds));
}

/** Investments, exits, marks and their review, NAV statements and KPIs: the portfolio's books. */
export const portfolioRouter = router({
  createInvestment: managers.input(InvestmentCreateSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return mutate(ctx, (tx, audit) => createInvestment(tx, audit, input, meta(ctx)));
  }),

  recordExit: managers.input(ExitCreateSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return mutate(ctx, (tx, audit) => recordExit(tx, audit, input, meta(ctx)));
  }),

  /** A correction of a round recorded in error: a reversing row and ledger row, never an edit (ADR 033). */
  reverseInvestment: managers
    .input(InvestmentReversalSchema)
    .mutation(({ ctx, input }) =>
      mutate(ctx, (tx, audit) => reverseInvestment(tx, audit, input, meta(ctx), (fundId) => assertFundWritable(ctx.actor, fundId))),
    ),

  /** A correction of an exit recorded in error: a reversing row and reversing proceeds rows (ADR 033). */
  reverseExit: managers
    .input(ExitReversalSchema)
    .mutation(({ ctx, input }) => mutate(ctx, (tx, audit) => reverseExit(tx, audit, input, meta(ctx), (fundId) => assertFundWritable(ctx.actor, fundId)))),

  addValuation: managers.input(ValuationCreateSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return mutate(ctx, (tx, audit) => addValuation(tx, audit, input, meta(ctx)));
  }),

  reviewValuation: managers.input(ValuationReviewSchema).mutation(async ({ ctx, input }) => {
    const [v] = await ctx.db.select({ fundId: valuation.fundId }).from(valuation).where(eq(valuation.id, input.id));
    if (!v) throw new DomainError('NOT_FOUND', 'valuation.notFound', `No valuation with id ${input.id}.`, { params: { id: input.id } });
    await assertFundReviewable(ctx.db, ctx.actor, v.fundId);
    return mutate(ctx, (tx, audit) => reviewValuation(tx, audit, input, meta(ctx)));
  }),

  addKpi: managers.input(KpiSnapshotCreateSchema).mutation(async ({ ctx, input }) => {
    if (!(await keepsKpisOf(ctx, ctx.actor)).has(input.companyId))
      throw new DomainError('FORBIDDEN', 'portfolio.notYourCompany', `Company ${input.companyId} is not held by a fund you manage.`, {
        params: { id: input.companyId },
      });
    return mutate(ctx, (tx, audit) => addKpiSnapshot(tx, audit, input, meta(ctx)));
  }),

  importKpis: managers.input(KpiImportSchema).mutation(async ({ ctx, input }) => {
    const allowed = await keepsKpisOf(ctx, ctx.actor);
    return mutate(ctx, (tx, audit) => importKpis(tx, audit, input, meta(ctx), allowed));
  }),

  /** One position: rounds, exits, marks with their reviews, the company's KPIs, history. */
  position: readers.input(PositionKeySchema).query(async ({ ctx, input }) => {
    await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    const detail = await positionDetail(ctx.db, input.fundId, input.companyId, input.asOf ?? businessToday(ctx));
    const writable = ctx.actor.role === 'manager' && ctx.actor.managedFundIds.includes(input.fundId);
    let reviewable = false;
    if (ctx.actor.role === 'manager')
      reviewable = await assertFundReviewable(ctx.db, ctx.actor, input.fundId).then(
        () => true,
        () => false,
      );
    return { ...detail, can: { write: writable, review: reviewable, kpi: (await keepsKpisOf(ctx, ctx.actor)).has(input.companyId) } };
  }),

  /** Marks waiting for review in the funds the caller may read. */
  pendingValuations: readers.query(async ({ ctx }) => {
    const scope = await readableFunds(ctx.db, ctx.actor);
    return pendingValuations(ctx.db, scope.all ? 'all' : scope.ids);
  }),

  companyOptions: managers.input(z.object({ q: z.string().trim().max(100).default('') })).query(({ ctx, input }) => companyOptions(ctx.db, input.q)),
});
