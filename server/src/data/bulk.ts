import type { Tx } from '@highland/drizzle';
import type { InArgs, Transaction } from '@libsql/client';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** SQLite's bound-parameter limit in libSQL (SQLITE_MAX_VARIABLE_NUMBER is 32,766). */
const MAX_PARAMS = 32_000;

/**
 * Lets other requests run between two chunks of a long write. The embedded driver is synchronous, so
 * awaiting it never reaches the event loop; without this a 100,000-row import held it for ~12 s. The
 * transaction stays open meanwhile (writes queue behind it in writeTx; reads use their own connection
 * under WAL), so a crash during the pause rolls the whole write back (docs/RELIABILITY.md).
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The libSQL transaction under a drizzle transaction. drizzle builds a statement's text and parameter
 * list cell by cell, which for 100,000 rows costs more than SQLite's own work; bulk writes go to the
 * driver directly, inside the same transaction (ADR 023).
 */
function driverTx(tx: Tx): Transaction {
  const inner = (tx as unknown as { session?: { tx?: Transaction } }).session?.tx;
  if (!inner || typeof inner.execute !== 'function')
    throw new Error('bulk writes need the libSQL transaction under drizzle’s (drizzle-orm internals changed?)');
  return inner;
}

type Column = { name: string; hasDefault: boolean; mapToDriverValue: (v: unknown) => unknown };

/**
 * Inserts many rows with multi-row `INSERT … VALUES (…), (…)` statements, as many rows per statement as
 * the parameter limit allows, through the transaction's driver. Values go through each column's drizzle
 * mapping (booleans to 0/1, JSON columns to text), so rows are the table's ordinary insert shape. Every
 * row must give the same columns as the first.
 *
 * The ids are given, not returned: inside the write transaction (one writer, ADR 002) the next id of an
 * AUTOINCREMENT table is known — one past the larger of its sequence and its highest id — and a
 * RETURNING clause over 100,000 rows costs as much as the insert. Returns the ids in the rows' order.
 */
export async function bulkInsert<T extends SQLiteTable>(tx: Tx, table: T, rows: ReadonlyArray<T['$inferInsert']>): Promise<number[]> {
  if (!rows.length) return [];
  const driver = driverTx(tx);
  const name = getTableName(table);
  const rs = await driver.execute({
    sql: `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), coalesce((SELECT max(id) FROM "${name}"), 0)) AS last`,
    args: [name],
  });
  const last = Number(rs.rows[0]?.last ?? 0);
  const all = getTableColumns(table) as unknown as Record<string, Column>;
  const first = rows[0] as Record<string, unknown>;
  // A column null in every row is left out when it has no default (NULL either way): fewer placeholders
  // to parse. One with a default keeps its explicit NULL.
  const keys = Object.keys(first).filter(
    (k) =>
      k !== 'id' &&
      first[k] !== undefined &&
      all[k] &&
      ((all[k] as Column).hasDefault || rows.some((r) => (r as Record<string, unknown>)[k] !== null && (r as Record<string, unknown>)[k] !== undefined)),
  );
  const columns = keys.map((k) => all[k] as Column);
  const ids = rows.map((_, i) => last + 1 + i);
  await insertValues(
    driver,
    name,
    ['id', ...columns.map((c) => c.name)],
    rows.map((row, i) => [
      ids[i],
      ...keys.map((k, j) => {
        const v = (row as Record<string, unknown>)[k];
        return v === null || v === undefined ? null : (columns[j] as Column).mapToDriverValue(v);
      }),
    ]),
  );
  return ids;
}

/** The same for a virtual table (FTS5) keyed by rowid: rows of [rowid, …columns]. */
export async function bulkInsertRaw(tx: Tx, tableName: string, columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<unknown>>): Promise<void> {
  await insertValues(driverTx(tx), tableName, columns, rows);
}

async function insertValues(tx: Transaction, table: string, columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<unknown>>): Promise<void> {
  const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const statement = (n: number) => `${head}${Array.from({ length: n }, () => tuple).join(', ')}`;
  const full = statement(Math.min(per, rows.length));
  for (let i = 0; i < rows.length; i += per) {
    if (i > 0) await yieldToEventLoop();
    const chunk = rows.slice(i, i + per);
    const args: unknown[] = [];
    for (const row of chunk) for (const cell of row) args.push(cell);
    await tx.execute({ sql: chunk.length === Math.min(per, rows.length) ? full : statement(chunk.length), args: args as InArgs });
  }
}
