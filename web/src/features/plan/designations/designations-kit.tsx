import { IsoDateSchema } from '@highland/shared';
import { useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { Dayjs } from 'dayjs';
import { type AppRouter, useTRPC } from '../../../lib/trpc.js';
import type { zodRule } from '../../../lib/validation.js';
import { convertedRule, isoOf } from '../kit.js';

export type Item = inferRouterOutputs<AppRouter>['designation']['list']['items'][number];

export const STATUS_COLOR: Record<string, string> = { nominated: 'gold', approved: 'green', rejected: 'default', revoked: 'red' };

export const LEVEL_COLOR: Record<string, string> = { leader: 'purple', benchmark: 'blue' };

export function useInvalidate() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries(trpc.designation.pathFilter()), qc.invalidateQueries(trpc.scoreboard.pathFilter())]);
}

export const dateRule = (t: Parameters<typeof zodRule>[1]) => convertedRule<Dayjs>(IsoDateSchema, t, isoOf);
