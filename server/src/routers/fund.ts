import { canEditFunds, FundCreateSchema, FundUpdateSchema, IdSchema, IsoDateSchema, LEDGER_KIND_CODES, writesBooks } from '@highland/shared';
import { z } from 'zod';
import { filterVisibleInvestors } from '../auth/investor-scope.js';
import { assertFundEditable, assertFundReadable } from '../auth/scope.js';
import { command, query } from '../data/ctx.js';
import { createFund, fundDetail, fundEntries, fundFormOptions, investorOptions, updateFund } from '../data/funds.js';
import { loadFund } from '../data/load.js';
import { statementIssues } from '../data/statements.js';
import { areaProcedure, gateProcedure, router } from '../trpc.js';

/** LPs read their own positions (lp.portal); a fund's page lists every LP, so it is for managers and reviewers (canSee 'funds'). */
const reader = areaProcedure('funds');
/** Funds are created and edited by administrators and the mother fund's managers (canEditFunds; one fund's settings: assertFundEditable). */
const editor = gateProcedure(canEditFunds);

export const fundRouter = router({
  /** One fund's page as of a date. */
  detail: reader.input(z.object({ id: IdSchema, asOf: IsoDateSchema.optional() })).query(async ({ ctx, input }) => {
    await assertFundReadable(ctx.db, ctx.actor, input.id);
    return query(ctx, fundDetail, { fundId: input.id, asOf: input.asOf });
  }),

  /** The quarterly statements the fund has issued to its LPs, newest first, and whether the books still agree (ADR 034). */
  statementIssues: reader.input(z.object({ id: IdSchema })).query(async ({ ctx, input }) => {
    await assertFundReadable(ctx.db, ctx.actor, input.id);
    return query(ctx, statementIssues, { fundId: input.id });
  }),

  /** A fund's ledger, newest first, a page at a time. */
  entries: reader
    .input(
      z.object({
        id: IdSchema,
        asOf: IsoDateSchema.optional(),
        kind: z.enum(LEDGER_KIND_CODES).optional(),
        cursor: IdSchema.optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(async ({ ctx, input }) => {
      await assertFundReadable(ctx.db, ctx.actor, input.id);
      return query(ctx, fundEntries, { fundId: input.id, asOf: input.asOf, kind: input.kind, cursor: input.cursor, limit: input.limit });
    }),

  /** A fund's stored settings, for its edit form. */
  get: editor.input(z.object({ id: IdSchema })).query(async ({ ctx, input }) => {
    await assertFundEditable(ctx.db, ctx.actor, input.id);
    return loadFund(ctx.db, input.id);
  }),

  /**
   * Investors to choose from when recording a commitment: for managers with funds, and only the names they
   * may see (canSeeInvestor: a sub-fund's manager not every investor of the group; ADR 044).
   */
  investorOptions: gateProcedure(writesBooks).query(async ({ ctx }) => filterVisibleInvestors(ctx.db, ctx.actor, await query(ctx, investorOptions))),

  formOptions: editor.query(({ ctx }) => query(ctx, fundFormOptions)),

  create: editor.input(FundCreateSchema).mutation(({ ctx, input }) => command(ctx, createFund, input)),

  update: editor.input(FundUpdateSchema).mutation(async ({ ctx, input }) => {
    await assertFundEditable(ctx.db, ctx.actor, input.id);
    return command(ctx, updateFund, input);
  }),
});
