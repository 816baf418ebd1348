import { FundCreateSchema, FundUpdateSchema, IdSchema, IsoDateSchema, LEDGER_KIND_CODES } from '@highland/shared';
import { z } from 'zod';
import { assertFundEditable, assertFundEditor, assertFundReadable } from '../auth/scope.js';
import { createFund, fundDetail, fundEntries, fundEvidence, fundFormOptions, investorOptions, updateFund } from '../data/funds.js';
import { fundOrThrow } from '../data/ledger.js';
import { statementIssues } from '../data/statements.js';
import { roleProcedure, router } from '../trpc.js';
import { businessToday } from '../business-date.js';

/** LPs read their own positions (group.portfolio); a fund's page lists every LP, so it is for managers and reviewers. */
const reader = roleProcedure('government', 'admin', 'manager');

export const fundRouter = router({
  /** One fund's page as of a date. */
  detail: reader.input(z.object({ id: IdSchema, asOf: IsoDateSchema.optional() })).query(async ({ ctx, input }) => {
    await assertFundReadable(ctx.db, ctx.actor, input.id);
    return { ...(await fundDetail(ctx.db, input.id, input.asOf ?? businessToday(ctx))), evidence: await fundEvidence(ctx.db, input.id) };
  }),

  /** The quarterly statements the fund has issued to its LPs, newest first, and whether the books still agree (ADR 034). */
  statementIssues: reader.input(z.object({ id: IdSchema })).query(async ({ ctx, input }) => {
    await assertFundReadable(ctx.db, ctx.actor, input.id);
    return statementIssues(ctx.db, input.id);
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
      return fundEntries(ctx.db, input.id, { asOf: input.asOf ?? businessToday(ctx), kind: input.kind, cursor: input.cursor, limit: input.limit });
    }),

  /** A fund's stored settings, for its edit form. */
  get: reader.input(z.object({ id: IdSchema })).query(async ({ ctx, input }) => {
    await assertFundEditable(ctx.db, ctx.actor, input.id);
    return fundOrThrow(ctx.db, input.id);
  }),

  /** Investors to choose from when recording a commitment: for managers. */
  investorOptions: roleProcedure('manager').query(({ ctx }) => investorOptions(ctx.db)),

  formOptions: reader.query(({ ctx }) => {
    assertFundEditor(ctx.actor);
    return fundFormOptions(ctx.db);
  }),

  create: roleProcedure('admin', 'manager')
    .input(FundCreateSchema)
    .mutation(({ ctx, input }) => {
      assertFundEditor(ctx.actor);
      return createFund(ctx, input);
    }),

  update: roleProcedure('admin', 'manager')
    .input(FundUpdateSchema)
    .mutation(async ({ ctx, input }) => {
      await assertFundEditable(ctx.db, ctx.actor, input.id);
      return updateFund(ctx, input);
    }),
});
