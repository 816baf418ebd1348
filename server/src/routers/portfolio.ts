import {
  canWriteFund,
  ExitCreateSchema,
  ExitReversalSchema,
  InvestmentCreateSchema,
  InvestmentReversalSchema,
  KpiImportSchema,
  KpiSnapshotCreateSchema,
  PositionKeySchema,
  ValuationCreateSchema,
  ValuationReviewSchema,
  writesBooks,
} from '@highland/shared';
import { z } from 'zod';
import { assertKpiKeeper, companiesKeptBy } from '../auth/guards.js';
import { assertFundReadable, assertFundReviewable, assertFundWritable, fundReviewable } from '../auth/scope.js';
import { command, query } from '../data/ctx.js';
import { loadExit, loadInvestment, loadValuation } from '../data/load.js';
import { companyOptions, pendingValuations, positionDetail } from '../data/performance.js';
import { addKpiSnapshot, addValuation, createInvestment, importKpis, recordExit, reverseExit, reverseInvestment, reviewValuation } from '../data/portfolio.js';
import { areaProcedure, gateProcedure, router } from '../trpc.js';

/** Positions are read where fund performance is (canSee 'performance'); the books are written by managers with funds, each fund checked. */
const readers = areaProcedure('performance');
const managers = gateProcedure(writesBooks);

/** Investments, exits, marks and their review, NAV statements and KPIs: the portfolio's books. */
export const portfolioRouter = router({
  createInvestment: managers.input(InvestmentCreateSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return command(ctx, createInvestment, input);
  }),

  recordExit: managers.input(ExitCreateSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return command(ctx, recordExit, input);
  }),

  /** A correction of a round recorded in error: a reversing row and ledger row, never an edit (ADR 033). */
  reverseInvestment: managers.input(InvestmentReversalSchema).mutation(async ({ ctx, input }) => {
    assertFundWritable(ctx.actor, (await loadInvestment(ctx.db, input.investmentId)).fundId);
    return command(ctx, reverseInvestment, input);
  }),

  /** A correction of an exit recorded in error: a reversing row and reversing proceeds rows (ADR 033). */
  reverseExit: managers.input(ExitReversalSchema).mutation(async ({ ctx, input }) => {
    assertFundWritable(ctx.actor, (await loadExit(ctx.db, input.exitId)).fundId);
    return command(ctx, reverseExit, input);
  }),

  addValuation: managers.input(ValuationCreateSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return command(ctx, addValuation, input);
  }),

  reviewValuation: managers.input(ValuationReviewSchema).mutation(async ({ ctx, input }) => {
    await assertFundReviewable(ctx.db, ctx.actor, (await loadValuation(ctx.db, input.id)).fundId);
    return command(ctx, reviewValuation, input);
  }),

  addKpi: managers.input(KpiSnapshotCreateSchema).mutation(async ({ ctx, input }) => {
    await assertKpiKeeper(ctx, input.companyId);
    return command(ctx, addKpiSnapshot, input);
  }),

  /** KPI rows for the companies the caller's funds hold; a row for any other company is refused with the rest of the file's problems. */
  importKpis: managers.input(KpiImportSchema).mutation(async ({ ctx, input }) => command(ctx, importKpis, { ...input, allowed: await companiesKeptBy(ctx) })),

  /** One position: rounds, exits, marks with their reviews, the company's KPIs, history; and what the caller may do with it. */
  position: readers.input(PositionKeySchema).query(async ({ ctx, input }) => {
    await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    const detail = await query(ctx, positionDetail, input);
    const can = {
      write: canWriteFund(ctx.actor, input.fundId),
      review: await fundReviewable(ctx.db, ctx.actor, input.fundId),
      kpi: (await companiesKeptBy(ctx)).has(input.companyId),
    };
    return { ...detail, can };
  }),

  /** Marks waiting for review in the funds the caller may read. */
  pendingValuations: readers.query(({ ctx }) => query(ctx, pendingValuations)),

  companyOptions: managers.input(z.object({ q: z.string().trim().max(100).default('') })).query(({ ctx, input }) => query(ctx, companyOptions, input)),
});
