// `pnpm backup`: a consistent copy of the database while the app runs (SQLite's VACUUM INTO), to
// ./backups/highland-<UTC time>.db. For a libSQL server URL, use the server's own backups instead.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { ROOT } from './lib.mjs';

const url = process.env.DATABASE_URL ?? 'file:./data/highland.db';
if (!url.startsWith('file:')) {
  console.error(`DATABASE_URL is ${url}: back up a libSQL server with its own tools.`);
  process.exit(2);
}
const dir = resolve(ROOT, process.env.BACKUP_DIR ?? 'backups');
mkdirSync(dir, { recursive: true });
const target = join(dir, `highland-${new Date().toISOString().replace(/[:.]/g, '-')}.db`);
const client = createClient({ url: `file:${resolve(ROOT, url.slice(5))}` });
await client.execute({ sql: 'VACUUM INTO ?', args: [target] });
client.close();
console.log(`Backed up to ${target}`);
