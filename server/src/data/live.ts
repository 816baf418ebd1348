import { investment, investmentExit } from '@highland/drizzle';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Rounds and exits that count: neither a correction (a row with `reverses_id`) nor a row a correction
 * reversed (ADR 033). Every reader of `investment` and `investment_exit` filters with these, so a reversed
 * pair is as if never written; the pair stays in the tables, the ledger and the audit trail.
 *
 * The raw forms are for statements that name the table unaliased (`FROM investment WHERE …`).
 *
 * The unary `+` keeps SQLite from answering `reverses_id IS NULL` with the unique index on reverses_id
 * (every live row is NULL there: it would scan them all instead of using the fund or company index).
 */
export const LIVE_ROUND: SQL = sql.raw('(+reverses_id IS NULL AND id NOT IN (SELECT reverses_id FROM investment WHERE reverses_id IS NOT NULL))');
export const LIVE_EXIT: SQL = sql.raw('(+reverses_id IS NULL AND id NOT IN (SELECT reverses_id FROM investment_exit WHERE reverses_id IS NOT NULL))');

/** The same filters for the query builder. */
export const liveRound = (): SQL =>
  sql`(+${investment.reversesId} IS NULL AND ${investment.id} NOT IN (SELECT reverses_id FROM investment WHERE reverses_id IS NOT NULL))`;
export const liveExit = (): SQL =>
  sql`(+${investmentExit.reversesId} IS NULL AND ${investmentExit.id} NOT IN (SELECT reverses_id FROM investment_exit WHERE reverses_id IS NOT NULL))`;
