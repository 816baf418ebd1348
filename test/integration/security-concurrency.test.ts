import { auditEvent, deal } from '@highland/drizzle';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { harness } from './helpers/harness.js';
import { dealIn } from './helpers/pipeline.js';

/**
 * Two editors at once (issue 15 item 5, the CONFLICT half): two managers of the same fund, each signed in
 * over HTTP, send an edit of the same deal based on the same version at the same moment. One wins; the
 * other gets CONFLICT with the current state; the deal holds exactly the winner's edit, and the audit trail
 * exactly one event for it. Repeated over several rounds so the two requests really overlap.
 */
describe('two editors of one deal at once', () => {
  it('one wins, the other gets CONFLICT, nothing is overwritten silently', async () => {
    const h = await harness();
    const a = await h.cookieFor('sf01.team1@demo.highland');
    const b = await h.cookieFor('sf01.team2@demo.highland');
    const d = await dealIn(h.db, 'SF-01', 'screening');
    const rounds = 8;
    const outcomes: Array<{ statuses: number[]; stored: string | null; winner: string | null; events: number; conflictKey: string | null }> = [];
    for (let i = 0; i < rounds; i++) {
      const current = (await h.db.select({ version: deal.version }).from(deal).where(eq(deal.id, d.id)))[0]?.version ?? 0;
      const edit = (cookie: string, who: string) =>
        h.app.request('/trpc/deal.update', {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ id: d.id, version: current, nextStep: `第${i}轮 ${who}` }),
        });
      const [ra, rb] = await Promise.all([edit(a, 'A'), edit(b, 'B')]);
      const bodies = [await ra.json(), await rb.json()] as Array<{ error?: { data: { domain: { key: string } | null } } }>;
      const statuses = [ra.status, rb.status];
      const winner = statuses[0] === 200 ? 'A' : statuses[1] === 200 ? 'B' : null;
      const stored = (await h.db.select({ s: deal.nextStep }).from(deal).where(eq(deal.id, d.id)))[0]?.s ?? null;
      const events = (
        await h.db
          .select({ id: auditEvent.id })
          .from(auditEvent)
          .where(and(eq(auditEvent.action, 'deal.update'), eq(auditEvent.entityId, String(d.id))))
      ).length;
      outcomes.push({ statuses: [...statuses].sort(), stored, winner, events, conflictKey: bodies.find((x) => x.error)?.error?.data.domain?.key ?? null });
    }
    expect(outcomes).toEqual(
      outcomes.map((o, i) => ({ statuses: [200, 409], stored: `第${i}轮 ${o.winner}`, winner: o.winner, events: i + 1, conflictKey: 'deal.conflict' })),
    );
    expect(outcomes.every((o) => o.winner === 'A' || o.winner === 'B')).toBe(true);
  });
});
