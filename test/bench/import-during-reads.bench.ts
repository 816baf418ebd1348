import { rmSync } from 'node:fs';
import { copyBase, runDir, seededBase } from '../fixtures/databases.js';
import { importCsv, importMapping, percentile, signIn, spawnServer, sql } from '../reliability/server.js';
import { load } from './demo-server.js';
import { defineBench } from './harness.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
const READERS = 4;

interface Sample {
  healthz: number[];
  me: number[];
  list: number[];
  errors: number;
  samples: string[];
}

/** READERS clients, each reading in turn `/healthz`, `auth.me` and `deal.list` until `until()` says stop. */
async function readLoop(url: string, cookie: string, until: () => boolean): Promise<Sample> {
  const s: Sample = { healthz: [], me: [], list: [], errors: 0, samples: [] };
  const list = `${url}/trpc/deal.list?input=${encodeURIComponent(JSON.stringify({}))}`;
  const client = async () => {
    for (let i = 0; !until(); i++) {
      const [target, into] = i % 3 === 0 ? [`${url}/healthz`, s.healthz] : i % 3 === 1 ? [`${url}/trpc/auth.me`, s.me] : [list, s.list];
      const t0 = performance.now();
      try {
        const res = await fetch(target, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        into.push(performance.now() - t0);
      } catch (e) {
        s.errors += 1;
        if (s.samples.length < 3) s.samples.push(`${target.replace(url, '').slice(0, 30)}: ${(e as Error).cause ?? e}`);
      }
    }
  };
  await Promise.all(Array.from({ length: READERS }, client));
  return s;
}

const row = (name: string, xs: number[]) =>
  `| ${name} | ${xs.length} | ${percentile(xs, 50).toFixed(1)} | ${percentile(xs, 99).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`;

export default defineBench({
  id: 'import-during-reads',
  title: 'Reads during a 100,000-row import',
  about: `The built server (server/dist) on a copy of the demo base. ${READERS} clients read in a loop — \`/healthz\`, \`auth.me\` and \`deal.list\` as SF-01's manager, in turn — first with the server idle (${IDLE_SECONDS} s), then while the same manager commits a ${ROWS.toLocaleString('en')}-row CSV of new companies into SF-01 over \`POST /api/import/deals\` (one transaction). The import yields to the event loop between chunks (server/src/data/bulk.ts \`yieldToEventLoop\`), so reads are served while it runs; before, one such import held the event loop for ~12 s. The peer is the same reads with the server idle.`,
  needsStressSet: false,
  async report() {
    const dir = runDir('bench-import');
    let stopServer = async () => {};
    try {
      const db = copyBase(await seededBase('demo'), dir, 'highland.db');
      const server = await spawnServer(db);
      stopServer = server.kill;
      const cookie = await signIn(server.url, 'gp@demo.highland');
      const [fund] = await sql<{ id: number }>(db, `SELECT id FROM fund WHERE code = 'SF-01'`);
      const body = importCsv(0, ROWS);
      // Warm the reads.
      const warm = Date.now() + 1000;
      await readLoop(server.url, cookie, () => Date.now() > warm);
      const idleEnd = Date.now() + IDLE_SECONDS * 1000;
      const idle = await readLoop(server.url, cookie, () => Date.now() > idleEnd);
      let importing = true;
      const progressAt: number[] = [];
      const chunks: string[] = [];
      const decoder = new TextDecoder();
      const t0 = performance.now();
      const run = (async () => {
        const res = await fetch(`${server.url}/api/import/deals?mode=commit&fundId=${fund?.id}&mapping=${encodeURIComponent(importMapping())}`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'text/csv', 'x-highland-import': '1', 'x-file-name': 'bench.csv' },
          body,
        });
        const text = await new Response(
          (res.body as ReadableStream<Uint8Array>).pipeThrough(
            new TransformStream({
              transform(chunk, ctl) {
                progressAt.push(performance.now() - t0);
                chunks.push(decoder.decode(chunk, { stream: true }));
                ctl.enqueue(chunk);
              },
            }),
          ),
        ).text();
        importing = false;
        return text;
      })();
      const during = await readLoop(server.url, cookie, () => !importing);
      const text = await run;
      const importMs = performance.now() - t0;
      const result = text.trim().split('\n').at(-1) ?? '';
      if (!result.includes('"type":"result"')) throw new Error(`the import failed: ${result.slice(0, 300)}; server: ${server.output().slice(-2000)}`);
      if (idle.errors + during.errors) console.log(`  errors: ${[...idle.samples, ...during.samples].join('; ')}; server: ${server.output().slice(-2000)}`);
      await server.stop();
      const gaps = progressAt.slice(1).map((t, i) => t - (progressAt[i] as number));
      const longest = gaps.indexOf(Math.max(...gaps));
      // The last line before the longest gap and the first after it: which phase held the event loop.
      const lineOf = (text: string | undefined, which: 'first' | 'last') => {
        const lines = (text ?? '').trim().split('\n');
        const l = JSON.parse((which === 'first' ? lines[0] : lines.at(-1)) ?? '{}') as { type?: string; phase?: string; done?: number; total?: number };
        return l.type === 'progress' ? `${l.phase} ${l.done?.toLocaleString('en')} / ${l.total?.toLocaleString('en')}` : (l.type ?? '?');
      };
      const gapBetween = `\`${lineOf(chunks[longest], 'last')}\` and \`${lineOf(chunks[longest + 1], 'first')}\``;
      console.log(`  import ${(importMs / 1000).toFixed(1)} s; during: healthz p99 ${percentile(during.healthz, 99).toFixed(1)} ms`);
      return [
        `Import of ${ROWS.toLocaleString('en')} rows: **${(importMs / 1000).toFixed(1)} s**, ${progressAt.length} chunks of the streamed answer received (the longest gap between two: ${Math.max(...gaps).toFixed(0)} ms, between ${gapBetween}); load average ${load()} (2 cores).`,
        '',
        '| read | requests | p50 ms | p99 ms | max ms |',
        '| --- | ---: | ---: | ---: | ---: |',
        row('idle: `/healthz`', idle.healthz),
        row('idle: `auth.me`', idle.me),
        row('idle: `deal.list`', idle.list),
        row('**during the import**: `/healthz`', during.healthz),
        row('**during the import**: `auth.me`', during.me),
        row('**during the import**: `deal.list`', during.list),
        '',
        `Errors: ${idle.errors + during.errors}${idle.errors + during.errors ? ` (${[...idle.samples, ...during.samples].join('; ')})` : ''}.`,
      ].join('\n');
    } finally {
      await stopServer();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
