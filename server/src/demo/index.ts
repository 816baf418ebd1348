import type { Db } from '@highland/drizzle';
import { commands, systemCaller } from '../data/ctx.js';
import { demoAccounts, seedAccounts } from './accounts.js';
import { seedFundGroup } from './fund-group.js';
import { DEMO_GP_FUND, DEMO_LP_NAME, DIRECT_VEHICLE, MOTHER_FUND } from './names.js';
import { seedPipeline } from './pipeline.js';
import { seedPortfolio } from './portfolio.js';
import { Random } from './random.js';
import { seedBenchmarks } from './benchmarks.js';
import { seedStatements } from './statements.js';
import { recordStoryEvents } from './story-audit.js';
import { seedScoreboard } from './scoreboard.js';

export { DEMO_PASSWORD } from './accounts.js';
export { DEMO_DATA_END } from './fund-group.js';

/** The seed of the demo generator: same data on every machine. */
export const DEMO_SEED = 20191015;

/**
 * Fills an empty database with the demo fund group in one audited transaction. Later issues add their
 * parts here (pipeline, portfolio, scoreboard), each drawing from its own fork of the generator.
 */
export async function seedDemo(db: Db, now: () => Date): Promise<Record<string, number>> {
  const rng = new Random(DEMO_SEED);
  const createdAt = now().toISOString();
  return commands(systemCaller(db, now), async ({ tx, audit }) => {
    const group = await seedFundGroup(tx, rng.fork('fund-group'), createdAt);
    const users = await seedAccounts(tx, demoAccounts(DEMO_GP_FUND, DEMO_LP_NAME, [MOTHER_FUND.code, DIRECT_VEHICLE.code]), group, createdAt);
    const portfolio = await seedPortfolio(tx, rng.fork('portfolio'), createdAt);
    const pipeline = await seedPipeline(tx, rng.fork('pipeline'), group, createdAt);
    const scoreboard = await seedScoreboard(tx, rng.fork('scoreboard'), createdAt);
    const statements = await seedStatements(tx, createdAt);
    const benchmarks = await seedBenchmarks(tx, rng.fork('benchmarks'), createdAt);
    const counts = { ...group.counts, users, ...portfolio.counts, ...pipeline, ...scoreboard, ...statements, ...benchmarks };
    await recordStoryEvents(tx);
    await audit({ action: 'demo.seed', entity: 'database', entityId: 'demo', after: counts });
    return counts;
  });
}
