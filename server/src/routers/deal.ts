import {
  ApplicationCreateSchema,
  BoardSchema,
  DealCreateSchema,
  DealFilterSchema,
  DealListSchema,
  DealMoveSchema,
  DealUpdateSchema,
  IdSchema,
  NoteAddSchema,
  ScoreSubmitSchema,
  writesBooks,
} from '@highland/shared';
import { z } from 'zod';
import { assertFundReadable, assertFundWritable } from '../auth/scope.js';
import { command, query } from '../data/ctx.js';
import { addNote, createApplication, createDeal, getDeal, moveDeal, submitScores, updateDeal } from '../data/deal.js';
import { boardOf, countDeals, listDeals } from '../data/deal-list.js';
import { loadDeal } from '../data/load.js';
import { assertDealFilterReadable } from '../auth/guards.js';
import { areaProcedure, type AuthedContext, gateProcedure, router } from '../trpc.js';

/** Pipelines are read by managers (their funds and the funds below), reviewers and administrators; never by LPs. */
const reader = areaProcedure('pipeline');
/** And written only by the managers of the deal's fund (writesBooks, then checked per deal). */
const writer = gateProcedure(writesBooks);

/** A change to an existing deal: it must exist, and be in a fund the caller manages. */
async function assertDealWritable(ctx: AuthedContext, dealId: number): Promise<void> {
  assertFundWritable(ctx.actor, (await loadDeal(ctx.db, dealId)).fundId);
}

export const dealRouter = router({
  list: reader.input(DealListSchema).query(async ({ ctx, input }) => {
    await assertDealFilterReadable(ctx, input.filter);
    return query(ctx, listDeals, input);
  }),
  count: reader.input(z.object({ filter: DealFilterSchema })).query(async ({ ctx, input }) => {
    await assertDealFilterReadable(ctx, input.filter);
    return query(ctx, countDeals, input);
  }),
  board: reader.input(BoardSchema).query(async ({ ctx, input }) => {
    await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    return query(ctx, boardOf, input);
  }),
  get: reader.input(z.object({ id: IdSchema })).query(async ({ ctx, input }) => {
    await assertFundReadable(ctx.db, ctx.actor, (await loadDeal(ctx.db, input.id)).fundId);
    return query(ctx, getDeal, input);
  }),
  create: writer.input(DealCreateSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return command(ctx, createDeal, input);
  }),
  createApplication: writer.input(ApplicationCreateSchema).mutation(({ ctx, input }) => {
    assertFundWritable(ctx.actor, input.fundId);
    return command(ctx, createApplication, input);
  }),
  update: writer.input(DealUpdateSchema).mutation(async ({ ctx, input }) => {
    await assertDealWritable(ctx, input.id);
    return command(ctx, updateDeal, input);
  }),
  move: writer.input(DealMoveSchema).mutation(async ({ ctx, input }) => {
    await assertDealWritable(ctx, input.id);
    return command(ctx, moveDeal, input);
  }),
  score: writer.input(ScoreSubmitSchema).mutation(async ({ ctx, input }) => {
    await assertDealWritable(ctx, input.dealId);
    return command(ctx, submitScores, input);
  }),
  addNote: writer.input(NoteAddSchema).mutation(async ({ ctx, input }) => {
    await assertDealWritable(ctx, input.dealId);
    return command(ctx, addNote, input);
  }),
});
