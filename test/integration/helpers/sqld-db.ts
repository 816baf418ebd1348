// `HIGHLAND_TEST_DB=sqld` (set by `pnpm test:sqld`, scripts/test-sqld.mjs): every test database is served
// by a real libSQL server instead of an embedded file — one sqld process per test database, started on a
// free loopback port on a copy of the migrated base file, killed after the test. This is the one place
// that reads the switch (harness.ts asks `USE_SQLD`).
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { freePort, sqldBinary } from './sqld.js';

export const USE_SQLD = process.env.HIGHLAND_TEST_DB === 'sqld';

/** Where the servers keep their files: the script's temp folder (it removes it and any leftover process). */
const ROOT = process.env.HIGHLAND_SQLD_ROOT ?? tmpdir();

const running: Array<{ child: ChildProcess; dir: string }> = [];
function stopAll(): void {
  for (const { child, dir } of running.splice(0)) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
if (USE_SQLD) {
  afterEach(stopAll);
  process.once('exit', stopAll);
}

/** Starts sqld on a copy of the SQLite file `base`; resolves to its URL once it answers a query. */
export async function sqldCopyOf(base: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(join(ROOT, 'sqld-'));
    mkdirSync(join(dir, 'dbs', 'default'), { recursive: true });
    copyFileSync(base, join(dir, 'dbs', 'default', 'data'));
    const port = await freePort();
    const child = spawn(sqldBinary(), ['--db-path', dir, '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'], { stdio: 'ignore' });
    running.push({ child, dir });
    // The script kills whatever is left by pid, should this worker die without its exit handler.
    if (child.pid) writeFileSync(join(dir, 'pid'), String(child.pid));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    while (child.exitCode === null && Date.now() < deadline) {
      try {
        const res = await fetch(`${url}/v2/pipeline`, {
          method: 'POST',
          body: JSON.stringify({ requests: [{ type: 'execute', stmt: { sql: 'SELECT 1' } }, { type: 'close' }] }),
        });
        if (res.ok) return url;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    // Lost the port to another worker, or too slow: try again on another port, twice.
    child.kill('SIGKILL');
    if (attempt >= 3) throw new Error(`sqld did not start on ${url} (exit code ${child.exitCode})`);
  }
}
