import { DomainError, IsoDateSchema, StatementRequestSchema } from '@highland/shared';
import { z } from 'zod';
import { assertFundReadable } from '../auth/scope.js';
import { query } from '../data/ctx.js';
import { lpPortal } from '../data/lp.js';
import { issuedQuarters, lpStatementExport, lpStatementWithIssues } from '../data/statements.js';
import { areaProcedure, type AuthedContext, router } from '../trpc.js';

/** The LP portal area: LP accounts only (canSee 'portfolio'). */
const lps = areaProcedure('portfolio');

/** The investor an LP account acts for: its own, never one named in the input. */
function ownInvestor(ctx: AuthedContext): number {
  if (ctx.actor.investorId === null) throw new DomainError('NOT_FOUND', 'lp.noInvestor', 'This account is not linked to an investor.');
  return ctx.actor.investorId;
}

/** The LP portal: the signed-in LP's own commitments, figures, cash flows, look-through and statements. */
export const lpRouter = router({
  portal: lps
    .input(z.object({ asOf: IsoDateSchema.optional() }))
    .query(({ ctx, input }) => query(ctx, lpPortal, { investorId: ownInvestor(ctx), asOf: input.asOf })),

  /** The quarters issued to the LP, newest first: a statement opened without a quarter shows the first. */
  statementQuarters: lps.query(({ ctx }) => query(ctx, issuedQuarters, { investorId: ownInvestor(ctx) })),

  /** A quarter's capital account statement, each fund with the version issued to the LP and where the books now differ (ADR 034). */
  statement: lps.input(StatementRequestSchema).query(async ({ ctx, input }) => {
    if (input.fundId !== undefined) await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    return query(ctx, lpStatementWithIssues, { investorId: ownInvestor(ctx), quarter: input.quarter, fundId: input.fundId });
  }),

  /** The same statement as an XLSX file (base64), numbers stored as numbers. */
  statementXlsx: lps.input(StatementRequestSchema).query(async ({ ctx, input }) => {
    if (input.fundId !== undefined) await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    return query(ctx, lpStatementExport, { investorId: ownInvestor(ctx), quarter: input.quarter, fundId: input.fundId });
  }),
});
