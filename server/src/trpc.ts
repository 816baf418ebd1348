import { type Area, canCall, canSee, type DomainErrorCode, DomainError, type FieldIssue, type Principal } from '@highland/shared';
import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import { gateRefusal } from './auth/guards.js';
import { passwordChangeRequired } from './auth/session.js';
import type { Actor, Context } from './context.js';

/** The one table from domain error codes to tRPC (and so HTTP) codes. */
export const DOMAIN_TO_TRPC: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_STATE: 'PRECONDITION_FAILED',
  FORBIDDEN: 'FORBIDDEN',
  VALIDATION: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
};

/** What the client receives in `error.data.domain`: a stable key to translate, its parameters, field issues. */
export interface DomainErrorData {
  code: DomainErrorCode;
  key: string;
  params?: Record<string, string | number>;
  fields?: FieldIssue[];
  current?: unknown;
}

/** Zod issues as field issues: the rule is the issue code (or a refinement's `params.rule`), with the limits as params. */
function zodFields(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const params: Record<string, string | number> = {};
    let rule: string = i.code;
    if (i.code === 'too_small') Object.assign(params, { minimum: Number(i.minimum), origin: i.origin });
    if (i.code === 'too_big') Object.assign(params, { maximum: Number(i.maximum), origin: i.origin });
    if (i.code === 'invalid_format') params.format = i.format;
    if (i.code === 'invalid_type') params.expected = i.expected;
    if (i.code === 'custom' && typeof i.params?.rule === 'string') rule = i.params.rule;
    const path = i.path.map(String).join('.');
    return { path, rule, message: `${path ? `${path}: ` : ''}${i.message}`, params };
  });
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    let domain: DomainErrorData | null = null;
    let message = shape.message;
    if (cause instanceof DomainError) {
      domain = { code: cause.code, key: cause.key, ...cause.details };
      message = cause.message;
    } else if (cause instanceof ZodError) {
      const fields = zodFields(cause);
      domain = { code: 'VALIDATION', key: 'validation.input', fields };
      message = fields.map((f) => f.message).join('; ');
    } else if (error.code === 'INTERNAL_SERVER_ERROR') {
      ctx?.log.error({ err: error.cause ?? error, requestId: ctx.requestId }, 'unhandled error');
      message = 'Internal error. The request was not carried out; the error has been logged.';
      domain = { code: 'INVALID_STATE', key: 'internal', params: { requestId: ctx?.requestId ?? '' } };
    } else if (error.code === 'PARSE_ERROR' || error.code === 'BAD_REQUEST') {
      domain = { code: 'VALIDATION', key: 'validation.request' };
    }
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data: { ...data, domain } };
  },
});

/** Turns a DomainError thrown anywhere below into the tRPC error its code maps to. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: DOMAIN_TO_TRPC[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(domainErrors);

/**
 * Signed in; `ctx.actor` is non-null below this. Someone whose password must still be changed (a new
 * account, a reset) reaches only `auth.changePassword` and `auth.signOut` here (and `auth.me`, which is
 * public): every other procedure answers FORBIDDEN `auth.mustChangePassword` (canCall, ADR 044).
 */
export const authedProcedure = publicProcedure.use(({ ctx, path, next }) => {
  if (!ctx.actor) throw new DomainError('UNAUTHENTICATED', 'auth.required', 'Sign in first.');
  if (!canCall(ctx.actor, path)) throw passwordChangeRequired();
  return next({ ctx: { ...ctx, actor: ctx.actor as Actor } });
});

/*
 * The gates of the routers. Who may do what is never a role list here or in a router: every procedure
 * behind a sign-in is gated by a predicate of shared/src/auth/policy.ts, the area of the app it serves
 * (areaProcedure) or a rule (gateProcedure); finer scoping (which funds, which investor, which firm) is in
 * server/src/auth (ADR 044).
 */

/** Signed in and allowed to open `area` of the app (canSee): the gate of the queries behind that area's pages. */
export function areaProcedure(area: Area) {
  return gateProcedure((p) => canSee(p, area), area);
}

/**
 * Signed in and passing `allowed`, a predicate of shared/src/auth/policy.ts (canAdminister, canWritePlan,
 * writesBooks, readsGroup, …); `what` names the gate in the refusal.
 */
export function gateProcedure(allowed: (p: Principal) => boolean, what = allowed.name || 'gate') {
  return authedProcedure.use(({ ctx, next }) => {
    if (!allowed(ctx.actor)) throw gateRefusal(what);
    return next();
  });
}

export type AuthedContext = Context & { actor: Actor };
