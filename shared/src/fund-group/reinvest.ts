import { addYears, daysBetween } from '../common/dates.js';
import type { Basis, ReinvestRule } from './money.js';

/**
 * The local-reinvestment (返投) rule engine (docs/domain.md#local-reinvestment):
 *
 *   completion = Σ (weight × amount invested in qualifying firms) ÷ (k × the mother fund's contribution)
 *
 * on the committed basis (the mother fund's commitment to the sub-fund) and the paid-in basis (what it
 * has paid in), as of a date. k comes from the sub-fund's agreement (k = 0: no requirement). The weight
 * of an investment comes from the evidence that its firm counts as local:
 * - `registered`: the firm was registered in Shanghai when invested in — the agreement's registered weight (1.0);
 * - `relocated`: it moved to Shanghai after the investment — the relocated weight, from the date it moved;
 * - `subsidiary`: it set up a Shanghai subsidiary — the subsidiary weight, from the subsidiary's date;
 * the best evidence in force on the as-of date counts; without any, the investment does not count.
 *
 * Status on the agreement's binding basis, against the investment period (set-up + investment years):
 * `met` at 100%; `breached` when the period has ended short of it; `on_track` when completion is at
 * least the share of the period that has elapsed (a straight line to 100% at its end); `at_risk` below.
 */
export type ReinvestEvidenceType = 'registered' | 'relocated' | 'subsidiary';
export type ReinvestStatus = 'not_required' | 'met' | 'on_track' | 'at_risk' | 'breached';
/** Why an investment counts, or why not. */
export type ReinvestReason = ReinvestEvidenceType | 'relocation_pending' | 'subsidiary_pending' | 'not_local';

/** The engine's input: one investment (or follow-on) by the sub-fund in a firm, with the evidence on file. */
export interface QualifyingInvestment {
  companyId: number;
  date: string;
  amountFen: number;
  /** The firm was registered in Shanghai when the sub-fund invested (the company record). */
  registeredInShanghai: boolean;
  /** Relocation and subsidiary evidence, each with the date from which it holds. */
  evidence: ReadonlyArray<{ type: 'relocated' | 'subsidiary'; effectiveDate: string }>;
}

export interface ReinvestInput {
  rule: ReinvestRule;
  asOf: string;
  /** The mother fund's commitment to the sub-fund and its contributions, as of asOf. */
  motherCommittedFen: number;
  motherPaidInFen: number;
  /** The sub-fund's set-up date and investment period; null while it is not set up. */
  establishedDate: string | null;
  investmentPeriodYears: number | null;
  investments: ReadonlyArray<QualifyingInvestment>;
}

export interface ReinvestLine {
  companyId: number;
  date: string;
  amountFen: number;
  reason: ReinvestReason;
  weight: number;
  /** weight × amount: what the line adds to the numerator. */
  countedFen: number;
  /** The date the evidence holds from (relocation, subsidiary), when it is what counts or is pending. */
  evidenceDate: string | null;
}

export interface ReinvestResult {
  required: boolean;
  k: number;
  /** Σ weight × amount of investments up to asOf. */
  countedFen: number;
  investedFen: number;
  /** k × the mother fund's money, per basis. */
  requiredFen: Record<Basis, number>;
  /** countedFen ÷ requiredFen per basis; null where nothing is required or the mother fund has put in nothing. */
  completion: Record<Basis, number | null>;
  /** Share of the investment period elapsed on asOf (0…1); null without a period. */
  elapsed: number | null;
  periodEnd: string | null;
  /** Money still to invest locally (weighted) to meet the binding basis; 0 when met. */
  shortfallFen: number;
  status: ReinvestStatus;
  lines: ReinvestLine[];
}

/** The weight of one investment as of `asOf`, and why. */
export function reinvestWeight(
  inv: QualifyingInvestment,
  rule: ReinvestRule,
  asOf: string,
): { reason: ReinvestReason; weight: number; evidenceDate: string | null } {
  // A relocation recorded after the investment makes it a relocated firm even if it is registered in Shanghai now.
  const relocation = inv.evidence
    .filter((e) => e.type === 'relocated' && e.effectiveDate > inv.date)
    .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : 1))[0];
  const subsidiary = inv.evidence.filter((e) => e.type === 'subsidiary').sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : 1))[0];
  const candidates: Array<{ reason: ReinvestReason; weight: number; evidenceDate: string | null }> = [];
  if (inv.registeredInShanghai && !relocation) candidates.push({ reason: 'registered', weight: rule.weights.registered, evidenceDate: null });
  if (relocation && relocation.effectiveDate <= asOf)
    candidates.push({ reason: 'relocated', weight: rule.weights.relocated, evidenceDate: relocation.effectiveDate });
  if (subsidiary && subsidiary.effectiveDate <= asOf)
    candidates.push({ reason: 'subsidiary', weight: rule.weights.subsidiary, evidenceDate: subsidiary.effectiveDate });
  const best = candidates.sort((a, b) => b.weight - a.weight)[0];
  if (best && best.weight > 0) return best;
  if (relocation) return { reason: 'relocation_pending', weight: 0, evidenceDate: relocation.effectiveDate };
  if (subsidiary) return { reason: 'subsidiary_pending', weight: 0, evidenceDate: subsidiary.effectiveDate };
  return { reason: 'not_local', weight: 0, evidenceDate: null };
}

export function reinvestment(input: ReinvestInput): ReinvestResult {
  const { rule, asOf } = input;
  const lines: ReinvestLine[] = input.investments
    .filter((i) => i.date <= asOf)
    .map((i) => {
      const w = reinvestWeight(i, rule, asOf);
      return { companyId: i.companyId, date: i.date, amountFen: i.amountFen, ...w, countedFen: w.weight * i.amountFen };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.companyId - b.companyId));
  const countedFen = lines.reduce((a, l) => a + l.countedFen, 0);
  const investedFen = lines.reduce((a, l) => a + l.amountFen, 0);
  const required = rule.k > 0;
  const requiredFen = { committed: rule.k * input.motherCommittedFen, paid_in: rule.k * input.motherPaidInFen };
  const completion = {
    committed: required && requiredFen.committed > 0 ? countedFen / requiredFen.committed : null,
    paid_in: required && requiredFen.paid_in > 0 ? countedFen / requiredFen.paid_in : null,
  };
  const periodEnd = input.establishedDate && input.investmentPeriodYears ? addYears(input.establishedDate, input.investmentPeriodYears) : null;
  const elapsed =
    input.establishedDate && periodEnd
      ? Math.min(1, Math.max(0, daysBetween(input.establishedDate, asOf) / daysBetween(input.establishedDate, periodEnd)))
      : null;
  const binding = completion[rule.basis];
  const shortfallFen = required ? Math.max(0, requiredFen[rule.basis] - countedFen) : 0;
  let status: ReinvestStatus;
  if (!required) status = 'not_required';
  else if (binding !== null && binding >= 1) status = 'met';
  else if (requiredFen[rule.basis] === 0) status = 'on_track';
  else if (periodEnd && asOf >= periodEnd) status = 'breached';
  else status = (binding ?? 0) >= (elapsed ?? 0) ? 'on_track' : 'at_risk';
  return { required, k: rule.k, countedFen, investedFen, requiredFen, completion, elapsed, periodEnd, shortfallFen, status, lines };
}
