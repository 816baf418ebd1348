import { type DisplayLocale, IsoDateSchema, isoDateIn, LocaleSchema, OverviewQuerySchema } from '@highland/shared';
import { z } from 'zod';
import { assertGroupReader, readableFunds } from '../auth/scope.js';
import { groupOverview } from '../data/fund-group.js';
import { overviewWorkbook } from '../data/fund-group-export.js';
import { listFunds } from '../data/funds.js';
import { roleProcedure, router } from '../trpc.js';
import { fileOf } from '../xlsx/writer.js';

const AsOfSchema = z.object({ asOf: IsoDateSchema.optional() });

export const groupRouter = router({
  /** The government overview: leverage family, batches, every sub-fund with its rules, compliance — as of a date. */
  overview: roleProcedure('government', 'admin', 'manager')
    .input(OverviewQuerySchema)
    .query(async ({ ctx, input }) => {
      assertGroupReader(ctx.actor);
      return groupOverview(ctx.db, input.asOf ?? isoDateIn(ctx.now()), input.includeDirect ?? true);
    }),

  /** The same figures as an XLSX workbook (base64), in the reader's language. */
  exportOverview: roleProcedure('government', 'admin', 'manager')
    .input(OverviewQuerySchema.extend({ locale: LocaleSchema.optional() }))
    .query(async ({ ctx, input }) => {
      assertGroupReader(ctx.actor);
      const asOf = input.asOf ?? isoDateIn(ctx.now());
      const locale: DisplayLocale = input.locale ?? ctx.actor.locale;
      const o = await groupOverview(ctx.db, asOf, input.includeDirect ?? true);
      const buffer = await overviewWorkbook(o, locale);
      return fileOf(buffer, `${locale === 'en' ? 'fund-group-overview' : '基金群总览'}-${asOf}.xlsx`);
    }),

  /** The funds the caller may read, with size and flows. LPs use lp.portal instead: a fund's other LPs are not theirs to count. */
  funds: roleProcedure('government', 'admin', 'manager')
    .input(AsOfSchema)
    .query(async ({ ctx, input }) => listFunds(ctx.db, input.asOf ?? isoDateIn(ctx.now()), await readableFunds(ctx.db, ctx.actor))),
});
