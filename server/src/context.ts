import type { Db } from '@highland/drizzle';
import type { FundScope, Locale, Right, Role } from '@highland/shared';
import type { SignInLimiter, UnknownAccountFailures } from './auth/rate-limit.js';
import { readableFunds } from './auth/scope.js';
import type { Env } from './env.js';
import type { Logger } from './log.js';

/** The signed-in user, as every procedure sees them. Loaded once per request from the session. */
export interface Actor {
  userId: number;
  email: string;
  name: string;
  role: Role;
  /** For `lp`: the investor this account acts for. */
  investorId: number | null;
  /** For `manager`: the funds assigned to them (the sub-funds below them are readable too). */
  managedFundIds: readonly number[];
  /** A manager of the mother fund: reads group-wide figures like a reviewer. */
  managesMotherFund: boolean;
  /** Rights granted on top of the role (ADR 046): signOff, refer. */
  rights: readonly Right[];
  locale: Locale;
  mustChangePassword: boolean;
}

/** What one app instance holds: created once in createApp, never a module singleton. */
export interface AppServices {
  db: Db;
  config: Env;
  log: Logger;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** Sign-in limits (per address, per account from an address, global). */
  throttle: SignInLimiter;
  /** Failed sign-ins for unknown accounts, aggregated into at most one audit row per window. */
  unknownSignIns: UnknownAccountFailures;
}

export interface Context extends AppServices {
  actor: Actor | null;
  sessionId: string | null;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** The funds the actor may read, resolved on first use and memoised for the request (data/ctx.ts ReadCtx). */
  scope: () => Promise<FundScope>;
  /** Adds a Set-Cookie header to the response. */
  setCookie: (value: string) => void;
}

/** The actor's readable funds (auth/scope.ts), resolved once on first use: the `scope` of a request's contexts. */
export function fundScopeOf(db: Db, actor: Actor | null): () => Promise<FundScope> {
  let scope: Promise<FundScope> | null = null;
  return () => {
    scope ??= actor ? readableFunds(db, actor) : Promise.resolve({ all: false, ids: [] });
    return scope;
  };
}

/** A caller for the data runners outside tRPC (the HTTP file routes): the services, the actor, the request. */
export function callerOf<A extends Actor | null>(s: AppServices, actor: A, requestId: string | null) {
  return { db: s.db, actor, now: s.now, requestId, scope: fundScopeOf(s.db, actor), config: s.config };
}
