import { commitment, fund, investor, ledgerEntry } from '@highland/drizzle';
import { recomputeBalances, storedBalances } from '@highland/server/data/fund-group';
import { readCtx, systemCaller } from '@highland/server/data/ctx';
import { groupOverview } from '@highland/server/data/fund-group';
import {
  commitmentHistory,
  contributionSeries,
  flowsAsOf,
  fundGroupOverview,
  investmentsFromLedger,
  moneyAsOf,
  type RawCommitment,
  type RawLedgerEntry,
  type SourceClass,
} from '@highland/shared';
import { groupFunds } from '@highland/server/data/fund-group';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@highland/drizzle';
import { harness } from './helpers/harness.js';

/** A balance history as a step function: consecutive equal values collapsed, zeros before the first change dropped. */
function steps(rows: ReadonlyArray<ArrayLike<unknown>>): string[] {
  const out: string[] = [];
  let key = '';
  let last: number | null = null;
  for (const r of rows) {
    const k = `${r[0]}|${r[1]}|${r[2]}`;
    const v = Number(r[4]);
    if (k !== key) {
      key = k;
      last = 0;
    }
    if (v !== last) out.push(`${k}|${String(r[3])}|${v}`);
    last = v;
  }
  return out;
}

/** The overview computed without the balances: from every commitment and ledger row, by the pure reference in shared. */
async function overviewFromRows(db: Db, asOf: string) {
  const classOf = new Map(
    (
      await db.all<{ id: number; source: SourceClass; fund_id: number | null }>(
        sql`SELECT s.id, s.source, i.fund_id FROM investor_source_class s JOIN investor i ON i.id = s.id`,
      )
    ).map((r) => [r.id, r]),
  );
  const commitments: RawCommitment[] = (await db.select().from(commitment)).map((c) => ({
    fundId: c.fundId,
    source: classOf.get(c.investorId)?.source ?? 'none',
    date: c.date,
    amountFen: c.amountFen,
  }));
  const ledger: RawLedgerEntry[] = (await db.select().from(ledgerEntry)).map((e) => ({
    fundId: e.fundId,
    source: e.investorId ? (classOf.get(e.investorId)?.source ?? 'none') : 'none',
    kind: e.kind,
    date: e.date,
    amountFen: e.amountFen,
    companyId: e.companyId,
    investorFundId: e.investorId ? (classOf.get(e.investorId)?.fund_id ?? null) : null,
  }));
  const companies = new Map(
    (await db.all<{ id: number; r: number }>(sql`SELECT id, registered_in_shanghai AS r FROM company`)).map((c) => [c.id, { registeredInShanghai: c.r === 1 }]),
  );
  const evidence = (
    await db.all<{ fund_id: number; company_id: number; evidence: 'relocated' | 'subsidiary'; effective_date: string }>(
      sql`SELECT * FROM reinvest_evidence WHERE withdrawn = 0`,
    )
  ).map((e) => ({ fundId: e.fund_id, companyId: e.company_id, type: e.evidence, effectiveDate: e.effective_date }));
  const targets = await db.all<{ metric: string; target_value: number }>(sql`SELECT metric, target_value FROM programme_target`);
  const phase1 = (await db.all<{ t: number }>(sql`SELECT target_size_fen AS t FROM fund_phase WHERE phase = 1`))[0]?.t ?? null;
  const flows = flowsAsOf(ledger, asOf);
  return fundGroupOverview({
    asOf,
    includeDirect: true,
    funds: await groupFunds(db),
    money: moneyAsOf(commitments, ledger, asOf),
    flows,
    contributionSeries: contributionSeries(ledger, asOf),
    commitmentHistory: commitmentHistory(commitments),
    investments: new Map([...investmentsFromLedger(ledger, companies, evidence)].map(([k, v]) => [k, v.filter((i) => i.date <= asOf)])),
    groupTargetFen: targets.find((t) => t.metric === 'fund_group_size')?.target_value ?? null,
    motherTargetFen: phase1,
  });
}

describe('running balances equal a full recomputation', () => {
  it('on the demo books as seeded', async () => {
    const h = await harness();
    expect(steps(await storedBalances(h.db))).toEqual(steps(await recomputeBalances(h.db)));
  });

  it('after commitments, calls, payments, distributions, fees, backdated entries and reversals through the API', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const fof = await h.as('fof@demo.highland');
    const sf01 = (await h.db.select().from(fund).where(eq(fund.code, 'SF-01')))[0];
    if (!sf01?.establishedDate) throw new Error('demo has SF-01');
    const lp = (await h.db.select().from(investor).where(eq(investor.nameZh, '申江证券投资有限公司')))[0];
    const newLp = await gp.ledger.createInvestor({ nameZh: '沪星创业投资有限公司', nameEn: 'Huxing Venture Capital', sourceType: 'private' });
    // A close with a new LP, and a backdated top-up a year into the fund's life.
    await fof.ledger.commit({ fundId: sf01.id, date: '2026-10-20', isClose: true, lines: [{ investorId: newLp.id, amountFen: 3_000_000_000_00 }] });
    await gp.ledger.commit({ fundId: sf01.id, date: '2021-06-30', isClose: true, lines: [{ investorId: lp?.id ?? 0, amountFen: 500_000_000_00 }] });
    const call = await gp.ledger.capitalCall({ fundId: sf01.id, noticeDate: '2026-10-21', dueDate: '2026-11-05', totalFen: 1_234_567_891 });
    await gp.ledger.contribute({
      callId: call.callId,
      date: '2026-11-05',
      lines: call.parts.slice(0, 3).map((p) => ({ investorId: p.investorId, amountFen: p.amountFen })),
    });
    // Backdated: a distribution and a fee dated years ago, then one of them reversed.
    const dist = await gp.ledger.distribute({ fundId: sf01.id, date: '2022-12-30', totalFen: 77_777_777_77, memo: '补记分配' });
    await gp.ledger.fee({ fundId: sf01.id, date: '2023-03-31', lines: [{ investorId: lp?.id ?? 0, amountFen: 12_345_00 }] });
    const [distRow] = await h.db.all<{ id: number }>(sql`SELECT id FROM ledger_entry WHERE kind = 'distribution' AND date = '2022-12-30' ORDER BY id LIMIT 1`);
    await gp.ledger.reverse({ entryId: distRow?.id ?? 0, reason: '分配对象有误' });
    expect({ parts: dist.parts.length > 3, steps: steps(await storedBalances(h.db)) }).toEqual({ parts: true, steps: steps(await recomputeBalances(h.db)) });
  });

  it('after commitments are changed and removed outside the API (the triggers follow updates and deletes too)', async () => {
    const h = await harness();
    const [first] = await h.db.select().from(commitment).limit(1);
    await h.db.run(sql`UPDATE commitment SET amount_fen = amount_fen + 1000, date = '2020-12-31' WHERE id = ${first?.id ?? 0}`);
    await h.db.run(sql`DELETE FROM commitment WHERE id = (SELECT MAX(id) FROM commitment)`);
    expect(steps(await storedBalances(h.db))).toEqual(steps(await recomputeBalances(h.db)));
  });

  for (const asOf of ['2020-06-30', '2023-12-31', '2026-10-31']) {
    it(`the overview as of ${asOf} from balances equals the overview recomputed from every row`, async () => {
      const h = await harness();
      expect(await groupOverview(readCtx(systemCaller(h.db)), { asOf })).toEqual(await overviewFromRows(h.db, asOf));
    });
  }
});
