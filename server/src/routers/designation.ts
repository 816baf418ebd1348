import { canWritePlan, DesignationListSchema, DesignationNominateSchema, DesignationReviewSchema, DesignationRevokeSchema } from '@highland/shared';
import { assertFirmWritable, assertMotherFundManager, readableFirms } from '../auth/firm-scope.js';
import { command, query } from '../data/ctx.js';
import { listDesignations, nominate, reviewDesignation, revokeDesignation } from '../data/plan/designation.js';
import { areaProcedure, gateProcedure, router } from '../trpc.js';

const readers = areaProcedure('designations');
/** Plan records are kept by managers (canWritePlan); reviews and revocations by the mother fund's (assertMotherFundManager). */
const managers = gateProcedure(canWritePlan);

/** Benchmark and leader firms: nominated by the managers who hold the firm, reviewed and revoked by the mother fund's managers. */
export const designationRouter = router({
  list: readers
    .input(DesignationListSchema)
    .query(async ({ ctx, input }) => query(ctx, listDesignations, { ...input, firms: await readableFirms(ctx.db, ctx.actor) })),

  nominate: managers.input(DesignationNominateSchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, input.companyId);
    return command(ctx, nominate, input);
  }),

  review: managers.input(DesignationReviewSchema).mutation(({ ctx, input }) => {
    assertMotherFundManager(ctx.actor);
    return command(ctx, reviewDesignation, input);
  }),

  revoke: managers.input(DesignationRevokeSchema).mutation(({ ctx, input }) => {
    assertMotherFundManager(ctx.actor);
    return command(ctx, revokeDesignation, input);
  }),
});
