import { DomainError, IsoDateSchema, isoDateIn, StatementRequestSchema } from '@highland/shared';
import { z } from 'zod';
import { assertFundReadable } from '../auth/scope.js';
import { lpPortal, lpStatement } from '../data/lp.js';
import { statementWorkbook } from '../data/lp-xlsx.js';
import { issuedStatus } from '../data/statements.js';
import { type AuthedContext, roleProcedure, router } from '../trpc.js';
import { fileOf } from '../xlsx/writer.js';

const lps = roleProcedure('lp');

/** The investor an LP account acts for: its own, never one named in the input. */
function ownInvestor(ctx: AuthedContext): number {
  if (ctx.actor.investorId === null) throw new DomainError('NOT_FOUND', 'lp.noInvestor', 'This account is not linked to an investor.');
  return ctx.actor.investorId;
}

/** Each fund's statement with the version issued to the LP, if any, and where the books now differ from it (ADR 034). */
async function withIssues(ctx: AuthedContext, s: Awaited<ReturnType<typeof lpStatement>>) {
  const issued = await issuedStatus(ctx.db, ownInvestor(ctx), s);
  return { ...s, funds: s.funds.map((f) => ({ ...f, issued: issued.get(f.fundId) ?? null })) };
}

/** The LP portal: the signed-in LP's own commitments, figures, cash flows, look-through and statements. */
export const lpRouter = router({
  portal: lps
    .input(z.object({ asOf: IsoDateSchema.optional() }))
    .query(({ ctx, input }) => lpPortal(ctx.db, ownInvestor(ctx), input.asOf ?? isoDateIn(ctx.now()))),

  statement: lps.input(StatementRequestSchema).query(async ({ ctx, input }) => {
    if (input.fundId !== undefined) await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    return withIssues(ctx, await lpStatement(ctx.db, ownInvestor(ctx), input.quarter, isoDateIn(ctx.now()), input.fundId));
  }),

  /** The same statement as an XLSX file (base64), numbers stored as numbers. */
  statementXlsx: lps.input(StatementRequestSchema).query(async ({ ctx, input }) => {
    if (input.fundId !== undefined) await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    const s = await withIssues(ctx, await lpStatement(ctx.db, ownInvestor(ctx), input.quarter, isoDateIn(ctx.now()), input.fundId));
    const buffer = await statementWorkbook(s, ctx.now().toISOString());
    return fileOf(buffer, `capital-account-${s.quarter}${input.fundId === undefined ? '' : `-${s.funds[0]?.code ?? ''}`}.xlsx`);
  }),
});
