import autocannon from 'autocannon';
import { load, queryUrl, type RunningServer, sessionCookie, startDemo } from './demo-server.js';
import { defineBench } from './harness.js';

const DURATION = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = 10;

interface Endpoint {
  name: string;
  /** Who is signed in (null: no session). */
  as: string | null;
  path: string;
  input?: unknown;
  /** The goal of issue 17, req/s, if it sets one. */
  goal?: number;
}

export const ENDPOINTS: Endpoint[] = [
  { name: '`/healthz` (the peer)', as: null, path: '/healthz' },
  { name: '`auth.me`, signed in', as: 'gov@demo.highland', path: 'auth.me', goal: 2000 },
  { name: '`group.overview` as the reviewer', as: 'gov@demo.highland', path: 'group.overview', input: { asOf: '2026-10-31', includeDirect: true }, goal: 1000 },
  { name: '`lp.portal` as the LP', as: 'lp@demo.highland', path: 'lp.portal', input: {}, goal: 1000 },
  { name: '`deal.list` as a sub-fund manager', as: 'gp@demo.highland', path: 'deal.list', input: {}, goal: 800 },
];

export interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  goal?: number;
}

/** 10 connections for DURATION seconds against each endpoint, one after the other, on one server. */
export async function loadTable(server: RunningServer, endpoints: Endpoint[] = ENDPOINTS): Promise<LoadResult[]> {
  const base = server.url;
  const cookies = new Map<string, string>();
  const out: LoadResult[] = [];
  for (const e of endpoints) {
    let cookie: string | undefined;
    if (e.as) {
      cookie = cookies.get(e.as) ?? (await sessionCookie(base, e.as));
      cookies.set(e.as, cookie);
    }
    const url = e.path.startsWith('/') ? `${base}${e.path}` : queryUrl(base, e.path, e.input);
    const headers: Record<string, string> = cookie ? { cookie } : {};
    // Checked once (and warmed) before the load: a refused or failing query would measure nothing.
    for (let i = 0; i < 20; i++) {
      const res = await fetch(url, { headers });
      if (!res.ok) throw new Error(`${e.name}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
      await res.arrayBuffer();
    }
    const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
    out.push({ name: e.name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, goal: e.goal });
    console.log(
      `  ${e.name}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms${r.non2xx ? `, ${r.non2xx} non-2xx` : ''}`,
    );
  }
  return out;
}

export function loadMarkdown(results: LoadResult[], label = ''): string {
  const peer = results[0]!.rps;
  const rows = results.map(
    (r) =>
      `| ${label}${r.name} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} | ${r.p99} | **${(r.rps / peer).toFixed(2)}×** | ${r.goal ? `${r.goal.toLocaleString('en')} (${r.rps >= r.goal ? 'met' : 'not met'})` : '—'} | ${r.errors + r.non2xx} |`,
  );
  return ['| endpoint | req/s | p50 ms | p99 ms | of `/healthz` | goal req/s | errors |', '| --- | ---: | ---: | ---: | ---: | --- | ---: |', ...rows].join(
    '\n',
  );
}

export default defineBench({
  id: 'http',
  title: 'HTTP throughput on the demo',
  about: `The built app (\`pnpm start\`'s server, one process, embedded libSQL file) on the demo data, loaded over loopback HTTP by autocannon in the benchmark's process (so load generator and server share the 2 cores, as a real client would not): ${CONNECTIONS} connections, ${DURATION} s per endpoint, one endpoint after the other, each warmed with 20 requests first; the signed-in ones carry a real session cookie from \`auth.signIn\`. The peer is \`/healthz\` (a \`SELECT 1\` through the same stack) in the same run; the goals are issue 17's. autocannon does not ask for compression, so the JSON is measured uncompressed.`,
  needsStressSet: false,
  async report() {
    const server = await startDemo('http');
    try {
      const before = load();
      const table = loadMarkdown(await loadTable(server));
      return `${table}\n\nLoad average (1 min) ${before} before, ${load()} after (2 cores).`;
    } finally {
      await server.stop();
    }
  },
});
