import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../lib/trpc.js';

type Outputs = inferRouterOutputs<AppRouter>;
/** A fund's performance as of a date (performance.fund). */
export type Performance = Outputs['performance']['fund'];
/** The look-through of a fund's holdings (performance.lookThrough). */
export type LookThroughData = Outputs['performance']['lookThrough'];
