import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema/index.js';

export * from './schema/index.js';
export { schema };

export type Schema = typeof schema;
export type Db = LibSQLDatabase<Schema> & { $client: Client };
/** What a write transaction hands its callback: the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either a Db or a Tx: data-access functions that only read accept both. */
export type DbOrTx = Db | Tx;

/** The committed drizzle-kit migrations (drizzle/migrations), wherever this package is loaded from. */
export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export interface CreateDbOptions {
  authToken?: string | undefined;
  /** Busy timeout for embedded files, ms. */
  busyTimeoutMs?: number;
}

/**
 * Opens a database: an embedded libSQL file (`file:./data/highland.db`), `:memory:`, or a libSQL
 * server by URL (`http://…`, `libsql://…`). A factory, never a singleton: every test gets its own.
 * Embedded files are switched to WAL; libSQL enforces foreign keys on every connection by default.
 */
export async function createDb(url: string, options: CreateDbOptions = {}): Promise<Db> {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).replace(/\?.*$/, '');
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  const client = createClient({ url, authToken: options.authToken, timeout: options.busyTimeoutMs ?? 5000 });
  if (url.startsWith('file:') && !url.includes(':memory:')) await client.execute('PRAGMA journal_mode = WAL');
  return drizzle(client, { schema }) as Db;
}

/** Applies every committed migration that has not run yet. */
export async function migrateDb(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}

/**
 * Runs `fn` in a write transaction. Writes in one process are queued here, one at a time: the embedded
 * driver is synchronous, so a second connection waiting on SQLite's write lock would block the event
 * loop that the first needs to commit. Every write in Highland goes through this function (or through
 * the server's audited `mutate`, which calls it) — never `db.transaction` or a bare insert.
 */
export function writeTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { tail: Promise.resolve() };
    queues.set(db, queue);
  }
  const run = queue.tail.then(() => db.transaction(fn));
  queue.tail = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}
const queues = new WeakMap<Db, { tail: Promise<void> }>();
