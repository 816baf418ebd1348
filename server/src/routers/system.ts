import { query } from '../data/ctx.js';
import { hasDemoAccounts } from '../data/user.js';
import { publicProcedure, router } from '../trpc.js';

export const systemRouter = router({
  /**
   * Public facts the web needs: whether this is the demo (the sign-in page then lists the demo accounts) and
   * the zone business dates are in (the web takes "today" and a timestamp's date there).
   */
  info: publicProcedure.query(async ({ ctx }) => ({
    demo: ctx.config.HIGHLAND_DATA === 'demo' && (await query(ctx, hasDemoAccounts)),
    timeZone: ctx.config.TIME_ZONE,
  })),
});
