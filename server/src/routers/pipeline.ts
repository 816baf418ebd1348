import { FunnelSchema, IdSchema, PipelineSettingsSchema, SavedViewSaveSchema, writesBooks } from '@highland/shared';
import { z } from 'zod';
import { assertDealFilterReadable, assertOwnView } from '../auth/guards.js';
import { assertFundWritable } from '../auth/scope.js';
import { command, query } from '../data/ctx.js';
import { saveSettings } from '../data/deal.js';
import { funnelOf, overlapList } from '../data/deal-list.js';
import { loadSavedView } from '../data/load.js';
import { deleteView, listViews, pipelineOptions, saveView } from '../data/pipeline.js';
import { areaProcedure, gateProcedure, router } from '../trpc.js';

const reader = areaProcedure('pipeline');

export const pipelineRouter = router({
  options: reader.query(({ ctx }) => query(ctx, pipelineOptions)),
  /** A fund's stage order and scorecard weights: its managers only. */
  saveSettings: gateProcedure(writesBooks)
    .input(PipelineSettingsSchema)
    .mutation(({ ctx, input }) => {
      assertFundWritable(ctx.actor, input.fundId);
      return command(ctx, saveSettings, input);
    }),
  funnel: reader.input(FunnelSchema).query(async ({ ctx, input }) => {
    await assertDealFilterReadable(ctx, input);
    return query(ctx, funnelOf, input);
  }),
  /** Companies in several funds' pipelines: reviewers and the mother fund's managers. */
  overlap: areaProcedure('overlap').query(({ ctx }) => query(ctx, overlapList, {})),
  views: reader.query(({ ctx }) => query(ctx, listViews)),
  /** Saves a view of the caller's (overwriting one only if it is theirs). */
  saveView: reader.input(SavedViewSaveSchema).mutation(async ({ ctx, input }) => {
    if (input.id) assertOwnView(ctx.actor, await loadSavedView(ctx.db, input.id));
    return command(ctx, saveView, input);
  }),
  deleteView: reader.input(z.object({ id: IdSchema })).mutation(async ({ ctx, input }) => {
    assertOwnView(ctx.actor, await loadSavedView(ctx.db, input.id));
    return command(ctx, deleteView, input);
  }),
});
