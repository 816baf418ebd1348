import type { Tx } from '@highland/drizzle';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** Inserts rows in chunks that stay under SQLite's bound-parameter limit. */
export async function insertChunked<T extends SQLiteTable>(tx: Tx, table: T, rows: ReadonlyArray<T['$inferInsert']>, chunk = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await tx.insert(table).values(rows.slice(i, i + chunk) as T['$inferInsert'][]);
  }
}
