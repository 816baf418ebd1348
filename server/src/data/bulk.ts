import type { Tx } from '@highland/drizzle';
import { getTableColumns, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * Inserts many rows with one bound parameter per chunk: the rows travel as one JSON array and SQLite
 * unpacks them (`INSERT … SELECT value->>0, … FROM json_each(?)`). Building and preparing a statement
 * with thousands of placeholders costs far more than the insert itself (ADR 023); this keeps imports
 * of 100,000 rows and the demo seed fast. Values go through each column's own driver mapping (booleans
 * to 0/1, JSON columns to text), so rows are the table's ordinary insert shape. Every row must give the
 * same columns as the first. Returns the new ids in insertion order.
 */
export async function bulkInsert<T extends SQLiteTable>(tx: Tx, table: T, rows: ReadonlyArray<T['$inferInsert']>, chunk = 5000): Promise<number[]> {
  return (await bulkInsertKeyed(tx, table, rows, null, chunk)).map((r) => r.id);
}

/**
 * bulkInsert returning each new row's id with the value of `keyColumn` (its SQL name), for callers that
 * must match ids to their rows without relying on the order RETURNING yields them in.
 */
export async function bulkInsertKeyed<T extends SQLiteTable>(
  tx: Tx,
  table: T,
  rows: ReadonlyArray<T['$inferInsert']>,
  keyColumn: string | null,
  chunk = 5000,
): Promise<Array<{ id: number; key: unknown }>> {
  if (!rows.length) return [];
  const columns = getTableColumns(table) as Record<string, { name: string; mapToDriverValue: (v: unknown) => unknown }>;
  const keys = Object.keys(rows[0] as object).filter((k) => (rows[0] as Record<string, unknown>)[k] !== undefined && columns[k]);
  const cols = keys.map((k) => columns[k] as { name: string; mapToDriverValue: (v: unknown) => unknown });
  const names = sql.raw(cols.map((c) => `"${c.name}"`).join(', '));
  const picks = sql.raw(cols.map((_, i) => `value->>${i}`).join(', '));
  const ids: Array<{ id: number; key: unknown }> = [];
  const returning = sql.raw(keyColumn ? `id, "${keyColumn}" AS key` : 'id, NULL AS key');
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const json = JSON.stringify(
      part.map((row) =>
        keys.map((k, j) => {
          const v = (row as Record<string, unknown>)[k];
          return v === null || v === undefined ? null : (cols[j] as { mapToDriverValue: (v: unknown) => unknown }).mapToDriverValue(v);
        }),
      ),
    );
    const out = await tx.all<{ id: number; key: unknown }>(sql`INSERT INTO ${table} (${names}) SELECT ${picks} FROM json_each(${json}) RETURNING ${returning}`);
    for (const r of out) ids.push(r);
  }
  return ids;
}

/** The same for a virtual table (FTS5) keyed by rowid: rows of [rowid, …columns]. */
export async function bulkInsertRaw(
  tx: Tx,
  tableName: string,
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  chunk = 5000,
): Promise<void> {
  const names = sql.raw(columns.map((c) => `"${c}"`).join(', '));
  const picks = sql.raw(columns.map((_, i) => `value->>${i}`).join(', '));
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk));
    await tx.run(sql`INSERT INTO ${sql.raw(`"${tableName}"`)} (${names}) SELECT ${picks} FROM json_each(${json})`);
  }
}
