import { type Db, ledgerEntry } from '@highland/drizzle';
import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadFixture } from './access-cases.js';
import { harness } from './helpers/harness.js';
import { dealIn } from './helpers/pipeline.js';

/** Row counts of every table a correction touches: "nothing written" means these do not move. */
async function counts(db: Db) {
  const [r] = await db.all<Record<string, number>>(sql`SELECT
    (SELECT count(*) FROM investment) AS investments, (SELECT count(*) FROM investment_exit) AS exits,
    (SELECT count(*) FROM ledger_entry) AS ledger, (SELECT count(*) FROM audit_event) AS audit`);
  return r;
}

/** The code, field and rule of a refused call (or 'ok'). */
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

const AS_OF = '2026-11-14';

describe('a round keyed wrong is corrected by a reversing row, never an edit', () => {
  it('after the reversal every figure is as if the round had never been entered; both rows and the ledger pair stay', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const gov = await h.as('gov@demo.highland');
    const before = await gov.performance.fund({ fundId: fx.gpFundId, asOf: AS_OF });
    const lookBefore = await gov.performance.lookThrough({ fundId: fx.motherFundId, asOf: AS_OF });
    const wrong = await gp.portfolio.createInvestment({
      fundId: fx.gpFundId,
      companyId: fx.gpCompanyId,
      date: '2026-11-02',
      round: 'c',
      instrument: 'preferred_equity',
      amountFen: 25_000_000_000,
      equityShare: 0.12,
      coInvestors: [],
    });
    const mid = await gov.performance.fund({ fundId: fx.gpFundId, asOf: AS_OF });
    expect(mid.summary.gross.investedFen - before.summary.gross.investedFen).toBe(25_000_000_000);

    const { reversalId } = await gp.portfolio.reverseInvestment({ investmentId: wrong.id, reason: '金额多录一位 amount keyed with an extra digit' });
    const after = await gov.performance.fund({ fundId: fx.gpFundId, asOf: AS_OF });
    const lookAfter = await gov.performance.lookThrough({ fundId: fx.motherFundId, asOf: AS_OF });
    expect(after.summary).toEqual(before.summary);
    expect(after.holdings).toEqual(before.holdings);
    expect(lookAfter.companies).toEqual(lookBefore.companies);

    const flows = await h.db.all<{ id: number; amount_fen: number; reverses_id: number | null; investment_id: number }>(
      sql`SELECT id, amount_fen, reverses_id, investment_id FROM ledger_entry WHERE investment_id IN (${wrong.id}, ${reversalId}) ORDER BY id`,
    );
    expect(flows.map((f) => ({ amount: f.amount_fen, reverses: f.reverses_id === null ? null : 'the original', round: f.investment_id }))).toEqual([
      { amount: 25_000_000_000, reverses: null, round: wrong.id },
      { amount: -25_000_000_000, reverses: 'the original', round: reversalId },
    ]);
    expect(flows[1]?.reverses_id).toBe(flows[0]?.id);

    const position = await gp.portfolio.position({ fundId: fx.gpFundId, companyId: fx.gpCompanyId, asOf: AS_OF });
    const shown = position.rounds.find((r) => r.id === wrong.id);
    expect({ reason: shown?.reversal?.reason, reversalListed: position.rounds.some((r) => r.id === reversalId) }).toEqual({
      reason: '金额多录一位 amount keyed with an extra digit',
      reversalListed: false,
    });
    const [audit] = await h.db.all<{ action: string; entity_id: string }>(
      sql`SELECT action, entity_id FROM audit_event WHERE action = 'investment.reverse' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({ action: 'investment.reverse', entity_id: String(wrong.id) });
  });

  it('a second reversal, a reversal of the correction, and an unknown round are refused, and nothing is written', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const { reversalId } = await gp.portfolio.reverseInvestment({ investmentId: fx.gpRoundId, reason: '重复录入 entered twice' });
    const before = await counts(h.db);
    expect([
      await refusal(gp.portfolio.reverseInvestment({ investmentId: fx.gpRoundId, reason: 'again' })),
      await refusal(gp.portfolio.reverseInvestment({ investmentId: reversalId, reason: 'undo' })),
      await refusal(gp.portfolio.reverseInvestment({ investmentId: 99_999_999, reason: 'x' })),
      await refusal(gp.portfolio.reverseInvestment({ investmentId: fx.gpRoundId, reason: '   ' })),
    ]).toEqual([
      'BAD_REQUEST investmentId alreadyReversed',
      'BAD_REQUEST investmentId reversalOfReversal',
      'NOT_FOUND No investment with id 99999999.',
      expect.stringMatching(/^BAD_REQUEST/),
    ]);
    expect(await counts(h.db)).toEqual(before);
  });

  it('a round an exit later sold from is refused until that exit is reversed; then both go and the figures return', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const gov = await h.as('gov@demo.highland');
    const before = await gov.performance.fund({ fundId: fx.gpFundId, asOf: AS_OF });
    const round = await gp.portfolio.createInvestment({
      fundId: fx.gpFundId,
      companyId: fx.gpCompanyId,
      date: '2026-11-01',
      round: 'd',
      instrument: 'preferred_equity',
      amountFen: 1_000_000_000,
      equityShare: 0.004,
      coInvestors: [],
    });
    const exit = await gp.portfolio.recordExit({
      fundId: fx.gpFundId,
      companyId: fx.gpCompanyId,
      date: '2026-11-03',
      route: 'secondary',
      shareSold: 0.005,
      proceedsFen: 777_777_777,
    });
    const unchanged = await counts(h.db);
    expect(await refusal(gp.portfolio.reverseInvestment({ investmentId: round.id, reason: 'x' }))).toBe('BAD_REQUEST investmentId exitAfterRound');
    expect(await counts(h.db)).toEqual(unchanged);

    await gp.portfolio.reverseExit({ exitId: exit.id, reason: '交易未交割 the sale did not settle' });
    const proceeds = await h.db.all<{ investment_id: number; net: number }>(
      sql`SELECT investment_id, SUM(amount_fen) AS net FROM ledger_entry WHERE kind = 'proceeds' AND fund_id = ${fx.gpFundId} AND date = '2026-11-03' GROUP BY investment_id`,
    );
    expect(proceeds.length).toBeGreaterThanOrEqual(2);
    expect(proceeds.every((p) => p.net === 0)).toBe(true);
    await gp.portfolio.reverseInvestment({ investmentId: round.id, reason: '交易取消 the round was called off' });
    const after = await gov.performance.fund({ fundId: fx.gpFundId, asOf: AS_OF });
    expect(after.summary).toEqual(before.summary);
    expect(after.holdings).toEqual(before.holdings);
  });

  it('the only round under a mark is refused (the mark would value nothing) until the corrected round is entered', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const company = fx.freeCompanyId;
    const round = await gp.portfolio.createInvestment({
      fundId: fx.gpFundId,
      companyId: company,
      date: '2026-11-01',
      round: 'a',
      instrument: 'preferred_equity',
      amountFen: 300_000_000,
      equityShare: 0.05,
      coInvestors: [],
    });
    await gp.portfolio.addValuation({ fundId: fx.gpFundId, companyId: company, date: '2026-11-05', valueFen: 320_000_000, method: 'dcf', basis: 'DCF' });
    expect(await refusal(gp.portfolio.reverseInvestment({ investmentId: round.id, reason: 'x' }))).toBe('BAD_REQUEST investmentId markWithoutHolding');
    await gp.portfolio.createInvestment({
      fundId: fx.gpFundId,
      companyId: company,
      date: '2026-11-01',
      round: 'a',
      instrument: 'preferred_equity',
      amountFen: 30_000_000,
      equityShare: 0.005,
      coInvestors: [],
    });
    expect(await refusal(gp.portfolio.reverseInvestment({ investmentId: round.id, reason: '金额与份额各多录一位' }))).toBe('ok');
    const p = await gp.portfolio.position({ fundId: fx.gpFundId, companyId: company, asOf: AS_OF });
    expect({ invested: p.state.investedFen, share: p.state.heldShare }).toEqual({ invested: 30_000_000, share: 0.005 });
  });
});

describe('an exit keyed wrong is corrected the same way', () => {
  it('an earlier exit waits for the later one; a demo exit (proceeds linked by exit id) nets to zero in the ledger', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const [x] = await h.db.all<{ id: number; company_id: number; date: string; proceeds_fen: number }>(
      sql`SELECT id, company_id, date, proceeds_fen FROM investment_exit WHERE id = ${fx.gpExitId}`,
    );
    if (!x) throw new Error('the demo has an exit of SF-01');
    const linked = await h.db.select().from(ledgerEntry).where(eq(ledgerEntry.exitId, x.id));
    expect(linked.reduce((a, e) => a + e.amountFen, 0)).toBe(x.proceeds_fen);

    const gov = await h.as('gov@demo.highland');
    const dayBefore = new Date(Date.parse(`${x.date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const positionBefore = await gov.portfolio.position({ fundId: fx.gpFundId, companyId: x.company_id, asOf: dayBefore });
    await gp.portfolio.reverseExit({ exitId: x.id, reason: '退出未完成 the buyer withdrew' });
    const net = await h.db.all<{ net: number }>(
      sql`SELECT SUM(amount_fen) AS net FROM ledger_entry WHERE kind = 'proceeds' AND fund_id = ${fx.gpFundId} AND company_id = ${x.company_id} AND date = ${x.date}`,
    );
    expect(net[0]?.net).toBe(0);
    const positionAfter = await gov.portfolio.position({ fundId: fx.gpFundId, companyId: x.company_id, asOf: x.date });
    expect({ realised: positionAfter.state.realisedFen, share: positionAfter.state.heldShare }).toEqual({
      realised: positionBefore.state.realisedFen,
      share: positionBefore.state.heldShare,
    });
    expect(positionAfter.exits.find((e) => e.id === x.id)?.reversal?.reason).toBe('退出未完成 the buyer withdrew');
    expect(await refusal(gp.portfolio.reverseExit({ exitId: x.id, reason: 'again' }))).toBe('BAD_REQUEST exitId alreadyReversed');
  });

  it('with two exits, the earlier is refused while the later stands', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const sell = (date: string, proceedsFen: number) =>
      gp.portfolio.recordExit({ fundId: fx.gpFundId, companyId: fx.gpCompanyId, date, route: 'secondary', shareSold: 0.001, proceedsFen });
    const first = await sell('2026-11-02', 100_000_000);
    const second = await sell('2026-11-04', 120_000_000);
    const before = await counts(h.db);
    expect(await refusal(gp.portfolio.reverseExit({ exitId: first.id, reason: 'x' }))).toBe('BAD_REQUEST exitId laterExit');
    expect(await counts(h.db)).toEqual(before);
    await gp.portfolio.reverseExit({ exitId: second.id, reason: '份额录错 share keyed wrong' });
    expect(await refusal(gp.portfolio.reverseExit({ exitId: first.id, reason: '份额录错 share keyed wrong' }))).toBe('ok');
  });
});

describe('a deal whose closing round is reversed', () => {
  it('keeps its closing, and its page says the round was reversed and why', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const closing = await dealIn(h.db, 'SF-01', 'closing');
    await gp.deal.move({
      id: closing.id,
      version: closing.version,
      to: 'invested',
      closing: { date: '2026-11-10', amountFen: 6_000_000_000, round: 'b', equity: 0.06 },
    } as never);
    const before = await gp.deal.get({ id: closing.id });
    const [round] = await h.db.all<{ id: number }>(
      sql`SELECT id FROM investment WHERE fund_id = ${closing.fundId} AND company_id = ${closing.companyId} AND date = '2026-11-10' AND amount_fen = 6000000000`,
    );
    await gp.portfolio.reverseInvestment({ investmentId: round?.id ?? 0, reason: '交割未完成，投资款退回' });
    const after = await gp.deal.get({ id: closing.id });
    expect({
      before: before.closingReversal,
      after: after.closingReversal?.reason,
      stage: after.deal.stage,
      closingDate: after.deal.closingDate,
    }).toEqual({ before: null, after: '交割未完成，投资款退回', stage: 'invested', closingDate: '2026-11-10' });
  });
});
