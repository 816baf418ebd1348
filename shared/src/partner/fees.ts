/**
 * Management fees from the terms (ADR 045). A fee accrues day by day, ACT/365:
 *
 *   fee(period) = Σ over the days d of the period  rate(d) × basis(d) ÷ 365
 *
 * where rate(d) is the step in force on d (step-downs by date) and basis(d) is the fund's commitments
 * during the investment period (to `investmentPeriodEnd` inclusive) and, after it, the basis the terms
 * name: invested cost, NAV or paid-in (实缴). Each basis is a step series: a value from its date on. The
 * period's fee is rounded half away from zero once. Transaction fees received in the period offset it at
 * `offsetShare` (e.g. 1 = 100%, 0.8 = 80%), never below zero: an offset larger than the fee carries
 * forward to the next period.
 */
import { DomainError } from '../common/errors.js';
import { addDays, dayNumberToIsoDate, parseIsoDay, quarterEnd } from '../common/dates.js';
import { roundHalfAway } from './waterfall.js';

export const POST_INVESTMENT_FEE_BASES = ['invested', 'nav', 'paidIn'] as const;
export type PostInvestmentFeeBasis = (typeof POST_INVESTMENT_FEE_BASES)[number];
export type FeeBasis = 'committed' | PostInvestmentFeeBasis;

export interface FeeTerms {
  /** The last day of the investment period: fees are on commitments through it. */
  investmentPeriodEnd: string;
  postInvestmentBasis: PostInvestmentFeeBasis;
  /** Annual rates from their dates (the first from the fund's start); later steps are step-downs (or -ups). */
  steps: ReadonlyArray<{ from: string; rate: number }>;
  /** Share of transaction fees that offsets the management fee (0–1). */
  offsetShare: number;
}

export interface FeeBases {
  /** Each basis as a step series: `valueFen` holds from `date` until the next point. */
  committed: ReadonlyArray<{ date: string; valueFen: number }>;
  invested: ReadonlyArray<{ date: string; valueFen: number }>;
  nav: ReadonlyArray<{ date: string; valueFen: number }>;
  paidIn: ReadonlyArray<{ date: string; valueFen: number }>;
}

export interface FeePeriod {
  from: string;
  to: string;
  /** The fee before offsets, rounded to the fen. */
  grossFen: number;
  /** Transaction fees received in the period, times the offset share, plus any carried in; rounded. */
  offsetAvailableFen: number;
  /** Offset applied (at most the gross fee). */
  offsetFen: number;
  /** Offset carried to the next period. */
  offsetCarriedFen: number;
  netFen: number;
  /** The accrual's pieces: each run of days with one rate and one basis value (for a statement's note). */
  pieces: Array<{ from: string; to: string; days: number; basis: FeeBasis; basisFen: number; rate: number }>;
}

const dayOf = (date: string, path: string) => {
  const d = parseIsoDay(date);
  if (Number.isNaN(d)) throw DomainError.field(path, 'isoDate', `${path}: must be a date written YYYY-MM-DD`);
  return d;
};

/** The value of a step series on a day (0 before its first point). */
function valueOn(series: ReadonlyArray<{ day: number; valueFen: number }>, day: number): number {
  let v = 0;
  for (const p of series) if (p.day <= day) v = p.valueFen;
  return v;
}

/**
 * The fee each period implies: one row per period, in order (periods must not overlap). `transactionFees`
 * are fees the manager received from portfolio companies, dated.
 */
export function managementFees(
  terms: FeeTerms,
  bases: FeeBases,
  periods: ReadonlyArray<{ from: string; to: string }>,
  transactionFees: ReadonlyArray<{ date: string; amountFen: number }> = [],
): FeePeriod[] {
  if (terms.steps.length === 0) throw DomainError.field('terms.steps', 'required', 'terms.steps: at least one fee rate is required');
  const steps = terms.steps.map((s, i) => ({ day: dayOf(s.from, `terms.steps.${i}.from`), rate: s.rate })).sort((a, b) => a.day - b.day);
  const ipEnd = dayOf(terms.investmentPeriodEnd, 'terms.investmentPeriodEnd');
  const series = Object.fromEntries(
    (['committed', 'invested', 'nav', 'paidIn'] as const).map((k) => [
      k,
      bases[k].map((p, i) => ({ day: dayOf(p.date, `bases.${k}.${i}.date`), valueFen: p.valueFen })).sort((a, b) => a.day - b.day),
    ]),
  ) as Record<FeeBasis, Array<{ day: number; valueFen: number }>>;
  const txFees = transactionFees.map((t, i) => ({ day: dayOf(t.date, `transactionFees.${i}.date`), amountFen: t.amountFen }));
  let carried = 0;
  const out: FeePeriod[] = [];
  for (const [pi, period] of periods.entries()) {
    const from = dayOf(period.from, `periods.${pi}.from`);
    const to = dayOf(period.to, `periods.${pi}.to`);
    if (to < from) throw DomainError.field(`periods.${pi}`, 'periodOrder', `periods.${pi}: must not end before it starts`);
    // Breakpoints: every day on which the rate, the basis or a basis value may change.
    const cuts = new Set<number>([from, to + 1, ipEnd + 1]);
    for (const s of steps) cuts.add(s.day);
    for (const k of Object.keys(series) as FeeBasis[]) for (const p of series[k]) cuts.add(p.day);
    const edges = [...cuts].filter((d) => d >= from && d <= to + 1).sort((a, b) => a - b);
    let exact = 0;
    const pieces: FeePeriod['pieces'] = [];
    for (let j = 0; j + 1 < edges.length; j++) {
      const a = edges[j]!;
      const b = edges[j + 1]!;
      const basis: FeeBasis = a <= ipEnd ? 'committed' : terms.postInvestmentBasis;
      const rate = steps.filter((s) => s.day <= a).at(-1)?.rate ?? 0;
      const basisFen = valueOn(series[basis], a);
      exact += (rate * basisFen * (b - a)) / 365;
      const last = pieces.at(-1);
      if (last && last.basis === basis && last.basisFen === basisFen && last.rate === rate) {
        last.to = dayNumberToIsoDate(b - 1);
        last.days += b - a;
      } else pieces.push({ from: dayNumberToIsoDate(a), to: dayNumberToIsoDate(b - 1), days: b - a, basis, basisFen, rate });
    }
    const grossFen = roundHalfAway(exact);
    const received = txFees.reduce((s, t) => (t.day >= from && t.day <= to ? s + t.amountFen : s), 0);
    const offsetAvailableFen = carried + roundHalfAway(received * terms.offsetShare);
    const offsetFen = Math.min(grossFen, offsetAvailableFen);
    carried = offsetAvailableFen - offsetFen;
    out.push({ from: period.from, to: period.to, grossFen, offsetAvailableFen, offsetFen, offsetCarriedFen: carried, netFen: grossFen - offsetFen, pieces });
  }
  return out;
}

/** Calendar quarters covering [from, to], the first and last cut to the range. */
export function quarterPeriods(from: string, to: string): Array<{ from: string; to: string }> {
  const out: Array<{ from: string; to: string }> = [];
  let start = from;
  while (start <= to) {
    const end = quarterEnd(start) < to ? quarterEnd(start) : to;
    out.push({ from: start, to: end });
    start = addDays(end, 1);
  }
  return out;
}
