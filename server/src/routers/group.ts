import { IsoDateSchema, isoDateIn } from '@highland/shared';
import { z } from 'zod';
import { assertGroupReader, readableFunds } from '../auth/scope.js';
import { groupOverview, listFunds } from '../data/group.js';
import { roleProcedure, router } from '../trpc.js';

const AsOfSchema = z.object({ asOf: IsoDateSchema.optional() });

export const groupRouter = router({
  /** The fund group's headline figures: reviewers, administrators and the mother fund's managers. */
  overview: roleProcedure('government', 'admin', 'manager')
    .input(AsOfSchema)
    .query(async ({ ctx, input }) => {
      assertGroupReader(ctx.actor);
      return groupOverview(ctx.db, input.asOf ?? isoDateIn(ctx.now()));
    }),

  /** The funds the caller may read, with size and flows. LPs use lp.portal instead: a fund's other LPs are not theirs to count. */
  funds: roleProcedure('government', 'admin', 'manager')
    .input(AsOfSchema)
    .query(async ({ ctx, input }) => listFunds(ctx.db, input.asOf ?? isoDateIn(ctx.now()), await readableFunds(ctx.db, ctx.actor))),
});
