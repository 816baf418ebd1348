import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBase, runDir, seededBase } from '../fixtures/databases.js';
import { signIn, spawnServer, sql } from './server.js';

/**
 * Two editors at once (issue 15 item 5) for statements: two managers of SF-01, each signed in over HTTP to
 * the built server, issue the same quarter's statements at the same moment. Writes are one at a time
 * (writeTx), and the second sees the first's issue: it is refused (`statement.unchanged`, the books have
 * not changed since: 412, INVALID_STATE), never a second issue of the same figures. Exactly one issue and one audit event per
 * quarter. Deals are covered by test/integration/security-concurrency.test.ts; commitments and valuations
 * carry no version and are never edited in place (docs/RELIABILITY.md).
 */
const QUARTERS = ['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2'];
const dir = runDir('concurrency');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('two managers issue the same statements at once', () => {
  it('one wins, the other is refused, nothing is issued twice', async () => {
    const db = copyBase(await seededBase('demo'), dir, 'highland.db');
    const [fund] = await sql<{ id: number }>(db, `SELECT id FROM fund WHERE code = 'SF-01'`);
    const fundId = Number(fund?.id);
    const server = await spawnServer(db);
    try {
      const a = await signIn(server.url, 'gp@demo.highland');
      const b = await signIn(server.url, 'sf01.team1@demo.highland');
      const issue = (cookie: string, quarter: string) =>
        fetch(`${server.url}/trpc/ledger.issueStatements`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ fundId, quarter }),
        });
      const outcomes = [];
      for (const quarter of QUARTERS) {
        const [ra, rb] = await Promise.all([issue(a, quarter), issue(b, quarter)]);
        const bodies = (await Promise.all([ra.json(), rb.json()])) as Array<{ error?: { data?: { domain?: { key?: string } | null } } }>;
        const [issues] = await sql<{ n: number }>(db, 'SELECT count(*) AS n FROM statement_issue WHERE fund_id = ? AND quarter = ?', [fundId, quarter]);
        const [events] = await sql<{ n: number }>(
          db,
          `SELECT count(*) AS n FROM audit_event WHERE action = 'statement.issue' AND entity_id = ? AND json_extract(after, '$.quarter') = ?`,
          [String(fundId), quarter],
        );
        outcomes.push({
          quarter,
          statuses: [ra.status, rb.status].sort(),
          refusal: bodies.find((x) => x.error)?.error?.data?.domain?.key ?? null,
          issues: Number(issues?.n),
          events: Number(events?.n),
        });
      }
      expect(outcomes).toEqual(QUARTERS.map((quarter) => ({ quarter, statuses: [200, 412], refusal: 'statement.unchanged', issues: 1, events: 1 })));
    } finally {
      await server.stop();
    }
  });
});
