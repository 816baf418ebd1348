/**
 * 让利 — the return government money cedes (ADR 045). Per investor class, the terms can cap the
 * government class's return at principal plus `rate` a year and cede what it would receive beyond the cap
 * to the GP and to the social LPs in agreed shares. The cap is applied to the LPs' side of the waterfall:
 * the government class's share of each distribution (after carry) is split into what it keeps and what
 * it cedes.
 *
 * On a distribution of A on date D, the cap balance is
 *   simple:    Σ contributions·(1 + r·days/365) − Σ earlier kept receipts·(1 + r·days/365)
 *   compound:  Σ contributions·(1 + r)^(days/365) − Σ earlier kept receipts·(1 + r)^(days/365)
 * (days from each flow to D); the class keeps min(A, max(0, balance)) and cedes the rest, rounded half away
 * from zero to the fen; the ceded part is split GP / social LPs by the agreed shares (the GP's part rounded,
 * the social LPs' the rest).
 *
 * The same balance is the price at which social investors may buy the government's share within a window
 * (principal plus interest, less what it has received), `governmentBuyoutPrice`.
 */
import { DomainError } from '../common/errors.js';
import { parseIsoDay } from '../common/dates.js';
import { xirr } from '../finance/xirr.js';
import { roundHalfAway } from './waterfall.js';

export const COMPOUNDINGS = ['simple', 'compound'] as const;
export type Compounding = (typeof COMPOUNDINGS)[number];

export interface ConcessionTerms {
  /** The government class's capped return a year (0.06 = 6%). */
  rate: number;
  compounding: Compounding;
  /** Shares of the excess to the GP and to the social LPs; they add up to 1. */
  toGp: number;
  toSocial: number;
}

export interface ConcessionRow {
  date: string;
  /** The government class's share of the distribution before the cap. */
  amount: number;
  kept: number;
  ceded: number;
  cededToGp: number;
  cededToSocial: number;
}

const dayOf = (date: string, path: string) => {
  const d = parseIsoDay(date);
  if (Number.isNaN(d)) throw DomainError.field(path, 'isoDate', `${path}: must be a date written YYYY-MM-DD`);
  return d;
};

export function checkConcessionTerms(t: ConcessionTerms, path = 'concession'): void {
  if (!Number.isFinite(t.rate) || t.rate < 0 || t.rate > 1)
    throw DomainError.field(`${path}.rate`, 'rateRange', `${path}.rate: must be a number from 0 to 1 (got ${String(t.rate)})`);
  if (!(COMPOUNDINGS as readonly string[]).includes(t.compounding))
    throw DomainError.field(`${path}.compounding`, 'oneOf', `${path}.compounding: must be simple or compound`);
  for (const k of ['toGp', 'toSocial'] as const)
    if (!Number.isFinite(t[k]) || t[k] < 0 || t[k] > 1) throw DomainError.field(`${path}.${k}`, 'shareRange', `${path}.${k}: must be a share from 0 to 1`);
  if (Math.abs(t.toGp + t.toSocial - 1) > 1e-9)
    throw DomainError.field(`${path}.toSocial`, 'sharesSumToOne', `${path}: toGp and toSocial must add up to 1 (got ${t.toGp + t.toSocial})`);
}

const growthOf = (t: Pick<ConcessionTerms, 'rate' | 'compounding'>, days: number) =>
  t.compounding === 'simple' ? 1 + (t.rate * days) / 365 : (1 + t.rate) ** (days / 365);

interface Ordered {
  i: number;
  day: number;
  date: string;
  amount: number;
}
function ordered(flows: ReadonlyArray<{ date: string; amount: number }>): Ordered[] {
  return flows
    .map((f, i) => {
      if (!Number.isSafeInteger(f.amount)) throw DomainError.field(`flows.${i}.amount`, 'integerFen', `flows.${i}.amount: must be a whole number of fen`);
      return { i, day: dayOf(f.date, `flows.${i}.date`), date: f.date, amount: f.amount };
    })
    .filter((f) => f.amount !== 0)
    .sort((a, b) => a.day - b.day || Number(a.amount > 0) - Number(b.amount > 0) || a.i - b.i);
}

/**
 * The cap applied to the government class's flows (negative = contributed, positive = its share of a
 * distribution after carry, before the cap): one row per distribution, in date order.
 */
export function cedeGovernmentReturn(terms: ConcessionTerms, flows: ReadonlyArray<{ date: string; amount: number }>): ConcessionRow[] {
  checkConcessionTerms(terms);
  const ledger: Array<{ day: number; amount: number }> = [];
  const out: ConcessionRow[] = [];
  for (const f of ordered(flows)) {
    if (f.amount < 0) {
      ledger.push({ day: f.day, amount: -f.amount });
      continue;
    }
    const cap = ledger.reduce((s, l) => s + l.amount * growthOf(terms, f.day - l.day), 0);
    const ceded = Math.min(f.amount, Math.max(0, roundHalfAway(f.amount - Math.max(0, cap))));
    const kept = f.amount - ceded;
    const cededToGp = roundHalfAway(ceded * terms.toGp);
    out.push({ date: f.date, amount: f.amount, kept, ceded, cededToGp, cededToSocial: ceded - cededToGp });
    ledger.push({ day: f.day, amount: -kept });
  }
  return out;
}

/**
 * What public money ceded, as an amount and as a rate: the government class's IRR on its flows before the
 * cap less its IRR after it, with `navFen` (its share of NAV at `asOf`, already after the cap) as a final
 * inflow. Rates are null where no IRR exists.
 */
export function concessionSummary(
  flows: ReadonlyArray<{ date: string; amount: number }>,
  rows: ReadonlyArray<ConcessionRow>,
  residual?: { asOf: string; navBeforeFen: number; navAfterFen: number },
): { cededFen: number; cededToGpFen: number; cededToSocialFen: number; irrBefore: number | null; irrAfter: number | null; rateCeded: number | null } {
  const contributions = flows.filter((f) => f.amount < 0);
  const before = [...contributions, ...rows.map((r) => ({ date: r.date, amount: r.amount }))];
  const after = [...contributions, ...rows.map((r) => ({ date: r.date, amount: r.kept }))];
  if (residual) {
    before.push({ date: residual.asOf, amount: residual.navBeforeFen });
    after.push({ date: residual.asOf, amount: residual.navAfterFen });
  }
  const irrBefore = xirr(before);
  const irrAfter = xirr(after);
  const cededFen = rows.reduce((s, r) => s + r.ceded, 0) + (residual ? residual.navBeforeFen - residual.navAfterFen : 0);
  return {
    cededFen,
    cededToGpFen: rows.reduce((s, r) => s + r.cededToGp, 0),
    cededToSocialFen: rows.reduce((s, r) => s + r.cededToSocial, 0),
    irrBefore,
    irrAfter,
    rateCeded: irrBefore !== null && irrAfter !== null ? irrBefore - irrAfter : null,
  };
}

/**
 * The price at which social investors may buy the government class's share on `date`: its principal plus
 * interest at the terms' rate, less what it has received (the cap balance), never below 0. Refused
 * outside the window the terms give.
 */
export function governmentBuyoutPrice(
  terms: Pick<ConcessionTerms, 'rate' | 'compounding'>,
  flows: ReadonlyArray<{ date: string; amount: number }>,
  date: string,
  window: { from: string; to: string },
): number {
  const d = dayOf(date, 'date');
  if (d < dayOf(window.from, 'window.from') || d > dayOf(window.to, 'window.to'))
    throw DomainError.field('date', 'outsideBuyoutWindow', `date: the buy-out window runs from ${window.from} to ${window.to}`, {
      from: window.from,
      to: window.to,
    });
  const cap = ordered(flows)
    .filter((f) => f.day <= d)
    .reduce((s, f) => s - f.amount * growthOf(terms, d - f.day), 0);
  return Math.max(0, roundHalfAway(cap));
}
