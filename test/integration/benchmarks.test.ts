import { ksPme } from '@highland/shared';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadFixture } from './access-cases.js';
import { harness } from './helpers/harness.js';

const AS_OF = '2026-10-31';

describe('KS-PME against the indices held', () => {
  it('a fund’s KS-PME equals the formula applied by hand to its LP-side ledger, its NAV and the demo index', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gov = await h.as('gov@demo.highland');
    const p = await gov.performance.fund({ fundId: fx.gpFundId, asOf: AS_OF });
    const flows = await h.db.all<{ date: string; kind: string; amount: number }>(
      sql`SELECT date, kind, SUM(amount_fen) AS amount FROM ledger_entry WHERE fund_id = ${fx.gpFundId} AND kind IN ('contribution', 'distribution') AND date <= ${AS_OF} GROUP BY date, kind`,
    );
    const index = await h.db.all<{ date: string; level: number }>(sql`SELECT date, level FROM index_level WHERE index_code = 'DEMO-AI50'`);
    const byHand = ksPme({
      flows: flows.filter((f) => f.amount !== 0).map((f) => ({ date: f.date, amount: f.kind === 'contribution' ? -f.amount : f.amount })),
      nav: p.summary.navFen,
      valuationDate: AS_OF,
      index,
    });
    const demo = p.pme.find((x) => x.code === 'DEMO-AI50');
    expect({ value: demo?.value, reason: demo?.reason, positive: (demo?.value ?? 0) > 0 }).toEqual({ value: byHand, reason: null, positive: true });
  });

  it('the LP portal’s KS-PME is the LP’s own flows and NAV against the index', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const lp = await h.as('lp@demo.highland');
    const portal = await lp.lp.portal({ asOf: AS_OF });
    const flows = await h.db.all<{ date: string; kind: string; amount: number }>(
      sql`SELECT date, kind, SUM(amount_fen) AS amount FROM ledger_entry WHERE investor_id = ${fx.lpInvestorId} AND kind IN ('contribution', 'distribution') AND date <= ${AS_OF} GROUP BY date, kind`,
    );
    const index = await h.db.all<{ date: string; level: number }>(sql`SELECT date, level FROM index_level WHERE index_code = 'DEMO-AI50'`);
    const byHand = ksPme({
      flows: flows.filter((f) => f.amount !== 0).map((f) => ({ date: f.date, amount: f.kind === 'contribution' ? -f.amount : f.amount })),
      nav: portal.totals?.navFen ?? 0,
      valuationDate: AS_OF,
      index,
    });
    expect(portal.pme.find((x) => x.code === 'DEMO-AI50')?.value).toBe(byHand);
  });

  it('an administrator imports an index, then corrects one level; an index that starts too late gives no figure, and says why', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const admin = await h.as('admin@demo.highland');
    const rows = [
      { date: '2025-12-31', level: 1000 },
      { date: '2026-06-30', level: 1100 },
      { date: '2026-10-30', level: 1210 },
    ];
    const first = await admin.benchmark.import({ code: 'star50', nameZh: '科创50', nameEn: 'STAR 50', source: '中证指数公司 · 收盘', rows });
    const again = await admin.benchmark.import({
      code: 'STAR50',
      nameZh: '科创50',
      nameEn: 'STAR 50',
      source: '中证指数公司 · 收盘',
      rows: [{ date: '2026-10-30', level: 1215.5 }],
    });
    const listed = (await admin.benchmark.list()).find((x) => x.code === 'STAR50');
    const gov = await h.as('gov@demo.highland');
    const p = await gov.performance.fund({ fundId: fx.gpFundId, asOf: AS_OF });
    const audit = await h.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM audit_event WHERE action = 'index.import' AND entity_id = 'STAR50'`);
    expect({
      first: { added: first.added, changed: first.changed },
      again: { added: again.added, changed: again.changed },
      listed: { points: listed?.points, first: listed?.first, last: listed?.last },
      pme: p.pme.find((x) => x.code === 'STAR50'),
      audits: audit[0]?.n,
    }).toEqual({
      first: { added: 3, changed: 0 },
      again: { added: 0, changed: 1 },
      listed: { points: 3, first: '2025-12-31', last: '2026-10-30' },
      pme: { code: 'STAR50', nameZh: '科创50', nameEn: 'STAR 50', value: null, reason: 'notCovered' },
      audits: 2,
    });
  });

  it('a date given twice or a level of zero is refused with the row, and nothing is written', async () => {
    const h = await harness();
    const admin = await h.as('admin@demo.highland');
    const count = async () => (await h.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM index_level`))[0]?.n;
    const before = await count();
    const refused = await admin.benchmark
      .import({
        code: 'X1',
        nameZh: 'x',
        nameEn: 'x',
        source: 'x',
        rows: [
          { date: '2026-01-30', level: 1 },
          { date: '2026-01-30', level: 2 },
          { date: '2026-02-27', level: 0 },
        ],
      })
      .then(
        () => 'ok',
        (e: unknown) =>
          e instanceof TRPCError
            ? `${e.code} ${(e.cause as { issues?: Array<{ path: unknown[] }> }).issues?.map((i) => i.path.join('.')).join(' ')}`
            : String(e),
      );
    expect({ refused, unchanged: (await count()) === before }).toEqual({ refused: 'BAD_REQUEST rows.2.level rows.1.date', unchanged: true });
  });
});
