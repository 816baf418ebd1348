import { canWritePlan, FirmOptionsSchema, readsAllFirms, ScoreboardDrillSchema, ScoreboardQuerySchema } from '@highland/shared';
import { query } from '../data/ctx.js';
import { firmOptions } from '../data/plan/books.js';
import { scoreboard, scoreboardDrill, scoreboardExport } from '../data/plan/scoreboard.js';
import { areaProcedure, gateProcedure, router } from '../trpc.js';

/** Group readers only (canSee 'scoreboard' is readsGroup). */
const readers = areaProcedure('scoreboard');

/** The plan's scoreboard: for government reviewers, administrators and the mother fund's managers. */
export const scoreboardRouter = router({
  view: readers.input(ScoreboardQuerySchema).query(({ ctx, input }) => query(ctx, scoreboard, input)),

  /** The firms (funds, LPs) behind one figure. */
  drill: readers.input(ScoreboardDrillSchema).query(({ ctx, input }) => query(ctx, scoreboardDrill, input)),

  /** The scoreboard and every drill-down as an XLSX file (base64), numbers stored as numbers. */
  exportXlsx: readers.input(ScoreboardQuerySchema).query(({ ctx, input }) => query(ctx, scoreboardExport, input)),

  /** Firms the caller keeps records for (a manager's funds' firms — their funds and every fund below; every held firm for the mother fund's managers), for the forms. */
  firmOptions: gateProcedure(canWritePlan)
    .input(FirmOptionsSchema)
    .query(async ({ ctx, input }) => {
      const scope = await ctx.scope();
      const funds = readsAllFirms(ctx.actor) || scope.all ? ('all' as const) : scope.ids;
      return query(ctx, firmOptions, { funds, q: input.q, date: input.date });
    }),
});
