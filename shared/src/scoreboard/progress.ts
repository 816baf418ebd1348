import { dayNumber, fromDayNumber } from '../common/dates.js';

/**
 * Progress of a programme target and its straight-line projection.
 *
 * The projection is the ordinary least-squares line through the trend points inside the programme's
 * period (up to the as-of date), read at the programme's end date. Fewer than two distinct dates: no
 * projection (null), never a guess.
 */
export interface TrendPoint {
  date: string;
  value: number;
}

export interface Projection {
  /** The fitted line at the programme's end. */
  endValue: number;
  /** The fitted line's slope, per 365 days. */
  perYear: number;
  /** The fitted line at its first point and at the end: enough to draw it. */
  line: [TrendPoint, TrendPoint];
}

export function linearProjection(points: ReadonlyArray<TrendPoint>, endDate: string): Projection | null {
  if (points.length < 2) return null;
  const xs = points.map((p) => dayNumber(p.date));
  const n = points.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = points.reduce((a, p) => a + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  points.forEach((p, i) => {
    const dx = (xs[i] as number) - mx;
    sxx += dx * dx;
    sxy += dx * (p.value - my);
  });
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const at = (x: number) => my + slope * (x - mx);
  const x0 = Math.min(...xs);
  const xe = dayNumber(endDate);
  return {
    endValue: at(xe),
    perYear: slope * 365,
    line: [
      { date: fromDayNumber(x0), value: at(x0) },
      { date: endDate, value: at(xe) },
    ],
  };
}

/**
 * - met: the figure has reached the target (for an ended programme: by its end date);
 * - on_track: not yet, but the projection reaches it by the end;
 * - behind: the projection falls short (or there is none);
 * - missed: the programme ended without reaching it.
 */
export type TargetStatus = 'met' | 'on_track' | 'behind' | 'missed';

export function targetStatus(input: {
  target: number;
  value: number;
  /** The figure on the programme's end date, when the as-of date is on or after it. */
  valueAtEnd: number | null;
  projection: Projection | null;
}): TargetStatus {
  if (input.valueAtEnd !== null) return input.valueAtEnd >= input.target ? 'met' : 'missed';
  if (input.value >= input.target) return 'met';
  return input.projection && input.projection.endValue >= input.target ? 'on_track' : 'behind';
}

/** Value ÷ target (may exceed 1); null for a target of 0. */
export function progressRatio(value: number, target: number): number | null {
  return target === 0 ? null : value / target;
}

/** The calendar year whose annual figures are the latest complete ones on `asOf`: the year itself on 31 December, else the year before. */
export function latestCompleteYear(asOf: string): number {
  const y = Number(asOf.slice(0, 4));
  return asOf.slice(5) === '12-31' ? y : y - 1;
}
