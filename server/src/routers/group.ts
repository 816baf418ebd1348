import { IsoDateSchema, LocaleSchema, OverviewQuerySchema } from '@highland/shared';
import { z } from 'zod';
import { assertGroupReader } from '../auth/scope.js';
import { query } from '../data/ctx.js';
import { groupOverview, overviewExport } from '../data/fund-group.js';
import { listFunds } from '../data/funds.js';
import { roleProcedure, router } from '../trpc.js';

const AsOfSchema = z.object({ asOf: IsoDateSchema.optional() });

export const groupRouter = router({
  /** The government overview: leverage family, batches, every sub-fund with its rules, compliance — as of a date. */
  overview: roleProcedure('government', 'admin', 'manager')
    .input(OverviewQuerySchema)
    .query(({ ctx, input }) => {
      assertGroupReader(ctx.actor);
      return query(ctx, groupOverview, input);
    }),

  /** The same figures as an XLSX workbook (base64), in the reader's language. */
  exportOverview: roleProcedure('government', 'admin', 'manager')
    .input(OverviewQuerySchema.extend({ locale: LocaleSchema.optional() }))
    .query(({ ctx, input }) => {
      assertGroupReader(ctx.actor);
      return query(ctx, overviewExport, input);
    }),

  /** The funds the caller may read, with size and flows. LPs use lp.portal instead: a fund's other LPs are not theirs to count. */
  funds: roleProcedure('government', 'admin', 'manager')
    .input(AsOfSchema)
    .query(({ ctx, input }) => query(ctx, listFunds, input)),
});
