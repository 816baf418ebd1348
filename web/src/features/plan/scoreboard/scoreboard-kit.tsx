import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../lib/trpc.js';

export type View = inferRouterOutputs<AppRouter>['scoreboard']['view'];

export type Metric = View['metrics'][number];

/** The next "round" number at or above x (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × a power of ten), for an axis maximum. */
export function niceCeil(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return ([1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * p >= x) ?? 10) * p;
}

export const PROGRESS_COLOR: Record<string, string> = { met: '#16a34a', on_track: '#1d4ed8', behind: '#d97706', missed: '#dc2626' };
