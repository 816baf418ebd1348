import {
  canAdminister,
  canWritePlan,
  ConsultingCreateSchema,
  ConsultingListSchema,
  ListingSubsidyScheduleSetSchema,
  SupportApplySchema,
  SupportDecideSchema,
  SupportListSchema,
  SupportPaySchema,
  SupportTotalsSchema,
} from '@highland/shared';
import { assertFirmWritable, readableFirms } from '../auth/firm-scope.js';
import { command, query } from '../data/ctx.js';
import { loadSupport } from '../data/load.js';
import {
  addConsulting,
  applySupport,
  decideSupport,
  listConsulting,
  listingSchedule,
  listSupport,
  paySupport,
  setListingSchedule,
  supportTotals,
} from '../data/plan/support.js';
import { areaProcedure, gateProcedure, router } from '../trpc.js';

const readers = areaProcedure('support');
const managers = gateProcedure(canWritePlan);

/** Listing support and the plan's other policy money, with its caps; the listing-subsidy schedule (configuration). */
export const supportRouter = router({
  list: readers.input(SupportListSchema).query(async ({ ctx, input }) => query(ctx, listSupport, { ...input, firms: await readableFirms(ctx.db, ctx.actor) })),

  totals: readers
    .input(SupportTotalsSchema)
    .query(async ({ ctx, input }) => query(ctx, supportTotals, { by: input.by, asOf: input.asOf, firms: await readableFirms(ctx.db, ctx.actor) })),

  create: managers.input(SupportApplySchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, input.companyId);
    return command(ctx, applySupport, input);
  }),

  decide: managers.input(SupportDecideSchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, (await loadSupport(ctx.db, input.id)).companyId);
    return command(ctx, decideSupport, input);
  }),

  pay: managers.input(SupportPaySchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, (await loadSupport(ctx.db, input.id)).companyId);
    return command(ctx, paySupport, input);
  }),

  consulting: readers
    .input(ConsultingListSchema)
    .query(async ({ ctx, input }) =>
      query(ctx, listConsulting, { companyId: input.companyId, asOf: input.asOf, firms: await readableFirms(ctx.db, ctx.actor) }),
    ),

  addConsulting: managers.input(ConsultingCreateSchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, input.companyId);
    return command(ctx, addConsulting, input);
  }),

  /** The listing-subsidy schedule: everyone who reads support sees it; administrators set it. */
  schedule: readers.query(({ ctx }) => query(ctx, listingSchedule)),
  setSchedule: gateProcedure(canAdminister)
    .input(ListingSubsidyScheduleSetSchema)
    .mutation(({ ctx, input }) => command(ctx, setListingSchedule, input)),
});
