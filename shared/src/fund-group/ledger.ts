import { allocateProRata } from '../ledger/allocate.js';

/**
 * The cash-flow ledger's rules, as pure checks the data layer runs before it writes anything. Each
 * refusal names a stable rule the web translates; nothing is written when one fails.
 */
export type LedgerRule =
  | 'beforeInception'
  | 'notSetUp'
  | 'exceedsUncalled'
  | 'exceedsOutstanding'
  | 'notAnInvestor'
  | 'noInvestors'
  | 'alreadyReversed'
  | 'reversalOfReversal'
  | 'callHasContributions'
  | 'releaseExceedsUncalled'
  | 'releaseBeforeLaterCall';

export type RuleResult<T> = { ok: true; value: T } | { ok: false; rule: LedgerRule; params: Record<string, string | number> };

/** An LP's position in a fund as of a date (amounts net of reversals). */
export interface LpPosition {
  investorId: number;
  committedFen: number;
  calledFen: number;
  contributedFen: number;
  distributedFen: number;
  feesFen: number;
}

/** Called but not yet committed: commitment − calls. */
export const uncalledFen = (p: Pick<LpPosition, 'committedFen' | 'calledFen'>): number => p.committedFen - p.calledFen;
/** Called but not yet paid: calls − contributions. */
export const outstandingFen = (p: Pick<LpPosition, 'calledFen' | 'contributedFen'>): number => p.calledFen - p.contributedFen;

/** A flow dated before the fund was set up, or on a fund not yet set up, is refused. */
export function checkFlowDate(fund: { establishedDate: string | null }, date: string): RuleResult<null> {
  if (!fund.establishedDate) return { ok: false, rule: 'notSetUp', params: { date } };
  if (date < fund.establishedDate) return { ok: false, rule: 'beforeInception', params: { date, establishedDate: fund.establishedDate } };
  return { ok: true, value: null };
}

/**
 * A capital call split over the LPs pro rata to their commitments (largest remainder: the parts are whole
 * fen and sum to the total; ties go to the lower investor id). `lps` are the LPs with commitments in force
 * on the due date, their `calledFen` every call already made. Refused if any part would exceed what that
 * LP has left uncalled.
 */
export function allocateCall(totalFen: number, lps: ReadonlyArray<LpPosition>): RuleResult<Array<{ investorId: number; amountFen: number }>> {
  const inForce = [...lps].filter((l) => l.committedFen > 0).sort((a, b) => a.investorId - b.investorId);
  if (inForce.length === 0) return { ok: false, rule: 'noInvestors', params: {} };
  const parts = allocateProRata(
    totalFen,
    inForce.map((l) => l.committedFen),
  );
  for (const [i, lp] of inForce.entries()) {
    const part = parts[i] ?? 0;
    if (part > uncalledFen(lp)) {
      return { ok: false, rule: 'exceedsUncalled', params: { investorId: lp.investorId, partFen: part, uncalledFen: uncalledFen(lp) } };
    }
  }
  return { ok: true, value: inForce.map((l, i) => ({ investorId: l.investorId, amountFen: parts[i] ?? 0 })).filter((p) => p.amountFen > 0) };
}

/** A contribution may pay at most what the LP owes on the call (its part of the call less what it has paid on it). */
export function checkContribution(owedOnCallFen: number, amountFen: number, investorId: number): RuleResult<null> {
  if (amountFen > owedOnCallFen) return { ok: false, rule: 'exceedsOutstanding', params: { investorId, amountFen, outstandingFen: owedOnCallFen } };
  return { ok: true, value: null };
}

/**
 * Money paid to (distribution) or charged to (fee) LPs: either explicit lines, each to an LP of the fund,
 * or a total split pro rata to `weightOf` (paid-in for distributions, commitments for fees).
 */
export function allocateToLps(
  lps: ReadonlyArray<LpPosition>,
  request: { lines: ReadonlyArray<{ investorId: number; amountFen: number }> } | { totalFen: number; weightOf: (p: LpPosition) => number },
): RuleResult<Array<{ investorId: number; amountFen: number }>> {
  const members = [...lps].filter((l) => l.committedFen > 0).sort((a, b) => a.investorId - b.investorId);
  if ('lines' in request) {
    for (const line of request.lines) {
      if (!members.some((m) => m.investorId === line.investorId)) return { ok: false, rule: 'notAnInvestor', params: { investorId: line.investorId } };
    }
    return { ok: true, value: request.lines.map((l) => ({ ...l })) };
  }
  const weighted = members.filter((m) => request.weightOf(m) > 0);
  if (weighted.length === 0) return { ok: false, rule: 'noInvestors', params: {} };
  const parts = allocateProRata(
    request.totalFen,
    weighted.map((m) => request.weightOf(m)),
  );
  return { ok: true, value: weighted.map((m, i) => ({ investorId: m.investorId, amountFen: parts[i] ?? 0 })).filter((p) => p.amountFen > 0) };
}

/** A correction reverses an entry once; a reversal is not reversed (post the entry again instead); a call part that has been paid is not reversed before its contributions are. */
export function checkReversal(
  entry: { id: number; kind: string; reversesId: number | null },
  state: { reversedBy: number | null; paidOnCallFen: number },
): RuleResult<null> {
  if (entry.reversesId !== null) return { ok: false, rule: 'reversalOfReversal', params: { entryId: entry.id, reversesId: entry.reversesId } };
  if (state.reversedBy !== null) return { ok: false, rule: 'alreadyReversed', params: { entryId: entry.id, reversedBy: state.reversedBy } };
  if (entry.kind === 'call' && state.paidOnCallFen > 0)
    return { ok: false, rule: 'callHasContributions', params: { entryId: entry.id, paidFen: state.paidOnCallFen } };
  return { ok: true, value: null };
}

/**
 * A release of uncalled commitment (an LP's default on future calls, or the uncalled part cancelled when
 * the investment period ends; ADR 036): at most what the LP has not been called for as of the date, and
 * not dated before a capital call already made (that call's split rested on the commitment).
 */
export function checkRelease(input: {
  investorId: number;
  amountFen: number;
  date: string;
  /** The LP's commitment and calls to the fund as of `date`. */
  committedFen: number;
  calledFen: number;
  /** The fund's latest capital call date, if any. */
  lastCallDate: string | null;
}): RuleResult<null> {
  if (input.committedFen <= 0) return { ok: false, rule: 'notAnInvestor', params: { investorId: input.investorId } };
  if (input.lastCallDate !== null && input.lastCallDate > input.date)
    return { ok: false, rule: 'releaseBeforeLaterCall', params: { lastCall: input.lastCallDate } };
  const uncalled = input.committedFen - input.calledFen;
  if (input.amountFen > uncalled) return { ok: false, rule: 'releaseExceedsUncalled', params: { uncalledFen: uncalled, amountFen: input.amountFen } };
  return { ok: true, value: null };
}
