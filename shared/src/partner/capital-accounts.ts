/**
 * Capital accounts rolled forward by allocation (ILPA): every partner's balance is the sum of what was
 * booked to it — its contributions, its distributions and its share of each result — never its paid-in
 * share of NAV. ADR 045 explains the choices; docs/finance.md gives the formulas.
 *
 * On each date, entries are applied in a fixed order whatever order they were keyed in: contributions,
 * fund results (income, realised gain, change in unrealised gain, management fees and their offsets,
 * partnership expenses), forfeitures, the carry accrual, distributions, then the carry accrual again.
 *
 * Allocation of a fund-level amount on date t (largest remainder, `allocateProRata`, partners by id):
 * - partners in good standing share by the basis: `commitment` (percentage interest: commitments in force
 *   at t, the usual LPA rule) or `paidIn` (contributions to t; commitment while nothing is paid in);
 * - from its `defaultedOn` date a defaulter shares by its capital-account balance: the amount is first split
 *   between each defaulter (weight: its balance, if positive) and the partners in good standing together
 *   (weight: the LPs' total balance less the defaulters'), and the latter part by the basis.
 * A negative amount (a loss) is split as its absolute value and negated, so parts sum to it exactly.
 *
 * Carried interest (when `carry` terms are given): after each date's results, each LP's carry is accrued
 * by hypothetical liquidation: the whole-fund waterfall on that LP's own contributions and gross
 * distributions, plus its pre-carry balance as a final distribution on the date, gives the carry due; the
 * unpaid accrual is (carry due − carry paid) less what the clawback clause would take back at such a
 * wind-up (`clawback`), so it is negative — the GP owes — when carry paid exceeds what the fund's life
 * supports. Its change moves between the LP's account and the GP's; carry paid at a distribution leaves
 * the GP's account. So on every date Σ LP balances + GP balance = NAV (contributions − distributions − carry paid +
 * results), to the fen.
 */
import { DomainError } from '../common/errors.js';
import { dayNumberToIsoDate, parseIsoDay } from '../common/dates.js';
import { allocateProRata } from '../ledger/allocate.js';
import { clawback, type WaterfallFlow, type WaterfallTerms, wholeFundWaterfall } from './waterfall.js';

export const ALLOCATION_BASES = ['commitment', 'paidIn'] as const;
export type AllocationBasis = (typeof ALLOCATION_BASES)[number];

export interface PartnerTerms {
  id: number;
  /** Commitment changes: the first is the partner's close; a negative amount is a release of uncalled commitment. */
  commitments: ReadonlyArray<{ date: string; amountFen: number }>;
  /** The date its default took effect (after the cure period), if it defaulted. */
  defaultedOn?: string | null;
}

/** Fund-level results, allocated to partners; `amountFen` positive adds to the partners' balances (except fees and expenses, which are charges). */
export type ResultKind = 'income' | 'realisedGain' | 'unrealisedGain' | 'managementFee' | 'feeOffset' | 'expense';

export type AccountEntry =
  | { kind: 'contribution'; date: string; partnerId: number; amountFen: number }
  | {
      kind: 'distribution';
      date: string;
      partnerId: number;
      /** Cash to the LP, by kind. */
      returnOfCapitalFen: number;
      gainFen: number;
      incomeFen: number;
      /** Carry the GP took out of this LP's share of the distribution (0 when none). */
      carryFen: number;
    }
  /** A fund result; `partnerId` set charges or credits one partner only (e.g. a fee on its commitment). */
  | { kind: ResultKind; date: string; amountFen: number; partnerId?: number }
  /** Part of a defaulter's account forfeited to the partners in good standing (by the basis). */
  | { kind: 'forfeiture'; date: string; partnerId: number; amountFen: number };

export const ACCOUNT_LINES = [
  'contributions',
  'distributionsReturnOfCapital',
  'distributionsGain',
  'distributionsIncome',
  'managementFeesGross',
  'managementFeeOffsets',
  'expenses',
  'income',
  'realisedGain',
  'unrealisedGain',
  'forfeiture',
  'carryAllocated',
  'carryPaid',
] as const;
export type AccountLine = (typeof ACCOUNT_LINES)[number];

/** One partner's ILPA lines over a period. Signs as shown: charges and distributions positive, subtracted. */
export interface PartnerAccountLines {
  from: string | null;
  to: string;
  beginningFen: number;
  contributionsFen: number;
  distributionsReturnOfCapitalFen: number;
  distributionsGainFen: number;
  distributionsIncomeFen: number;
  managementFeesGrossFen: number;
  managementFeeOffsetsFen: number;
  expensesFen: number;
  incomeFen: number;
  realisedGainFen: number;
  unrealisedGainFen: number;
  /** Signed: negative for the defaulter, positive for the partners it went to. */
  forfeitureFen: number;
  /** Change in carry allocated but not yet paid. */
  carryAccruedFen: number;
  /** Carry paid to the GP out of this LP's distributions. */
  carryPaidFen: number;
  endingFen: number;
}

export interface CapitalAccountsInput {
  partners: ReadonlyArray<PartnerTerms>;
  entries: ReadonlyArray<AccountEntry>;
  basis: AllocationBasis;
  /** Waterfall terms for the carry accrual; none = no carry. */
  carry?: WaterfallTerms | null;
}

export interface CapitalAccounts {
  /** The dates anything happened on, ascending. */
  dates: string[];
  /** A partner's balance at the end of a date. */
  balanceAt(partnerId: number, date: string): number;
  /** The GP's capital account (carry allocated, not yet paid) at the end of a date. */
  gpBalanceAt(date: string): number;
  /** The fund's NAV at the end of a date: contributions − distributions (with carry paid) + results. */
  navAt(date: string): number;
  /** Carry allocated from a partner's account and not yet paid at the end of a date (negative: paid above what is due — clawback exposure). */
  unpaidCarryAt(partnerId: number, date: string): number;
  /** Carry paid to the GP out of a partner's distributions up to the end of a date. */
  carryPaidAt(partnerId: number, date: string): number;
  /** A partner's lines for the period after `from`'s eve up to `to`; `from` null = since inception. */
  lines(partnerId: number, from: string | null, to: string): PartnerAccountLines;
}

const KIND_RANK: Record<AccountEntry['kind'], number> = {
  contribution: 0,
  income: 1,
  realisedGain: 2,
  unrealisedGain: 3,
  managementFee: 4,
  feeOffset: 5,
  expense: 6,
  forfeiture: 7,
  distribution: 8,
};

/** Total order on entries, so that the result never depends on the order they were keyed in. */
function entryKey(e: AccountEntry): string {
  const p = 'partnerId' in e && e.partnerId !== undefined ? e.partnerId : -1;
  return JSON.stringify([e.date, KIND_RANK[e.kind], p, e]);
}

interface Movement {
  day: number;
  line: AccountLine;
  amountFen: number;
}

/** Splits a signed amount by non-negative integer weights (largest remainder), exactly. */
function split(amountFen: number, weights: number[]): number[] {
  const parts = allocateProRata(Math.abs(amountFen), weights);
  return amountFen < 0 ? parts.map((p) => -p || 0) : parts;
}

/** Rolls every partner's capital account forward through the entries. Throws a VALIDATION DomainError on bad input. */
export function rollForwardCapitalAccounts(input: CapitalAccountsInput): CapitalAccounts {
  const partners = [...input.partners].sort((a, b) => a.id - b.id);
  const ids = new Set(partners.map((p) => p.id));
  if (ids.size !== partners.length) throw DomainError.field('partners', 'unique', 'partners: each partner appears once');
  const dayOf = (date: string, path: string) => {
    const d = parseIsoDay(date);
    if (Number.isNaN(d)) throw DomainError.field(path, 'isoDate', `${path}: must be a date written YYYY-MM-DD`);
    return d;
  };
  const commitmentDays = partners.map((p, i) =>
    p.commitments.map((c, j) => ({ day: dayOf(c.date, `partners.${i}.commitments.${j}.date`), amountFen: c.amountFen })),
  );
  const defaultDay = partners.map((p, i) => (p.defaultedOn ? dayOf(p.defaultedOn, `partners.${i}.defaultedOn`) : Number.POSITIVE_INFINITY));
  const entries = input.entries.map((e, i) => {
    const day = dayOf(e.date, `entries.${i}.date`);
    const amounts = e.kind === 'distribution' ? [e.returnOfCapitalFen, e.gainFen, e.incomeFen, e.carryFen] : [e.amountFen];
    for (const a of amounts)
      if (!Number.isSafeInteger(a)) throw DomainError.field(`entries.${i}`, 'integerFen', `entries.${i}: amounts must be whole numbers of fen`);
    if ('partnerId' in e && e.partnerId !== undefined && !ids.has(e.partnerId))
      throw DomainError.field(`entries.${i}.partnerId`, 'notAPartner', `entries.${i}.partnerId: ${e.partnerId} is not a partner of the fund`);
    return { e, day, key: entryKey(e) };
  });
  entries.sort((a, b) => a.day - b.day || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const n = partners.length;
  const index = new Map(partners.map((p, i) => [p.id, i]));
  const balance = new Array<number>(n).fill(0);
  const paidIn = new Array<number>(n).fill(0);
  const unpaidCarry = new Array<number>(n).fill(0);
  const carryPaid = new Array<number>(n).fill(0);
  const waterfallFlows: WaterfallFlow[][] = partners.map(() => []);
  const carryPaidFlows: WaterfallFlow[][] = partners.map(() => []);
  const moves: Movement[][] = partners.map(() => []);
  const history: Array<{ day: number; balances: number[]; unpaid: number[]; paid: number[]; gp: number; nav: number }> = [];
  let nav = 0;

  const book = (i: number, day: number, line: AccountLine, amountFen: number, sign: 1 | -1) => {
    if (amountFen === 0) return;
    moves[i]?.push({ day, line, amountFen });
    balance[i] = (balance[i] ?? 0) + sign * amountFen;
  };
  const committedAt = (i: number, day: number) => (commitmentDays[i] ?? []).reduce((s, c) => (c.day <= day ? s + c.amountFen : s), 0);
  const admitted = (i: number, day: number) => (commitmentDays[i] ?? []).some((c) => c.day <= day);

  /**
   * Parts of a signed fund-level amount on `day`, by the basis and the default rule. Should nobody qualify
   * (every partner in default with no positive balance), every partner in the fund shares by commitment.
   */
  const allocate = (amountFen: number, day: number, onlyGoodStanding = false): number[] => {
    const out = new Array<number>(n).fill(0);
    if (amountFen === 0) return out;
    const all = partners.map((_, i) => i).filter((i) => admitted(i, day));
    const members = all.filter((i) => defaultDay[i]! > day);
    const defaulters = onlyGoodStanding ? [] : all.filter((i) => defaultDay[i]! <= day);
    let weights = members.map((i) => Math.max(0, input.basis === 'paidIn' ? (paidIn[i] ?? 0) : committedAt(i, day)));
    if (weights.every((w) => w === 0)) weights = members.map((i) => Math.max(0, committedAt(i, day)));
    const membersCanShare = weights.some((w) => w > 0);
    const dWeights = defaulters.map((i) => Math.max(0, balance[i] ?? 0));
    const dTotal = dWeights.reduce((s, w) => s + w, 0);
    const lpTotal = all.reduce((s, i) => s + (balance[i] ?? 0), 0);
    // The partners in good standing together weigh what the fund holds for them: the LPs' total less the defaulters'.
    const goodWeight = membersCanShare ? (defaulters.length > 0 ? Math.max(0, lpTotal - dTotal) : 1) : 0;
    if (goodWeight + dTotal === 0) {
      const fallback = all.map((i) => Math.max(0, committedAt(i, day)));
      if (fallback.every((w) => w === 0))
        throw new DomainError('INVALID_STATE', 'partner.noPartnerToAllocate', 'no partner with a commitment to allocate to on the date');
      for (const [k, part] of split(amountFen, fallback).entries()) out[all[k]!] = part;
      return out;
    }
    const first = split(amountFen, [goodWeight, ...dWeights]);
    for (const [k, i] of defaulters.entries()) out[i] = first[k + 1] ?? 0;
    const goodPart = first[0] ?? 0;
    if (goodPart !== 0) for (const [k, part] of split(goodPart, weights).entries()) out[members[k]!] = part;
    return out;
  };

  const accrueCarry = (day: number, date: string) => {
    const terms = input.carry;
    if (!terms) return;
    for (let i = 0; i < n; i++) {
      const preCarry = (balance[i] ?? 0) + (unpaidCarry[i] ?? 0);
      const flows = preCarry > 0 ? [...(waterfallFlows[i] ?? []), { date, amount: preCarry }] : (waterfallFlows[i] ?? []);
      const due = flows.length === 0 ? 0 : wholeFundWaterfall(terms, flows).reduce((s, r) => s + r.gp, 0);
      // What liquidating at this date would still pay the GP, less what the clawback clause would take back.
      const topUp = due - (carryPaid[i] ?? 0);
      const paidFlows = topUp > 0 ? [...(carryPaidFlows[i] ?? []), { date, amount: topUp }] : (carryPaidFlows[i] ?? []);
      const target = topUp - clawback(terms, flows, paidFlows).excessFen;
      const delta = target - (unpaidCarry[i] ?? 0);
      if (delta !== 0) {
        book(i, day, 'carryAllocated', delta, -1);
        unpaidCarry[i] = target;
      }
    }
  };

  const dayDates = new Map<number, string>();
  let k = 0;
  while (k < entries.length) {
    const day = entries[k]!.day;
    const date = entries[k]!.e.date;
    dayDates.set(day, date);
    let accrued = false;
    for (; k < entries.length && entries[k]!.day === day; k++) {
      const e = entries[k]!.e;
      if (e.kind === 'distribution' && !accrued) {
        accrueCarry(day, date);
        accrued = true;
      }
      if (e.kind === 'contribution') {
        const i = index.get(e.partnerId)!;
        book(i, day, 'contributions', e.amountFen, 1);
        paidIn[i] = (paidIn[i] ?? 0) + e.amountFen;
        waterfallFlows[i]?.push({ date, amount: -e.amountFen });
        nav += e.amountFen;
      } else if (e.kind === 'distribution') {
        const i = index.get(e.partnerId)!;
        book(i, day, 'distributionsReturnOfCapital', e.returnOfCapitalFen, -1);
        book(i, day, 'distributionsGain', e.gainFen, -1);
        book(i, day, 'distributionsIncome', e.incomeFen, -1);
        if (e.carryFen !== 0) {
          moves[i]?.push({ day, line: 'carryPaid', amountFen: e.carryFen });
          unpaidCarry[i] = (unpaidCarry[i] ?? 0) - e.carryFen;
          carryPaid[i] = (carryPaid[i] ?? 0) + e.carryFen;
          carryPaidFlows[i]?.push({ date, amount: e.carryFen });
        }
        const gross = e.returnOfCapitalFen + e.gainFen + e.incomeFen + e.carryFen;
        waterfallFlows[i]?.push({ date, amount: gross });
        nav -= gross;
      } else if (e.kind === 'forfeiture') {
        const from = index.get(e.partnerId)!;
        if (!(defaultDay[from]! <= day))
          throw DomainError.field('entries', 'forfeitureNotInDefault', `entries: partner ${e.partnerId} forfeits on ${date} but is not in default then`, {
            partnerId: e.partnerId,
            date,
          });
        book(from, day, 'forfeiture', -e.amountFen, 1);
        const parts = allocate(e.amountFen, day, true);
        for (const [i, p] of parts.entries()) book(i, day, 'forfeiture', p, 1);
      } else {
        const line: AccountLine =
          e.kind === 'managementFee' ? 'managementFeesGross' : e.kind === 'feeOffset' ? 'managementFeeOffsets' : e.kind === 'expense' ? 'expenses' : e.kind;
        const sign = e.kind === 'managementFee' || e.kind === 'expense' ? -1 : 1;
        const parts = e.partnerId !== undefined ? partners.map((p) => (p.id === e.partnerId ? e.amountFen : 0)) : allocate(e.amountFen, day);
        for (const [i, p] of parts.entries()) book(i, day, line, p, sign);
        nav += sign * e.amountFen;
      }
    }
    accrueCarry(day, date);
    history.push({ day, balances: [...balance], unpaid: [...unpaidCarry], paid: [...carryPaid], gp: unpaidCarry.reduce((s, c) => s + c, 0), nav });
  }

  const at = (date: string) => {
    const day = parseIsoDay(date);
    if (Number.isNaN(day)) throw DomainError.field('date', 'isoDate', 'date: must be a date written YYYY-MM-DD');
    let lo = 0;
    let hi = history.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((history[mid]?.day ?? 0) <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? null : (history[lo - 1] ?? null);
  };
  const indexOf = (partnerId: number) => {
    const i = index.get(partnerId);
    if (i === undefined) throw new DomainError('NOT_FOUND', 'partner.notFound', `partner ${partnerId} is not a partner of the fund`);
    return i;
  };
  const balanceAt = (partnerId: number, date: string) => at(date)?.balances[indexOf(partnerId)] ?? 0;

  return {
    dates: [...dayDates.values()],
    balanceAt,
    gpBalanceAt: (date) => at(date)?.gp ?? 0,
    navAt: (date) => at(date)?.nav ?? 0,
    unpaidCarryAt: (partnerId, date) => at(date)?.unpaid[indexOf(partnerId)] ?? 0,
    carryPaidAt: (partnerId, date) => at(date)?.paid[indexOf(partnerId)] ?? 0,
    lines(partnerId, from, to) {
      const i = index.get(partnerId);
      if (i === undefined) throw new DomainError('NOT_FOUND', 'partner.notFound', `partner ${partnerId} is not a partner of the fund`);
      const fromDay = from === null ? Number.NEGATIVE_INFINITY : parseIsoDay(from);
      const toDay = parseIsoDay(to);
      if (Number.isNaN(fromDay) || Number.isNaN(toDay)) throw DomainError.field('period', 'isoDate', 'period: dates must be written YYYY-MM-DD');
      const sum = Object.fromEntries(ACCOUNT_LINES.map((l) => [l, 0])) as Record<AccountLine, number>;
      for (const m of moves[i] ?? []) if (m.day >= fromDay && m.day <= toDay) sum[m.line] += m.amountFen;
      const beginningFen = from === null ? 0 : balanceAt(partnerId, dayNumberToIsoDate(fromDay - 1));
      return {
        from,
        to,
        beginningFen,
        contributionsFen: sum.contributions,
        distributionsReturnOfCapitalFen: sum.distributionsReturnOfCapital,
        distributionsGainFen: sum.distributionsGain,
        distributionsIncomeFen: sum.distributionsIncome,
        managementFeesGrossFen: sum.managementFeesGross,
        managementFeeOffsetsFen: sum.managementFeeOffsets,
        expensesFen: sum.expenses,
        incomeFen: sum.income,
        realisedGainFen: sum.realisedGain,
        unrealisedGainFen: sum.unrealisedGain,
        forfeitureFen: sum.forfeiture,
        carryAccruedFen: sum.carryAllocated - sum.carryPaid,
        carryPaidFen: sum.carryPaid,
        endingFen: balanceAt(partnerId, to),
      };
    },
  };
}

/** The roll-forward identity every line set satisfies (no balancing figure: each side is booked on its own). */
export function endingFromLines(l: PartnerAccountLines): number {
  return (
    l.beginningFen +
    l.contributionsFen -
    l.distributionsReturnOfCapitalFen -
    l.distributionsGainFen -
    l.distributionsIncomeFen -
    l.managementFeesGrossFen +
    l.managementFeeOffsetsFen -
    l.expensesFen +
    l.incomeFen +
    l.realisedGainFen +
    l.unrealisedGainFen +
    l.forfeitureFen -
    l.carryAccruedFen -
    l.carryPaidFen
  );
}

/** The three columns of an ILPA statement for a quarter: quarter to date, year to date, inception to date. */
export function partnerAccountColumns(accounts: CapitalAccounts, partnerId: number, quarterStart: string, quarterEnd: string) {
  return {
    qtd: accounts.lines(partnerId, quarterStart, quarterEnd),
    ytd: accounts.lines(partnerId, `${quarterEnd.slice(0, 4)}-01-01`, quarterEnd),
    itd: accounts.lines(partnerId, null, quarterEnd),
  };
}

/**
 * The commitment figures beside the capital account: unfunded = commitment − contributions + recallable
 * distributions (what the LP can still be called for), and called-but-unpaid, neither ever negative.
 */
export function commitmentFigures(input: { committedFen: number; calledFen: number; contributedFen: number; recallableFen: number }) {
  return {
    committedFen: input.committedFen,
    contributionsFen: input.contributedFen,
    recallableFen: input.recallableFen,
    unfundedFen: Math.max(0, input.committedFen - input.contributedFen + input.recallableFen),
    calledUnpaidFen: Math.max(0, input.calledFen - input.contributedFen),
  };
}
