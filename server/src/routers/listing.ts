import { IdSchema, IsoDateSchema, ListingBoardSchema, ListingOpenSchema, ListingRecordSchema, ListingUndoSchema, ListingUpdateSchema } from '@highland/shared';
import { z } from 'zod';
import { mutate } from '../audit.js';
import { assertFirmReadable, assertFirmWritable, readableFirms } from '../auth/firm-scope.js';
import { asOfOr, writeMeta } from '../data/plan/common.js';
import { attemptCompany, listingBoard, listingDetail, openListing, recordListingEvent, undoListingEvent, updateListing } from '../data/plan/listing.js';
import { roleProcedure, router } from '../trpc.js';

const readers = roleProcedure('government', 'admin', 'manager');
const managers = roleProcedure('manager');

/** The STAR Market listing tracker: attempts and their stages, kept by the managers who hold the firm. */
export const listingRouter = router({
  board: readers
    .input(ListingBoardSchema)
    .query(async ({ ctx, input }) => listingBoard(ctx.db, await readableFirms(ctx.db, ctx.actor), asOfOr(ctx, input.asOf))),

  detail: readers.input(z.object({ id: IdSchema, asOf: IsoDateSchema.optional() })).query(async ({ ctx, input }) => {
    await assertFirmReadable(ctx.db, ctx.actor, await attemptCompany(ctx.db, input.id));
    return listingDetail(ctx.db, input.id, asOfOr(ctx, input.asOf));
  }),

  open: managers.input(ListingOpenSchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, input.companyId);
    return mutate(ctx, (tx, audit) => openListing(tx, audit, input, writeMeta(ctx)));
  }),

  update: managers.input(ListingUpdateSchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, await attemptCompany(ctx.db, input.id));
    return mutate(ctx, (tx, audit) => updateListing(tx, audit, input, writeMeta(ctx)));
  }),

  record: managers.input(ListingRecordSchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, await attemptCompany(ctx.db, input.attemptId));
    return mutate(ctx, (tx, audit) => recordListingEvent(tx, audit, input, writeMeta(ctx)));
  }),

  undo: managers.input(ListingUndoSchema).mutation(async ({ ctx, input }) => {
    await assertFirmWritable(ctx.db, ctx.actor, await attemptCompany(ctx.db, input.attemptId));
    return mutate(ctx, (tx, audit) => undoListingEvent(tx, audit, input, writeMeta(ctx)));
  }),
});
