import { auditRouter } from './routers/audit.js';
import { authRouter } from './routers/auth.js';
import { companyRouter } from './routers/company.js';
import { dealRouter } from './routers/deal.js';
import { groupRouter } from './routers/group.js';
import { pipelineRouter } from './routers/pipeline.js';
import { fundRouter } from './routers/fund.js';
import { ledgerRouter } from './routers/ledger.js';
import { lpRouter } from './routers/lp.js';
import { performanceRouter } from './routers/performance.js';
import { portfolioRouter } from './routers/portfolio.js';
import { systemRouter } from './routers/system.js';
import { userRouter } from './routers/user.js';
import { router } from './trpc.js';

/** One router per domain; later issues add theirs here. */
export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  user: userRouter,
  audit: auditRouter,
  group: groupRouter,
  company: companyRouter,
  deal: dealRouter,
  pipeline: pipelineRouter,
  fund: fundRouter,
  ledger: ledgerRouter,
  portfolio: portfolioRouter,
  performance: performanceRouter,
  lp: lpRouter,
});

export type AppRouter = typeof appRouter;
