import { type Db, fund } from '@highland/drizzle';
import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadFixture } from './access-cases.js';
import { harness } from './helpers/harness.js';

async function refusal(p: Promise<unknown>) {
  return p.then(
    () => 'ok',
    (e: unknown) => {
      if (!(e instanceof TRPCError)) return `threw ${String(e)}`;
      const f = (e.cause as { details?: { fields?: Array<{ path: string; rule: string }> } } | undefined)?.details?.fields?.[0];
      return f ? `${e.code} ${f.path} ${f.rule}` : `${e.code} ${e.message}`;
    },
  );
}
const rows = (db: Db) => db.all<{ n: number }>(sql`SELECT (SELECT count(*) FROM commitment) + (SELECT count(*) FROM audit_event) AS n`).then((r) => r[0]?.n);

describe('releasing uncalled commitment', () => {
  it('the fund’s size, the LP’s uncalled amount and the leverage fall from the date, and not before', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const gov = await h.as('gov@demo.highland');
    const lpOf = (d: Awaited<ReturnType<typeof gov.fund.detail>>) => d.positions.find((p) => p.investorId === fx.lpInvestorId);
    const [before, earlier] = await Promise.all([
      gov.fund.detail({ id: fx.gpFundId, asOf: '2026-11-14' }),
      gov.fund.detail({ id: fx.gpFundId, asOf: '2026-11-09' }),
    ]);
    const groupBefore = await gov.group.overview({ asOf: '2026-11-14' });
    const uncalled = lpOf(before)?.uncalledFen ?? 0;
    expect(uncalled).toBeGreaterThan(0);
    const r = await gp.ledger.release({
      fundId: fx.gpFundId,
      investorId: fx.lpInvestorId,
      date: '2026-11-10',
      amountFen: uncalled,
      reason: '投资期结束，未缴出资不再缴付',
    });
    const [after, earlierAfter] = await Promise.all([
      gov.fund.detail({ id: fx.gpFundId, asOf: '2026-11-14' }),
      gov.fund.detail({ id: fx.gpFundId, asOf: '2026-11-09' }),
    ]);
    const groupAfter = await gov.group.overview({ asOf: '2026-11-14' });
    const row = (o: typeof groupBefore) => o.funds.find((s) => s.id === fx.gpFundId);
    expect({
      result: r.uncalledFen,
      committed: after.totals.committedFen - before.totals.committedFen,
      lpUncalled: lpOf(after)?.uncalledFen,
      lpCalled: (lpOf(after)?.calledFen ?? 0) - (lpOf(before)?.calledFen ?? 0),
      earlier: earlierAfter.totals.committedFen - earlier.totals.committedFen,
      subFundSize: (row(groupAfter)?.committedFen ?? 0) - (row(groupBefore)?.committedFen ?? 0),
      leverageFell: (row(groupAfter)?.leverage.committed.ratio ?? 0) < (row(groupBefore)?.leverage.committed.ratio ?? 0),
    }).toEqual({ result: 0, committed: -uncalled, lpUncalled: 0, lpCalled: 0, earlier: 0, subFundSize: -uncalled, leverageFell: true });
    const [audit] = await h.db.all<{ action: string }>(sql`SELECT action FROM audit_event WHERE action = 'commitment.release'`);
    expect(audit?.action).toBe('commitment.release');
  });

  it('more than the uncalled amount, a date before a call already made, an investor not in the fund: refused, nothing written', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const gov = await h.as('gov@demo.highland');
    const d = await gov.fund.detail({ id: fx.gpFundId, asOf: '2026-11-14' });
    const uncalled = d.positions.find((p) => p.investorId === fx.lpInvestorId)?.uncalledFen ?? 0;
    const [lastCall] = await h.db.all<{ d: string }>(sql`SELECT MAX(date) AS d FROM ledger_entry WHERE fund_id = ${fx.gpFundId} AND kind = 'call'`);
    const dayBefore = new Date(Date.parse(`${lastCall?.d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const [sf02] = await h.db.select({ id: fund.id }).from(fund).where(eq(fund.code, 'SF-02'));
    const outsider =
      (
        await h.db.all<{ id: number }>(sql`SELECT id FROM investor WHERE id NOT IN (SELECT investor_id FROM commitment WHERE fund_id = ${fx.gpFundId}) LIMIT 1`)
      )[0]?.id ?? 0;
    const before = await rows(h.db);
    expect([
      await refusal(gp.ledger.release({ fundId: fx.gpFundId, investorId: fx.lpInvestorId, date: '2026-11-10', amountFen: uncalled + 1, reason: 'x' })),
      await refusal(gp.ledger.release({ fundId: fx.gpFundId, investorId: fx.lpInvestorId, date: dayBefore, amountFen: 1, reason: 'x' })),
      await refusal(gp.ledger.release({ fundId: fx.gpFundId, investorId: outsider, date: '2026-11-10', amountFen: 1, reason: 'x' })),
      (await refusal(gp.ledger.release({ fundId: fx.gpFundId, investorId: fx.lpInvestorId, date: '2026-11-10', amountFen: 1, reason: ' ' }))).includes(
        'too_small',
      ),
      await refusal(gp.ledger.release({ fundId: sf02?.id ?? 0, investorId: fx.lpInvestorId, date: '2026-11-10', amountFen: 1, reason: 'x' })),
    ]).toEqual([
      'BAD_REQUEST amountFen releaseExceedsUncalled',
      'BAD_REQUEST date releaseBeforeLaterCall',
      'BAD_REQUEST investorId notAnInvestor',
      true,
      expect.stringMatching(/^FORBIDDEN/),
    ]);
    expect(await rows(h.db)).toBe(before);
  });
});

describe('a release on the mother fund', () => {
  it('keeps the LP’s phase, so the phase’s size falls with the fund’s', async () => {
    const h = await harness();
    const fof = await h.as('fof@demo.highland');
    const [mf] = await h.db.select({ id: fund.id }).from(fund).where(eq(fund.code, 'MF'));
    const [lp] = await h.db.all<{ investor_id: number; phase: number; uncalled: number }>(sql`
      SELECT c.investor_id, MAX(c.phase) AS phase,
        SUM(c.amount_fen) - COALESCE((SELECT SUM(amount_fen) FROM ledger_entry l WHERE l.fund_id = c.fund_id AND l.investor_id = c.investor_id AND l.kind = 'call'), 0) AS uncalled
      FROM commitment c WHERE c.fund_id = ${mf?.id ?? 0} GROUP BY c.investor_id HAVING uncalled > 0 ORDER BY uncalled DESC LIMIT 1`);
    const phaseSum = async () =>
      (await h.db.all<{ s: number }>(sql`SELECT SUM(amount_fen) AS s FROM commitment WHERE fund_id = ${mf?.id ?? 0} AND phase = ${lp?.phase ?? 0}`))[0]?.s ?? 0;
    const before = await phaseSum();
    await fof.ledger.release({
      fundId: mf?.id ?? 0,
      investorId: lp?.investor_id ?? 0,
      date: '2026-11-10',
      amountFen: 100_000_000,
      reason: '一期募集期结束，部分未缴出资不再缴付',
    });
    expect({ uncalled: (lp?.uncalled ?? 0) > 100_000_000, fell: before - (await phaseSum()) }).toEqual({ uncalled: true, fell: 100_000_000 });
  });
});
