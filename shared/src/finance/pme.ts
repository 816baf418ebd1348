/**
 * Kaplan–Schoar public market equivalent (KS-PME):
 *
 *     KS-PME = [Σ D_t · (I_T ÷ I_t) + NAV_T] ÷ Σ C_t · (I_T ÷ I_t)
 *
 * - flows are signed: a negative amount is a contribution C (its absolute value is used), a positive
 *   amount a distribution D; zero amounts add nothing. Flows on the same date are NOT netted: −100 and
 *   +40 on one day are a contribution of 100 and a distribution of 40 (both are compounded by the same
 *   factor, so the ratio differs from netting).
 * - I_t is the index level in force on the flow's date: the last index point dated on or before it
 *   (a flow on a weekend or holiday uses the previous trading day's close). A flow dated before the
 *   first index point has no level: RangeError.
 * - I_T is the level in force on `valuationDate` by the same rule; NAV_T is the net asset value at
 *   `valuationDate`, given separately (it must not also appear in `flows`).
 * - Flows dated after `valuationDate` are ignored (they are validated all the same); flows on that date
 *   count.
 * - `null` when there is no contribution on or before `valuationDate` (the denominator is 0).
 *
 * 1 means the fund did as well as the index; above 1, better.
 */
import { describeValue, isoDayOrThrow } from '../common/dates.js';

export interface PmeFlow {
  readonly date: string;
  /** Signed: negative = contribution (paid in), positive = distribution (paid out). */
  readonly amount: number;
}

export interface IndexPoint {
  readonly date: string;
  /** Index level (price or total-return index); finite and > 0. */
  readonly level: number;
}

export interface KsPmeInput {
  readonly flows: ReadonlyArray<PmeFlow>;
  /** Net asset value at `valuationDate`, same unit as the flows. */
  readonly nav: number;
  readonly valuationDate: string;
  /** Index series, any order, one point per date. */
  readonly index: ReadonlyArray<IndexPoint>;
}

/** KS-PME of `flows` plus `nav` against `index`, as of `valuationDate`; null without contributions. */
export function ksPme(input: KsPmeInput): number | null {
  if (typeof input !== 'object' || input === null) throw new TypeError('ksPme: input must be an object');
  const { flows, nav, valuationDate, index } = input;
  const valuationDay = isoDayOrThrow(valuationDate, 'ksPme: valuationDate');
  if (typeof nav !== 'number' || !Number.isFinite(nav)) {
    throw new RangeError(`ksPme: nav must be a finite number, got ${describeValue(nav)}`);
  }
  if (!Array.isArray(flows)) throw new TypeError('ksPme: flows must be an array');
  if (!Array.isArray(index) || index.length === 0) throw new RangeError('ksPme: index must be a non-empty array');

  // Index series sorted by date, validated, one level per date.
  const points: Array<{ day: number; level: number; i: number }> = index.map((p: IndexPoint, i: number) => {
    if (typeof p !== 'object' || p === null) throw new RangeError(`ksPme: index[${i}] must be an object with 'date' and 'level'`);
    const day = isoDayOrThrow(p.date, `ksPme: index[${i}].date`);
    const level = p.level;
    if (typeof level !== 'number' || !Number.isFinite(level) || level <= 0) {
      throw new RangeError(`ksPme: index[${i}].level must be a finite number above 0, got ${describeValue(level)}`);
    }
    return { day, level, i };
  });
  points.sort((a, b) => a.day - b.day);
  const days = new Float64Array(points.length);
  const levels = new Float64Array(points.length);
  for (let k = 0; k < points.length; k++) {
    const p = points[k]!;
    if (k > 0 && p.day === points[k - 1]!.day) {
      throw new RangeError(`ksPme: index[${p.i}].date repeats the date of index[${points[k - 1]!.i}] (${String(index[p.i]!.date)})`);
    }
    days[k] = p.day;
    levels[k] = p.level;
  }

  /** Level in force on `day`: the last point on or before it, or NaN before the first point. */
  const levelOn = (day: number): number => {
    if (day < days[0]!) return Number.NaN;
    let lo = 0;
    let hi = days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (days[mid]! <= day) lo = mid;
      else hi = mid - 1;
    }
    return levels[lo]!;
  };

  const levelT = levelOn(valuationDay);
  if (Number.isNaN(levelT)) {
    throw new RangeError(`ksPme: valuationDate ${valuationDate} is before the first index point (${String(index[points[0]!.i]!.date)})`);
  }

  let contributions = 0;
  let distributions = 0;
  for (let i = 0; i < flows.length; i++) {
    const f = flows[i];
    if (typeof f !== 'object' || f === null) throw new RangeError(`ksPme: flows[${i}] must be an object with 'date' and 'amount'`);
    const day = isoDayOrThrow(f.date, `ksPme: flows[${i}].date`);
    const amount = f.amount;
    if (typeof amount !== 'number' || !Number.isFinite(amount)) {
      throw new RangeError(`ksPme: flows[${i}].amount must be a finite number, got ${describeValue(amount)}`);
    }
    if (day > valuationDay) continue;
    const level = levelOn(day);
    if (Number.isNaN(level)) {
      throw new RangeError(`ksPme: flows[${i}].date ${f.date} is before the first index point (${String(index[points[0]!.i]!.date)})`);
    }
    if (amount === 0) continue;
    const growth = levelT / level;
    if (amount < 0) contributions -= amount * growth;
    else distributions += amount * growth;
  }
  if (contributions === 0) return null;
  return (distributions + nav) / contributions;
}
