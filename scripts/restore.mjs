// `pnpm restore <file>`: puts a backup made by `pnpm backup` back as the embedded database.
// The app must be stopped first: restore refuses while it answers on PORT, or while the database has a
// write-ahead log (a process has it open; after a crash, start and stop the app once, or pass --force).
// The backup is checked (SQLite integrity check, Highland's tables) before anything is touched; the
// current database is kept beside it as <name>.before-restore-<time> (0600), so a restore can be undone.
import { chmodSync, copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { ROOT } from './lib.mjs';

const args = process.argv.slice(2).filter((a) => a !== '--');
const force = args.includes('--force');
const file = args.find((a) => !a.startsWith('--'));
const fail = (message) => {
  console.error(`✗ ${message}`);
  process.exit(2);
};
if (!file) fail('Usage: pnpm restore <backup file> [--force]');
// pnpm runs scripts from the repository root; INIT_CWD is where the command was typed.
const backup = resolve(process.env.INIT_CWD ?? process.cwd(), file);
if (!existsSync(backup)) fail(`No file at ${backup}.`);
const url = process.env.DATABASE_URL ?? 'file:./data/highland.db';
if (!url.startsWith('file:')) fail(`DATABASE_URL is a libSQL server: restore it with the server's own tools (docs/RELIABILITY.md, "Backups").`);
const target = resolve(ROOT, url.slice(5));

/** Whether something answers Highland's /healthz on the configured port. */
function appAnswers() {
  const port = Number(process.env.PORT ?? 3000);
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', timeout: 1500 }, (res) => {
      res.resume();
      done(true);
    });
    req.on('error', () => done(false));
    req.on('timeout', () => {
      req.destroy();
      done(false);
    });
    req.end();
  });
}

// Check the backup before touching anything.
const check = createClient({ url: `file:${backup}` });
try {
  const integrity = (await check.execute('PRAGMA integrity_check')).rows[0]?.[0];
  if (integrity !== 'ok') fail(`${backup} fails SQLite's integrity check: ${String(integrity).slice(0, 200)}`);
  const tables = new Set((await check.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map((r) => String(r[0])));
  for (const t of ['audit_event', 'fund', 'ledger_entry', 'user']) if (!tables.has(t)) fail(`${backup} is not a Highland database (no table ${t}).`);
  const events = Number((await check.execute('SELECT COUNT(*) FROM audit_event')).rows[0]?.[0] ?? 0);
  const last = (await check.execute('SELECT MAX(at) FROM audit_event')).rows[0]?.[0] ?? '—';
  console.log(`Backup checked: integrity ok, ${events} audit events, the last at ${last}.`);
} finally {
  check.close();
}

if (await appAnswers()) fail(`The app is running (it answers on port ${process.env.PORT ?? 3000}). Stop it first (Ctrl-C or SIGTERM), then restore.`);
if (!force && existsSync(`${target}-wal`))
  fail(
    `${target}-wal exists: a process has the database open. Stop the app first; if it is stopped (a crash left the log), start and stop it once, or pass --force.`,
  );

process.umask(0o077);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
if (existsSync(target)) {
  const kept = `${target}.before-restore-${stamp}`;
  renameSync(target, kept);
  chmodSync(kept, 0o600);
  // Its log goes with it: committed pages not yet checkpointed live there.
  if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${kept}-wal`);
  console.log(`The current database is kept as ${kept}.`);
}
for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
const partial = `${target}.restoring`;
copyFileSync(backup, partial);
chmodSync(partial, 0o600);
renameSync(partial, target);
console.log(`Restored ${backup} to ${target}. Start the app with \`pnpm start\`.`);
