import { IndexImportSchema } from '@highland/shared';
import { importIndex, listIndexes } from '../data/benchmarks.js';
import { roleProcedure, router } from '../trpc.js';

/** Public-market indices the fund figures are compared with (KS-PME): reference data an administrator imports. */
export const benchmarkRouter = router({
  list: roleProcedure('government', 'admin', 'manager').query(({ ctx }) => listIndexes(ctx.db)),

  import: roleProcedure('admin')
    .input(IndexImportSchema)
    .mutation(({ ctx, input }) => importIndex(ctx, input)),
});
