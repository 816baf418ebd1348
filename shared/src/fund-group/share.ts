import type { SourceClass } from './money.js';
import { ratio } from './money.js';

/** The national floor for a fund to count as government-funded. */
export const NATIONAL_GOV_SHARE_FLOOR = 0.1;

/** Government money: the mother fund's and other budget (财政) money. */
export const isGovernmentSource = (s: SourceClass): boolean => s === 'mother_fund' || s === 'fiscal';

/**
 * Government share of a fund: (the mother fund's + other budget commitments) ÷ the fund's size, on the
 * committed basis; null for a fund with no commitments.
 */
export function governmentShare(rows: ReadonlyArray<{ source: SourceClass; amountFen: number }>): number | null {
  let gov = 0;
  let size = 0;
  for (const r of rows) {
    if (r.source === 'none') continue;
    size += r.amountFen;
    if (isGovernmentSource(r.source)) gov += r.amountFen;
  }
  return ratio(gov, size);
}

export interface CommitmentLine {
  source: SourceClass;
  amountFen: number;
}
export interface DatedCommitment extends CommitmentLine {
  date: string;
}

export interface CommitmentCheckInput {
  /** Commitments already made to the fund (to the phase, for the mother fund). */
  existing: ReadonlyArray<DatedCommitment>;
  /** The new commitments, all on `date`. */
  lines: ReadonlyArray<CommitmentLine>;
  date: string;
  /** A close (交割) may take the fund past its target; a single commitment outside a close may not. */
  isClose: boolean;
  /** The fund's (or the phase's) target size; null: none set. */
  targetFen: number | null;
  govShareCap: number | null;
  govShareOverrideAllowed: boolean;
  /** A reason given to go past the cap under the fund's override rule. */
  overrideReason: string | null;
}

export type CommitmentCheck =
  | { ok: true; override: boolean; shareAfter: number | null; sizeAfterFen: number }
  | { ok: false; rule: 'targetExceeded' | 'govShareCap' | 'govShareOverrideNotAllowed'; params: Record<string, number | string> };

/**
 * The rules a commitment (or a close) must keep, checked before anything is written:
 * - outside a close, the fund's size may not pass its target (`targetExceeded`);
 * - the government share may not pass the fund's cap on the commitment's date or on any later date on
 *   which commitments already stand (`govShareCap`), unless the fund's rule allows an override and a
 *   reason is given — then it is accepted as an override (audited by the caller); a reason for a fund
 *   whose rule allows none is refused (`govShareOverrideNotAllowed`).
 */
export function checkCommitment(input: CommitmentCheckInput): CommitmentCheck {
  const added = input.lines.reduce((a, l) => a + l.amountFen, 0);
  const addedGov = input.lines.reduce((a, l) => a + (isGovernmentSource(l.source) ? l.amountFen : 0), 0);
  const existingTotal = input.existing.reduce((a, c) => a + c.amountFen, 0);
  const sizeAfter = existingTotal + added;
  if (!input.isClose && input.targetFen !== null && sizeAfter > input.targetFen) {
    return { ok: false, rule: 'targetExceeded', params: { targetFen: input.targetFen, sizeAfterFen: sizeAfter, overFen: sizeAfter - input.targetFen } };
  }
  // The share after the change on the commitment's date and on every later date that has commitments.
  const dates = [...new Set([input.date, ...input.existing.map((c) => c.date).filter((d) => d > input.date)])].sort();
  let worst: { share: number; date: string } | null = null;
  let shareAfter: number | null = null;
  for (const d of dates) {
    let gov = addedGov;
    let size = added;
    for (const c of input.existing) {
      if (c.date > d) continue;
      size += c.amountFen;
      if (isGovernmentSource(c.source)) gov += c.amountFen;
    }
    const share = ratio(gov, size);
    shareAfter = share;
    if (share !== null && (worst === null || share > worst.share)) worst = { share, date: d };
  }
  const cap = input.govShareCap;
  const over = cap !== null && worst !== null && worst.share > cap + 1e-12;
  if (over && worst && cap !== null) {
    const params = { share: worst.share, cap, date: worst.date };
    if (!input.overrideReason) return { ok: false, rule: 'govShareCap', params };
    if (!input.govShareOverrideAllowed) return { ok: false, rule: 'govShareOverrideNotAllowed', params };
    return { ok: true, override: true, shareAfter, sizeAfterFen: sizeAfter };
  }
  return { ok: true, override: false, shareAfter, sizeAfterFen: sizeAfter };
}

/**
 * Since when a fund's government share has been over its cap, from its commitment history: the first date
 * of the current run of dates on which it was over; null if it is not over on `asOf`.
 */
export function overCapSince(history: ReadonlyArray<DatedCommitment>, cap: number | null, asOf: string): string | null {
  if (cap === null) return null;
  const dates = [...new Set(history.filter((c) => c.date <= asOf).map((c) => c.date))].sort();
  let since: string | null = null;
  let gov = 0;
  let size = 0;
  const sorted = [...history].filter((c) => c.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let i = 0;
  for (const d of dates) {
    while (i < sorted.length && (sorted[i]?.date ?? '') <= d) {
      const c = sorted[i++];
      if (!c || c.source === 'none') continue;
      size += c.amountFen;
      if (isGovernmentSource(c.source)) gov += c.amountFen;
    }
    const share = ratio(gov, size);
    const over = share !== null && share > cap + 1e-12;
    if (over && since === null) since = d;
    if (!over) since = null;
  }
  return since;
}
