import { ChangePasswordSchema, LocaleSchema, SignInSchema } from '@highland/shared';
import { z } from 'zod';
import { clearedSessionCookie, sessionCookie } from '../auth/session.js';
import { changePassword, setLocale, signIn, signOut } from '../auth/sign-in.js';
import { authedProcedure, publicProcedure, router } from '../trpc.js';

export const authRouter = router({
  /** The signed-in user, or null. */
  me: publicProcedure.query(({ ctx }) => ctx.actor),

  signIn: publicProcedure.input(SignInSchema).mutation(async ({ ctx, input }) => {
    const r = await signIn(ctx, input, { ip: ctx.ip, userAgent: ctx.userAgent, requestId: ctx.requestId });
    ctx.setCookie(sessionCookie(r.token, r.maxAgeSeconds, ctx.config.COOKIE_SECURE));
    return r.actor;
  }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionId) await signOut(ctx, ctx.actor, ctx.sessionId, ctx.requestId);
    ctx.setCookie(clearedSessionCookie(ctx.config.COOKIE_SECURE));
    return { ok: true as const };
  }),

  changePassword: authedProcedure.input(ChangePasswordSchema).mutation(async ({ ctx, input }) => {
    await changePassword(ctx, ctx.actor, ctx.sessionId, input, ctx.requestId);
    return { ok: true as const };
  }),

  setLocale: authedProcedure.input(z.object({ locale: LocaleSchema })).mutation(async ({ ctx, input }) => {
    await setLocale(ctx, ctx.actor, input.locale, ctx.requestId);
    return { ok: true as const };
  }),
});
