import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../lib/trpc.js';

/** One holding of a fund, as its page shows it (portfolio.position). */
export type Position = inferRouterOutputs<AppRouter>['portfolio']['position'];
