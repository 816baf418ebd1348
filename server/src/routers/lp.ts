import { DomainError, IsoDateSchema, isoDateIn, StatementRequestSchema } from '@highland/shared';
import { z } from 'zod';
import { assertFundReadable } from '../auth/scope.js';
import { lpPortal, lpStatement } from '../data/lp.js';
import { statementWorkbook } from '../data/lp-xlsx.js';
import { type AuthedContext, roleProcedure, router } from '../trpc.js';

const lps = roleProcedure('lp');

/** The investor an LP account acts for: its own, never one named in the input. */
function ownInvestor(ctx: AuthedContext): number {
  if (ctx.actor.investorId === null) throw new DomainError('NOT_FOUND', 'lp.noInvestor', 'This account is not linked to an investor.');
  return ctx.actor.investorId;
}

/** The LP portal: the signed-in LP's own commitments, figures, cash flows, look-through and statements. */
export const lpRouter = router({
  portal: lps
    .input(z.object({ asOf: IsoDateSchema.optional() }))
    .query(({ ctx, input }) => lpPortal(ctx.db, ownInvestor(ctx), input.asOf ?? isoDateIn(ctx.now()))),

  statement: lps.input(StatementRequestSchema).query(async ({ ctx, input }) => {
    if (input.fundId !== undefined) await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    return lpStatement(ctx.db, ownInvestor(ctx), input.quarter, isoDateIn(ctx.now()), input.fundId);
  }),

  /** The same statement as an XLSX file (base64), numbers stored as numbers. */
  statementXlsx: lps.input(StatementRequestSchema).query(async ({ ctx, input }) => {
    if (input.fundId !== undefined) await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    const s = await lpStatement(ctx.db, ownInvestor(ctx), input.quarter, isoDateIn(ctx.now()), input.fundId);
    const buffer = await statementWorkbook(s, ctx.now().toISOString());
    return {
      filename: `capital-account-${s.quarter}${input.fundId === undefined ? '' : `-${s.funds[0]?.code ?? ''}`}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: buffer.toString('base64'),
    };
  }),
});
