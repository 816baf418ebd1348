import {
  ConsultingCreateSchema,
  ConsultingListSchema,
  ListingSubsidyScheduleSetSchema,
  SupportApplySchema,
  SupportDecideSchema,
  SupportListSchema,
  SupportPaySchema,
  SupportTotalsSchema,
} from '@highland/shared';
import { mutate } from '../audit.js';
import { assertFirmWritable, readableFirms } from '../auth/firm-scope.js';
import { asOfOr, writeMeta } from '../data/plan/common.js';
import {
  addConsulting,
  applySupport,
  decideSupport,
  listConsulting,
  listingSchedule,
  listSupport,
  paySupport,
  setListingSchedule,
  supportCompany,
  supportTotals,
} from '../data/plan/support.js';
import { roleProcedure, router } from '../trpc.js';

const readers = roleProcedure('government', 'admin', 'manager');
const managers = roleProcedure('manager');

/** Listing support and the plan's other policy money, with its caps; the listing-subsidy schedule (configuration). */
export const supportRouter = router({
  list: readers
    .input(SupportListSchema)
    .query(async ({ ctx, input }) => listSupport(ctx.db, await readableFirms(ctx.db, ctx.actor), input, asOfOr(ctx, input.asOf))),

  totals: readers
    .input(SupportTotalsSchema)
    .query(async ({ ctx, input }) => supportTotals(ctx.db, await readableFirms(ctx.db, ctx.actor), input.by, asOfOr(ctx, input.asOf))),

  create: managers.input(SupportApplySchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, input.companyId);
    return mutate(ctx, (tx, audit) => applySupport(tx, audit, input, writeMeta(ctx)));
  }),

  decide: managers.input(SupportDecideSchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, await supportCompany(ctx.db, input.id));
    return mutate(ctx, (tx, audit) => decideSupport(tx, audit, input, writeMeta(ctx)));
  }),

  pay: managers.input(SupportPaySchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, await supportCompany(ctx.db, input.id));
    return mutate(ctx, (tx, audit) => paySupport(tx, audit, input, writeMeta(ctx)));
  }),

  consulting: readers
    .input(ConsultingListSchema)
    .query(async ({ ctx, input }) => listConsulting(ctx.db, await readableFirms(ctx.db, ctx.actor), input.companyId, asOfOr(ctx, input.asOf))),

  addConsulting: managers.input(ConsultingCreateSchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, input.companyId);
    return mutate(ctx, (tx, audit) => addConsulting(tx, audit, input, writeMeta(ctx)));
  }),

  /** The listing-subsidy schedule: everyone who reads support sees it; administrators set it. */
  schedule: readers.query(({ ctx }) => listingSchedule(ctx.db)),
  setSchedule: roleProcedure('admin')
    .input(ListingSubsidyScheduleSetSchema)
    .mutation(({ ctx, input }) => mutate(ctx, (tx, audit) => setListingSchedule(tx, audit, input, writeMeta(ctx)))),
});
