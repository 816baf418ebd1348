import { commitment, company, type Db, fund, investment, investmentExit, investor, kpiSnapshot, ledgerEntry, user, userFund } from '@highland/drizzle';
import { readCtx, systemCaller } from '@highland/server/data/ctx';
import { hashPassword } from '@highland/server/password';
import { groupOverview } from '@highland/server/data/fund-group';
import { planFundFigures } from '@highland/server/data/plan/books';
import { describe, expect, it } from 'vitest';
import { type Caller, type Harness, harness } from './helpers/harness.js';

const YI = 10_000_000_000; // fen in 1亿元
const PW = 'scenario-password-2026';
const AT = '2019-01-01T00:00:00Z';

/**
 * A small fund group whose every figure can be worked out by hand (amounts in 亿元):
 *
 * funds       MF mother (est. 2019-06-28); SF-A (2019-10-01); SF-F, a fund of funds (2020-01-01);
 *             DV vehicle (2020-01-15); SF-B (2020-06-01); SF-C approved, never set up.
 * commitments MF: budget 60 + SOE 40 (2019-06-28), SOE top-up 20 (2021-06-30)  → 100, then 120
 *             SF-A: MF 10 + SOE 30 + private 60 = 100   SF-F: MF 20 + private 30 = 50   DV: MF 8
 *             SF-B: MF 5 + SF-F 10 + private 35 = 50 (SF-F's 10 counted once, in SF-F)   SF-C: private 40 (not set up)
 *             MF's own direct investment in C1: 2 (2021-05-10)
 *             fund group = 100 + 50 + 8 + 40 = 198 (2020-12-31); + 2 direct = 200 (2021-12-31)
 * firms       C1 AI chips (SF-A 2019-12-01; MF 2021-05-10), C2 sensors (SF-A 2020-03-01, sold 2021-06-30),
 *             C3 big data (SF-B 2020-09-01), C4 outside the focus sectors (SF-A 2020-05-01), C5 IoT (SF-B 2021-03-01)
 * output      C1 2019: 3, 2020: 5, 2021: 8 corrected to 9 · C2 2020: 4, 2021: 6 · C3 2021: 2 · C4 2020: 10, 2021: 12 · C5 2020: 1
 *             2020-12-31 (year 2020; C1–C4 held; C4 not counted): 5 + 4 = 9, gap C3
 *             2021-12-31 (year 2021; C1, C3, C4, C5 held): 9 + 2 = 11, gap C5 (last figure 2020: 1)
 * designations benchmark C1 approved 2020-06-01; C2 approved 2020-09-01, revoked 2021-03-01; C4 rejected;
 *             C3 nominated 2021-10-01 (pending); leader C1 approved 2021-06-15
 *             benchmarks 2 → 1, leaders 0 → 1
 * listing     C1 from tutoring filing (2020-01-10) to listed (2021-06-01), suspended 2020-10-01 – 2020-11-15
 *             listings 0 → 1
 */
async function scenario(): Promise<{ h: Harness; ids: Record<string, number>; admin: Caller; mgrA: Caller; fof: Caller; gov: Caller }> {
  const h = await harness({ kind: 'empty' });
  const db: Db = h.db;
  const hash = await hashPassword(PW);
  const ins = async <T extends { id: number }>(p: Promise<T[]>): Promise<number> => ((await p)[0] as T).id;

  const F = async (kind: 'mother' | 'sub' | 'direct_vehicle', code: string, established: string | null, parent: number | null, fof = false) =>
    ins(
      db
        .insert(fund)
        .values({
          kind,
          code,
          nameZh: `${code} 基金`,
          nameEn: `${code} Fund`,
          parentFundId: parent,
          isFundOfFunds: fof,
          establishedDate: established,
          status: established ? 'investing' : 'approved',
          createdAt: AT,
          updatedAt: AT,
        })
        .returning({ id: fund.id }),
    );
  const MF = await F('mother', 'MF', '2019-06-28', null);
  const SFA = await F('sub', 'SF-A', '2019-10-01', MF);
  const SFF = await F('sub', 'SF-F', '2020-01-01', MF, true);
  const DV = await F('direct_vehicle', 'DV', '2020-01-15', MF);
  const SFB = await F('sub', 'SF-B', '2020-06-01', MF);
  const SFC = await F('sub', 'SF-C', null, MF);

  const I = async (nameZh: string, sourceType: 'fiscal' | 'soe' | 'private' | 'mother_fund', fundId: number | null = null) =>
    ins(db.insert(investor).values({ nameZh, nameEn: nameZh, sourceType, fundId, createdAt: AT }).returning({ id: investor.id }));
  const budget = await I('市财政', 'fiscal');
  const soe = await I('国资集团', 'soe');
  const priv = await I('民营资本', 'private');
  const mfInv = await I('母基金', 'mother_fund', MF);
  const fofInv = await I('SF-F 母子基金', 'soe', SFF);

  const C = (fundId: number, investorId: number, yi: number, date: string) => ({ fundId, investorId, amountFen: yi * YI, date, createdAt: AT });
  await db
    .insert(commitment)
    .values([
      C(MF, budget, 60, '2019-06-28'),
      C(MF, soe, 40, '2019-06-28'),
      C(MF, soe, 20, '2021-06-30'),
      C(SFA, mfInv, 10, '2019-10-01'),
      C(SFA, soe, 30, '2019-10-01'),
      C(SFA, priv, 60, '2019-10-01'),
      C(SFF, mfInv, 20, '2020-01-01'),
      C(SFF, priv, 30, '2020-01-01'),
      C(DV, mfInv, 8, '2020-01-15'),
      C(SFB, mfInv, 5, '2020-06-01'),
      C(SFB, fofInv, 10, '2020-06-01'),
      C(SFB, priv, 35, '2020-06-01'),
      C(SFC, priv, 40, '2021-03-01'),
    ]);

  const Co = async (n: string, sector: string) =>
    ins(
      db
        .insert(company)
        .values({ nameZh: n, nameEn: n, sector, zone: 'pudong_zhangjiang', registeredInShanghai: true, ownership: 'private', createdAt: AT, updatedAt: AT })
        .returning({ id: company.id }),
    );
  const C1 = await Co('一号芯片', 'ai_chips');
  const C2 = await Co('二号传感', 'sensors');
  const C3 = await Co('三号数据', 'big_data');
  const C4 = await Co('四号贸易', 'other');
  const C5 = await Co('五号物联', 'iot');

  const inv = (fundId: number, companyId: number, date: string, share: number, yi = 1) => ({
    fundId,
    companyId,
    date,
    round: 'a' as const,
    instrument: 'preferred_equity' as const,
    amountFen: yi * YI,
    equityShare: share,
    createdAt: AT,
  });
  await db
    .insert(investment)
    .values([
      inv(SFA, C1, '2019-12-01', 0.1),
      inv(SFA, C2, '2020-03-01', 0.05),
      inv(SFA, C4, '2020-05-01', 0.05),
      inv(SFB, C3, '2020-09-01', 0.08),
      inv(SFB, C5, '2021-03-01', 0.06),
      inv(MF, C1, '2021-05-10', 0.02, 2),
    ]);
  await db.insert(ledgerEntry).values({ fundId: MF, kind: 'investment', companyId: C1, amountFen: 2 * YI, date: '2021-05-10', createdAt: AT });
  await db.insert(investmentExit).values({ fundId: SFA, companyId: C2, date: '2021-06-30', route: 'ma', shareSold: 0.05, proceedsFen: 3 * YI, createdAt: AT });

  const K = (companyId: number, year: number, yi: number) => ({
    companyId,
    period: String(year),
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    cumulative: false,
    outputValueFen: yi * YI,
    source: 'entered' as const,
    createdAt: AT,
  });
  await db
    .insert(kpiSnapshot)
    .values([K(C1, 2019, 3), K(C1, 2020, 5), K(C1, 2021, 8), K(C2, 2020, 4), K(C2, 2021, 6), K(C3, 2021, 2), K(C4, 2020, 10), K(C4, 2021, 12), K(C5, 2020, 1)]);
  await db.insert(kpiSnapshot).values(K(C1, 2021, 9)); // a correction: the newer row wins

  const U = async (email: string, role: 'admin' | 'government' | 'manager', funds: number[] = []) => {
    const id = await ins(db.insert(user).values({ email, name: email, role, passwordHash: hash, createdAt: AT }).returning({ id: user.id }));
    if (funds.length) await db.insert(userFund).values(funds.map((fundId) => ({ userId: id, fundId })));
  };
  await U('admin@t.test', 'admin');
  await U('gov@t.test', 'government');
  await U('mgr-a@t.test', 'manager', [SFA, SFB]);
  await U('fof@t.test', 'manager', [MF]);
  return {
    h,
    ids: { MF, SFA, SFB, SFF, DV, C1, C2, C3, C4, C5 },
    admin: await h.as('admin@t.test', PW),
    mgrA: await h.as('mgr-a@t.test', PW),
    fof: await h.as('fof@t.test', PW),
    gov: await h.as('gov@t.test', PW),
  };
}

/** Designations, the listing and the programme, through the procedures. */
async function record(s: Awaited<ReturnType<typeof scenario>>) {
  const { ids, mgrA, fof, admin } = s;
  const nominate = (companyId: number, level: 'benchmark' | 'leader', date: string) =>
    mgrA.designation.nominate({ companyId, level, date, criteria: ['focus_sector'], evidence: '审计报告与专利清单' });
  const b1 = await nominate(ids.C1 as number, 'benchmark', '2020-05-01');
  await fof.designation.review({ id: b1.id, decision: 'approved', date: '2020-06-01' });
  const b2 = await nominate(ids.C2 as number, 'benchmark', '2020-08-01');
  await fof.designation.review({ id: b2.id, decision: 'approved', date: '2020-09-01' });
  await fof.designation.revoke({ id: b2.id, date: '2021-03-01', reason: '不再符合认定条件' });
  const b4 = await mgrA.designation.nominate({
    companyId: ids.C4 as number,
    level: 'benchmark',
    date: '2020-10-01',
    criteria: ['revenue_scale'],
    evidence: '营业收入证明',
  });
  await fof.designation.review({ id: b4.id, decision: 'rejected', date: '2020-11-01', note: '不属于重点领域' });
  await nominate(ids.C3 as number, 'benchmark', '2021-10-01');
  const l1 = await nominate(ids.C1 as number, 'leader', '2021-05-01');
  await fof.designation.review({ id: l1.id, decision: 'approved', date: '2021-06-15' });

  const a = await mgrA.listing.open({
    companyId: ids.C1 as number,
    date: '2020-01-10',
    sponsor: '浦江证券',
    listingStandard: 4,
    plannedRaiseFen: 10 * YI,
    expectedMarketValueFen: 50 * YI,
  });
  const step = (kind: Parameters<Caller['listing']['record']>[0]['kind'], date: string, outcome?: 'passed') =>
    mgrA.listing.record({ attemptId: a.id, kind, date, outcome });
  await step('tutoring_accepted', '2020-05-10');
  await step('accepted', '2020-06-20');
  await step('inquiry', '2020-07-10');
  await step('suspended', '2020-10-01');
  await step('resumed', '2020-11-15');
  await step('committee', '2021-01-20', 'passed');
  await step('registration_submitted', '2021-03-01');
  await step('registered', '2021-04-20');
  await step('listed', '2021-06-01');

  const p = await admin.programme.create({ code: 'SH-TEST', nameZh: '测试计划', nameEn: 'Test plan', startDate: '2020-01-01', endDate: '2021-12-31' });
  const targets = {
    mother_fund_size: 100 * YI,
    fund_group_size: 200 * YI,
    leader_firms: 1,
    benchmark_firms: 3,
    output_value: 20 * YI,
    star_listings: 1,
  } as const;
  for (const [metric, targetValue] of Object.entries(targets))
    await admin.programme.setTarget({ programmeId: p.id, metric: metric as keyof typeof targets, targetValue });
  return { programmeId: p.id, attemptId: a.id };
}

describe('the scoreboard against hand-computed figures', () => {
  it('every target figure on two dates, with statuses, the projection and the firms behind them', async () => {
    const s = await scenario();
    const { programmeId, attemptId } = await record(s);
    const view = async (asOf: string) => {
      const v = await s.gov.scoreboard.view({ programmeId, asOf });
      return Object.fromEntries(v.metrics.map((m) => [m.metric, { value: m.value, status: m.status }]));
    };
    const y2020 = await s.gov.scoreboard.view({ programmeId, asOf: '2020-12-31' });
    const benchmarks2020 = y2020.metrics.find((m) => m.metric === 'benchmark_firms');
    const outputDrill = async (asOf: string) => {
      const d = await s.gov.scoreboard.drill({ programmeId, metric: 'output_value', asOf });
      if (d.kind !== 'firms') throw new Error('firms expected');
      return {
        year: d.year,
        total: d.totalFen,
        firms: d.rows.map((r) => [r.nameZh, r.valueFen]),
        gaps: d.gaps.map((g) => [g.nameZh, g.lastYear, g.valueFen]),
      };
    };
    const groupDrill = await s.gov.scoreboard.drill({ programmeId, metric: 'fund_group_size', asOf: '2021-12-31' });
    const listing = await s.gov.listing.detail({ id: attemptId, asOf: '2021-12-31' });

    expect({
      on2020: await view('2020-12-31'),
      on2021: await view('2021-12-31'),
      benchmarkProjection: Math.round((benchmarks2020?.projection?.endValue ?? 0) * 1000) / 1000,
      output2020: await outputDrill('2020-12-31'),
      output2021: await outputDrill('2021-12-31'),
      group2021:
        groupDrill.kind === 'funds'
          ? { funds: groupDrill.rows.map((r) => [r.code, r.fen / YI]), direct: groupDrill.motherDirectFen / YI, total: groupDrill.totalFen / YI }
          : null,
      inquiry: listing.timeline.stages.find((x) => x.stage === 'inquiry'),
      suspensions: listing.timeline.suspensions,
    }).toEqual({
      on2020: {
        mother_fund_size: { value: 100 * YI, status: 'met' },
        fund_group_size: { value: 198 * YI, status: 'on_track' },
        leader_firms: { value: 0, status: 'behind' },
        benchmark_firms: { value: 2, status: 'on_track' },
        output_value: { value: 9 * YI, status: 'behind' },
        star_listings: { value: 0, status: 'behind' },
      },
      on2021: {
        mother_fund_size: { value: 120 * YI, status: 'met' },
        fund_group_size: { value: 200 * YI, status: 'met' },
        leader_firms: { value: 1, status: 'met' },
        benchmark_firms: { value: 1, status: 'missed' },
        output_value: { value: 11 * YI, status: 'missed' },
        star_listings: { value: 1, status: 'met' },
      },
      // Least squares through (0, 0), (90, 0), (181, 1), (273, 2), (365, 2) days from 2020-01-01, read at day 730:
      // mean (181.8, 1), slope 548 ÷ 83,358.8 per day → 1 + 548 × 548.2 ÷ 83,358.8 = 4.604.
      benchmarkProjection: 4.604,
      output2020: {
        year: 2020,
        total: 9 * YI,
        firms: [
          ['一号芯片', 5 * YI],
          ['二号传感', 4 * YI],
        ],
        gaps: [['三号数据', null, null]],
      },
      output2021: {
        year: 2021,
        total: 11 * YI,
        firms: [
          ['一号芯片', 9 * YI],
          ['三号数据', 2 * YI],
        ],
        gaps: [['五号物联', 2020, 1 * YI]],
      },
      group2021: {
        funds: [
          ['DV', 8],
          ['SF-A', 100],
          ['SF-B', 40],
          ['SF-F', 50],
        ],
        direct: 2,
        total: 200,
      },
      inquiry: { stage: 'inquiry', from: '2020-07-10', to: '2021-01-20', calendarDays: 194, activeDays: 149, meetings: [] },
      suspensions: [{ from: '2020-10-01', to: '2020-11-15', days: 45 }],
    });
  });
});

describe('the scoreboard’s fund figures agree with the fund-group module', () => {
  it('fund-group size and mother-fund size equal the leverage numerator and the mother fund’s size on five dates of the demo', async () => {
    const h = await harness();
    const dates = ['2019-12-31', '2020-06-30', '2021-12-31', '2023-06-30', '2026-10-31'];
    const mine = (await planFundFigures(h.db, dates)).series;
    const theirs = await Promise.all(dates.map((asOf) => groupOverview(readCtx(systemCaller(h.db)), { asOf })));
    expect(mine).toEqual(theirs.map((o) => ({ motherFundSizeFen: o.leverage.motherSize.committed, fundGroupSizeFen: o.leverage.groupSize.committed })));
  });
});
