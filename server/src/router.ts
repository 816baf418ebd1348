import { auditRouter } from './routers/audit.js';
import { authRouter } from './routers/auth.js';
import { companyRouter } from './routers/company.js';
import { dealRouter } from './routers/deal.js';
import { designationRouter } from './routers/designation.js';
import { fundRouter } from './routers/fund.js';
import { groupRouter } from './routers/group.js';
import { ledgerRouter } from './routers/ledger.js';
import { listingRouter } from './routers/listing.js';
import { lpRouter } from './routers/lp.js';
import { benchmarkRouter } from './routers/benchmark.js';
import { performanceRouter } from './routers/performance.js';
import { pipelineRouter } from './routers/pipeline.js';
import { portfolioRouter } from './routers/portfolio.js';
import { programmeRouter } from './routers/programme.js';
import { scoreboardRouter } from './routers/scoreboard.js';
import { supportRouter } from './routers/support.js';
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
  benchmark: benchmarkRouter,
  lp: lpRouter,
  programme: programmeRouter,
  scoreboard: scoreboardRouter,
  designation: designationRouter,
  listing: listingRouter,
  support: supportRouter,
});

export type AppRouter = typeof appRouter;
