import { IndexImportSchema } from '@highland/shared';
import { importIndex, listIndexes } from '../data/benchmarks.js';
import { command, query } from '../data/ctx.js';
import { roleProcedure, router } from '../trpc.js';

/** Public-market indices the fund figures are compared with (KS-PME): reference data an administrator imports. */
export const benchmarkRouter = router({
  list: roleProcedure('government', 'admin', 'manager').query(({ ctx }) => query(ctx, listIndexes)),

  import: roleProcedure('admin')
    .input(IndexImportSchema)
    .mutation(({ ctx, input }) => command(ctx, importIndex, input)),
});
