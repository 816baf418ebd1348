import { IsoDateSchema, LocaleSchema, OverviewQuerySchema } from '@highland/shared';
import { z } from 'zod';
import { query } from '../data/ctx.js';
import { groupOverview, overviewExport } from '../data/fund-group.js';
import { listFunds } from '../data/funds.js';
import { areaProcedure, router } from '../trpc.js';

const AsOfSchema = z.object({ asOf: IsoDateSchema.optional() });

export const groupRouter = router({
  /** The government overview: leverage family, batches, every sub-fund with its rules, compliance — as of a date. */
  overview: areaProcedure('overview')
    .input(OverviewQuerySchema)
    .query(({ ctx, input }) => query(ctx, groupOverview, input)),

  /** The same figures as an XLSX workbook (base64), in the reader's language. */
  exportOverview: areaProcedure('overview')
    .input(OverviewQuerySchema.extend({ locale: LocaleSchema.optional() }))
    .query(({ ctx, input }) => query(ctx, overviewExport, input)),

  /** The funds the caller may read, with size and flows. LPs use lp.portal instead: a fund's other LPs are not theirs to count. */
  funds: areaProcedure('funds')
    .input(AsOfSchema)
    .query(({ ctx, input }) => query(ctx, listFunds, input)),
});
