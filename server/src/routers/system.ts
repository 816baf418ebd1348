import { user } from '@highland/drizzle';
import { like } from 'drizzle-orm';
import { publicProcedure, router } from '../trpc.js';

export const systemRouter = router({
  /** Public facts the sign-in page shows: whether this is the demo (then it lists the demo accounts). */
  info: publicProcedure.query(async ({ ctx }) => {
    const demoUsers = await ctx.db.select({ email: user.email }).from(user).where(like(user.email, '%@demo.highland')).limit(1);
    // timeZone: the zone business dates are in (the web takes "today" and a timestamp's date there).
    return { demo: ctx.config.HIGHLAND_DATA === 'demo' && demoUsers.length > 0, timeZone: ctx.config.TIME_ZONE };
  }),
});
