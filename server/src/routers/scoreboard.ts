import { FirmOptionsSchema, ScoreboardDrillSchema, ScoreboardQuerySchema, TARGET_METRIC_CODES } from '@highland/shared';
import { assertGroupReader, withDescendants } from '../auth/scope.js';
import { firmOptions } from '../data/plan/books.js';
import { asOfOr } from '../data/plan/common.js';
import { scoreboard, scoreboardDrill } from '../data/plan/scoreboard.js';
import { scoreboardWorkbook } from '../data/plan/scoreboard-xlsx.js';
import { roleProcedure, router } from '../trpc.js';
import { fileOf } from '../xlsx/writer.js';

const readers = roleProcedure('government', 'admin', 'manager');

/** The plan's scoreboard: for government reviewers, administrators and the mother fund's managers. */
export const scoreboardRouter = router({
  view: readers.input(ScoreboardQuerySchema).query(({ ctx, input }) => {
    assertGroupReader(ctx.actor);
    return scoreboard(ctx.db, input.programmeId, asOfOr(ctx, input.asOf));
  }),

  /** The firms (funds, LPs) behind one figure. */
  drill: readers.input(ScoreboardDrillSchema).query(({ ctx, input }) => {
    assertGroupReader(ctx.actor);
    return scoreboardDrill(ctx.db, input.programmeId, input.metric, asOfOr(ctx, input.asOf));
  }),

  /** The scoreboard and every drill-down as an XLSX file (base64), numbers stored as numbers. */
  exportXlsx: readers.input(ScoreboardQuerySchema).query(async ({ ctx, input }) => {
    assertGroupReader(ctx.actor);
    const asOf = asOfOr(ctx, input.asOf);
    const s = await scoreboard(ctx.db, input.programmeId, asOf);
    const p = s.programme;
    const drills = p ? await Promise.all(TARGET_METRIC_CODES.map((m) => scoreboardDrill(ctx.db, p.id, m, asOf))) : [];
    const buffer = await scoreboardWorkbook(s, drills, ctx.now().toISOString());
    return fileOf(buffer, `scoreboard-${p?.code ?? 'none'}-${asOf}.xlsx`);
  }),

  /** Firms the caller keeps records for (a manager's funds' firms; every held firm for the mother fund's managers), for the forms. */
  firmOptions: roleProcedure('manager')
    .input(FirmOptionsSchema)
    .query(async ({ ctx, input }) =>
      firmOptions(ctx.db, ctx.actor.managesMotherFund ? 'all' : await withDescendants(ctx.db, ctx.actor.managedFundIds), input.q, asOfOr(ctx, input.date)),
    ),
});
