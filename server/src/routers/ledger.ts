import {
  CapitalCallSchema,
  CommitmentRecordSchema,
  CommitmentReleaseSchema,
  ContributionRecordSchema,
  InvestorCreateSchema,
  LpFlowSchema,
  NavStatementSchema,
  ReinvestEvidenceSchema,
  ReversalSchema,
  StatementIssueCreateSchema,
  writesBooks,
} from '@highland/shared';
import { assertCommitmentWritable, assertFundWritable } from '../auth/scope.js';
import { command } from '../data/ctx.js';
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
import { loadCapitalCall, loadLedgerEntry } from '../data/load.js';
import { issueStatements } from '../data/statements.js';
import { gateProcedure, router } from '../trpc.js';

/** A fund's books are written by its managers only (writesBooks, then the fund's own check): government reviewers and administrators edit nothing in them. */
const writer = gateProcedure(writesBooks);

export const ledgerRouter = router({
  /** Commitments on one date (a close, or single ones); the mother fund's managers record them for any fund below it. */
  commit: writer.input(CommitmentRecordSchema).mutation(async ({ ctx, input }) => {
    await assertCommitmentWritable(ctx.db, ctx.actor, input.fundId);
    return command(ctx, recordCommitments, input);
  }),

  /** Releases part of an LP's uncalled commitment from a date (default, or the end of the investment period). ADR 036. */
  release: writer.input(CommitmentReleaseSchema).mutation(async ({ ctx, input }) => {
    await assertCommitmentWritable(ctx.db, ctx.actor, input.fundId);
    return command(ctx, releaseCommitment, input);
  }),

  capitalCall: writer.input(CapitalCallSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return command(ctx, postCapitalCall, input);
  }),

  /** Payments of a call: the call must exist (NOT_FOUND), and be of a fund the caller manages. */
  contribute: writer.input(ContributionRecordSchema).mutation(async ({ ctx, input }) => {
    assertFundWritable(ctx.actor, (await loadCapitalCall(ctx.db, input.callId)).fundId);
    return command(ctx, recordContributions, input);
  }),

  distribute: writer.input(LpFlowSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return command(ctx, postLpFlow, { ...input, kind: 'distribution' as const });
  }),

  fee: writer.input(LpFlowSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return command(ctx, postLpFlow, { ...input, kind: 'fee' as const });
  }),

  reverse: writer.input(ReversalSchema).mutation(async ({ ctx, input }) => {
    assertFundWritable(ctx.actor, (await loadLedgerEntry(ctx.db, input.entryId)).fundId);
    return command(ctx, reverseEntry, input);
  }),

  /** Issues a quarter's capital account statements to the fund's LPs (again: a restatement, with a note). ADR 034. */
  issueStatements: writer.input(StatementIssueCreateSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return command(ctx, issueStatements, input);
  }),

  nav: writer.input(NavStatementSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return command(ctx, recordNav, input);
  }),

  evidence: writer.input(ReinvestEvidenceSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return command(ctx, recordReinvestEvidence, input);
  }),

  /** A new LP record (with its source type), for a manager about to record its commitment. */
  createInvestor: writer.input(InvestorCreateSchema).mutation(({ ctx, input }) => command(ctx, createInvestor, input)),
});
