import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { copyBase, runDir, seededBase } from '../fixtures/databases.js';
import { runLoad } from './load.js';
import { spawnServer, sql } from './server.js';

/**
 * Load (issue 15 item 5): fifty concurrent clients on loopback against the built server, three reads for
 * each write, for a bounded time (LOAD_SECONDS, 12 s here; `pnpm bench` runs 60 s). No error; every
 * write that was answered 200 is in the database afterwards, each with its audit event; p99 reported.
 */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 12);
const dir = runDir('load');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fifty clients at once', () => {
  it(`mix reads and writes for ${SECONDS} s: 0 errors, 0 lost acknowledged writes`, async () => {
    const db = copyBase(await seededBase('demo'), dir, 'highland.db');
    const server = await spawnServer(db);
    onTestFinished(() => server.kill());
    const auditBefore = Number((await sql<{ n: number }>(db, `SELECT count(*) AS n FROM audit_event WHERE action = 'deal.note'`))[0]?.n);
    const r = await runLoad(server.url, db, { clients: 50, seconds: SECONDS, tag: 'load-test' });
    const auditAfter = Number((await sql<{ n: number }>(db, `SELECT count(*) AS n FROM audit_event WHERE action = 'deal.note'`))[0]?.n);
    await server.stop();
    console.log(`load: ${JSON.stringify(r)}`);
    expect({ errors: r.errors, samples: r.errorSamples, lost: r.lost }).toEqual({ errors: 0, samples: [], lost: 0 });
    expect(r.writes).toBeGreaterThan(50);
    expect(r.reads).toBeGreaterThan(3 * 50);
    // Every acknowledged note left its audit event (a request cut off by the deadline may add one more).
    expect(auditAfter - auditBefore).toBe(r.acknowledged + r.unacknowledgedFound);
    expect(Number.isFinite(r.allP99)).toBe(true);
  });
});
