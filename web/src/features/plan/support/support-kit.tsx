import { FEN_PER_WAN, IsoDateSchema, PositiveMoneyFenSchema, type SupportKind } from '@highland/shared';
import { useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { Dayjs } from 'dayjs';
import { type AppRouter, useTRPC } from '../../../lib/trpc.js';
import type { zodRule } from '../../../lib/validation.js';
import { convertedRule, isoOf } from '../kit.js';

export type Item = inferRouterOutputs<AppRouter>['support']['list']['items'][number];

export const STATUS_COLOR: Record<string, string> = { applied: 'gold', approved: 'blue', paid: 'green', rejected: 'default' };

export const KIND_COLOR: Record<SupportKind, string> = {
  listing_subsidy: '#1d4ed8',
  scenario_project: '#0e7490',
  innovation_voucher: '#16a34a',
  first_set: '#d97706',
  team_reward: '#7c3aed',
};

export const wan = (v: number | null | undefined) => (v == null ? undefined : Math.round(v * FEN_PER_WAN));

export const wanRule = (t: Parameters<typeof zodRule>[1]) => convertedRule<number>(PositiveMoneyFenSchema, t, (v) => Math.round(v * FEN_PER_WAN));

export const dateRule = (t: Parameters<typeof zodRule>[1]) => convertedRule<Dayjs>(IsoDateSchema, t, isoOf);

export function useInvalidate() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries(trpc.support.pathFilter()), qc.invalidateQueries(trpc.listing.pathFilter())]);
}
