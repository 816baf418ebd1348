import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { createDb } from '@highland/drizzle';
import { digestOf } from '@highland/server/data/statements';
import { listen } from '@highland/server/http/listen';
import { describe, expect, it } from 'vitest';
import { harness } from './helpers/harness.js';
import { BASE_DEMO_DB, TMP_DIR } from './helpers/paths.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a root script with its own environment; resolves with its exit code and output. */
function script(name: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', name), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => done({ code, out }));
  });
}

/** A SHA-256 per table of all its rows: "the books" and the audit trail, compared whole. */
async function tableDigests(file: string): Promise<Record<string, string>> {
  const c = createClient({ url: `file:${file}` });
  try {
    const tables = (await c.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")).rows.map((r) =>
      String(r[0]),
    );
    const out: Record<string, string> = {};
    for (const t of tables) {
      // Rows as sorted JSON lines (some tables are WITHOUT ROWID, so there is no common order to ask for).
      const rows = (await c.execute(`SELECT * FROM "${t}"`)).rows.map((r) =>
        JSON.stringify(Object.values(r).map((v) => (typeof v === 'bigint' ? v.toString() : v instanceof ArrayBuffer ? Buffer.from(v).toString('hex') : v))),
      );
      out[t] = createHash('sha256').update(rows.sort().join('\n')).digest('hex');
    }
    return out;
  } finally {
    c.close();
  }
}

/** Every issued statement's stored digest, and whether it is the digest of its stored lines. */
async function statementDigests(file: string) {
  const c = createClient({ url: `file:${file}` });
  try {
    const rows = (await c.execute('SELECT id, lines, digest FROM statement_issue ORDER BY id')).rows;
    return rows.map((r) => ({ id: Number(r.id), digest: String(r.digest), recomputed: digestOf(JSON.parse(String(r.lines))) === String(r.digest) }));
  } finally {
    c.close();
  }
}

describe('backups and restore (issue 15 item 6)', () => {
  it('backs up while the app writes, privately, prunes by BACKUP_KEEP, and a restore brings back the books, the audit trail and every statement digest', async () => {
    const dir = join(TMP_DIR, `backup-${randomUUID()}`);
    mkdirSync(dir, { recursive: true });
    const dbFile = join(dir, 'highland.db');
    copyFileSync(BASE_DEMO_DB, dbFile);
    const backups = join(dir, 'backups');
    const env = { DATABASE_URL: `file:${dbFile}`, BACKUP_DIR: backups, BACKUP_KEEP: '2', PORT: '1' };
    const db = await createDb(`file:${dbFile}`);
    const h = await harness({ db });
    const cookie = await h.cookieFor('gp@demo.highland');

    // Writes keep going while the backup runs: each flips the locale and records it in the same transaction.
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      while (writing) {
        const locale = writes % 2 ? 'zh-CN' : 'en';
        const res = await h.http('auth.setLocale', { cookie, input: { locale } });
        if (res.status !== 200) throw new Error(`write failed: ${res.status}`);
        writes += 1;
        // A macrotask between writes: the child's exit is an event the loop must get to.
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const first = await script('backup.mjs', [], env);
    writing = false;
    await writer;
    await script('backup.mjs', [], env);
    const third = await script('backup.mjs', [], env);
    const files = readdirSync(backups).sort();
    const latest = join(backups, files[files.length - 1] as string);

    // Consistent: in the snapshot, the user's locale is the one its last audit event recorded.
    const snap = createClient({ url: `file:${join(backups, files[0] as string)}` });
    const lastEvent = (await snap.execute("SELECT after FROM audit_event WHERE action = 'user.setLocale' ORDER BY id DESC LIMIT 1")).rows[0];
    const locale = (await snap.execute("SELECT locale FROM user WHERE email = 'gp@demo.highland'")).rows[0];
    const integrity = (await snap.execute('PRAGMA integrity_check')).rows[0]?.[0];
    snap.close();

    const expected = await tableDigests(latest);
    const statements = await statementDigests(latest);
    // More writes after the backup, which the restore must undo.
    await h.http('auth.setLocale', { cookie, input: { locale: 'en' } });
    await h.cookieFor('gov@demo.highland');
    const drifted = await tableDigests(dbFile);

    // Refused while the app runs: it answers on the port, or it holds the database open (its write-ahead log).
    const server = await listen(h.app.fetch, 0);
    const port = new URL(server.url).port;
    const whileServing = await script('restore.mjs', [latest], { ...env, PORT: port });
    await server.close();
    const whileOpen = await script('restore.mjs', [latest], env);
    db.$client.close();
    // libSQL removes the log only when this process exits (the app's own exit does it): the stopped app is told with --force.
    const restored = await script('restore.mjs', [latest, '--force'], env);
    const after = await tableDigests(dbFile);
    const afterStatements = await statementDigests(dbFile);
    const kept = readdirSync(dir).filter((n) => n.startsWith('highland.db.before-restore-') && !/-(wal|shm)$/.test(n));

    expect({
      first: first.code,
      writesDuringBackup: writes > 0,
      integrity,
      consistent: (JSON.parse(String(lastEvent?.after)) as { locale: string }).locale === locale?.locale,
      dirMode: (statSync(backups).mode & 0o777).toString(8),
      fileModes: files.map((f) => (statSync(join(backups, f)).mode & 0o777).toString(8)),
      kept: files.length,
      pruneSaid: /pruned 1 older/.test(third.out),
      drifted: drifted.audit_event !== expected.audit_event,
      whileServing: [whileServing.code, /app is running/.test(whileServing.out)],
      whileOpen: [whileOpen.code, /-wal exists/.test(whileOpen.out)],
      restored: restored.code,
      books: after,
      statements: afterStatements,
      allDigestsRecompute: afterStatements.length > 0 && afterStatements.every((s) => s.recomputed),
      previousKept: kept.length === 1 && (statSync(join(dir, kept[0] as string)).mode & 0o777).toString(8),
    }).toEqual({
      first: 0,
      writesDuringBackup: true,
      integrity: 'ok',
      consistent: true,
      dirMode: '700',
      fileModes: ['600', '600'],
      kept: 2,
      pruneSaid: true,
      drifted: true,
      whileServing: [2, true],
      whileOpen: [2, true],
      restored: 0,
      books: expected,
      statements,
      allDigestsRecompute: true,
      previousKept: '600',
    });
  });

  it('refuses a file that is not a Highland database, and touches nothing', async () => {
    const dir = join(TMP_DIR, `backup-${randomUUID()}`);
    mkdirSync(dir, { recursive: true });
    const dbFile = join(dir, 'highland.db');
    copyFileSync(BASE_DEMO_DB, dbFile);
    const before = await tableDigests(dbFile);
    const bogus = join(dir, 'bogus.db');
    const c = createClient({ url: `file:${bogus}` });
    await c.execute('CREATE TABLE t (x)');
    c.close();
    const r = await script('restore.mjs', [bogus], { DATABASE_URL: `file:${dbFile}`, PORT: '1' });
    expect({ code: r.code, said: /not a Highland database/.test(r.out), same: (await tableDigests(dbFile)).audit_event === before.audit_event }).toEqual({
      code: 2,
      said: true,
      same: true,
    });
  });
});
