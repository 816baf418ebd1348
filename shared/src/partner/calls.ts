/**
 * Capital calls that survive defaults and later closes (ADR 045):
 * - `allocateCallWithDefaults`: a call split by commitment, defaulters excluded, parts capped at each LP's
 *   uncalled commitment, the excess re-allocated among the others or the call shrunk, as the terms say;
 * - `equaliseLateClose`: a later close's share of every earlier call plus compensation interest (simple,
 *   ACT/365, from each call's due date to the close), the interest to the earlier LPs pro rata to paid-in;
 * - `defaultInterest` and `callPosition`: interest on a call part paid late, and the called / paid /
 *   called-but-unpaid figures of an LP as of a date (calls count from their notice date; nothing due is
 *   ever negative).
 */
import { DomainError } from '../common/errors.js';
import { dayNumberToIsoDate, parseIsoDay } from '../common/dates.js';
import { allocateProRata } from '../ledger/allocate.js';
import { roundHalfAway } from './waterfall.js';

export const DEFAULT_REMEDIES = ['reallocate', 'shrink'] as const;
export type DefaultRemedy = (typeof DEFAULT_REMEDIES)[number];

export interface CallPartner {
  id: number;
  /** Commitment in force at the call (after any release). */
  committedFen: number;
  /** Every call already made on it. */
  calledFen: number;
  /** In default: excluded from the call. */
  defaulted: boolean;
}

export interface CallAllocation {
  parts: Array<{ id: number; amountFen: number }>;
  /** What is called in all: the request, less what a `shrink` remedy dropped. */
  totalFen: number;
  /** The defaulters' shares the call dropped (`shrink`), else 0. */
  shrunkFen: number;
}

const dayOrThrow = (date: string, path: string) => {
  const d = parseIsoDay(date);
  if (Number.isNaN(d)) throw DomainError.field(path, 'isoDate', `${path}: must be a date written YYYY-MM-DD`);
  return d;
};

/**
 * A call of `totalFen` split pro rata to commitments (largest remainder, partners by id). Defaulters get
 * nothing: their shares are re-allocated among the others (`reallocate`) or dropped (`shrink`). Any part
 * above an LP's uncalled commitment is capped there and the excess re-allocated among those with room, by
 * commitment, until it is placed. Refused (VALIDATION `exceedsUncalled` on `totalFen`) when the LPs in
 * good standing have too little uncalled commitment left.
 */
export function allocateCallWithDefaults(totalFen: number, partners: ReadonlyArray<CallPartner>, remedy: DefaultRemedy): CallAllocation {
  if (!Number.isSafeInteger(totalFen) || totalFen <= 0) throw DomainError.field('totalFen', 'positive', 'totalFen: must be a whole number of fen above 0');
  const inForce = [...partners].filter((p) => p.committedFen > 0).sort((a, b) => a.id - b.id);
  if (inForce.length === 0) throw new DomainError('INVALID_STATE', 'ledger.noInvestors', 'the fund has no LP with a commitment in force');
  const parts = allocateProRata(
    totalFen,
    inForce.map((p) => p.committedFen),
  );
  const room = inForce.map((p) => (p.defaulted ? 0 : Math.max(0, p.committedFen - p.calledFen)));
  let pool = 0;
  let shrunkFen = 0;
  for (const [i, p] of inForce.entries()) {
    const part = parts[i] ?? 0;
    if (p.defaulted) {
      if (remedy === 'shrink') shrunkFen += part;
      else pool += part;
      parts[i] = 0;
    } else if (part > (room[i] ?? 0)) {
      pool += part - (room[i] ?? 0);
      parts[i] = room[i] ?? 0;
    }
  }
  while (pool > 0) {
    const open = inForce.map((_, i) => i).filter((i) => (room[i] ?? 0) > (parts[i] ?? 0));
    if (open.length === 0) {
      const uncalled = room.reduce((s, r) => s + r, 0);
      throw DomainError.field('totalFen', 'exceedsUncalled', `totalFen: the LPs in good standing have ${uncalled} fen uncalled, less than the call`, {
        uncalledFen: uncalled,
        totalFen,
      });
    }
    const extra = allocateProRata(
      pool,
      open.map((i) => inForce[i]?.committedFen ?? 0),
    );
    pool = 0;
    for (const [k, i] of open.entries()) {
      const add = extra[k] ?? 0;
      const fits = Math.min(add, (room[i] ?? 0) - (parts[i] ?? 0));
      parts[i] = (parts[i] ?? 0) + fits;
      pool += add - fits;
    }
  }
  return {
    parts: inForce.map((p, i) => ({ id: p.id, amountFen: parts[i] ?? 0 })).filter((p) => p.amountFen > 0),
    totalFen: totalFen - shrunkFen,
    shrunkFen,
  };
}

/** Simple interest, ACT/365, rounded half away from zero to the fen: principal × rate × days ÷ 365. */
export function simpleInterestFen(principalFen: number, rate: number, fromDate: string, toDate: string): number {
  const days = dayOrThrow(toDate, 'toDate') - dayOrThrow(fromDate, 'fromDate');
  if (days <= 0 || principalFen === 0) return 0;
  return roundHalfAway((principalFen * rate * days) / 365);
}

export interface EarlierCall {
  dueDate: string;
  /** The call's total. */
  totalFen: number;
  /** The fund's commitments in force when it was made (the base its pro-rata split used). */
  committedFen: number;
}

export interface Equalisation {
  /** Per earlier call: the late LP's share, the days from its due date to the close, and the interest. */
  calls: Array<{ dueDate: string; principalFen: number; days: number; interestFen: number }>;
  /** What the late LP pays into the fund (its capital: it stays in the fund; later calls are smaller). */
  principalFen: number;
  /** Compensation interest it pays on top, which goes to the earlier LPs, not to fund income. */
  interestFen: number;
  /** The interest split among the earlier LPs pro rata to their paid-in (largest remainder, by id). */
  interestTo: Array<{ id: number; amountFen: number }>;
}

/**
 * A later close equalised: the new LP with `commitmentFen` closing on `closeDate` pays, for each earlier
 * call, the share it would have been called had it been in (call total × its commitment ÷ the commitments
 * the call was split over, rounded half away from zero), plus simple interest at `rate` (ACT/365) from the
 * call's due date to the close. The interest goes to the earlier LPs pro rata to what they have paid in;
 * afterwards every LP has paid the same fraction of its commitment. Refused before the fund's first close.
 */
export function equaliseLateClose(input: {
  closeDate: string;
  commitmentFen: number;
  rate: number;
  firstCloseDate: string;
  calls: ReadonlyArray<EarlierCall>;
  earlier: ReadonlyArray<{ id: number; paidInFen: number }>;
}): Equalisation {
  const close = dayOrThrow(input.closeDate, 'closeDate');
  if (close <= dayOrThrow(input.firstCloseDate, 'firstCloseDate'))
    throw DomainError.field('closeDate', 'equalisationBeforeFirstClose', `closeDate: a later close must come after the first close (${input.firstCloseDate})`, {
      firstCloseDate: input.firstCloseDate,
    });
  if (!Number.isSafeInteger(input.commitmentFen) || input.commitmentFen <= 0)
    throw DomainError.field('commitmentFen', 'positive', 'commitmentFen: must be a whole number of fen above 0');
  if (!Number.isFinite(input.rate) || input.rate < 0 || input.rate > 1) throw DomainError.field('rate', 'rateRange', 'rate: must be from 0 to 1');
  const calls = input.calls
    .map((c, i) => ({ c, i, due: dayOrThrow(c.dueDate, `calls.${i}.dueDate`) }))
    .filter((x) => x.due < close)
    .sort((a, b) => a.due - b.due || a.i - b.i)
    .map(({ c, due }) => {
      if (c.committedFen <= 0) throw DomainError.field('calls', 'positive', 'calls: committedFen must be above 0');
      const principalFen = roundHalfAway((c.totalFen * input.commitmentFen) / c.committedFen);
      const days = close - due;
      return { dueDate: c.dueDate, principalFen, days, interestFen: roundHalfAway((principalFen * input.rate * days) / 365) };
    });
  const principalFen = calls.reduce((s, c) => s + c.principalFen, 0);
  const interestFen = calls.reduce((s, c) => s + c.interestFen, 0);
  const earlier = [...input.earlier].filter((e) => e.paidInFen > 0).sort((a, b) => a.id - b.id);
  if (interestFen > 0 && earlier.length === 0)
    throw new DomainError('INVALID_STATE', 'partner.noEarlierLps', 'no earlier LP has paid in to receive the interest');
  const split =
    interestFen > 0
      ? allocateProRata(
          interestFen,
          earlier.map((e) => e.paidInFen),
        )
      : earlier.map(() => 0);
  return { calls, principalFen, interestFen, interestTo: earlier.map((e, i) => ({ id: e.id, amountFen: split[i] ?? 0 })) };
}

export interface CallPart {
  noticeDate: string;
  dueDate: string;
  amountFen: number;
}

export interface CallPosition {
  /** Calls noticed on or before the date. */
  calledFen: number;
  /** Receipts on or before the date. */
  paidFen: number;
  /** Called but not yet paid: never negative. */
  unpaidFen: number;
  /** Of that, past its due date. */
  overdueFen: number;
  /** Paid beyond what was called (never negative). */
  advanceFen: number;
}

/**
 * An LP's position on its calls as of a date: a call counts from its notice date, a receipt from its own
 * date, receipts apply to the calls in due-date order. Nothing due is ever negative.
 */
export function callPosition(parts: ReadonlyArray<CallPart>, receipts: ReadonlyArray<{ date: string; amountFen: number }>, asOf: string): CallPosition {
  const t = dayOrThrow(asOf, 'asOf');
  const noticed = parts
    .map((p, i) => ({ p, i, notice: dayOrThrow(p.noticeDate, `parts.${i}.noticeDate`), due: dayOrThrow(p.dueDate, `parts.${i}.dueDate`) }))
    .filter((x) => x.notice <= t)
    .sort((a, b) => a.due - b.due || a.i - b.i);
  const calledFen = noticed.reduce((s, x) => s + x.p.amountFen, 0);
  const paidFen = receipts.reduce((s, r, i) => (dayOrThrow(r.date, `receipts.${i}.date`) <= t ? s + r.amountFen : s), 0);
  let left = paidFen;
  let overdueFen = 0;
  for (const x of noticed) {
    const applied = Math.min(Math.max(0, left), x.p.amountFen);
    left -= applied;
    if (x.due < t) overdueFen += x.p.amountFen - applied;
  }
  return { calledFen, paidFen, unpaidFen: Math.max(0, calledFen - paidFen), overdueFen: Math.max(0, overdueFen), advanceFen: Math.max(0, paidFen - calledFen) };
}

export interface DefaultInterest {
  /** True when something was still unpaid after the cure period. */
  inDefault: boolean;
  /** The first day of default (the day after the cure period ends), or null. */
  defaultDate: string | null;
  /** Simple interest at the default rate on the unpaid amount, day by day from the due date to each receipt (or `asOf`). */
  interestFen: number;
}

/**
 * Default interest on one call part: when any of it is unpaid after `cureDays` past its due date, simple
 * interest at `rate` (ACT/365) runs on the unpaid balance from the due date until paid or `asOf`. Paid in
 * full within the cure period: no default, no interest.
 */
export function defaultInterest(input: {
  part: CallPart;
  receipts: ReadonlyArray<{ date: string; amountFen: number }>;
  cureDays: number;
  rate: number;
  asOf: string;
}): DefaultInterest {
  const { part, cureDays, rate } = input;
  if (!Number.isInteger(cureDays) || cureDays < 0)
    throw DomainError.field('cureDays', 'nonNegativeInteger', 'cureDays: must be a whole number of days, 0 or more');
  const due = dayOrThrow(part.dueDate, 'part.dueDate');
  const asOf = dayOrThrow(input.asOf, 'asOf');
  const cureEnd = due + cureDays;
  const receipts = input.receipts.map((r, i) => ({ day: dayOrThrow(r.date, `receipts.${i}.date`), amountFen: r.amountFen })).sort((a, b) => a.day - b.day);
  const paidBy = (day: number) => receipts.reduce((s, r) => (r.day <= day ? s + r.amountFen : s), 0);
  const inDefault = asOf > cureEnd && paidBy(cureEnd) < part.amountFen;
  if (!inDefault) return { inDefault: false, defaultDate: null, interestFen: 0 };
  let exact = 0;
  let unpaid = Math.max(0, part.amountFen - paidBy(due));
  let from = due;
  for (const r of receipts) {
    if (r.day <= due) continue;
    if (r.day > asOf) break;
    exact += (unpaid * rate * (r.day - from)) / 365;
    unpaid = Math.max(0, unpaid - r.amountFen);
    from = r.day;
  }
  exact += (unpaid * rate * Math.max(0, asOf - from)) / 365;
  return { inDefault: true, defaultDate: dayNumberToIsoDate(cureEnd + 1), interestFen: roundHalfAway(exact) };
}
