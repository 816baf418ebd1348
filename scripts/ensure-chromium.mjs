// Finds a Chromium for the e2e tests, or gets one (ADR 007). In order:
//   1. CHROMIUM_PATH, when set;
//   2. the Chromium shipped inside the npm package @sparticuz/chromium (a dev dependency of test/, so it
//      arrives with `pnpm install`), unpacked once into node_modules/.cache/highland-chromium/<version>/
//      together with the NSS and expat libraries it needs (so the machine needs only glibc);
//   3. Debian's chromium at /usr/bin/chromium, installed with apt-get when missing and running as root.
// Otherwise it stops with a one-line instruction. `node scripts/ensure-chromium.mjs` runs it before the
// tests (`pnpm test`); the e2e helpers call ensureChromium() too, so a bare `vitest run` works as well.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const INSTRUCTION =
  "No Chromium for the e2e tests: run `pnpm install` (it brings @sparticuz/chromium), or install Debian's chromium (`sudo apt-get install chromium`), or set CHROMIUM_PATH.";

/** The packaged Chromium's folder (unpacking it the first time), or null when the package is absent or does not run here. */
function packagedChromium(log) {
  let pkgDir;
  let version;
  try {
    const require = createRequire(join(ROOT, 'test/package.json'));
    // Its exports map hides package.json: resolve the entry (build/index.js) and go up.
    pkgDir = dirname(dirname(require.resolve('@sparticuz/chromium')));
    version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
  const dir = join(ROOT, 'node_modules/.cache/highland-chromium', version);
  const exe = join(dir, 'chromium');
  if (!existsSync(exe)) {
    log(`Unpacking Chromium ${version} from @sparticuz/chromium into node_modules/.cache/highland-chromium/ (once)…`);
    // Each process unpacks into a folder of its own, then renames it into place: two runs at once never
    // see a half-written binary. The package unpacks into os.tmpdir(), hence TMPDIR in a child process.
    const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    mkdirSync(tmp, { recursive: true });
    const script = `const m = await import(${JSON.stringify(join(pkgDir, 'build/index.js'))});
      await Promise.all(['chromium.br', 'al2023.tar.br', 'fonts.tar.br'].map((f) => m.inflate(${JSON.stringify(join(pkgDir, 'bin'))} + '/' + f)));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TMPDIR: tmp }, stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(join(tmp, 'chromium'))) {
      rmSync(tmp, { recursive: true, force: true });
      return null;
    }
    try {
      renameSync(tmp, dir);
    } catch {
      // Another run got there first: its copy is complete (renamed whole), ours is dropped.
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const env = { LD_LIBRARY_PATH: [join(dir, 'al2023/lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') };
  if (!existsSync('/etc/fonts/fonts.conf')) env.FONTCONFIG_PATH = join(dir, 'fonts');
  const check = spawnSync(exe, ['--version'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (check.status !== 0) {
    log(`The packaged Chromium does not run here (${(check.stderr || check.error?.message || '').trim().split('\n')[0]}).`);
    return null;
  }
  return { executablePath: exe, env, source: `@sparticuz/chromium ${version}` };
}

/** Debian's chromium, installed with apt-get when missing and this process is root; else null. */
function debianChromium(log) {
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, env: {}, source: "Debian's chromium" };
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || spawnSync('sh', ['-c', 'command -v apt-get']).status !== 0) return null;
  log("Installing Debian's chromium with apt-get (running as root)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  return existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM, env: {}, source: "Debian's chromium (just installed)" } : null;
}

/**
 * The Chromium to launch: its path, the environment it needs, and where it came from.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {{ executablePath: string, env: Record<string, string>, source: string }}
 */
export function ensureChromium(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist. ${INSTRUCTION}`);
    return { executablePath: fromEnv, env: {}, source: 'CHROMIUM_PATH' };
  }
  const found = packagedChromium(log) ?? debianChromium(log);
  if (!found) throw new Error(INSTRUCTION);
  return found;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const c = ensureChromium();
    console.log(`Chromium for the e2e tests: ${c.source} (${c.executablePath})`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
