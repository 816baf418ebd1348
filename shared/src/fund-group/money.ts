import type { FundKind, FundStatus, InvestorSource } from '../reference/taxonomy.js';

/**
 * Where a fund's money comes from, for the group's figures: the investor's source type; `group_fund` for
 * an investor that is itself a fund of the group other than the mother fund (a fund of funds' commitment
 * to another sub-fund — its money is counted once, in its own fund); `none` for fund ↔ company flows.
 */
export type SourceClass = InvestorSource | 'group_fund' | 'none';
export const SOURCE_CLASSES: readonly SourceClass[] = ['mother_fund', 'fiscal', 'soe', 'financial', 'private', 'foreign', 'individual', 'group_fund', 'none'];

/** Committed (认缴) or paid-in (实缴): every group figure exists on both bases. */
export type Basis = 'committed' | 'paid_in';
export const BASES: readonly Basis[] = ['committed', 'paid_in'];

/** One fund's money from one source class as of a date: Σ commitments and Σ contributions (net of reversals). */
export interface SourceMoney {
  fundId: number;
  source: SourceClass;
  committedFen: number;
  paidInFen: number;
}

/** The facts of a fund the group's rules read. Plain data: the caller loads it. */
export interface GroupFund {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: FundKind;
  parentFundId: number | null;
  batch: number | null;
  isFundOfFunds: boolean;
  status: FundStatus;
  decisionDate: string | null;
  establishedDate: string | null;
  termYears: number | null;
  investmentPeriodYears: number | null;
  targetSizeFen: number | null;
  govShareCap: number | null;
  govShareOverrideAllowed: boolean;
  reinvest: ReinvestRule;
}

/** A sub-fund agreement's local-reinvestment (返投) rule. k = 0: no requirement. */
export interface ReinvestRule {
  k: number;
  weights: { registered: number; relocated: number; subsidiary: number };
  /** Which completion rate binds the status (both are reported). */
  basis: Basis;
}

/** Sums of a fund's money by basis, from its per-source rows. */
export interface FundMoney {
  /** Σ every source: the fund's size (committed) or paid-in. */
  size: number;
  /** The mother fund's money in it. */
  mother: number;
  /** Budget (财政) money from LPs other than the mother fund. */
  fiscal: number;
  /** Money from other funds of the group (a fund of funds' commitment): counted in that fund, not here. */
  groupFund: number;
  /** Everything but group-fund money: what this fund adds to the group. */
  own: number;
  /** Government money: the mother fund's plus other budget money. */
  government: number;
  bySource: Partial<Record<SourceClass, number>>;
}

const amountOf = (m: SourceMoney, basis: Basis) => (basis === 'committed' ? m.committedFen : m.paidInFen);

/** One fund's money on one basis, from the per-source rows of every fund (rows of other funds are ignored). */
export function fundMoney(rows: ReadonlyArray<SourceMoney>, fundId: number, basis: Basis): FundMoney {
  const out: FundMoney = { size: 0, mother: 0, fiscal: 0, groupFund: 0, own: 0, government: 0, bySource: {} };
  for (const r of rows) {
    if (r.fundId !== fundId || r.source === 'none') continue;
    const v = amountOf(r, basis);
    out.size += v;
    out.bySource[r.source] = (out.bySource[r.source] ?? 0) + v;
    if (r.source === 'mother_fund') out.mother += v;
    if (r.source === 'fiscal') out.fiscal += v;
    if (r.source === 'group_fund') out.groupFund += v;
  }
  out.own = out.size - out.groupFund;
  out.government = out.mother + out.fiscal;
  return out;
}

/** The rows of each fund (one pass), so per-fund sums do not rescan every fund's rows. */
export function moneyByFund(rows: ReadonlyArray<SourceMoney>): Map<number, SourceMoney[]> {
  const out = new Map<number, SourceMoney[]>();
  for (const r of rows) {
    const list = out.get(r.fundId);
    if (list) list.push(r);
    else out.set(r.fundId, [r]);
  }
  return out;
}

/** a ÷ b, or null where the denominator is zero (a ratio that does not exist is never shown as 0 or ∞). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
