import { type Db, fund, statementIssue, valuation } from '@highland/drizzle';
import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadFixture } from './access-cases.js';
import { harness } from './helpers/harness.js';
import { lpStatement } from '@highland/server/data/lp';
import { currentLines } from '@highland/server/data/statements';
import { statementDifferences } from '@highland/shared';

async function refusal(p: Promise<unknown>) {
  return p.then(
    () => 'ok',
    (e: unknown) => {
      if (!(e instanceof TRPCError)) return `threw ${String(e)}`;
      const c = e.cause as { details?: { fields?: Array<{ path: string; rule: string }> }; key?: string } | undefined;
      const f = c?.details?.fields?.[0];
      return f ? `${e.code} ${f.path} ${f.rule}` : `${e.code} ${c?.key ?? e.message}`;
    },
  );
}

async function fundId(db: Db, code: string) {
  return (await db.select({ id: fund.id }).from(fund).where(eq(fund.code, code)))[0]?.id ?? -1;
}

const issues = (db: Db) => db.all<{ n: number }>(sql`SELECT count(*) AS n FROM statement_issue`).then((r) => r[0]?.n ?? 0);

describe('quarterly statements as issued', () => {
  it('the demo LP sees SF-01’s Q3 as issued and agreeing; SF-10’s Q2 restated by the audit’s late mark, line by line', async () => {
    const h = await harness();
    const lp = await h.as('lp@demo.highland');
    const q3 = await lp.lp.statement({ quarter: '2026Q3' });
    const q2 = await lp.lp.statement({ quarter: '2026Q2' });
    const byCode = (s: typeof q3, code: string) => s.funds.find((f) => f.code === code);
    const sf10q2 = byCode(q2, 'SF-10');
    expect({
      sf01q3: { version: byCode(q3, 'SF-01')?.issued?.version, differences: byCode(q3, 'SF-01')?.issued?.differences },
      sf10q3: byCode(q3, 'SF-10')?.issued?.differences,
      sf10q2Lines: sf10q2?.issued?.differences.map((d) => `${d.column}.${d.line}`),
      sf10q2Ending: sf10q2
        ? (sf10q2.issued?.differences.find((d) => d.column === 'qtd' && d.line === 'endingFen')?.currentFen ?? 0) === sf10q2.qtd.endingFen
        : false,
      digest: /^[0-9a-f]{64}$/.test(byCode(q3, 'SF-01')?.issued?.digest ?? ''),
    }).toEqual({
      sf01q3: { version: 1, differences: [] },
      sf10q3: [],
      sf10q2Lines: ['qtd.gainLossFen', 'qtd.endingFen', 'ytd.gainLossFen', 'ytd.endingFen', 'itd.gainLossFen', 'itd.endingFen'],
      sf10q2Ending: true,
      digest: true,
    });
  });

  it('the manager restates the quarter with a note: the LP then sees version 2, agreeing with the books; the first stays', async () => {
    const h = await harness();
    const sf10 = await fundId(h.db, 'SF-10');
    const [manager] = await h.db.all<{ email: string }>(
      sql`SELECT u.email FROM user u JOIN user_fund uf ON uf.user_id = u.id WHERE uf.fund_id = ${sf10} AND u.role = 'manager' ORDER BY u.id LIMIT 1`,
    );
    const gp10 = await h.as(manager?.email ?? '');
    const before = await issues(h.db);
    expect(await refusal(gp10.ledger.issueStatements({ fundId: sf10, quarter: '2026Q2' }))).toBe('BAD_REQUEST note restatementNeedsNote');
    expect(await issues(h.db)).toBe(before);
    const r = await gp10.ledger.issueStatements({ fundId: sf10, quarter: '2026Q2', note: '半年度审计调整后重述' });
    expect(await refusal(gp10.ledger.issueStatements({ fundId: sf10, quarter: '2026Q2', note: '再次' }))).toBe('PRECONDITION_FAILED statement.unchanged');
    const lp = await h.as('lp@demo.highland');
    const s = (await lp.lp.statement({ quarter: '2026Q2' })).funds.find((f) => f.code === 'SF-10');
    const list = await gp10.fund.statementIssues({ id: sf10 });
    const q2 = list.filter((i) => i.quarter === '2026Q2');
    expect({
      restatement: r.restatement,
      version: s?.issued?.version,
      differences: s?.issued?.differences,
      note: s?.issued?.note,
      listed: q2.map((i) => ({ inForce: i.inForce, agrees: i.agrees })),
      audit: (await h.db.all<{ action: string }>(sql`SELECT action FROM audit_event WHERE action LIKE 'statement.%' ORDER BY id DESC LIMIT 1`))[0]?.action,
    }).toEqual({
      restatement: true,
      version: 2,
      differences: [],
      note: '半年度审计调整后重述',
      listed: [
        { inForce: true, agrees: true },
        { inForce: false, agrees: null },
      ],
      audit: 'statement.restate',
    });
  });

  it('a quarter not ended, a fund with no LP yet, and another fund’s manager are refused, and nothing is written', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const before = await issues(h.db);
    expect([
      await refusal(gp.ledger.issueStatements({ fundId: fx.gpFundId, quarter: '2026Q4' })),
      await refusal(gp.ledger.issueStatements({ fundId: fx.gpFundId, quarter: '2018Q4' })),
      await refusal(gp.ledger.issueStatements({ fundId: fx.otherSubFundId, quarter: '2025Q2' })),
      await refusal(gp.ledger.issueStatements({ fundId: fx.gpFundId, quarter: '2025Q5' })),
    ]).toEqual(['BAD_REQUEST quarter quarterNotEnded', 'BAD_REQUEST quarter noLpsYet', 'FORBIDDEN scope.fund', expect.stringContaining('must be a quarter')]);
    expect(await issues(h.db)).toBe(before);
  });

  it('an issued statement can be neither changed nor deleted', async () => {
    const h = await harness();
    const [row] = await h.db.select({ id: statementIssue.id }).from(statementIssue).limit(1);
    const update = await h.db.$client.execute({ sql: "UPDATE statement_issue SET note = 'x' WHERE id = ?", args: [row?.id ?? 0] }).then(
      () => 'ok',
      (e: Error) => e.message,
    );
    const del = await h.db.$client.execute({ sql: 'DELETE FROM statement_issue WHERE id = ?', args: [row?.id ?? 0] }).then(
      () => 'ok',
      (e: Error) => e.message,
    );
    expect({ update, del }).toEqual({ update: expect.stringContaining('append-only'), del: expect.stringContaining('append-only') });
  });

  it('the demo holds the audit’s late mark as a later row for 2026-06-30, not an edit of the earlier one', async () => {
    const h = await harness();
    const sf10 = await fundId(h.db, 'SF-10');
    const rows = await h.db
      .select({ date: valuation.date, companyId: valuation.companyId })
      .from(valuation)
      .where(and(eq(valuation.fundId, sf10), eq(valuation.date, '2026-06-30'), sql`${valuation.basis} LIKE '半年度审计调整%'`));
    expect(rows.length).toBe(1);
  });
});

describe('every kind of fund can issue', () => {
  it('the mother fund (government LPs) and the direct vehicle (the mother fund its one LP) issue Q3 to every LP', async () => {
    const h = await harness();
    const fof = await h.as('fof@demo.highland');
    const out: Record<string, unknown> = {};
    for (const code of ['MF', 'DV']) {
      const id = await fundId(h.db, code);
      const lps = await h.db.all<{ n: number }>(sql`SELECT count(DISTINCT investor_id) AS n FROM commitment WHERE fund_id = ${id} AND date <= '2026-09-30'`);
      const r = await fof.ledger.issueStatements({ fundId: id, quarter: '2026Q3' });
      out[code] = { lps: r.lps === lps[0]?.n && r.lps > 0, restatement: r.restatement };
    }
    expect(out).toEqual({ MF: { lps: true, restatement: false }, DV: { lps: true, restatement: false } });
  });
});

describe('the issue computation is the LP statement’s', () => {
  it('for every LP of SF-01 and SF-10 and two quarters, the lines a fund issues equal each LP’s own statement', async () => {
    const h = await harness();
    const mismatches: string[] = [];
    let compared = 0;
    for (const code of ['SF-01', 'SF-10']) {
      const id = await fundId(h.db, code);
      for (const quarter of ['2024Q4', '2026Q3']) {
        for (const lines of await currentLines(h.db, id, quarter)) {
          const own = (await lpStatement(h.db, lines.investorId, quarter, '2026-11-15', id)).funds[0];
          compared += 1;
          if (!own || statementDifferences(lines, own).length) mismatches.push(`${code} ${quarter} investor ${lines.investorId}`);
        }
      }
    }
    expect({ compared: compared >= 20, mismatches }).toEqual({ compared: true, mismatches: [] });
  });
});
