import { FEN_PER_YI } from '@highland/shared';
import { useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { type AppRouter, useTRPC } from '../../../lib/trpc.js';
import type { zodRule } from '../../../lib/validation.js';
import { convertedRule } from '../kit.js';

export type Board = inferRouterOutputs<AppRouter>['listing']['board'];

export type Attempt = Board['attempts'][number];

export type Detail = inferRouterOutputs<AppRouter>['listing']['detail'];

/** Board columns: runs of stages, then the suspended and the ended attempts. */
export const COLUMNS = [
  { key: 'tutoring', stages: ['tutoring_filed', 'tutoring_accepted'] },
  { key: 'review', stages: ['accepted', 'inquiry'] },
  { key: 'committee', stages: ['committee'] },
  { key: 'registration', stages: ['registration_submitted', 'registered'] },
  { key: 'suspended', stages: [] },
  { key: 'listed', stages: [] },
  { key: 'ended', stages: [] },
] as const;

export function columnOf(a: Attempt): string {
  if (a.outcome === 'listed') return 'listed';
  if (a.outcome) return 'ended';
  if (a.suspended) return 'suspended';
  return COLUMNS.find((c) => (c.stages as readonly string[]).includes(a.stage ?? ''))?.key ?? 'tutoring';
}

export const STAGE_COLORS: Record<string, string> = {
  tutoring_filed: '#93c5fd',
  tutoring_accepted: '#60a5fa',
  accepted: '#a78bfa',
  inquiry: '#8b5cf6',
  committee: '#f59e0b',
  registration_submitted: '#34d399',
  registered: '#10b981',
};

export function useInvalidate() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries(trpc.listing.pathFilter()),
      qc.invalidateQueries(trpc.scoreboard.pathFilter()),
      qc.invalidateQueries(trpc.support.pathFilter()),
    ]);
}

export const yiRule = (schema: Parameters<typeof zodRule>[0], t: Parameters<typeof zodRule>[1]) =>
  convertedRule<number>(schema, t, (v) => Math.round(v * FEN_PER_YI));

export type AttemptFields = { sponsor: string; listingStandard: 1 | 2 | 3 | 4 | 5; plannedRaise: number; expectedMarketValue?: number | null };

export const fenOf = (yi: number | null | undefined) => (yi == null ? null : Math.round(yi * FEN_PER_YI));
