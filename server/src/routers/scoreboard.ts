import { FirmOptionsSchema, ScoreboardDrillSchema, ScoreboardQuerySchema } from '@highland/shared';
import { assertGroupReader } from '../auth/scope.js';
import { query } from '../data/ctx.js';
import { firmOptions } from '../data/plan/books.js';
import { scoreboard, scoreboardDrill, scoreboardExport } from '../data/plan/scoreboard.js';
import { roleProcedure, router } from '../trpc.js';

const readers = roleProcedure('government', 'admin', 'manager');

/** The plan's scoreboard: for government reviewers, administrators and the mother fund's managers. */
export const scoreboardRouter = router({
  view: readers.input(ScoreboardQuerySchema).query(({ ctx, input }) => {
    assertGroupReader(ctx.actor);
    return query(ctx, scoreboard, input);
  }),

  /** The firms (funds, LPs) behind one figure. */
  drill: readers.input(ScoreboardDrillSchema).query(({ ctx, input }) => {
    assertGroupReader(ctx.actor);
    return query(ctx, scoreboardDrill, input);
  }),

  /** The scoreboard and every drill-down as an XLSX file (base64), numbers stored as numbers. */
  exportXlsx: readers.input(ScoreboardQuerySchema).query(({ ctx, input }) => {
    assertGroupReader(ctx.actor);
    return query(ctx, scoreboardExport, input);
  }),

  /** Firms the caller keeps records for (a manager's funds' firms — their funds and every fund below; every held firm for the mother fund's managers), for the forms. */
  firmOptions: roleProcedure('manager')
    .input(FirmOptionsSchema)
    .query(async ({ ctx, input }) => {
      const scope = await ctx.scope();
      const funds = ctx.actor.managesMotherFund || scope.all ? ('all' as const) : scope.ids;
      return query(ctx, firmOptions, { funds, q: input.q, date: input.date });
    }),
});
