import { type DisplayLocale, FundAsOfSchema, LocaleSchema } from '@highland/shared';
import { assertFundReadable, readableFunds } from '../auth/scope.js';
import { fundOptions, fundPerformance, lookThrough } from '../data/performance.js';
import { performanceExport } from '../data/performance-xlsx.js';
import { roleProcedure, router } from '../trpc.js';
import { businessToday } from '../business-date.js';

const readers = roleProcedure('government', 'admin', 'manager');

/** Fund performance as of a date (net and gross, history, holdings) and the look-through. LPs use lp.portal. */
export const performanceRouter = router({
  /** The funds the caller may open, for the fund picker. */
  funds: readers.query(async ({ ctx }) => fundOptions(ctx.db, await readableFunds(ctx.db, ctx.actor))),

  fund: readers.input(FundAsOfSchema).query(async ({ ctx, input }) => {
    await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    return fundPerformance(ctx.db, input.fundId, input.asOf ?? businessToday(ctx));
  }),

  lookThrough: readers.input(FundAsOfSchema).query(async ({ ctx, input }) => {
    await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    return lookThrough(ctx.db, input.fundId, input.asOf ?? businessToday(ctx));
  }),

  /** The page's figures and the look-through as an XLSX workbook (base64), in the reader's language. */
  exportXlsx: readers.input(FundAsOfSchema.extend({ locale: LocaleSchema.optional() })).query(async ({ ctx, input }) => {
    await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    const locale: DisplayLocale = input.locale ?? ctx.actor.locale;
    return performanceExport(ctx.db, input.fundId, input.asOf ?? businessToday(ctx), locale);
  }),
});
