import { DesignationListSchema, DesignationNominateSchema, DesignationReviewSchema, DesignationRevokeSchema } from '@highland/shared';
import { mutate } from '../audit.js';
import { assertFirmWritable, assertMotherFundManager, readableFirms } from '../auth/firm-scope.js';
import { asOfOr, writeMeta } from '../data/plan/common.js';
import { listDesignations, nominate, reviewDesignation, revokeDesignation } from '../data/plan/designation.js';
import { roleProcedure, router } from '../trpc.js';

const readers = roleProcedure('government', 'admin', 'manager');
const managers = roleProcedure('manager');

/** Benchmark and leader firms: nominated by the managers who hold the firm, reviewed and revoked by the mother fund's managers. */
export const designationRouter = router({
  list: readers
    .input(DesignationListSchema)
    .query(async ({ ctx, input }) => listDesignations(ctx.db, await readableFirms(ctx.db, ctx.actor), input, asOfOr(ctx, input.asOf))),

  nominate: managers.input(DesignationNominateSchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, input.companyId);
    return mutate(ctx, (tx, audit) => nominate(tx, audit, input, writeMeta(ctx)));
  }),

  review: managers.input(DesignationReviewSchema).mutation(({ ctx, input }) => {
    assertMotherFundManager(ctx.actor);
    return mutate(ctx, (tx, audit) => reviewDesignation(tx, audit, input, writeMeta(ctx)));
  }),

  revoke: managers.input(DesignationRevokeSchema).mutation(({ ctx, input }) => {
    assertMotherFundManager(ctx.actor);
    return mutate(ctx, (tx, audit) => revokeDesignation(tx, audit, input, writeMeta(ctx)));
  }),
});
