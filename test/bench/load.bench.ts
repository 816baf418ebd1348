import { rmSync } from 'node:fs';
import { copyBase, runDir, seededBase } from '../fixtures/databases.js';
import { runLoad } from '../reliability/load.js';
import { spawnServer } from '../reliability/server.js';
import { load } from './demo-server.js';
import { defineBench } from './harness.js';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const CLIENTS = 50;

export default defineBench({
  id: 'load',
  title: 'Fifty clients mixing reads and writes',
  about: `The built server (server/dist) on a copy of the demo base; ${CLIENTS} concurrent clients on loopback (plain \`fetch\` loops, three managers of SF-01 sharing their sessions) for ${SECONDS} s, three reads (\`auth.me\`, \`deal.get\`, \`/healthz\`) for each write (\`deal.addNote\`, one audited transaction). Every answer other than 200 is an error; afterwards every note that was answered 200 is looked up in the database (test/reliability/load.ts). The suite runs the same for 12 s (test/reliability/load.test.ts).`,
  needsStressSet: false,
  async report() {
    const dir = runDir('bench-load');
    let stopServer = async () => {};
    try {
      const db = copyBase(await seededBase('demo'), dir, 'highland.db');
      const server = await spawnServer(db);
      stopServer = server.kill;
      const r = await runLoad(server.url, db, { clients: CLIENTS, seconds: SECONDS, tag: 'load-bench' });
      await server.stop();
      console.log(`  ${JSON.stringify(r)}`);
      return [
        `${r.clients} clients for ${r.seconds} s; load average ${load()} (2 cores).`,
        '',
        '| requests | reads | writes acknowledged | errors | lost acknowledged writes | req/s | read p50 / p99 ms | write p50 / p99 ms | all p99 ms |',
        '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        `| ${r.requests} | ${r.reads} | ${r.acknowledged} | **${r.errors}** | **${r.lost}** | ${r.throughput} | ${r.readP50} / ${r.readP99} | ${r.writeP50} / ${r.writeP99} | ${r.allP99} |`,
      ].join('\n');
    } finally {
      await stopServer();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
