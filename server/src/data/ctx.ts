import type { Db, DbOrTx, Tx } from '@highland/drizzle';
import { DEFAULT_TIME_ZONE, type FundScope, isoDateIn } from '@highland/shared';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { type AuditEntry, type AuditRecorder, mutate } from '../audit.js';
import type { Actor } from '../context.js';

/**
 * The two shapes of a data function (ADR 043):
 * - a command changes the books: `fn(write: WriteCtx, input)`, run inside one audited write transaction;
 * - a query reads them: `fn(read: ReadCtx, input)`.
 * Neither checks permissions (routers do, through auth/scope.ts) and neither imports tRPC.
 */

/** The request a change came from, for the audit trail. */
export interface RequestMeta {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface WriteCtx {
  tx: Tx;
  audit: AuditRecorder;
  /** Null for the system (start-up, demo data). */
  actor: Actor | null;
  meta: RequestMeta;
  now: () => Date;
  /** Today's business date: the clock's instant as a calendar date in the deployment's zone (TIME_ZONE). */
  today: () => string;
}

export interface ReadCtx {
  db: DbOrTx;
  actor: Actor | null;
  now: () => Date;
  /** Today's business date in the deployment's zone (TIME_ZONE, default Asia/Shanghai). */
  today: () => string;
  /** The funds the actor may read, resolved on first use and memoised for the request. */
  scope: () => Promise<FundScope>;
}

export type Command<I, O> = (write: WriteCtx, input: I) => Promise<O>;
export type Query<I, O> = (read: ReadCtx, input: I) => Promise<O>;

/**
 * What a runner needs to build either context: the tRPC context satisfies it, and system callers
 * (bootstrap, demo data, tests, benchmarks) build one with `systemCaller`.
 */
export interface Caller {
  db: Db;
  actor: Actor | null;
  now: () => Date;
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  scope?: () => Promise<FundScope>;
  /** The deployment's settings; only its time zone is read here (the tRPC context carries it). */
  config?: { TIME_ZONE?: string };
}

const ALL: FundScope = { all: true };

/** The system: no signed-in actor, every fund in scope, audited as "system". */
export function systemCaller(db: Db, now: () => Date = () => new Date()): Caller {
  return { db, actor: null, now, scope: () => Promise.resolve(ALL) };
}

function scopeOf(caller: Caller): () => Promise<FundScope> {
  if (caller.scope) return caller.scope;
  if (caller.actor === null) return () => Promise.resolve(ALL);
  const actor = caller.actor;
  return () => Promise.reject(new Error(`No fund scope wired for ${actor.email}: build the caller in context.ts.`));
}

/** Today's business date for a caller: its clock in the deployment's zone. */
export function businessTodayOf(caller: Pick<Caller, 'now' | 'config'>): () => string {
  return () => isoDateIn(caller.now(), caller.config?.TIME_ZONE ?? DEFAULT_TIME_ZONE);
}

function metaOf(caller: Caller): RequestMeta {
  return { requestId: caller.requestId ?? null, ip: caller.ip ?? null, userAgent: caller.userAgent ?? null };
}

/** The write context for an open transaction (mutate's callback); for several commands in one transaction. */
export function writeCtx(caller: Caller, tx: Tx, audit: AuditRecorder): WriteCtx {
  return { tx, audit, actor: caller.actor, meta: metaOf(caller), now: caller.now, today: businessTodayOf(caller) };
}

/** The read context of a caller; `db` may be a transaction to read inside a write. */
export function readCtx(caller: Caller, db: DbOrTx = caller.db): ReadCtx {
  return { db, actor: caller.actor, now: caller.now, today: businessTodayOf(caller), scope: scopeOf(caller) };
}

/** Runs a command in one write transaction through `mutate`: it commits only if the command recorded an audit event. */
export function command<I, O>(caller: Caller, fn: Command<I, O>, input: I): Promise<O> {
  return mutate(caller, (tx, audit) => fn(writeCtx(caller, tx, audit), input));
}

/** Several commands (or a flow like the demo generator) in one audited write transaction. */
export function commands<O>(caller: Caller, fn: (write: WriteCtx) => Promise<O>): Promise<O> {
  return mutate(caller, (tx, audit) => fn(writeCtx(caller, tx, audit)));
}

/** Runs a query. */
export function query<O>(caller: Caller, fn: (read: ReadCtx) => Promise<O>): Promise<O>;
export function query<I, O>(caller: Caller, fn: Query<I, O>, input: I): Promise<O>;
export function query<I, O>(caller: Caller, fn: Query<I, O>, input?: I): Promise<O> {
  return fn(readCtx(caller), input as I);
}

/** The signed-in actor of a command or query that only people run (routers are authenticated before). */
export function signedIn(ctx: { actor: Actor | null }): Actor {
  if (!ctx.actor) throw new Error('This needs a signed-in actor; the system cannot run it.');
  return ctx.actor;
}

/** Who writes and when, as the rows record it: the user (null for the system), the instant, the business date. */
export interface Stamp {
  userId: number | null;
  /** UTC instant, ISO. */
  at: string;
  /** Today's business date in the deployment's zone. */
  today: string;
}

export function stampOf(write: WriteCtx): Stamp {
  const now = write.now();
  return { userId: write.actor?.userId ?? null, at: now.toISOString(), today: write.today() };
}

/**
 * The insert → returning → audit sequence: inserts one row, records `action` on `entity` (the new row's id
 * unless `entityId` is given) with `after` (the inserted row unless given), and returns the inserted row.
 */
export async function insertAudited<T extends SQLiteTable>(
  write: WriteCtx,
  table: T,
  values: T['$inferInsert'],
  event: Pick<AuditEntry, 'action' | 'entity'> & Partial<Pick<AuditEntry, 'entityId' | 'after' | 'before'>>,
): Promise<T['$inferSelect']> {
  const rows = (await write.tx.insert(table).values(values).returning()) as Array<T['$inferSelect']>;
  const row = rows[0];
  if (!row) throw new Error(`insert into ${event.entity} returned nothing`);
  const id = (row as { id?: number | string }).id;
  await write.audit({ ...event, entityId: event.entityId ?? id ?? '', after: 'after' in event ? event.after : row });
  return row;
}
