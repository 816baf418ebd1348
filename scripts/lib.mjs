// Helpers for the root scripts (plain Node, no dependencies).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs a command from the repository root, inheriting the terminal; exits on failure. */
export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

/** Newest modification time (ms) of any file under the given paths. */
export function newest(paths) {
  let max = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') walk(join(p, name));
    } else if (s.mtimeMs > max) max = s.mtimeMs;
  };
  for (const p of paths) walk(join(ROOT, p));
  return max;
}

/** Builds the server (tsc, incremental) and, when its sources changed, the web app. */
export function buildIfStale() {
  const t0 = Date.now();
  run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'server']);
  const dist = join(ROOT, 'web/dist/index.html');
  const webInputs = newest(['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'shared/src', 'pnpm-lock.yaml']);
  if (!existsSync(dist) || statSync(dist).mtimeMs < webInputs) {
    console.log('Building the web app…');
    run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: join(ROOT, 'web') });
  }
  return Date.now() - t0;
}
