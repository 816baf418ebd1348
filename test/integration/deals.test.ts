import { commitment, deal, dealStageEvent, fund, investment, investor, ledgerEntry } from '@highland/drizzle';
import { DIRECT_CRITERIA } from '@highland/shared';
import { and, count, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newDeal as createDeal } from '../fixtures/factories.js';
import { type Caller, harness } from './helpers/harness.js';
import { dealIn, fundId, refusal } from './helpers/pipeline.js';
import { auditCount } from './helpers/sessions.js';

const scoreAll = (c: Caller, dealId: number, score = 4) => c.deal.score({ dealId, scores: DIRECT_CRITERIA.map((k) => ({ criterion: k.key, score })) });

const newDeal = (h: Awaited<ReturnType<typeof harness>>, gp: Caller, amountFen: number | null = 5_000_000_000, offset = 0) =>
  createDeal(h.db, gp, { fund: 'SF-01', amountFen, offset });

const events = async (h: Awaited<ReturnType<typeof harness>>, id: number) =>
  (await h.db.select().from(dealStageEvent).where(eq(dealStageEvent.dealId, id)).orderBy(dealStageEvent.id)).map((e) => `${e.fromStage ?? '∅'}→${e.toStage}`);

describe('deals: the state machine on the server', () => {
  it('the committee refuses a deal without a scorecard, and nothing is written', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const d = await newDeal(h, gp);
    const before = await auditCount(h.db);
    const r = await refusal(gp.deal.move({ id: d.id, version: d.version, to: 'committee' } as never));
    const row = (await h.db.select().from(deal).where(eq(deal.id, d.id)))[0];
    expect({ r, stage: row?.stage, version: row?.version, audit: (await auditCount(h.db)) - before, events: await events(h, d.id) }).toEqual({
      r: { code: 'PRECONDITION_FAILED', key: 'deal.move.needsScorecard', rule: 'needsScorecard', path: 'scorecard' },
      stage: 'due_diligence',
      version: 1,
      audit: 0,
      events: ['∅→due_diligence'],
    });
  });

  it('scored, it goes to the committee; the move is a stage event with who and when', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const d = await newDeal(h, gp);
    await scoreAll(gp, d.id);
    const moved = await gp.deal.move({ id: d.id, version: d.version, to: 'committee' } as never);
    const last = (await h.db.select().from(dealStageEvent).where(eq(dealStageEvent.dealId, d.id)).orderBy(desc(dealStageEvent.id)).limit(1))[0];
    expect({ stage: moved.stage, version: moved.version, who: last?.actorLabel, kind: last?.kind, at: last?.at }).toEqual({
      stage: 'committee',
      version: 2,
      who: 'gp@demo.highland',
      kind: 'advance',
      at: '2026-11-15T04:00:00.000Z',
    });
  });

  it('the committee refuses a deal without an amount', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const d = await newDeal(h, gp, null);
    await scoreAll(gp, d.id);
    expect(await refusal(gp.deal.move({ id: d.id, version: d.version, to: 'committee' } as never))).toMatchObject({ rule: 'needsAmount', path: 'amountFen' });
  });

  it('passing needs a reason; with one, the deal remembers where it was and is revived there', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const d = await newDeal(h, gp);
    const noReason = await refusal(gp.deal.move({ id: d.id, version: 1, to: 'passed' } as never));
    const passed = await gp.deal.move({ id: d.id, version: 1, to: 'passed', reason: '估值过高' } as never);
    const row = (await h.db.select().from(deal).where(eq(deal.id, d.id)))[0];
    const elsewhere = await refusal(gp.deal.move({ id: d.id, version: passed.version, to: 'screening' } as never));
    const revived = await gp.deal.move({ id: d.id, version: passed.version, to: 'due_diligence' } as never);
    expect({
      noReason: noReason === 'ok' ? 'ok' : noReason.rule,
      previous: row?.previousStage,
      elsewhere: elsewhere === 'ok' ? 'ok' : elsewhere.rule,
      revived: revived.stage,
      events: await events(h, d.id),
    }).toEqual({
      noReason: 'reasonRequired',
      previous: 'due_diligence',
      elsewhere: 'returnToPrevious',
      revived: 'due_diligence',
      events: ['∅→due_diligence', 'due_diligence→passed', 'passed→due_diligence'],
    });
  });

  it('moving to invested records the closing, the investment and its cash flow in one transaction; without a closing it is refused', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const closing = await dealIn(h.db, 'SF-01', 'closing');
    const bare = await refusal(gp.deal.move({ id: closing.id, version: closing.version, to: 'invested' } as never));
    await gp.deal.move({
      id: closing.id,
      version: closing.version,
      to: 'invested',
      closing: { date: '2026-11-10', amountFen: 6_000_000_000, round: 'b', equity: 0.06 },
    } as never);
    const row = (await h.db.select().from(deal).where(eq(deal.id, closing.id)))[0];
    const inv = (
      await h.db
        .select()
        .from(investment)
        .where(and(eq(investment.fundId, closing.fundId), eq(investment.companyId, closing.companyId ?? 0)))
    )[0];
    const flow = (
      await h.db
        .select()
        .from(ledgerEntry)
        .where(eq(ledgerEntry.investmentId, inv?.id ?? 0))
    )[0];
    expect({
      bare: bare === 'ok' ? 'ok' : bare.rule,
      deal: [row?.stage, row?.closingDate, row?.closingAmountFen, row?.closingEquity],
      investment: [inv?.date, inv?.amountFen, inv?.round, inv?.instrument, inv?.equityShare],
      cashFlow: [flow?.kind, flow?.amountFen, flow?.date],
    }).toEqual({
      bare: 'needsClosing',
      deal: ['invested', '2026-11-10', 6_000_000_000, 0.06],
      investment: ['2026-11-10', 6_000_000_000, 'b', 'preferred_equity', 0.06],
      cashFlow: ['investment', 6_000_000_000, '2026-11-10'],
    });
  });

  it('a closing the portfolio refuses (dated in the future) refuses the whole move', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const closing = await dealIn(h.db, 'SF-01', 'closing');
    const r = await refusal(
      gp.deal.move({
        id: closing.id,
        version: closing.version,
        to: 'invested',
        closing: { date: '2027-01-10', amountFen: 6_000_000_000, round: 'b', equity: 0.06 },
      } as never),
    );
    const row = (await h.db.select().from(deal).where(eq(deal.id, closing.id)))[0];
    const inv = await h.db
      .select()
      .from(investment)
      .where(and(eq(investment.fundId, closing.fundId), eq(investment.companyId, closing.companyId ?? 0)));
    expect({ rule: r === 'ok' ? 'ok' : r.rule, stage: row?.stage, closingDate: row?.closingDate, investments: inv.length }).toEqual({
      rule: 'futureDate',
      stage: 'closing',
      closingDate: null,
      investments: 0,
    });
  });

  it('an amount out of range is refused naming the field', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const d = await newDeal(h, gp);
    expect(await refusal(gp.deal.update({ id: d.id, version: 1, amountFen: 2_000_000_000_000 }))).toMatchObject({ path: 'amountFen', rule: 'amountRange' });
  });

  it('a stage that is not in the state machine is refused', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const d = await newDeal(h, gp);
    expect(await refusal(gp.deal.move({ id: d.id, version: 1, to: 'signing' } as never))).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'wrongPipeline' });
  });
});

describe('deals: concurrency', () => {
  it('an edit based on a stale version gets CONFLICT with the current state; nothing is overwritten', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const colleague = await h.as('sf01.team1@demo.highland');
    const d = await newDeal(h, gp);
    await colleague.deal.update({ id: d.id, version: 1, nextStep: '同事：安排路演' });
    let current: unknown = null;
    const r = await gp.deal.update({ id: d.id, version: 1, nextStep: '我：提交投决材料' }).then(
      () => 'ok',
      (e: { code: string; cause?: { details?: { current?: unknown } } }) => {
        current = e.cause?.details?.current;
        return e.code;
      },
    );
    const row = (await h.db.select().from(deal).where(eq(deal.id, d.id)))[0];
    expect({ r, current: (current as { nextStep: string; version: number } | null)?.nextStep, kept: row?.nextStep, version: row?.version }).toEqual({
      r: 'CONFLICT',
      current: '同事：安排路演',
      kept: '同事：安排路演',
      version: 2,
    });
  });

  it('a move based on a stale version is refused the same way', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const d = await newDeal(h, gp);
    await gp.deal.update({ id: d.id, version: 1, round: 'a' });
    expect(await refusal(gp.deal.move({ id: d.id, version: 1, to: 'on_hold' } as never))).toMatchObject({ code: 'CONFLICT', key: 'deal.conflict' });
  });
});

describe('deals: who may move what', () => {
  it('a manager of another fund is refused and nothing is written', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const other = await dealIn(h.db, 'SF-02', 'screening');
    const before = await auditCount(h.db);
    const r = await refusal(gp.deal.move({ id: other.id, version: other.version, to: 'on_hold' } as never));
    const row = (await h.db.select().from(deal).where(eq(deal.id, other.id)))[0];
    expect({ code: r === 'ok' ? 'ok' : r.code, stage: row?.stage, audit: (await auditCount(h.db)) - before }).toEqual({
      code: 'FORBIDDEN',
      stage: 'screening',
      audit: 0,
    });
  });

  it('government reads a deal but cannot move it', async () => {
    const h = await harness();
    const gov = await h.as('gov@demo.highland');
    const d = await dealIn(h.db, 'SF-01', 'screening');
    const page = await gov.deal.get({ id: d.id });
    expect({
      read: page.deal.id,
      canWrite: page.canWrite,
      move: await refusal(gov.deal.move({ id: d.id, version: d.version, to: 'on_hold' } as never)).then((r) => (r === 'ok' ? 'ok' : r.code)),
    }).toEqual({
      read: d.id,
      canWrite: false,
      move: 'FORBIDDEN',
    });
  });
});

describe('deals: the deal page', () => {
  it('shows the timeline, each scorer’s scores, the averaged scorecard and the rank', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const colleague = await h.as('sf01.team1@demo.highland');
    const d = await newDeal(h, gp);
    await scoreAll(gp, d.id, 5);
    await scoreAll(colleague, d.id, 3);
    await gp.deal.addNote({ dealId: d.id, body: '完成客户访谈' });
    const page = await gp.deal.get({ id: d.id });
    expect({
      events: page.events.map((e) => e.toStage),
      scorers: new Set(page.scores.map((s) => s.scorerId)).size,
      total: page.scorecard.total,
      cached: page.deal.score === page.scorecard.total && page.deal.scoreComplete === page.scorecard.complete,
      complete: page.scorecard.complete,
      rank: page.rank !== null && page.rank.rank >= 1 && page.rank.rank <= page.rank.of,
      notes: page.notes.map((n) => n.body),
    }).toEqual({ events: ['due_diligence'], scorers: 2, total: 4, cached: true, complete: true, rank: true, notes: ['完成客户访谈'] });
  });
});

describe('selection of sub-fund managers', () => {
  it('signing an application creates the sub-fund (approved, under the mother fund) and the mother fund’s commitment', async () => {
    const h = await harness();
    const fof = await h.as('fof@demo.highland');
    const mf = await fundId(h.db, 'MF');
    const app = await fof.deal.createApplication({
      fundId: mf,
      managerNameZh: '上海新锐创业投资管理有限公司',
      proposalNameZh: '上海新锐具身智能基金',
      proposalSizeFen: 3_000_000_000_000,
      proposalSectors: ['intelligent_robots'],
      amountFen: 450_000_000_000,
    } as never);
    let version = app.version;
    for (const to of ['expert_review', 'project_dd', 'defence'] as const) version = (await fof.deal.move({ id: app.id, version, to } as never)).version;
    const noScore = await refusal(fof.deal.move({ id: app.id, version, to: 'decision' } as never));
    await fof.deal.score({
      dealId: app.id,
      scores: ['team', 'track_record', 'strategy', 'fundraising', 'terms', 'policy_fit'].map((criterion) => ({ criterion, score: 4 })),
    });
    for (const to of ['decision', 'public_notice'] as const) version = (await fof.deal.move({ id: app.id, version, to } as never)).version;
    const noSigning = await refusal(fof.deal.move({ id: app.id, version, to: 'signing' } as never));
    const signed = await fof.deal.move({
      id: app.id,
      version,
      to: 'signing',
      signing: {
        fundCode: 'sf-26',
        fundNameZh: '上海新锐具身智能基金',
        fundNameEn: 'Shanghai Xinrui Embodied AI Fund',
        batch: 4,
        commitmentFen: 450_000_000_000,
        date: '2026-11-12',
      },
    } as never);
    const created = (
      await h.db
        .select()
        .from(fund)
        .where(eq(fund.id, signed.createdFundId ?? 0))
    )[0];
    const motherInvestor = (await h.db.select().from(investor).where(eq(investor.fundId, mf)))[0];
    const commit = await h.db
      .select()
      .from(commitment)
      .where(and(eq(commitment.fundId, created?.id ?? 0), eq(commitment.investorId, motherInvestor?.id ?? 0)));
    expect({
      noScore: noScore === 'ok' ? 'ok' : noScore.rule,
      noSigning: noSigning === 'ok' ? 'ok' : noSigning.rule,
      fund: { code: created?.code, kind: created?.kind, parent: created?.parentFundId, status: created?.status, batch: created?.batch },
      commitment: commit.map((c) => [c.amountFen, c.date]),
    }).toEqual({
      noScore: 'needsScorecard',
      noSigning: 'needsSigning',
      fund: { code: 'SF-26', kind: 'sub', parent: mf, status: 'approved', batch: 4 },
      commitment: [[450_000_000_000, '2026-11-12']],
    });
  });

  it('a sub-fund manager cannot run the selection', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const app = await dealIn(h.db, 'MF', 'call');
    expect(await refusal(gp.deal.move({ id: app.id, version: app.version, to: 'expert_review' } as never)).then((r) => (r === 'ok' ? r : r.code))).toBe(
      'FORBIDDEN',
    );
  });

  it('the demo has one signed application per sub-fund', async () => {
    const h = await harness();
    const mf = await fundId(h.db, 'MF');
    const signed = (
      await h.db
        .select({ n: count() })
        .from(deal)
        .where(and(eq(deal.fundId, mf), eq(deal.stage, 'signing')))
    )[0]?.n;
    const subs = (await h.db.select({ n: count() }).from(fund).where(eq(fund.kind, 'sub')))[0]?.n;
    expect(signed).toBe(subs);
  });
});
