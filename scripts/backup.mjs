// `pnpm backup`: a consistent snapshot of the embedded database while the app runs (SQLite's VACUUM INTO
// reads one transaction's view, so writes going on meanwhile are either wholly in it or wholly not).
// Written as ./backups/highland-<UTC time>.db (BACKUP_DIR to change the folder): the folder is 0700 and
// the file 0600 — a backup holds password hashes and session ids. The newest BACKUP_KEEP (default 14)
// are kept, older ones deleted. A libSQL server (DATABASE_URL http://, libsql://) is backed up with its
// own tools: see docs/RELIABILITY.md.
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { ROOT } from './lib.mjs';

const url = process.env.DATABASE_URL ?? 'file:./data/highland.db';
if (!url.startsWith('file:')) {
  console.error(`DATABASE_URL is ${url.replace(/\/\/[^@]*@/, '//***@')}: a libSQL server is backed up with its own tools (docs/RELIABILITY.md, "Backups").`);
  process.exit(2);
}
const keepRaw = process.env.BACKUP_KEEP ?? '14';
const keep = Number(keepRaw);
if (!Number.isInteger(keep) || keep < 1) {
  console.error(`BACKUP_KEEP must be a whole number of backups to keep, at least 1 (got ${keepRaw}).`);
  process.exit(2);
}
const source = resolve(ROOT, url.slice(5));
if (!existsSync(source)) {
  console.error(`No database at ${source}: nothing to back up.`);
  process.exit(2);
}
const dir = resolve(ROOT, process.env.BACKUP_DIR ?? 'backups');
// Files this process creates are private from the start (no window in which the copy is world-readable).
process.umask(0o077);
mkdirSync(dir, { recursive: true, mode: 0o700 });
chmodSync(dir, 0o700);

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = join(dir, `highland-${stamp}.db`);
const partial = `${target}.partial`;
rmSync(partial, { force: true });
const client = createClient({ url: `file:${source}` });
try {
  await client.execute('PRAGMA busy_timeout = 10000');
  await client.execute({ sql: 'VACUUM INTO ?', args: [partial] });
} finally {
  client.close();
}
chmodSync(partial, 0o600);
renameSync(partial, target);

// Prune: the newest `keep` backups stay (names sort by time).
const all = readdirSync(dir)
  .filter((n) => /^highland-.*\.db$/.test(n))
  .sort();
const pruned = all.slice(0, Math.max(0, all.length - keep));
for (const name of pruned) rmSync(join(dir, name), { force: true });
const bytes = statSync(target).size;
console.log(
  `Backed up to ${target} (${(bytes / 1_048_576).toFixed(1)} MB, mode 0600)${pruned.length ? `; pruned ${pruned.length} older (BACKUP_KEEP=${keep})` : ''}`,
);
