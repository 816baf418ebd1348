import {
  CapitalCallSchema,
  CommitmentRecordSchema,
  ContributionRecordSchema,
  InvestorCreateSchema,
  LpFlowSchema,
  NavStatementSchema,
  ReinvestEvidenceSchema,
  CommitmentReleaseSchema,
  ReversalSchema,
  StatementIssueCreateSchema,
} from '@highland/shared';
import { capitalCall } from '@highland/drizzle';
import { eq } from 'drizzle-orm';
import { assertCommitmentWritable, assertFundWritable } from '../auth/scope.js';
import {
  createInvestor,
  postCapitalCall,
  postLpFlow,
  recordCommitments,
  recordContributions,
  recordNav,
  recordReinvestEvidence,
  releaseCommitment,
  reverseEntry,
} from '../data/ledger.js';
import { issueStatements } from '../data/statements.js';
import { roleProcedure, router } from '../trpc.js';

/** A fund's books are written by its managers only: government reviewers and administrators edit nothing in them. */
const writer = roleProcedure('manager');

export const ledgerRouter = router({
  /** Commitments on one date (a close, or single ones); the mother fund's managers record them for any fund below it. */
  commit: writer.input(CommitmentRecordSchema).mutation(async ({ ctx, input }) => {
    await assertCommitmentWritable(ctx.db, ctx.actor, input.fundId);
    return recordCommitments(ctx, input);
  }),

  /** Releases part of an LP's uncalled commitment from a date (default, or the end of the investment period). ADR 036. */
  release: writer.input(CommitmentReleaseSchema).mutation(async ({ ctx, input }) => {
    await assertCommitmentWritable(ctx.db, ctx.actor, input.fundId);
    return releaseCommitment(ctx, input);
  }),

  capitalCall: writer.input(CapitalCallSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return postCapitalCall(ctx, input);
  }),

  contribute: writer.input(ContributionRecordSchema).mutation(async ({ ctx, input }) => {
    const call = (await ctx.db.select({ fundId: capitalCall.fundId }).from(capitalCall).where(eq(capitalCall.id, input.callId)))[0];
    if (call) assertFundWritable(ctx.actor, call.fundId);
    return recordContributions(ctx, input);
  }),

  distribute: writer.input(LpFlowSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return postLpFlow(ctx, 'distribution', input);
  }),

  fee: writer.input(LpFlowSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return postLpFlow(ctx, 'fee', input);
  }),

  reverse: writer.input(ReversalSchema).mutation(({ ctx, input }) => reverseEntry(ctx, input, (fundId) => assertFundWritable(ctx.actor, fundId))),

  /** Issues a quarter's capital account statements to the fund's LPs (again: a restatement, with a note). ADR 034. */
  issueStatements: writer.input(StatementIssueCreateSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return issueStatements(ctx, input);
  }),

  nav: writer.input(NavStatementSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return recordNav(ctx, input);
  }),

  evidence: writer.input(ReinvestEvidenceSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return recordReinvestEvidence(ctx, input);
  }),

  /** A new LP record (with its source type), for a manager about to record its commitment. */
  createInvestor: writer.input(InvestorCreateSchema).mutation(({ ctx, input }) => createInvestor(ctx, input)),
});
