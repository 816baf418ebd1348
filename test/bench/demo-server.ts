// The built app on the demo data, for the benchmarks that measure it from outside (a browser, an HTTP
// load): started like `pnpm start` (server/dist + web/dist) on a free loopback port, with a fresh
// embedded database, or against DATABASE_URL given in `env` (a sqld, for the remote path).
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT, type RunningServer, startServer } from '../e2e/helpers.js';

export { ROOT, type RunningServer };
export const DEMO_PASSWORD = 'demo-highland-2026';

/** Starts the app on the demo data in test/.tmp/bench-<name>. */
export function startDemo(name: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer(join(ROOT, `test/.tmp/bench-${name}`), { LOG_LEVEL: 'silent', ...env });
}

/** Signs in over HTTP (tRPC) and returns the `name=value` of the session cookie. */
export async function sessionCookie(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error(`sign-in as ${email}: no session cookie`);
  return cookie;
}

/** A tRPC query's URL (GET, input as JSON in the query string). */
export const queryUrl = (base: string, path: string, input?: unknown): string =>
  `${base}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The machine's 1-minute load average now (2 cores: above 2, other work competes for them). */
export const load = (): string => loadavg()[0]!.toFixed(1);
