import { addMonths, addYears } from '../common/dates.js';
import type { GroupFund } from './money.js';

/**
 * Compliance clocks on the group's funds, as of a date. Each flag says what triggered it and since when:
 * - `not_set_up`: not set up within a year of the mother fund's decision (since the anniversary);
 * - `idle_money`: money paid in more than a year ago and still not used — contributions are used, oldest
 *   first, by investments (a fund of funds: its payments into other funds of the group) and fees; what is left of contributions made a year or more before the as-of
 *   date is idle (since the day its oldest part turned one year old). Below `IDLE_TOLERANCE` of the money
 *   paid in by then, a working balance, it is not flagged;
 * - `gov_share_over_cap`: the government share is above the fund's cap (since it went over);
 * - `term_ending`: the fund's term ends within six months (since six months before the end);
 * - `term_expired`: the term has ended and the fund is not liquidated (since the end);
 * - `reinvest_breached`: the investment period ended short of the local-reinvestment requirement.
 */
export type ComplianceTrigger = 'not_set_up' | 'idle_money' | 'gov_share_over_cap' | 'term_ending' | 'term_expired' | 'reinvest_breached';
export const COMPLIANCE_TRIGGERS: readonly ComplianceTrigger[] = [
  'not_set_up',
  'idle_money',
  'gov_share_over_cap',
  'term_ending',
  'term_expired',
  'reinvest_breached',
];

export interface ComplianceFlag {
  fundId: number;
  trigger: ComplianceTrigger;
  since: string;
  /** The figures behind the flag (amounts in fen, ratios, dates), for the message. */
  params: Record<string, string | number>;
}

/** Idle money tolerated as working cash: a share of what was paid in a year or more ago. */
export const IDLE_TOLERANCE = 0.1;
/** A term ending within this many months is flagged. */
export const TERM_WARNING_MONTHS = 6;

export function setUpClock(fund: Pick<GroupFund, 'id' | 'decisionDate' | 'establishedDate'>, asOf: string): ComplianceFlag | null {
  if (!fund.decisionDate || fund.decisionDate > asOf) return null;
  const deadline = addYears(fund.decisionDate, 1);
  const setUp = fund.establishedDate !== null && fund.establishedDate <= asOf;
  if (setUp || asOf <= deadline) return null;
  return { fundId: fund.id, trigger: 'not_set_up', since: deadline, params: { decisionDate: fund.decisionDate, deadline } };
}

export interface IdleInput {
  fundId: number;
  asOf: string;
  /** Cumulative contributions (paid-in) at the dates they changed, up to asOf, ascending by date. */
  contributions: ReadonlyArray<{ date: string; cumFen: number }>;
  /** Σ investments + fees up to asOf: what the paid-in money has been used for. */
  usedFen: number;
}

/** Cumulative value of a step series at `date` (0 before its first point). */
export function stepAt(series: ReadonlyArray<{ date: string; cumFen: number }>, date: string): number {
  let v = 0;
  for (const p of series) {
    if (p.date > date) break;
    v = p.cumFen;
  }
  return v;
}

export function idleClock(input: IdleInput): ComplianceFlag | null {
  const yearAgo = addYears(input.asOf, -1);
  const oldMoney = stepAt(input.contributions, yearAgo);
  const idle = oldMoney - input.usedFen;
  if (idle <= 0 || idle <= oldMoney * IDLE_TOLERANCE) return null;
  // Used oldest first: the idle money starts with the contribution that took paid-in past what is used.
  const first = input.contributions.find((p) => p.cumFen > input.usedFen);
  const since = first ? addYears(first.date, 1) : yearAgo;
  return { fundId: input.fundId, trigger: 'idle_money', since, params: { idleFen: idle, paidInYearAgoFen: oldMoney, usedFen: input.usedFen } };
}

export function termClock(fund: Pick<GroupFund, 'id' | 'establishedDate' | 'termYears' | 'status'>, asOf: string): ComplianceFlag | null {
  if (!fund.establishedDate || !fund.termYears || fund.status === 'liquidated' || fund.establishedDate > asOf) return null;
  const end = addYears(fund.establishedDate, fund.termYears);
  if (asOf >= end) return { fundId: fund.id, trigger: 'term_expired', since: end, params: { termEnd: end } };
  const warn = addMonths(end, -TERM_WARNING_MONTHS);
  if (asOf >= warn) return { fundId: fund.id, trigger: 'term_ending', since: warn, params: { termEnd: end } };
  return null;
}
