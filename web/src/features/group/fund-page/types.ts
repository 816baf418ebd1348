import type { AppRouter } from '@highland/server';
import type { inferRouterOutputs } from '@trpc/server';

/** What a fund's page shows, as of a date (fund.detail). */
export type FundDetail = inferRouterOutputs<AppRouter>['fund']['detail'];
