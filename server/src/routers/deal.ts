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
} from '@highland/shared';
import { z } from 'zod';
import { addNote, createApplication, createDeal, getDeal, moveDeal, submitScores, updateDeal } from '../data/deal.js';
import { boardOf, countDeals, listDeals } from '../data/deal-list.js';
import { roleProcedure, router } from '../trpc.js';
import { businessToday } from '../business-date.js';

/** Pipelines are read by managers (their funds and the funds below), reviewers and administrators; never by LPs. */
const reader = roleProcedure('government', 'admin', 'manager');
/** And written only by the managers of the deal's fund (checked per deal). */
const writer = roleProcedure('manager');

export const dealRouter = router({
  list: reader.input(DealListSchema).query(({ ctx, input }) => listDeals(ctx.db, ctx.actor, input)),
  count: reader.input(z.object({ filter: DealFilterSchema })).query(({ ctx, input }) => countDeals(ctx.db, ctx.actor, input.filter)),
  board: reader.input(BoardSchema).query(({ ctx, input }) => boardOf(ctx.db, ctx.actor, input)),
  get: reader.input(z.object({ id: IdSchema })).query(({ ctx, input }) => getDeal(ctx.db, ctx.actor, input.id, businessToday(ctx))),
  create: writer.input(DealCreateSchema).mutation(({ ctx, input }) => createDeal(ctx, input)),
  createApplication: writer.input(ApplicationCreateSchema).mutation(({ ctx, input }) => createApplication(ctx, input)),
  update: writer.input(DealUpdateSchema).mutation(({ ctx, input }) => updateDeal(ctx, input)),
  move: writer.input(DealMoveSchema).mutation(({ ctx, input }) => moveDeal(ctx, input)),
  score: writer.input(ScoreSubmitSchema).mutation(({ ctx, input }) => submitScores(ctx, input)),
  addNote: writer.input(NoteAddSchema).mutation(({ ctx, input }) => addNote(ctx, input)),
});
