/**
 * Funnel analytics from stage histories: how many deals reached each stage, the conversion from one
 * stage to the next, the median time spent in each stage, and the same reach counts by source and by
 * sector.
 */
import type { OpenStage, Stage } from './stages.js';

export interface StageMove {
  from: Stage | null;
  to: Stage;
  /** UTC instant, ISO 8601. */
  at: string;
}

export interface DealHistory {
  source: string;
  sector: string | null;
  /** The deal's stage events, oldest first. */
  moves: readonly StageMove[];
}

export interface FunnelStage {
  stage: OpenStage;
  /** Deals that got at least this far (a skipped stage counts as passed through). */
  reached: number;
  /** reached(next) ÷ reached(this); null for the last stage or when nobody reached this one. */
  conversion: number | null;
  /** Median whole-stay length in days over stays that have ended; null when none has. */
  medianDays: number | null;
  /** Stays that have ended (the median's sample) and stays still running. */
  endedStays: number;
  openStays: number;
  /** Deals passed on while in this stage. */
  passedHere: number;
}

export interface FunnelGroup {
  key: string;
  /** Deals in the group. */
  deals: number;
  /** Reach per stage, in the order of `stages`. */
  reached: number[];
  /** reached(last stage) ÷ deals. */
  winRate: number | null;
}

export interface Funnel {
  deals: number;
  stages: FunnelStage[];
  bySource: FunnelGroup[];
  bySector: FunnelGroup[];
}

const DAY_MS = 86_400_000;

/** The median of a list of numbers (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The furthest open stage (index in `order`) a deal was ever in, or -1. */
function furthest(order: readonly OpenStage[], moves: readonly StageMove[]): number {
  let max = -1;
  for (const m of moves) {
    for (const s of [m.from, m.to]) {
      const i = s ? order.indexOf(s as OpenStage) : -1;
      if (i > max) max = i;
    }
  }
  return max;
}

function groups(order: readonly OpenStage[], deals: ReadonlyArray<{ key: string; reach: number }>): FunnelGroup[] {
  const byKey = new Map<string, number[]>();
  for (const d of deals) {
    let g = byKey.get(d.key);
    if (!g) {
      g = [];
      byKey.set(d.key, g);
    }
    g.push(d.reach);
  }
  return [...byKey.entries()]
    .map(([key, reaches]) => {
      const reached = order.map((_, i) => reaches.filter((r) => r >= i).length);
      return { key, deals: reaches.length, reached, winRate: reaches.length ? (reached[order.length - 1] ?? 0) / reaches.length : null };
    })
    .sort((a, b) => b.deals - a.deals || a.key.localeCompare(b.key));
}

/** The funnel of a set of deals over one stage order. */
export function computeFunnel(order: readonly OpenStage[], deals: readonly DealHistory[]): Funnel {
  const reaches = deals.map((d) => furthest(order, d.moves));
  const stays = new Map<OpenStage, { ended: number[]; open: number; passed: number }>(order.map((s) => [s, { ended: [], open: 0, passed: 0 }]));
  for (const d of deals) {
    d.moves.forEach((m, i) => {
      const stay = stays.get(m.to as OpenStage);
      const next = d.moves[i + 1];
      if (stay) {
        if (next) stay.ended.push((Date.parse(next.at) - Date.parse(m.at)) / DAY_MS);
        else stay.open += 1;
      }
      if (m.to === 'passed' && m.from) {
        // A deal passed from on hold was passed in the stage it had been held in.
        const held = m.from === 'on_hold' ? [...d.moves.slice(0, i)].reverse().find((x) => x.to === 'on_hold')?.from : m.from;
        const where = held ? stays.get(held as OpenStage) : undefined;
        if (where) where.passed += 1;
      }
    });
  }
  const reached = order.map((_, i) => reaches.filter((r) => r >= i).length);
  const stages = order.map((stage, i) => {
    const s = stays.get(stage) ?? { ended: [], open: 0, passed: 0 };
    const here = reached[i] ?? 0;
    const next = reached[i + 1];
    const m = median(s.ended);
    return {
      stage,
      reached: here,
      conversion: next === undefined || here === 0 ? null : next / here,
      medianDays: m === null ? null : Math.round(m * 10) / 10,
      endedStays: s.ended.length,
      openStays: s.open,
      passedHere: s.passed,
    };
  });
  return {
    deals: deals.length,
    stages,
    bySource: groups(
      order,
      deals.map((d, i) => ({ key: d.source, reach: reaches[i] ?? -1 })),
    ),
    bySector: groups(
      order,
      deals.map((d, i) => ({ key: d.sector ?? '—', reach: reaches[i] ?? -1 })),
    ),
  };
}
