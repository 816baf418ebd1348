import { capitalCall, commitment, fund, fundPhase, investor, ledgerEntry, manager, programme, programmeTarget, type Tx } from '@highland/drizzle';
import { addDays, addMonths, allocateProRata, type InvestorSource } from '@highland/shared';
import { insertChunked } from './insert.js';
import { DEMO_LP_FUNDS, DEMO_LP_NAME, DEMO_STORY, DIRECT_VEHICLE, LP_POOL, MOTHER_FUND, MOTHER_LPS, SUB_FUNDS, type SubFundSpec } from './names.js';
import type { Random } from './random.js';

/** The demo's books run up to this date; the app shows them as of any date. */
export const DEMO_DATA_END = '2026-10-31';

const YI = 10_000_000_000; // fen in 1亿元
const BAIWAN = 100_000_000; // fen in 100万元, the grain of demo commitments

export interface FundGroupResult {
  motherFundId: number;
  motherInvestorId: number;
  fundIdByCode: Map<string, number>;
  investorIdByName: Map<string, number>;
  counts: Record<string, number>;
}

interface LedgerRow {
  fundId: number;
  kind: 'call' | 'contribution' | 'distribution' | 'fee';
  investorId?: number;
  amountFen: number;
  date: string;
  callId?: number;
  memo?: string;
  createdAt: string;
}

/**
 * The mother fund (phase 1 ¥10 bn, two more phases planned), a direct-investment vehicle, 25 sub-funds
 * in three batches with 3–8 LPs each, and their calls, contributions, fees and distributions to
 * DEMO_DATA_END. Sizes are drawn so the group's leverage lands near but below the plan's 10×.
 */
export async function seedFundGroup(tx: Tx, rng: Random, createdAt: string): Promise<FundGroupResult> {
  const counts: Record<string, number> = {};
  const bump = (k: string, n = 1) => {
    counts[k] = (counts[k] ?? 0) + n;
  };

  // The programme the fund serves.
  const [prog] = await tx
    .insert(programme)
    .values({
      code: 'SH-AI-2019',
      nameZh: '关于建设人工智能上海高地 构建一流创新生态的行动方案（2019-2021年）',
      nameEn: 'Action Plan for Building the Shanghai AI Highland (2019–2021)',
      startDate: '2019-01-01',
      endDate: '2021-12-31',
    })
    .returning({ id: programme.id });
  if (!prog) throw new Error('programme insert failed');
  await tx.insert(programmeTarget).values([
    { programmeId: prog.id, metric: 'mother_fund_size', targetValue: 100 * YI },
    { programmeId: prog.id, metric: 'fund_group_size', targetValue: 1000 * YI },
    { programmeId: prog.id, metric: 'leader_firms', targetValue: 10 },
    { programmeId: prog.id, metric: 'benchmark_firms', targetValue: 100 },
    { programmeId: prog.id, metric: 'output_value', targetValue: 1000 * YI },
  ]);

  // Managers (one firm can manage several funds).
  const managerIds = new Map<string, number>();
  const managerId = async (zh: string, en: string) => {
    const known = managerIds.get(zh);
    if (known) return known;
    const [row] = await tx.insert(manager).values({ nameZh: zh, nameEn: en }).returning({ id: manager.id });
    if (!row) throw new Error('manager insert failed');
    managerIds.set(zh, row.id);
    bump('managers');
    return row.id;
  };

  // Investors, one row per name.
  const investorIdByName = new Map<string, number>();
  const investorId = async (zh: string, en: string, source: InvestorSource, fundId: number | null = null) => {
    const known = investorIdByName.get(zh);
    if (known) return known;
    const [row] = await tx.insert(investor).values({ nameZh: zh, nameEn: en, sourceType: source, fundId, createdAt }).returning({ id: investor.id });
    if (!row) throw new Error('investor insert failed');
    investorIdByName.set(zh, row.id);
    bump('investors');
    return row.id;
  };

  const fundIdByCode = new Map<string, number>();
  const commitments: Array<typeof commitment.$inferInsert> = [];
  const ledger: LedgerRow[] = [];

  // The mother fund.
  const [mother] = await tx
    .insert(fund)
    .values({
      kind: 'mother',
      code: MOTHER_FUND.code,
      nameZh: MOTHER_FUND.nameZh,
      nameEn: MOTHER_FUND.nameEn,
      managerId: await managerId(MOTHER_FUND.managerZh, MOTHER_FUND.managerEn),
      sponsorType: 'soe',
      vintage: 2019,
      decisionDate: '2019-05-20',
      establishedDate: '2019-06-28',
      termYears: 15,
      investmentPeriodYears: 8,
      targetSizeFen: 100 * YI,
      sectorFocus: [
        'ai_chips',
        'sensors',
        'ai_algorithms',
        'intelligent_driving',
        'smart_hardware',
        'intelligent_robots',
        'ai_plus_vertical',
        'big_data',
        'cloud_computing',
        'industrial_internet',
        'iot',
      ],
      status: 'investing',
      govShareCap: null,
      feeBasis: 'committed',
      feeRate: 0.005,
      createdAt,
      updatedAt: createdAt,
    })
    .returning({ id: fund.id });
  if (!mother) throw new Error('mother fund insert failed');
  fundIdByCode.set(MOTHER_FUND.code, mother.id);
  bump('funds');
  await tx.insert(fundPhase).values([
    { fundId: mother.id, phase: 1, nameZh: '一期', nameEn: 'Phase 1', targetSizeFen: 100 * YI, status: 'closed', plannedDate: '2019-06-28' },
    { fundId: mother.id, phase: 2, nameZh: '二期', nameEn: 'Phase 2', targetSizeFen: 100 * YI, status: 'planned', plannedDate: '2027-06-30' },
    { fundId: mother.id, phase: 3, nameZh: '三期', nameEn: 'Phase 3', targetSizeFen: 100 * YI, status: 'planned', plannedDate: '2029-06-30' },
  ]);
  const motherInvestorId = await investorId(MOTHER_FUND.nameZh, MOTHER_FUND.nameEn, 'mother_fund', mother.id);
  const motherLps: Array<{ id: number; fen: number }> = [];
  for (const lp of MOTHER_LPS) {
    const id = await investorId(lp.zh, lp.en, lp.source);
    motherLps.push({ id, fen: lp.yi * YI });
    commitments.push({ fundId: mother.id, investorId: id, amountFen: lp.yi * YI, date: '2019-06-28', phase: 1, createdAt });
  }
  // The mother fund is raised in stages: five calls on its own LPs.
  const motherCalls: Array<[string, number]> = [
    ['2019-07-15', 0.25],
    ['2020-03-16', 0.25],
    ['2021-03-15', 0.2],
    ['2022-06-15', 0.15],
    ['2024-06-17', 0.1],
  ];
  await postCalls(tx, mother.id, motherLps, motherCalls, rng.fork('mother-calls'), ledger, createdAt, { lateShare: 0, unpaidLast: false });
  bump('calls', motherCalls.length);

  // The direct-investment vehicle: the mother fund is its only LP.
  const [dv] = await tx
    .insert(fund)
    .values({
      kind: 'direct_vehicle',
      parentFundId: mother.id,
      code: DIRECT_VEHICLE.code,
      nameZh: DIRECT_VEHICLE.nameZh,
      nameEn: DIRECT_VEHICLE.nameEn,
      managerId: await managerId(MOTHER_FUND.managerZh, MOTHER_FUND.managerEn),
      sponsorType: 'soe',
      vintage: 2020,
      decisionDate: '2019-12-10',
      establishedDate: '2020-01-15',
      termYears: 12,
      investmentPeriodYears: 6,
      targetSizeFen: 8 * YI,
      sectorFocus: ['ai_chips', 'ai_algorithms', 'intelligent_robots'],
      status: 'investing',
      reinvestK: 0,
      createdAt,
      updatedAt: createdAt,
    })
    .returning({ id: fund.id });
  if (!dv) throw new Error('direct vehicle insert failed');
  fundIdByCode.set(DIRECT_VEHICLE.code, dv.id);
  bump('funds');
  commitments.push({ fundId: dv.id, investorId: motherInvestorId, amountFen: 8 * YI, date: '2020-01-15', createdAt });
  await postCalls(
    tx,
    dv.id,
    [{ id: motherInvestorId, fen: 8 * YI }],
    [
      ['2020-02-14', 0.2],
      ['2021-04-15', 0.2],
      ['2022-09-15', 0.15],
      ['2024-03-15', 0.15],
    ],
    rng.fork('dv-calls'),
    ledger,
    createdAt,
    { lateShare: 0, unpaidLast: false },
  );
  bump('calls', 4);

  // Sub-fund sizes: drawn, then scaled so Σ sizes + the vehicle ≈ ¥945 bn (≈ 9.3× after the FoF's
  // commitments are counted once), rounded to ¥50 m.
  const sizeRng = rng.fork('sizes');
  const raw = SUB_FUNDS.map((s) => (s.fundOfFunds ? 60 : sizeRng.real(18, 75)));
  const rawSum = raw.reduce((a, b) => a + b, 0);
  const sizes = raw.map((r) => Math.round(((r / rawSum) * 937 * YI) / (5 * BAIWAN)) * 5 * BAIWAN);
  // The mother fund's commitments: about 9% of each sub-fund, ¥85 bn in all.
  const shareRng = rng.fork('shares');
  const rawShares = SUB_FUNDS.map(() => shareRng.real(0.075, 0.11));
  const motherRaw = sizes.map((s, i) => s * (rawShares[i] ?? 0.09));
  const motherScale = (85 * YI) / motherRaw.reduce((a, b) => a + b, 0);
  const motherCommit = motherRaw.map((m) => Math.round((m * motherScale) / BAIWAN) * BAIWAN);

  const fofSpec = SUB_FUNDS.find((s) => s.fundOfFunds);
  const fofTargets = new Set(['SF-09', 'SF-12', 'SF-16']);
  let fofInvestorId: number | null = null;

  for (const [i, spec] of SUB_FUNDS.entries()) {
    const r = rng.fork(spec.code);
    const size = sizes[i] ?? 0;
    const decisionDate = batchDecisionDate(spec.batch, r);
    const establishedDate = addDays(decisionDate, r.int(60, 240));
    // Drawn in a fixed order (adding a draw here would shift every later one); the story then overrides.
    const termYears = spec.fundOfFunds ? 12 : r.pick([7, 8, 10]);
    const drawnPeriod = spec.fundOfFunds ? 6 : r.pick([4, 5]);
    // The fund behind on reinvestment has a six-year investment period: short of it, with time left.
    const investmentPeriodYears = spec.code === DEMO_STORY.behindOnReinvestment ? 6 : drawnPeriod;
    // One batch raised more than planned; the others are still short of their targets.
    const [lo, hi] = spec.batch === DEMO_STORY.batchOverTarget ? [0.86, 0.95] : [1.03, 1.15];
    const targetSizeFen = Math.round((size * r.real(lo, hi)) / (5 * BAIWAN)) * 5 * BAIWAN;
    const status = spec.batch === 1 ? r.pick(['investing', 'harvesting'] as const) : 'investing';
    const drawnCap = r.pick([0.25, 0.3, 0.3]);
    const drawnOverride = r.chance(0.3);
    const drawnK = r.pick([1, 1.2, 1.5, 2]);
    const [row] = await tx
      .insert(fund)
      .values({
        kind: 'sub',
        parentFundId: mother.id,
        code: spec.code,
        nameZh: spec.nameZh,
        nameEn: spec.nameEn,
        managerId: await managerId(spec.managerZh, spec.managerEn),
        sponsorType: spec.sponsor,
        batch: spec.batch,
        isFundOfFunds: spec.fundOfFunds ?? false,
        vintage: Number(establishedDate.slice(0, 4)),
        decisionDate,
        establishedDate,
        termYears,
        investmentPeriodYears,
        targetSizeFen,
        sectorFocus: spec.sectors,
        status,
        govShareCap: spec.code === DEMO_STORY.overCap.code ? 0.3 : drawnCap,
        govShareOverrideAllowed: drawnOverride || spec.code === DEMO_STORY.overCap.code,
        // A fund of funds meets reinvestment through its sub-funds: no requirement of its own.
        reinvestK: spec.fundOfFunds ? 0 : spec.code === DEMO_STORY.behindOnReinvestment ? 2 : drawnK,
        reinvestWeightRegistered: 1,
        reinvestWeightRelocated: r.pick([0.8, 1]),
        reinvestWeightSubsidiary: r.pick([0.5, 0.6]),
        feeBasis: 'committed',
        feeRate: r.pick([0.015, 0.02]),
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: fund.id });
    if (!row) throw new Error('sub-fund insert failed');
    fundIdByCode.set(spec.code, row.id);
    bump('funds');
    if (spec.fundOfFunds) fofInvestorId = await investorId(spec.nameZh, spec.nameEn, 'soe', row.id);

    const lps = await subFundLps(spec, size, motherCommit[i] ?? 0, r, {
      investorId,
      motherInvestorId,
      fofInvestorId: fofTargets.has(spec.code) ? fofInvestorId : null,
    });
    for (const lp of lps) commitments.push({ fundId: row.id, investorId: lp.id, amountFen: lp.fen, date: establishedDate, createdAt });

    const schedule = callSchedule(spec, establishedDate, r);
    const unpaidLast = r.chance(0.25) || spec.code === DEMO_STORY.gpFund.code;
    await postCalls(tx, row.id, lps, schedule, r.fork('calls'), ledger, createdAt, { lateShare: 0.1, unpaidLast });
    bump('calls', schedule.length);
    postFees(row.id, lps, establishedDate, spec.fundOfFunds ? 0.01 : 0.02, ledger, createdAt);
    postDistributions(spec, row.id, lps, establishedDate, r.fork('dist'), ledger, createdAt);
    if (spec.code === DEMO_STORY.overCap.code) {
      // A district top-up that takes the government share past the 30% cap, accepted under the fund's override rule.
      const gov = lps.filter((l) => l.id === motherInvestorId || l.fiscal).reduce((a, l) => a + l.fen, 0);
      const district = lps.find((l) => l.fiscal);
      if (!district) throw new Error(`${spec.code} needs its district LP for the demo story`);
      const topUp = Math.ceil((0.33 * size - gov) / 0.67 / BAIWAN) * BAIWAN;
      commitments.push({
        fundId: row.id,
        investorId: district.id,
        amountFen: topUp,
        date: DEMO_STORY.overCap.date,
        overrideReason: DEMO_STORY.overCap.reason,
        createdAt,
      });
    }
  }
  if (!fofSpec || fofInvestorId === null) throw new Error('the demo needs its fund of funds');

  // The funds' investments (and their cash flows) are the portfolio part's: demo/portfolio.ts.

  await insertChunked(tx, commitment, commitments);
  bump('commitments', commitments.length);
  await insertChunked(tx, ledgerEntry, ledger);
  bump('ledgerEntries', ledger.length);
  return { motherFundId: mother.id, motherInvestorId, fundIdByCode, investorIdByName, counts };
}

function batchDecisionDate(batch: 1 | 2 | 3, r: Random): string {
  const start = { 1: '2019-08-01', 2: '2020-05-01', 3: '2021-05-01' }[batch];
  return addDays(start, r.int(0, 180));
}

type Lp = { id: number; fen: number; fiscal?: boolean };
type LpLookup = {
  investorId: (zh: string, en: string, source: InvestorSource) => Promise<number>;
  motherInvestorId: number;
  fofInvestorId: number | null;
};

/** 3–8 LPs: the mother fund, the sponsor, a district guidance fund, then financial, private and other money. */
async function subFundLps(spec: SubFundSpec, size: number, motherFen: number, r: Random, ids: LpLookup): Promise<Lp[]> {
  const lps: Lp[] = [{ id: ids.motherInvestorId, fen: motherFen }];
  let left = size - motherFen;
  const take = (share: number) => {
    const fen = Math.min(left, Math.round((size * share) / BAIWAN) * BAIWAN);
    left -= fen;
    return fen;
  };
  if (spec.sponsorLp) lps.push({ id: await ids.investorId(spec.sponsorLp.zh, spec.sponsorLp.en, spec.sponsorLp.source), fen: take(r.real(0.2, 0.32)) });
  if (spec.districtLp) lps.push({ id: await ids.investorId(spec.districtLp.zh, spec.districtLp.en, 'fiscal'), fen: take(r.real(0.05, 0.1)), fiscal: true });
  if (ids.fofInvestorId !== null) lps.push({ id: ids.fofInvestorId, fen: take(r.real(0.08, 0.12)) });
  const demoLp = LP_POOL.find((p) => p.zh === DEMO_LP_NAME);
  const forceDemo = DEMO_LP_FUNDS.includes(spec.code) && demoLp;
  const pool = LP_POOL.filter((p) => p.zh !== DEMO_LP_NAME && p.zh !== spec.sponsorLp?.zh);
  const others = Math.max(1, Math.min(r.int(2, 5), 8 - lps.length - (forceDemo ? 1 : 0)));
  const chosen = [...(forceDemo ? [demoLp] : []), ...r.sample(pool, others)];
  // The rest is split by weight: a draw per LP (none for the last, so the generator's stream is unchanged)
  // scaled by how much that kind of LP puts into one fund — an individual far less than an insurer.
  const weights = chosen.map((p, k) => (k === chosen.length - 1 ? 0.165 : r.real(0.08, 0.25)) * (SOURCE_WEIGHT[p.source] ?? 1));
  const parts = splitByWeight(left, weights);
  for (const [k, p] of chosen.entries()) {
    const fen = parts[k] ?? 0;
    if (fen > 0) lps.push({ id: await ids.investorId(p.zh, p.en, p.source), fen });
  }
  return lps;
}

/** How much each kind of LP tends to put into one sub-fund, relative to a financial institution. */
const SOURCE_WEIGHT: Partial<Record<InvestorSource, number>> = { financial: 1, soe: 1, private: 0.8, foreign: 0.5, individual: 0.06 };

/** `total` split in proportion to `weights`, in whole 百万元; the rounding left-over goes to the heaviest. */
function splitByWeight(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum / BAIWAN) * BAIWAN);
  const heaviest = weights.indexOf(Math.max(...weights));
  parts[heaviest] = (parts[heaviest] ?? 0) + total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/** First call at set-up, then one every 9–15 months until the investment period is spent or the books end. */
function callSchedule(spec: SubFundSpec, established: string, r: Random): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  let date = addDays(established, r.int(10, 45));
  let called = 0;
  const ceiling = spec.fundOfFunds ? 0.85 : spec.code === DEMO_STORY.gpFund.code ? DEMO_STORY.gpFund.callCeiling : 1;
  while (date <= DEMO_DATA_END && called < ceiling - 1e-9) {
    const pct = Math.min(ceiling - called, out.length === 0 ? r.pick([0.2, 0.25, 0.3]) : r.pick([0.1, 0.1, 0.15, 0.2]));
    out.push([date, pct]);
    called += pct;
    date = addMonths(date, r.int(10, 18));
  }
  return out;
}

/** Posts calls pro rata to commitments and the contributions that answer them. */
async function postCalls(
  tx: Tx,
  fundId: number,
  lps: Lp[],
  schedule: Array<[string, number]>,
  r: Random,
  ledger: LedgerRow[],
  createdAt: string,
  opts: { lateShare: number; unpaidLast: boolean },
): Promise<void> {
  const committed = lps.reduce((a, l) => a + l.fen, 0);
  for (const [n, [notice, pct]] of schedule.entries()) {
    const total = Math.round((committed * pct) / 100) * 100;
    const dueDate = addDays(notice, 15);
    const [call] = await tx
      .insert(capitalCall)
      .values({ fundId, callNo: n + 1, noticeDate: notice, dueDate, totalFen: total, purpose: n === 0 ? '首期出资' : `第${n + 1}期出资`, createdAt })
      .returning({ id: capitalCall.id });
    if (!call) throw new Error('call insert failed');
    const parts = allocateProRata(
      total,
      lps.map((l) => l.fen),
    );
    const isLast = n === schedule.length - 1;
    for (const [k, lp] of lps.entries()) {
      const amountFen = parts[k] ?? 0;
      if (amountFen === 0) continue;
      ledger.push({ fundId, kind: 'call', investorId: lp.id, amountFen, date: dueDate, callId: call.id, createdAt });
      if (isLast && opts.unpaidLast && k === lps.length - 1) continue; // still outstanding at the end of the books
      const paid = r.chance(opts.lateShare) ? addDays(dueDate, r.int(3, 40)) : dueDate;
      if (paid > DEMO_DATA_END) continue;
      ledger.push({ fundId, kind: 'contribution', investorId: lp.id, amountFen, date: paid, callId: call.id, createdAt });
    }
  }
}

/** Annual management fee on commitment, each anniversary within the books. */
function postFees(fundId: number, lps: Lp[], established: string, rate: number, ledger: LedgerRow[], createdAt: string): void {
  for (let year = 1; ; year++) {
    const date = addMonths(established, 12 * year);
    if (date > DEMO_DATA_END) break;
    const yearRate = year <= 5 ? rate : rate / 2;
    for (const lp of lps) {
      const amountFen = Math.round(lp.fen * yearRate);
      if (amountFen > 0) ledger.push({ fundId, kind: 'fee', investorId: lp.id, amountFen, date, memo: `第${year}年管理费`, createdAt });
    }
  }
}

/** Older funds have begun to return money: one to three distributions after year four. */
function postDistributions(spec: SubFundSpec, fundId: number, lps: Lp[], established: string, r: Random, ledger: LedgerRow[], createdAt: string): void {
  if (spec.fundOfFunds || spec.batch === 3) return;
  const n = spec.batch === 1 ? r.int(1, 3) : r.chance(0.4) ? 1 : 0;
  const committed = lps.reduce((a, l) => a + l.fen, 0);
  let date = addMonths(established, r.int(46, 56));
  for (let k = 0; k < n && date <= DEMO_DATA_END; k++) {
    const total = Math.round((committed * r.real(0.03, 0.14)) / 100) * 100;
    const parts = allocateProRata(
      total,
      lps.map((l) => l.fen),
    );
    for (const [i, lp] of lps.entries()) {
      const amountFen = parts[i] ?? 0;
      if (amountFen > 0) ledger.push({ fundId, kind: 'distribution', investorId: lp.id, amountFen, date, memo: '项目退出分配', createdAt });
    }
    date = addMonths(date, r.int(6, 14));
  }
}
