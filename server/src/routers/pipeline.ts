import { FunnelSchema, IdSchema, PipelineSettingsSchema, SavedViewSaveSchema } from '@highland/shared';
import { z } from 'zod';
import { saveSettings } from '../data/deal.js';
import { funnelOf, overlapList } from '../data/deal-list.js';
import { deleteView, listViews, pipelineOptions, saveView } from '../data/pipeline.js';
import { roleProcedure, router } from '../trpc.js';

const reader = roleProcedure('government', 'admin', 'manager');

export const pipelineRouter = router({
  options: reader.query(({ ctx }) => pipelineOptions(ctx.db, ctx.actor)),
  /** A fund's stage order and scorecard weights: its managers only. */
  saveSettings: roleProcedure('manager')
    .input(PipelineSettingsSchema)
    .mutation(({ ctx, input }) => saveSettings(ctx, input)),
  funnel: reader.input(FunnelSchema).query(({ ctx, input }) => funnelOf(ctx.db, ctx.actor, input)),
  /** Companies in several funds' pipelines: reviewers and the mother fund's managers. */
  overlap: reader.query(({ ctx }) => overlapList(ctx.db, ctx.actor)),
  views: reader.query(({ ctx }) => listViews(ctx.db, ctx.actor)),
  saveView: reader.input(SavedViewSaveSchema).mutation(({ ctx, input }) => saveView(ctx, input)),
  deleteView: reader.input(z.object({ id: IdSchema })).mutation(({ ctx, input }) => deleteView(ctx, input.id)),
});
