import { heldOn, type HoldingInterval } from './portfolio.js';
import { latestCompleteYear } from './progress.js';
import type { DesignationLevel, TargetMetric } from './reference.js';

/**
 * The plan's figures as of a date (docs/domain.md#targets), from plain data the server loads:
 * - leaders and benchmarks: firms with a designation of that level in force on the date (approved on or
 *   before it, not revoked on or before it);
 * - output value: Σ the annual output value, for the latest complete year, of the firms in the portfolio
 *   on the date and in the focus sectors; portfolio firms in the focus sectors without a figure for that
 *   year are the gaps (listed, never filled in);
 * - STAR listings: firms whose listing reached 发行上市 within the programme's period, up to the date;
 * - mother-fund and fund-group size: from the books (the server's fund figures), passed in per date.
 */
export interface DesignationSpan {
  id: number;
  companyId: number;
  level: DesignationLevel;
  effectiveOn: string;
  revokedOn: string | null;
}

export interface ListedFirm {
  companyId: number;
  attemptId: number;
  listedOn: string;
}

export interface FundFigures {
  motherFundSizeFen: number;
  fundGroupSizeFen: number;
}

export interface FiguresInput {
  programme: { startDate: string; endDate: string };
  designations: ReadonlyArray<DesignationSpan>;
  listings: ReadonlyArray<ListedFirm>;
  holdings: ReadonlyMap<number, ReadonlyArray<HoldingInterval>>;
  /** Firms whose sector is one of the plan's focus sectors. */
  focusFirms: ReadonlySet<number>;
  /** year → company → that year's annual output value (fen). */
  outputByYear: ReadonlyMap<number, ReadonlyMap<number, number>>;
}

export function designationsInForce(list: ReadonlyArray<DesignationSpan>, level: DesignationLevel, date: string): DesignationSpan[] {
  const byCompany = new Map<number, DesignationSpan>();
  for (const d of list)
    if (d.level === level && d.effectiveOn <= date && (d.revokedOn === null || d.revokedOn > date) && !byCompany.has(d.companyId))
      byCompany.set(d.companyId, d);
  return [...byCompany.values()];
}

/** Firms listed within [start, date]; a firm that listed twice (it cannot, but) counts once. */
export function listedWithin(list: ReadonlyArray<ListedFirm>, start: string, date: string): ListedFirm[] {
  const byCompany = new Map<number, ListedFirm>();
  for (const l of list) if (l.listedOn >= start && l.listedOn <= date && !byCompany.has(l.companyId)) byCompany.set(l.companyId, l);
  return [...byCompany.values()];
}

export interface OutputValue {
  year: number;
  totalFen: number;
  firms: Array<{ companyId: number; outputFen: number }>;
  /** Portfolio firms in the focus sectors without a figure for the year. */
  gaps: number[];
}

export function outputValueAt(input: Pick<FiguresInput, 'holdings' | 'focusFirms' | 'outputByYear'>, date: string): OutputValue {
  const year = latestCompleteYear(date);
  const figures = input.outputByYear.get(year);
  const firms: OutputValue['firms'] = [];
  const gaps: number[] = [];
  let totalFen = 0;
  for (const [companyId, intervals] of input.holdings) {
    if (!input.focusFirms.has(companyId) || !heldOn(intervals, date)) continue;
    const v = figures?.get(companyId);
    if (v === undefined) gaps.push(companyId);
    else {
      firms.push({ companyId, outputFen: v });
      totalFen += v;
    }
  }
  firms.sort((a, b) => b.outputFen - a.outputFen || a.companyId - b.companyId);
  gaps.sort((a, b) => a - b);
  return { year, totalFen, firms, gaps };
}

/** outputValueAt's total alone (no lists), for the trend. */
export function outputTotalAt(input: Pick<FiguresInput, 'holdings' | 'focusFirms' | 'outputByYear'>, date: string): number {
  const figures = input.outputByYear.get(latestCompleteYear(date));
  if (!figures) return 0;
  let total = 0;
  for (const [companyId, v] of figures) if (input.focusFirms.has(companyId) && heldOn(input.holdings.get(companyId), date)) total += v;
  return total;
}

/** Each metric's value on each date (dates ascending); fund figures come per date from the books. */
export function metricSeries(input: FiguresInput, dates: ReadonlyArray<string>, funds: ReadonlyArray<FundFigures>): Record<TargetMetric, number[]> {
  const out: Record<TargetMetric, number[]> = {
    mother_fund_size: [],
    fund_group_size: [],
    leader_firms: [],
    benchmark_firms: [],
    output_value: [],
    star_listings: [],
  };
  dates.forEach((d, i) => {
    const f = funds[i] ?? { motherFundSizeFen: 0, fundGroupSizeFen: 0 };
    out.mother_fund_size.push(f.motherFundSizeFen);
    out.fund_group_size.push(f.fundGroupSizeFen);
    out.leader_firms.push(designationsInForce(input.designations, 'leader', d).length);
    out.benchmark_firms.push(designationsInForce(input.designations, 'benchmark', d).length);
    out.output_value.push(outputTotalAt(input, d));
    out.star_listings.push(listedWithin(input.listings, input.programme.startDate, d).length);
  });
  return out;
}
