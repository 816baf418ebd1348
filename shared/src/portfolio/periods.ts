import { addDays, daysInMonth, quarterEnd } from '../common/dates.js';

/**
 * Reporting periods written as codes: a year `2024`, a half `2024H1`/`2024H2`, a quarter `2024Q1`…`2024Q4`.
 * KPI snapshots and capital account statements name their period this way.
 */
export interface Period {
  code: string;
  kind: 'year' | 'half' | 'quarter';
  start: string;
  end: string;
}

const PERIOD = /^(\d{4})(?:(H)([12])|(Q)([1-4]))?$/;

const monthEnd = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-${daysInMonth(y, m)}`;
const monthStart = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;

/** The period a code names, or null when the code is not one. */
export function parsePeriod(code: string): Period | null {
  const m = PERIOD.exec(code.trim().toUpperCase());
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 1990 || y > 2100) return null;
  if (m[2]) {
    const h = Number(m[3]);
    return { code: `${y}H${h}`, kind: 'half', start: monthStart(y, h === 1 ? 1 : 7), end: monthEnd(y, h === 1 ? 6 : 12) };
  }
  if (m[4]) {
    const q = Number(m[5]);
    return { code: `${y}Q${q}`, kind: 'quarter', start: monthStart(y, q * 3 - 2), end: monthEnd(y, q * 3) };
  }
  return { code: String(y), kind: 'year', start: `${y}-01-01`, end: `${y}-12-31` };
}

/** The quarter code of a date: 2024-08-15 → 2024Q3. */
export function quarterOf(iso: string): string {
  return `${iso.slice(0, 4)}Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * Quarter ends from the one containing `from` up to `to`, then `to` itself when it is not a quarter end:
 * the points of a figure's history as of `to`.
 */
export function quarterEndsThrough(from: string, to: string): string[] {
  const out: string[] = [];
  if (from > to) return out;
  for (let d = quarterEnd(from); d <= to; d = quarterEnd(addDays(d, 1))) out.push(d);
  if (out[out.length - 1] !== to) out.push(to);
  return out;
}

/** The quarters that have ended by `today` and end on or after `from` (the ones a statement can be drawn for), newest first. */
export function endedQuarters(from: string, today: string): string[] {
  const out: string[] = [];
  for (let d = quarterEnd(from); d <= today; d = quarterEnd(addDays(d, 1))) out.push(quarterOf(d));
  return out.reverse();
}
