import { query } from '../data/ctx.js';
import { hasDemoAccounts } from '../data/user.js';
import { publicProcedure, router } from '../trpc.js';

export const systemRouter = router({
  /** Public facts the sign-in page shows: whether this is the demo (then it lists the demo accounts). */
  info: publicProcedure.query(async ({ ctx }) => ({ demo: ctx.config.HIGHLAND_DATA === 'demo' && (await query(ctx, hasDemoAccounts)) })),
});
