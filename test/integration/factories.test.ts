import { auditEvent, commitment, deal, fund, investor } from '@highland/drizzle';
import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fundId, newCommitment, newDeal, newFund, newInvestor } from '../fixtures/factories.js';
import { harness } from './helpers/harness.js';

// The factories of test/fixtures/factories.ts create through the API: each row lands with its audit event.
describe('test factories', () => {
  it('a fund, an LP, its commitment and a deal, each written through its command with an audit event', async () => {
    const h = await harness();
    const fof = await h.as('fof@demo.highland');
    const gp = await h.as('gp@demo.highland');
    const lastAction = async () => (await h.db.select({ action: auditEvent.action }).from(auditEvent).orderBy(desc(auditEvent.id)).limit(1))[0]?.action;

    const created = await newFund(fof, 27);
    const fundAction = await lastAction();
    const lp = await newInvestor(gp, 7);
    const investorAction = await lastAction();
    const sf01 = await fundId(h.db, 'SF-01');
    await newCommitment(gp, sf01, lp.id, 100_000_000_00);
    const commitAction = await lastAction();
    const d = await newDeal(h.db, gp, { amountFen: 3_000_000_00 });
    const dealAction = await lastAction();

    const f = (await h.db.select().from(fund).where(eq(fund.id, created.id)))[0];
    const i = (await h.db.select().from(investor).where(eq(investor.id, lp.id)))[0];
    const c = await h.db.select().from(commitment).where(eq(commitment.investorId, lp.id));
    const row = (await h.db.select().from(deal).where(eq(deal.id, d.id)))[0];
    expect({
      fund: { code: f?.code, kind: f?.kind, status: f?.status },
      investor: { nameZh: i?.nameZh, sourceType: i?.sourceType },
      commitments: c.map((x) => ({ fundId: x.fundId, amountFen: x.amountFen, date: x.date })),
      deal: { fundId: row?.fundId, stage: row?.stage, amountFen: row?.amountFen },
      audited: [fundAction, investorAction, commitAction, dealAction].every((a) => typeof a === 'string' && a.length > 0),
    }).toEqual({
      fund: { code: 'SF-27', kind: 'sub', status: 'approved' },
      investor: { nameZh: '沪星测试创业投资有限公司7号', sourceType: 'private' },
      commitments: [{ fundId: sf01, amountFen: 100_000_000_00, date: '2026-10-20' }],
      deal: { fundId: sf01, stage: 'due_diligence', amountFen: 3_000_000_00 },
      audited: true,
    });
  });
});
