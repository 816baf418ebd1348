import { createDb, fund } from '@highland/drizzle';
import { bootstrap } from '@highland/server/bootstrap';
import { createLogger } from '@highland/server/log';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness } from './helpers/harness.js';
import { startSqld } from './helpers/sqld.js';

/** The remote path: the same code against a libSQL server by URL, for when one machine is not enough. */
describe('against a libSQL server (sqld) by URL', () => {
  let server: { url: string; stop: () => void };
  beforeAll(async () => {
    server = await startSqld();
  });
  afterAll(() => server?.stop());

  it('migrates, seeds the demo, signs in and answers the overview', async () => {
    const db = await createDb(server.url);
    await bootstrap(db, 'demo', createLogger('silent'));
    const h = await harness({ db });
    const gov = await h.as('gov@demo.highland');
    const overview = await gov.group.overview({ asOf: '2026-10-31' });
    const [subs] = await db.select({ n: count() }).from(fund).where(eq(fund.kind, 'sub'));
    expect({ subFunds: overview.counts.subFunds, inDb: subs?.n, mother: overview.mother?.committedFen }).toEqual({
      subFunds: 25,
      inDb: 25,
      mother: 1_000_000_000_000,
    });
    db.$client.close();
  });
});
