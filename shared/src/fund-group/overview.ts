import type { FundStatus } from '../reference/taxonomy.js';
import { type ComplianceFlag, idleClock, setUpClock, termClock } from './compliance.js';
import { batchLeverage, type ByBasis, type GroupLeverage, groupLeverage, type LeverageFigure, subFundLeverage } from './leverage.js';
import { type Basis, fundMoney, type GroupFund, moneyByFund, ratio, type SourceClass, type SourceMoney } from './money.js';
import { type ReinvestResult, type QualifyingInvestment, reinvestment } from './reinvest.js';
import { type DatedCommitment, overCapSince } from './share.js';
import { fundStatusAsOf, isSetUpAsOf } from './status.js';

/** A fund with the names the overview shows beside its figures. */
export interface OverviewFund extends GroupFund {
  managerZh: string | null;
  managerEn: string | null;
}

/** A fund's flows as of the date, every source together (net of reversals). */
export interface FundFlows {
  fundId: number;
  calledFen: number;
  paidInFen: number;
  distributedFen: number;
  feesFen: number;
  investedFen: number;
  proceedsFen: number;
  /** What the fund paid in as an LP of other funds of the group (a fund of funds' investments). */
  investedInFundsFen: number;
}

/**
 * Everything the government overview is computed from, as plain data as of `asOf`. The data layer loads
 * it from the running balances; a test can write it by hand.
 */
export interface OverviewInput {
  asOf: string;
  includeDirect: boolean;
  funds: ReadonlyArray<OverviewFund>;
  money: ReadonlyArray<SourceMoney>;
  flows: ReadonlyArray<FundFlows>;
  /**
   * Cumulative contributions by date, per fund, for the idle-money clock. A fund may be given only its
   * value a year before asOf when that alone shows it is not idle (the data layer loads full series only
   * for funds that may be).
   */
  contributionSeries: ReadonlyMap<number, ReadonlyArray<{ date: string; cumFen: number }>>;
  /** Commitment history (date, source class, amount) of funds over their cap, for "since when". */
  commitmentHistory: ReadonlyMap<number, ReadonlyArray<DatedCommitment>>;
  /** Each sub-fund's investments with their local evidence (the reinvestment engine's input). */
  investments: ReadonlyMap<number, ReadonlyArray<QualifyingInvestment>>;
  /** The programme's fund-group target (¥100 bn) and the mother fund's phase-1 target, fen. */
  groupTargetFen: number | null;
  motherTargetFen: number | null;
}

export interface SubFundRow {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  managerZh: string | null;
  managerEn: string | null;
  kind: 'sub' | 'direct_vehicle';
  batch: number | null;
  status: FundStatus;
  isFundOfFunds: boolean;
  establishedDate: string | null;
  targetSizeFen: number | null;
  committedFen: number;
  calledFen: number;
  paidInFen: number;
  distributedFen: number;
  motherCommittedFen: number;
  motherPaidInFen: number;
  governmentCommittedFen: number;
  /** Commitments from other funds of the group (counted in those funds). */
  groupFundCommittedFen: number;
  govShare: number | null;
  govShareCap: number | null;
  leverage: ByBasis<LeverageFigure>;
  /** Paid-in ÷ committed. */
  paidInRatio: number | null;
  reinvest: Pick<ReinvestResult, 'required' | 'k' | 'countedFen' | 'completion' | 'status' | 'shortfallFen' | 'periodEnd'> & { basis: Basis };
  flags: ComplianceFlag['trigger'][];
}

export interface BatchRow {
  batch: number;
  count: number;
  /** Σ the sub-funds' own capital (a fund of funds' money counted once). */
  committedFen: number;
  paidInFen: number;
  motherCommittedFen: number;
  motherPaidInFen: number;
  /** Σ the sub-funds' target sizes; null if none has one. */
  targetFen: number | null;
  leverage: ByBasis<LeverageFigure>;
}

export interface WaterfallStep {
  /** `mother_fund` first, then the other sources, then the total. */
  key: SourceClass | 'total';
  amountFen: number;
  /** Where the bar starts (the running total before it); 0 for the first and the total. */
  baseFen: number;
}

export interface Overview {
  asOf: string;
  includeDirect: boolean;
  mother: { id: number; nameZh: string; nameEn: string; committedFen: number; paidInFen: number; fiscalCommittedFen: number; targetFen: number | null } | null;
  leverage: GroupLeverage;
  /** Group size ÷ the programme's target, on each basis. */
  progress: ByBasis<number | null>;
  groupTargetFen: number | null;
  waterfall: ByBasis<WaterfallStep[]>;
  batches: BatchRow[];
  funds: SubFundRow[];
  compliance: ComplianceFlag[];
  counts: { subFunds: number; setUp: number; vehicles: number; flagged: number };
  reinvestStatus: Record<ReinvestResult['status'], number>;
}

const WATERFALL_ORDER: SourceClass[] = ['mother_fund', 'fiscal', 'soe', 'financial', 'private', 'foreign', 'individual'];

/** The leverage waterfall: the mother fund's money, then each other source stacked on it, then the group's size. */
export function waterfall(bySource: Partial<Record<SourceClass, number>>, totalFen: number): WaterfallStep[] {
  const steps: WaterfallStep[] = [];
  let running = 0;
  for (const key of WATERFALL_ORDER) {
    const amountFen = bySource[key] ?? 0;
    if (key !== 'mother_fund' && amountFen === 0) continue;
    steps.push({ key, amountFen, baseFen: running });
    running += amountFen;
  }
  steps.push({ key: 'total', amountFen: totalFen, baseFen: 0 });
  return steps;
}

/** The government overview as of a date: leverage family, batches, per-fund rows with rules and flags, compliance. */
export function fundGroupOverview(raw: OverviewInput): Overview {
  const { asOf } = raw;
  // Funds the mother fund had decided on by the date (the mother fund itself always).
  const input = { ...raw, funds: raw.funds.filter((f) => f.kind === 'mother' || (f.decisionDate ?? f.establishedDate ?? '') <= asOf) };
  const motherFund = input.funds.find((f) => f.kind === 'mother') ?? null;
  const motherDirect = motherFund ? (input.flows.find((f) => f.fundId === motherFund.id)?.investedFen ?? 0) : 0;
  const leverage = groupLeverage({ funds: input.funds, money: input.money, motherDirectInvestedFen: motherDirect, includeDirect: input.includeDirect });
  const flowsBy = new Map(input.flows.map((f) => [f.fundId, f]));
  const flowsOf = (id: number): FundFlows =>
    flowsBy.get(id) ?? { fundId: id, calledFen: 0, paidInFen: 0, distributedFen: 0, feesFen: 0, investedFen: 0, proceedsFen: 0, investedInFundsFen: 0 };
  const byFund = moneyByFund(input.money);
  const moneyOf = (id: number) => byFund.get(id) ?? [];

  const compliance: ComplianceFlag[] = [];
  const rows: SubFundRow[] = [];
  const reinvestStatus: Overview['reinvestStatus'] = { not_required: 0, met: 0, on_track: 0, at_risk: 0, breached: 0 };
  for (const f of input.funds) {
    if (f.kind === 'mother') continue;
    const c = fundMoney(moneyOf(f.id), f.id, 'committed');
    const p = fundMoney(moneyOf(f.id), f.id, 'paid_in');
    const fl = flowsOf(f.id);
    const flags: ComplianceFlag[] = [];
    const setUp = setUpClock(f, asOf);
    if (setUp) flags.push(setUp);
    const idle = idleClock({
      fundId: f.id,
      asOf,
      contributions: input.contributionSeries.get(f.id) ?? [],
      usedFen: fl.investedFen + fl.investedInFundsFen + fl.feesFen,
    });
    if (idle) flags.push(idle);
    const govShare = ratio(c.government, c.size);
    if (f.kind === 'sub' && f.govShareCap !== null && govShare !== null && govShare > f.govShareCap + 1e-12) {
      const since = overCapSince(input.commitmentHistory.get(f.id) ?? [], f.govShareCap, asOf) ?? asOf;
      flags.push({ fundId: f.id, trigger: 'gov_share_over_cap', since, params: { share: govShare, cap: f.govShareCap } });
    }
    const term = termClock(f, asOf);
    if (term) flags.push(term);
    const re = reinvestment({
      rule: f.reinvest,
      asOf,
      motherCommittedFen: c.mother,
      motherPaidInFen: p.mother,
      establishedDate: f.establishedDate,
      investmentPeriodYears: f.investmentPeriodYears,
      investments: input.investments.get(f.id) ?? [],
    });
    if (f.kind === 'sub') reinvestStatus[re.status] += 1;
    if (f.kind === 'sub' && re.status === 'breached' && re.periodEnd) {
      flags.push({
        fundId: f.id,
        trigger: 'reinvest_breached',
        since: re.periodEnd,
        params: { completion: re.completion[f.reinvest.basis] ?? 0, k: f.reinvest.k },
      });
    }
    compliance.push(...flags);
    rows.push({
      id: f.id,
      code: f.code,
      nameZh: f.nameZh,
      nameEn: f.nameEn,
      managerZh: f.managerZh,
      managerEn: f.managerEn,
      kind: f.kind,
      batch: f.batch,
      status: fundStatusAsOf(f, asOf),
      isFundOfFunds: f.isFundOfFunds,
      establishedDate: f.establishedDate,
      targetSizeFen: f.targetSizeFen,
      committedFen: c.size,
      calledFen: fl.calledFen,
      paidInFen: p.size,
      distributedFen: fl.distributedFen,
      motherCommittedFen: c.mother,
      motherPaidInFen: p.mother,
      governmentCommittedFen: c.government,
      groupFundCommittedFen: c.groupFund,
      govShare,
      govShareCap: f.govShareCap,
      leverage: { committed: subFundLeverage(moneyOf(f.id), f.id, 'committed'), paid_in: subFundLeverage(moneyOf(f.id), f.id, 'paid_in') },
      paidInRatio: ratio(p.size, c.size),
      reinvest: {
        required: re.required,
        k: re.k,
        countedFen: re.countedFen,
        completion: re.completion,
        status: re.status,
        shortfallFen: re.shortfallFen,
        periodEnd: re.periodEnd,
        basis: f.reinvest.basis,
      },
      flags: flags.map((x) => x.trigger),
    });
  }

  const subs = input.funds.filter((f) => f.kind === 'sub');
  const batchNos = [...new Set(subs.map((f) => f.batch ?? 0))].sort((a, b) => a - b);
  const batches: BatchRow[] = batchNos.map((batch) => {
    const ids = subs.filter((f) => (f.batch ?? 0) === batch).map((f) => f.id);
    const inBatch = ids.flatMap((id) => moneyOf(id));
    const lc = batchLeverage(inBatch, ids, 'committed');
    const lp = batchLeverage(inBatch, ids, 'paid_in');
    const targets = subs.filter((f) => (f.batch ?? 0) === batch && f.targetSizeFen !== null);
    return {
      batch,
      count: ids.length,
      committedFen: lc.numeratorFen,
      paidInFen: lp.numeratorFen,
      motherCommittedFen: lc.denominatorFen,
      motherPaidInFen: lp.denominatorFen,
      targetFen: targets.length ? targets.reduce((a, f) => a + (f.targetSizeFen ?? 0), 0) : null,
      leverage: { committed: lc, paid_in: lp },
    };
  });

  const motherMoney = motherFund ? fundMoney(moneyOf(motherFund.id), motherFund.id, 'committed') : null;
  const motherPaid = motherFund ? fundMoney(moneyOf(motherFund.id), motherFund.id, 'paid_in') : null;
  compliance.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.fundId - b.fundId));
  return {
    asOf,
    includeDirect: input.includeDirect,
    mother:
      motherFund && motherMoney && motherPaid
        ? {
            id: motherFund.id,
            nameZh: motherFund.nameZh,
            nameEn: motherFund.nameEn,
            committedFen: motherMoney.size,
            paidInFen: motherPaid.size,
            fiscalCommittedFen: motherMoney.fiscal,
            targetFen: input.motherTargetFen,
          }
        : null,
    leverage,
    progress: {
      committed: input.groupTargetFen ? leverage.groupSize.committed / input.groupTargetFen : null,
      paid_in: input.groupTargetFen ? leverage.groupSize.paid_in / input.groupTargetFen : null,
    },
    groupTargetFen: input.groupTargetFen,
    waterfall: {
      committed: waterfall(leverage.bySource.committed, leverage.groupSize.committed),
      paid_in: waterfall(leverage.bySource.paid_in, leverage.groupSize.paid_in),
    },
    batches,
    funds: rows,
    compliance,
    counts: {
      subFunds: subs.length,
      setUp: subs.filter((f) => isSetUpAsOf(f, asOf)).length,
      vehicles: input.funds.filter((f) => f.kind === 'direct_vehicle').length,
      flagged: new Set(compliance.map((x) => x.fundId)).size,
    },
    reinvestStatus,
  };
}
