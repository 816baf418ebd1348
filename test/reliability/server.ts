import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { suggestMapping } from '@highland/shared';
import { makeUscc } from '@highland/server/demo/uscc';
import { csvLine } from '@highland/shared';
import { ROOT } from '../fixtures/databases.js';
import { IMPORT_HEADERS } from '../fixtures/factories.js';
import { freePort } from '../fixtures/ports.js';

export const DEMO_PASSWORD = 'demo-highland-2026';

export interface Proc {
  url: string;
  /** SIGKILL: no shutdown hook, no checkpoint; resolves when the process is gone. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
  output: () => string;
}

/**
 * The built server (server/dist, as `pnpm start` runs it) on an existing database file, left as it is —
 * unlike test/e2e/helpers.ts `startServer`, which empties its folder: a restart after a kill must open
 * the very file (and write-ahead log) the killed process left behind. Waits for /healthz.
 */
export async function spawnServer(dbFile: string): Promise<Proc> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'server/dist/index.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: 'warn', HIGHLAND_DATA: 'demo' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // starting
    }
    if (Date.now() > deadline) throw new Error(`server did not answer within 90 s: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return { url, output: () => output, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

/** Signs in over HTTP; returns the session cookie. */
export async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Runs SQL against the database file on a connection of its own (WAL: beside a running server). */
export async function sql<T = Record<string, unknown>>(dbFile: string, text: string, args: Array<string | number> = []): Promise<T[]> {
  const client = createClient({ url: `file:${dbFile}` });
  try {
    return (await client.execute({ sql: text, args })).rows as unknown as T[];
  } finally {
    client.close();
  }
}

const SECTORS = ['AI芯片', '传感器', 'AI算法', '智能驾驶', '智能机器人', '大数据'];

/** A deal-import CSV of `rows` companies new to the demo (serials from 86,000,000: the demo uses 40 M + 3n and 75.1 M + 37n); `run` keeps each file's codes distinct. */
export function importCsv(run: number, rows: number): Uint8Array<ArrayBuffer> {
  const lines = [csvLine(IMPORT_HEADERS)];
  for (let i = 0; i < rows; i++) {
    const n = run * rows + i;
    lines.push(
      csvLine([
        makeUscc('310115', 86_000_000 + n),
        `上海崩溃测试${n}号智能科技有限公司`,
        `Shanghai Crash ${n} Intelligence Co., Ltd.`,
        SECTORS[n % SECTORS.length] as string,
        '浦东张江',
        '民营',
        n % 3 ? '新项目' : '初筛',
        '主动挖掘',
        String(100 + (n % 5000)),
        String(5000 + (n % 90000)),
        `第${n}号导入项目`,
      ]),
    );
  }
  return new TextEncoder().encode(lines.join(''));
}

export const importMapping = (): string => JSON.stringify(suggestMapping(IMPORT_HEADERS));

/** p-th percentile (0–100) of a list of numbers, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
