/**
 * Which firms are in the group's portfolio on a date: a firm is a portfolio firm while at least one fund
 * of the group holds part of it — an investment in force (shares bought on or before the date, less
 * shares sold on or before it, above zero). The same rule as the positions of the portfolio module: a
 * sale of what is left (within float noise) ends the holding.
 */
export interface HoldingMove {
  fundId: number;
  companyId: number;
  date: string;
  /** Share of the company bought on the date (Σ rounds), 0–1. */
  boughtShare: number;
  /** Share sold on the date (Σ exits). */
  soldShare: number;
}

/** [from, to): held from `from`; no longer held from `to` (null: still held). */
export interface HoldingInterval {
  from: string;
  to: string | null;
}

/** Below this fraction of what was bought, what is left counts as nothing (the positions' tolerance). */
const LEFT_TOLERANCE = 1e-9;

/** Per company, the intervals in which at least one fund held it (merged across funds), ascending. */
export function holdingIntervals(moves: ReadonlyArray<HoldingMove>): Map<number, HoldingInterval[]> {
  const byPosition = new Map<string, HoldingMove[]>();
  for (const m of moves) {
    const key = `${m.fundId}:${m.companyId}`;
    const list = byPosition.get(key);
    if (list) list.push(m);
    else byPosition.set(key, [m]);
  }
  const perCompany = new Map<number, HoldingInterval[]>();
  for (const list of byPosition.values()) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let bought = 0;
    let sold = 0;
    let open: HoldingInterval | null = null;
    const companyId = (list[0] as HoldingMove).companyId;
    const out = perCompany.get(companyId) ?? [];
    for (let i = 0; i < list.length; i++) {
      const m = list[i] as HoldingMove;
      bought += m.boughtShare;
      sold += m.soldShare;
      // Apply every move of the same day before judging the day.
      const nextSameDay = list[i + 1]?.date === m.date;
      if (nextSameDay) continue;
      const held = bought - sold > bought * LEFT_TOLERANCE;
      if (held && !open) {
        open = { from: m.date, to: null };
        out.push(open);
      } else if (!held && open) {
        open.to = m.date;
        open = null;
      }
    }
    perCompany.set(companyId, out);
  }
  for (const [id, list] of perCompany) perCompany.set(id, mergeIntervals(list));
  return perCompany;
}

function mergeIntervals(list: HoldingInterval[]): HoldingInterval[] {
  const sorted = [...list].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: HoldingInterval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && (last.to === null || iv.from <= last.to)) {
      if (last.to !== null && (iv.to === null || iv.to > last.to)) last.to = iv.to;
    } else out.push({ ...iv });
  }
  return out;
}

/** Whether the intervals cover `date`. */
export function heldOn(intervals: ReadonlyArray<HoldingInterval> | undefined, date: string): boolean {
  return !!intervals?.some((iv) => iv.from <= date && (iv.to === null || date < iv.to));
}

/** Per company, the funds holding part of it on `date` (ascending fund ids). */
export function holdersOn(moves: ReadonlyArray<HoldingMove>, date: string): Map<number, number[]> {
  const net = new Map<string, { fundId: number; companyId: number; bought: number; sold: number }>();
  for (const m of moves) {
    if (m.date > date) continue;
    const key = `${m.fundId}:${m.companyId}`;
    const p = net.get(key) ?? { fundId: m.fundId, companyId: m.companyId, bought: 0, sold: 0 };
    p.bought += m.boughtShare;
    p.sold += m.soldShare;
    net.set(key, p);
  }
  const out = new Map<number, number[]>();
  for (const p of net.values()) {
    if (p.bought - p.sold <= p.bought * LEFT_TOLERANCE) continue;
    const list = out.get(p.companyId) ?? [];
    list.push(p.fundId);
    out.set(p.companyId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}
