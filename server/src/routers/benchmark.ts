import { canAdminister, IndexImportSchema } from '@highland/shared';
import { importIndex, listIndexes } from '../data/benchmarks.js';
import { command, query } from '../data/ctx.js';
import { areaProcedure, gateProcedure, router } from '../trpc.js';

/** Public-market indices the fund figures are compared with (KS-PME): reference data an administrator imports. */
export const benchmarkRouter = router({
  list: areaProcedure('performance').query(({ ctx }) => query(ctx, listIndexes)),

  import: gateProcedure(canAdminister)
    .input(IndexImportSchema)
    .mutation(({ ctx, input }) => command(ctx, importIndex, input)),
});
