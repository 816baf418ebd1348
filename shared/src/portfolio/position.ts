/**
 * A fund's position in one company, rolled forward from its events: the rounds it bought (tranches),
 * the exits that sold part or all of it, and the approved marks that valued it.
 *
 * Conventions (see docs/decisions/030-portfolio-valuation.md):
 * - Events of one day apply in this order: rounds, then exits, then marks (a mark dated on the day of a
 *   round or an exit values what is held after it).
 * - Value (unrealised) = the latest approved mark on or before the date, plus the cost of rounds bought
 *   after it, scaled by (1 − fraction sold) for each exit after it; cost while never marked.
 * - An exit sells `shareSold` of the company (the unit of `equityShare`); the fraction of the holding it
 *   sells, φ = shareSold ÷ share held, reduces every round's held share and remaining cost by φ, and its
 *   proceeds are split over the rounds pro rata to the share each had (exact to the fen).
 * - Shares are as bought: later dilution by other investors is not modelled (marks carry it in value).
 */
import { DomainError } from '../common/errors.js';
import { allocateProRata } from '../ledger/allocate.js';
import { moic } from '../finance/metrics.js';
import { xirr } from '../finance/xirr.js';
import type { ValuationMethod } from './reference.js';

export interface Tranche {
  id: number;
  date: string;
  amountFen: number;
  equityShare: number;
}
export interface PositionExit {
  id: number;
  date: string;
  shareSold: number;
  proceedsFen: number;
}
export interface Mark {
  id?: number;
  date: string;
  valueFen: number;
  method: ValuationMethod;
}
/** Everything that moved or valued one position; `marks` holds approved marks only. */
export interface PositionEvents {
  tranches: ReadonlyArray<Tranche>;
  exits: ReadonlyArray<PositionExit>;
  marks: ReadonlyArray<Mark>;
}

export interface TrancheState {
  id: number;
  heldShare: number;
  remainingCostFen: number;
  realisedFen: number;
  valueFen: number;
}

export interface PositionState {
  date: string;
  /** Σ rounds bought on or before the date. */
  investedFen: number;
  /** Σ exit proceeds on or before the date. */
  realisedFen: number;
  /** Cost of what is still held. */
  remainingCostFen: number;
  heldShare: number;
  /** Unrealised fair value of what is still held. */
  valueFen: number;
  /** The mark the value rests on, or null while valued at cost. */
  mark: { date: string; method: ValuationMethod; valueFen: number } | null;
  /** Bought and since sold in full. */
  exited: boolean;
  tranches: TrancheState[];
}

/** Shares within this relative distance of the holding count as the whole holding (float noise). */
const SHARE_TOLERANCE = 1e-9;

type Ev = { kind: 0; date: string; t: Tranche } | { kind: 1; date: string; x: PositionExit } | { kind: 2; date: string; m: Mark };

function ordered(events: PositionEvents): Ev[] {
  const evs: Ev[] = [
    ...events.tranches.map((t): Ev => ({ kind: 0, date: t.date, t })),
    ...events.exits.map((x): Ev => ({ kind: 1, date: x.date, x })),
    ...events.marks.map((m): Ev => ({ kind: 2, date: m.date, m })),
  ];
  const id = (e: Ev) => (e.kind === 0 ? e.t.id : e.kind === 1 ? e.x.id : (e.m.id ?? 0));
  return evs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind - b.kind || id(a) - id(b)));
}

/** Splits `proceedsFen` over the rounds pro rata to their held shares (whole fen, summing exactly). */
function splitProceeds(proceedsFen: number, held: readonly number[]): number[] {
  const total = held.reduce((a, b) => a + b, 0);
  const weights = held.map((h) => Math.round((h / total) * 1e12));
  if (weights.every((w) => w === 0)) return held.map((_, i) => (i === 0 ? proceedsFen : 0));
  return allocateProRata(proceedsFen, weights);
}

class Roll {
  ids: number[] = [];
  held: number[] = [];
  cost: number[] = [];
  realised: number[] = [];
  invested = 0;
  proceeds = 0;
  value = 0;
  mark: PositionState['mark'] = null;
  /** For each exit applied: the fraction of the holding it sold and the share held before it. */
  exits: Array<{ id: number; date: string; heldBefore: number; shareSold: number; parts: number[] }> = [];

  heldShare(): number {
    return this.held.reduce((a, b) => a + b, 0);
  }

  apply(e: Ev): void {
    if (e.kind === 0) {
      this.ids.push(e.t.id);
      this.held.push(e.t.equityShare);
      this.cost.push(e.t.amountFen);
      this.realised.push(0);
      this.invested += e.t.amountFen;
      this.value += e.t.amountFen;
    } else if (e.kind === 1) {
      const h = this.heldShare();
      const parts = h > 0 ? splitProceeds(e.x.proceedsFen, this.held) : this.held.map(() => 0);
      this.exits.push({ id: e.x.id, date: e.date, heldBefore: h, shareSold: e.x.shareSold, parts });
      this.proceeds += e.x.proceedsFen;
      if (h <= 0) return;
      const phi = e.x.shareSold >= h * (1 - SHARE_TOLERANCE) ? 1 : e.x.shareSold / h;
      for (let i = 0; i < this.held.length; i++) {
        this.realised[i] = (this.realised[i] ?? 0) + (parts[i] ?? 0);
        this.held[i] = phi === 1 ? 0 : (this.held[i] ?? 0) * (1 - phi);
        this.cost[i] = phi === 1 ? 0 : (this.cost[i] ?? 0) * (1 - phi);
      }
      this.value = phi === 1 ? 0 : this.value * (1 - phi);
    } else {
      this.value = this.heldShare() > 0 ? e.m.valueFen : 0;
      this.mark = { date: e.m.date, method: e.m.method, valueFen: e.m.valueFen };
    }
  }

  state(date: string): PositionState {
    const h = this.heldShare();
    const value = Math.round(this.value);
    const trancheValues = h > 0 ? this.held.map((x) => (x / h) * value) : this.held.map(() => 0);
    return {
      date,
      investedFen: this.invested,
      realisedFen: this.proceeds,
      remainingCostFen: Math.round(this.cost.reduce((a, b) => a + b, 0)),
      heldShare: h,
      valueFen: value,
      mark: this.mark,
      exited: this.ids.length > 0 && h <= 0,
      tranches: this.ids.map((id, i) => ({
        id,
        heldShare: this.held[i] ?? 0,
        remainingCostFen: Math.round(this.cost[i] ?? 0),
        realisedFen: this.realised[i] ?? 0,
        valueFen: Math.round(trancheValues[i] ?? 0),
      })),
    };
  }
}

/** The position at each of `dates` (ascending), in one pass over its events. */
export function positionSeries(events: PositionEvents, dates: ReadonlyArray<string>): PositionState[] {
  const evs = ordered(events);
  const roll = new Roll();
  const out: PositionState[] = [];
  let k = 0;
  for (const d of dates) {
    while (k < evs.length && (evs[k] as Ev).date <= d) roll.apply(evs[k++] as Ev);
    out.push(roll.state(d));
  }
  return out;
}

/** The position as of one date. */
export function positionAsOf(events: PositionEvents, asOf: string): PositionState {
  return positionSeries(events, [asOf])[0] as PositionState;
}

/**
 * The gross IRR of a position as of `state.date`: its rounds paid out, its proceeds received, and
 * what is still held valued at the date (the Excel/LibreOffice XIRR convention). null when none exists.
 */
export function positionIrr(events: PositionEvents, state: PositionState): number | null {
  const flows: Array<{ date: string; amount: number }> = [];
  for (const t of events.tranches) if (t.date <= state.date) flows.push({ date: t.date, amount: -t.amountFen });
  for (const x of events.exits) if (x.date <= state.date && x.proceedsFen > 0) flows.push({ date: x.date, amount: x.proceedsFen });
  if (state.valueFen !== 0) flows.push({ date: state.date, amount: state.valueFen });
  return xirr(flows);
}

/** MOIC = (realised + unrealised) ÷ invested; null before anything is invested. */
export function positionMoic(state: Pick<PositionState, 'date' | 'investedFen' | 'realisedFen' | 'valueFen'>): number | null {
  return moic({
    asOf: state.date,
    value: state.valueFen,
    flows: [
      { date: state.date, kind: 'contribution', amount: state.investedFen },
      { date: state.date, kind: 'distribution', amount: state.realisedFen },
    ],
  });
}

/**
 * How a new exit's proceeds split over the rounds still held, checked against the holding: refused
 * (nothing to write) when the fund holds less than `shareSold` on the exit's date, or when the exit,
 * backdated, would leave a later exit selling more than was left.
 */
export function allocateExit(events: PositionEvents, exit: Omit<PositionExit, 'id'>): Array<{ trancheId: number; proceedsFen: number }> {
  const NEW = -1;
  const roll = new Roll();
  for (const e of ordered({ ...events, exits: [...events.exits, { ...exit, id: NEW }] })) {
    if (e.kind === 1) {
      const held = roll.heldShare();
      if (e.x.shareSold > held * (1 + SHARE_TOLERANCE) || held <= 0) {
        const isNew = e.x.id === NEW;
        throw DomainError.field(
          'shareSold',
          'exceedsHolding',
          isNew
            ? `shareSold: must not exceed the share the fund holds on ${e.date} (${formatShare(held)}); ${formatShare(e.x.shareSold)} was asked`
            : `shareSold: an exit dated ${exit.date} would leave the exit of ${e.date} selling ${formatShare(e.x.shareSold)} of a holding of ${formatShare(held)}`,
          { held: formatShare(held), sold: formatShare(e.x.shareSold), date: e.date },
        );
      }
    }
    roll.apply(e);
  }
  const applied = roll.exits.find((x) => x.id === NEW);
  if (!applied) throw new Error('allocateExit: the new exit was not applied');
  return roll.ids.map((trancheId, i) => ({ trancheId, proceedsFen: applied.parts[i] ?? 0 })).filter((p) => p.proceedsFen > 0);
}

/**
 * Refuses a mark the position cannot have: dated before the fund's first round in the company, or on a
 * date when nothing is held any more.
 */
export function checkMarkDate(events: PositionEvents, date: string): void {
  const first = events.tranches.reduce<string | null>((a, t) => (a === null || t.date < a ? t.date : a), null);
  if (first === null || date < first)
    throw DomainError.field(
      'date',
      'beforeInvestment',
      first === null
        ? 'date: the fund has no investment in this company to value'
        : `date: must not be before the fund's first investment in the company (${first})`,
      first === null ? {} : { first },
    );
  const state = positionAsOf(events, date);
  if (state.heldShare <= 0) throw DomainError.field('date', 'positionExited', `date: the fund held nothing in the company on ${date}`, { date });
}

function formatShare(share: number): string {
  return `${(share * 100).toFixed(4).replace(/\.?0+$/, '')}%`;
}

/**
 * Refuses the reversal of a round (a correction, ADR 033) when something recorded later rests on it:
 * an exit on or after its date sold from a holding that included it (reverse that exit first), or a
 * mark — approved or pending, pass both in `marks` — would value the position on a date it then holds
 * nothing (record the corrected round first, or reject the pending mark). `events` are the live rows.
 */
export function checkTrancheReversal(events: PositionEvents, trancheId: number): void {
  const t = events.tranches.find((x) => x.id === trancheId);
  if (!t) throw DomainError.field('investmentId', 'notInPosition', `investmentId: round ${trancheId} is not a live round of this position`, { id: trancheId });
  const exit = [...events.exits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id)).find((x) => x.date >= t.date);
  if (exit)
    throw DomainError.field(
      'investmentId',
      'exitAfterRound',
      `investmentId: the exit of ${exit.date} (#${exit.id}) sold from a holding that included this round; reverse that exit first`,
      { exitId: exit.id, date: exit.date },
    );
  const rest = { ...events, tranches: events.tranches.filter((x) => x.id !== trancheId), marks: [] };
  for (const m of events.marks) {
    if (m.date < t.date) continue;
    const held = rest.tranches.some((x) => x.date <= m.date) ? positionAsOf(rest, m.date).heldShare : 0;
    if (held <= 0)
      throw DomainError.field(
        'investmentId',
        'markWithoutHolding',
        `investmentId: the mark of ${m.date}${m.id === undefined ? '' : ` (#${m.id})`} values the position, which would hold nothing then without this round; record the corrected round first, or reject the mark if it is pending`,
        m.id === undefined ? { date: m.date } : { markId: m.id, date: m.date },
      );
  }
}

/**
 * Refuses the reversal of an exit when a later exit of the same position exists (its proceeds were split
 * over what this one left): reverse the later one first. Holdings only grow by a reversal, so marks stay valid.
 */
export function checkExitReversal(events: PositionEvents, exitId: number): void {
  const x = events.exits.find((e) => e.id === exitId);
  if (!x) throw DomainError.field('exitId', 'notInPosition', `exitId: exit ${exitId} is not a live exit of this position`, { id: exitId });
  const later = events.exits.find((e) => e.id !== x.id && (e.date > x.date || (e.date === x.date && e.id > x.id)));
  if (later)
    throw DomainError.field('exitId', 'laterExit', `exitId: the exit of ${later.date} (#${later.id}) came after this one; reverse it first`, {
      exitId: later.id,
      date: later.date,
    });
}
