import { FundAsOfSchema, LocaleSchema } from '@highland/shared';
import { assertFundReadable } from '../auth/scope.js';
import { query } from '../data/ctx.js';
import { fundOptions, fundPerformance, lookThrough } from '../data/performance.js';
import { performanceExport } from '../data/performance-xlsx.js';
import { areaProcedure, router } from '../trpc.js';

const readers = areaProcedure('performance');

/** Fund performance as of a date (net and gross, history, holdings) and the look-through. LPs use lp.portal. */
export const performanceRouter = router({
  /** The funds the caller may open, for the fund picker. */
  funds: readers.query(({ ctx }) => query(ctx, fundOptions)),

  fund: readers.input(FundAsOfSchema).query(async ({ ctx, input }) => {
    await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    return query(ctx, fundPerformance, input);
  }),

  lookThrough: readers.input(FundAsOfSchema).query(async ({ ctx, input }) => {
    await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    return query(ctx, lookThrough, input);
  }),

  /** The page's figures and the look-through as an XLSX workbook (base64), in the reader's language. */
  exportXlsx: readers.input(FundAsOfSchema.extend({ locale: LocaleSchema.optional() })).query(async ({ ctx, input }) => {
    await assertFundReadable(ctx.db, ctx.actor, input.fundId);
    return query(ctx, performanceExport, { ...input, locale: input.locale ?? ctx.actor.locale });
  }),
});
