import {
  canWritePlan,
  IdSchema,
  IsoDateSchema,
  ListingBoardSchema,
  ListingOpenSchema,
  ListingRecordSchema,
  ListingUndoSchema,
  ListingUpdateSchema,
} from '@highland/shared';
import { z } from 'zod';
import { assertFirmReadable, assertFirmWritable, readableFirms } from '../auth/firm-scope.js';
import { command, query } from '../data/ctx.js';
import { loadListingAttempt } from '../data/load.js';
import { listingBoard, listingDetail, openListing, recordListingEvent, undoListingEvent, updateListing } from '../data/plan/listing.js';
import { areaProcedure, type AuthedContext, gateProcedure, router } from '../trpc.js';

const readers = areaProcedure('listings');
const managers = gateProcedure(canWritePlan);

/** The firm a listing attempt is for (NOT_FOUND when there is no such attempt), for scoping before the work. */
async function attemptFirm(ctx: AuthedContext, id: number): Promise<number> {
  return (await loadListingAttempt(ctx.db, id)).companyId;
}

/** The STAR Market listing tracker: attempts and their stages, kept by the managers who hold the firm. */
export const listingRouter = router({
  board: readers
    .input(ListingBoardSchema)
    .query(async ({ ctx, input }) => query(ctx, listingBoard, { asOf: input.asOf, firms: await readableFirms(ctx.db, ctx.actor) })),

  detail: readers.input(z.object({ id: IdSchema, asOf: IsoDateSchema.optional() })).query(async ({ ctx, input }) => {
    await assertFirmReadable(ctx.db, ctx.actor, await attemptFirm(ctx, input.id));
    return query(ctx, listingDetail, input);
  }),

  open: managers.input(ListingOpenSchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, input.companyId);
    return command(ctx, openListing, input);
  }),

  update: managers.input(ListingUpdateSchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, await attemptFirm(ctx, input.id));
    return command(ctx, updateListing, input);
  }),

  record: managers.input(ListingRecordSchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, await attemptFirm(ctx, input.attemptId));
    return command(ctx, recordListingEvent, input);
  }),

  undo: managers.input(ListingUndoSchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, await attemptFirm(ctx, input.attemptId));
    return command(ctx, undoListingEvent, input);
  }),
});
