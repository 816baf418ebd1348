import type { Db } from '@highland/drizzle';
import type { Locale, Role } from '@highland/shared';
import type { SignInLimiter, UnknownAccountFailures } from './auth/rate-limit.js';
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
  /** Adds a Set-Cookie header to the response. */
  setCookie: (value: string) => void;
}
