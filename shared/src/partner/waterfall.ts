/**
 * The distribution waterfall of one LP class: how each distribution is split between the LPs and the GP
 * (carried interest). ADR 045 records the readings behind each choice; docs/finance.md the formulas.
 *
 * Whole-fund (European) — `wholeFundWaterfall(terms, flows)`. Flows (integer fen; negative = contributed,
 * positive = cash to distribute before the split) are taken in date order, a contribution before a
 * distribution on the same date, input order otherwise; zero amounts are ignored. Each distribution A on
 * date D is split through three tiers:
 *
 *   1. LPs take 100% up to the hurdle balance
 *        B = Σ contributions·(1+h)^(days/365) − Σ earlier LP receipts·(1+h)^(days/365)
 *      (days from each flow's date to D, fractional exponent, ACT/365). B is netted: negative while LPs
 *      are ahead, and tier 1 then takes nothing; a later contribution raises it again.
 *   2. Catch-up (skipped when catchUp = 0): the GP takes `catchUp` of each yuan, LPs the rest, until the
 *      GP's receipts reach carry × (cumulative distributions − cumulative contributions), cumulative
 *      distributions counting every amount allocated so far including this distribution's tiers 1 and 2:
 *        x = (carry·(P + t₁ − C) − G) ÷ (catchUp − carry)
 *      with P the earlier distributions, C the contributions so far, G the GP's earlier receipts. x ≤ 0
 *      (the GP already holds that much) skips the tier; the waterfall never claws back.
 *   3. `carry` to the GP, the rest to LPs.
 *
 * The GP's part is rounded half away from zero to the fen and the LPs' part is the rest; later
 * distributions reckon with the amounts actually paid (integer LP receipts in B, integer G).
 */
import { DomainError } from '../common/errors.js';
import { parseIsoDay } from '../common/dates.js';

export interface WaterfallTerms {
  /** Preferred return a year (0.08 = 8%), compounded ACT/365. */
  hurdle: number;
  /** Carried interest (0.2 = 20%), at most 50%. */
  carry: number;
  /** 0 = no catch-up; else the GP's share of the catch-up tier, above `carry` and at most 1 (1 = full catch-up). */
  catchUp: number;
}

export interface WaterfallFlow {
  date: string;
  amount: number;
}

export interface WaterfallSplit {
  date: string;
  amount: number;
  lp: number;
  gp: number;
}

/** One distribution's split with the tiers it went through (unrounded tier sizes, for statements and tests). */
export interface WaterfallSplitDetail extends WaterfallSplit {
  /** Position of the flow in the input. */
  index: number;
  /** The hurdle balance B on the date, before this distribution (may be negative). */
  hurdleBalance: number;
  tier1: number;
  tier2: number;
  tier3: number;
  /** The GP's part before rounding. */
  gpExact: number;
}

export const CARRY_MAX = 0.5;
export const HURDLE_MAX = 1;

/** Rounds half away from zero (Math.round rounds −2.5 to −2). */
export function roundHalfAway(x: number): number {
  const r = Math.sign(x) * Math.round(Math.abs(x));
  return r === 0 ? 0 : r;
}

/** Throws a VALIDATION DomainError naming the field and the rule when the terms are out of range. */
export function checkWaterfallTerms(terms: WaterfallTerms, path = 'terms'): void {
  const { hurdle, carry, catchUp } = terms;
  if (typeof hurdle !== 'number' || !Number.isFinite(hurdle) || hurdle < 0 || hurdle > HURDLE_MAX)
    throw DomainError.field(`${path}.hurdle`, 'hurdleRange', `${path}.hurdle: must be a number from 0 to ${HURDLE_MAX} (got ${String(hurdle)})`, {
      min: 0,
      max: HURDLE_MAX,
    });
  if (typeof carry !== 'number' || !Number.isFinite(carry) || carry < 0 || carry > CARRY_MAX)
    throw DomainError.field(`${path}.carry`, 'carryRange', `${path}.carry: must be a number from 0 to ${CARRY_MAX} (got ${String(carry)})`, {
      min: 0,
      max: CARRY_MAX,
    });
  if (typeof catchUp !== 'number' || !Number.isFinite(catchUp) || (catchUp !== 0 && (catchUp <= carry || catchUp > 1)))
    throw DomainError.field(
      `${path}.catchUp`,
      'catchUpRange',
      `${path}.catchUp: must be 0 (no catch-up) or above the carry (${carry}) and at most 1 (got ${String(catchUp)})`,
      { carry },
    );
}

interface Ordered {
  index: number;
  day: number;
  date: string;
  amount: number;
}

/** Validates the flows and puts them in waterfall order: by date, contributions first on a date, then input order. */
export function orderWaterfallFlows(flows: ReadonlyArray<WaterfallFlow>, path = 'flows'): Ordered[] {
  const out: Ordered[] = [];
  for (const [index, f] of flows.entries()) {
    const day = parseIsoDay(f?.date);
    if (Number.isNaN(day)) throw DomainError.field(`${path}.${index}.date`, 'isoDate', `${path}.${index}.date: must be a date written YYYY-MM-DD`);
    if (!Number.isSafeInteger(f.amount))
      throw DomainError.field(`${path}.${index}.amount`, 'integerFen', `${path}.${index}.amount: must be a whole number of fen (got ${String(f.amount)})`);
    if (f.amount !== 0) out.push({ index, day, date: f.date, amount: f.amount });
  }
  out.sort((a, b) => a.day - b.day || Number(a.amount > 0) - Number(b.amount > 0) || a.index - b.index);
  return out;
}

/** The whole-fund waterfall with each distribution's tiers (see the file's comment). */
export function wholeFundWaterfallDetail(terms: WaterfallTerms, flows: ReadonlyArray<WaterfallFlow>): WaterfallSplitDetail[] {
  checkWaterfallTerms(terms);
  const { hurdle, carry, catchUp } = terms;
  const ordered = orderWaterfallFlows(flows);
  const growth = Math.log1p(hurdle) / 365;
  /** Contributions (+) and LP receipts (−) by day, for the hurdle balance. */
  const ledger: Array<{ day: number; amount: number }> = [];
  let contributed = 0;
  let distributed = 0;
  let gpReceived = 0;
  const out: WaterfallSplitDetail[] = [];
  for (const f of ordered) {
    if (f.amount < 0) {
      ledger.push({ day: f.day, amount: -f.amount });
      contributed += -f.amount;
      continue;
    }
    const a = f.amount;
    let balance = 0;
    for (const l of ledger) balance += l.amount * Math.exp(growth * (f.day - l.day));
    const tier1 = Math.min(a, Math.max(0, balance));
    let tier2 = 0;
    if (catchUp > 0) {
      const x = (carry * (distributed + tier1 - contributed) - gpReceived) / (catchUp - carry);
      if (x > 0) tier2 = Math.min(a - tier1, x);
    }
    const tier3 = Math.max(0, a - tier1 - tier2);
    const gpExact = catchUp * tier2 + carry * tier3;
    const gp = Math.min(a, Math.max(0, roundHalfAway(gpExact)));
    const lp = a - gp;
    out.push({ index: f.index, date: f.date, amount: a, lp, gp, hurdleBalance: balance, tier1, tier2, tier3, gpExact });
    ledger.push({ day: f.day, amount: -lp });
    distributed += a;
    gpReceived += gp;
  }
  return out;
}

/**
 * The whole-fund (European) waterfall of one LP class: one row per positive flow, in date order (input
 * order on ties), with lp + gp === amount in integer fen. Throws a VALIDATION DomainError on a
 * non-integer amount, an invalid date, or terms out of range (hurdle 0–1, carry 0–0.5, catchUp 0 or in
 * (carry, 1]).
 */
export function wholeFundWaterfall(terms: WaterfallTerms, flows: ReadonlyArray<WaterfallFlow>): WaterfallSplit[] {
  return wholeFundWaterfallDetail(terms, flows).map(({ date, amount, lp, gp }) => ({ date, amount, lp, gp }));
}

export interface Deal {
  /** The deal's key (an investment or company id as text). */
  id: string;
  /** The deal's flows in integer fen: negative = LP capital contributed for it, positive = its proceeds to distribute. */
  flows: ReadonlyArray<WaterfallFlow>;
  /** The date the deal was written off or fully realised: from then on its unreturned cost is a realised loss. */
  realisedOn?: string;
}

export interface DealSplit extends WaterfallSplit {
  deal: string;
}

/**
 * Deal-by-deal (American) waterfall: each deal's proceeds go through the three tiers on that deal's own
 * flows, with one carry-forward that most American LPAs require: the unreturned cost of a deal realised at
 * a loss (contributions − proceeds, on its `realisedOn` date) is returned to LPs — with the hurdle on it from
 * that date — out of the next deal's proceeds dated after it (the first such distribution in date order,
 * deal order on ties) before that deal pays carry. Rows come per distribution in date order (deal order,
 * then flow order on ties). The sum of the GP's parts may exceed what a whole-fund waterfall would give;
 * that is what `clawback` settles at wind-up.
 */
export function dealByDealWaterfall(terms: WaterfallTerms, deals: ReadonlyArray<Deal>): DealSplit[] {
  checkWaterfallTerms(terms);
  const pools = deals.map((d, k) => ({ deal: d, k, flows: orderWaterfallFlows(d.flows, `deals.${k}.flows`).map((f) => ({ date: f.date, amount: f.amount })) }));
  // Realised losses in date order.
  const losses: Array<{ k: number; day: number; date: string; amount: number }> = [];
  for (const p of pools) {
    const on = p.deal.realisedOn;
    if (on === undefined) continue;
    const day = parseIsoDay(on);
    if (Number.isNaN(day)) throw DomainError.field(`deals.${p.k}.realisedOn`, 'isoDate', `deals.${p.k}.realisedOn: must be a date written YYYY-MM-DD`);
    const net = p.flows.filter((f) => parseIsoDay(f.date) <= day).reduce((s, f) => s + f.amount, 0);
    if (net < 0) losses.push({ k: p.k, day, date: on, amount: -net });
  }
  losses.sort((a, b) => a.day - b.day || a.k - b.k);
  // Each loss is carried into the first distribution of another deal dated after it.
  const distributions = pools
    .flatMap((p) => p.flows.filter((f) => f.amount > 0).map((f) => ({ k: p.k, day: parseIsoDay(f.date) })))
    .sort((a, b) => a.day - b.day || a.k - b.k);
  for (const loss of losses) {
    const next = distributions.find((d) => d.k !== loss.k && d.day > loss.day);
    if (next) pools[next.k]?.flows.push({ date: loss.date, amount: -loss.amount });
  }
  const rows: Array<DealSplit & { k: number; day: number; i: number }> = [];
  for (const p of pools) {
    for (const [i, s] of wholeFundWaterfall(terms, p.flows).entries()) rows.push({ ...s, deal: p.deal.id, k: p.k, day: parseIsoDay(s.date), i });
  }
  rows.sort((a, b) => a.day - b.day || a.k - b.k || a.i - b.i);
  return rows.map(({ deal, date, amount, lp, gp }) => ({ deal, date, amount, lp, gp }));
}

export interface ClawbackResult {
  /** Carry the GP was paid. */
  paidFen: number;
  /** Test 1: carry × the cumulative profit (gross distributions − contributions, if positive). */
  carryOfProfitFen: number;
  /** Test 2: what LPs still lack to reach the hurdle on what they actually received (0 when they have). */
  lpShortfallFen: number;
  /** max(paid − carry of profit, LP shortfall), within [0, paid]. */
  excessFen: number;
  /** What the GP gives back: the excess, capped at the carry paid net of tax when a tax rate is given. Never negative. */
  clawbackFen: number;
}

/**
 * GP clawback at wind-up, by the usual LPA clause: the GP returns the greater of (1) the carry it was paid
 * beyond `carry` × the fund's cumulative profit and (2) what LPs still lack to reach the hurdle (the
 * netted hurdle balance on the last date, LPs' receipts being the gross distributions less the carry paid
 * on each date), never more than the carry paid and, with `taxRate` (0–1), never more than the carry paid
 * net of the tax the GP bore on it. Never negative. `flows` are the class's contributions (negative) and
 * gross distributions (positive); `gpPaid` the carry paid, dated.
 */
export function clawback(
  terms: WaterfallTerms,
  flows: ReadonlyArray<WaterfallFlow>,
  gpPaid: ReadonlyArray<WaterfallFlow>,
  options: { taxRate?: number } = {},
): ClawbackResult {
  checkWaterfallTerms(terms);
  const taxRate = options.taxRate ?? 0;
  if (!Number.isFinite(taxRate) || taxRate < 0 || taxRate > 1) throw DomainError.field('taxRate', 'rateRange', 'taxRate: must be from 0 to 1');
  const ordered = orderWaterfallFlows(flows);
  const paid = orderWaterfallFlows(gpPaid, 'gpPaid');
  for (const p of paid)
    if (p.amount < 0) throw DomainError.field(`gpPaid.${p.index}.amount`, 'nonNegativeFen', `gpPaid.${p.index}.amount: must not be negative`);
  const paidFen = paid.reduce((s, p) => s + p.amount, 0);
  const end = Math.max(ordered.at(-1)?.day ?? Number.NEGATIVE_INFINITY, paid.at(-1)?.day ?? Number.NEGATIVE_INFINITY);
  const growth = Math.log1p(terms.hurdle) / 365;
  let profit = 0;
  let balance = 0;
  for (const f of ordered) {
    profit += f.amount;
    balance -= f.amount * Math.exp(growth * (end - f.day));
  }
  for (const p of paid) balance += p.amount * Math.exp(growth * (end - p.day));
  const carryOfProfitFen = roundHalfAway(terms.carry * Math.max(0, profit));
  const lpShortfallFen = Math.max(0, roundHalfAway(balance));
  const excessFen = Math.min(paidFen, Math.max(0, paidFen - carryOfProfitFen, lpShortfallFen));
  const capFen = paidFen - roundHalfAway(paidFen * taxRate);
  return { paidFen, carryOfProfitFen, lpShortfallFen, excessFen, clawbackFen: Math.max(0, Math.min(excessFen, capFen)) };
}
