import { businessDate, DEFAULT_TIME_ZONE, type IsoDate } from '@highland/shared';
import type { Env } from './env.js';

/**
 * Today's business date for a request or a write: the clock's instant as a calendar date in the deployment's
 * zone (`TIME_ZONE`, default Asia/Shanghai) — the default as-of date of every read. A context without the
 * configuration (a test's bare clock) uses the default zone.
 */
export function businessToday(ctx: { now: () => Date; config?: Pick<Env, 'TIME_ZONE'> }): IsoDate {
  return businessDate(ctx.now(), ctx.config?.TIME_ZONE ?? DEFAULT_TIME_ZONE);
}
