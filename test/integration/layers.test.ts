import { auditEvent, capitalCall, deal, ledgerEntry } from '@highland/drizzle';
import { count, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { harness } from './helpers/harness.js';
import { fundId, refusal } from './helpers/pipeline.js';

/** A permission on a row the router does not have yet: the router loads it first (ADR 043). */
describe('the router loads the row before it checks the permission on it', () => {
  it('ledger.contribute: a missing call is NOT_FOUND, another fund’s call is FORBIDDEN, and neither writes anything', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const own = await fundId(h.db, 'SF-01');
    const [foreign] = await h.db.select({ id: capitalCall.id }).from(capitalCall).where(ne(capitalCall.fundId, own)).limit(1);
    const rows = async () => ({
      ledger: (await h.db.select({ n: count() }).from(ledgerEntry))[0]?.n,
      audit: (await h.db.select({ n: count() }).from(auditEvent))[0]?.n,
    });
    const before = await rows();
    const lines = [{ investorId: 1, amountFen: 100 }];
    expect({
      missing: await refusal(gp.ledger.contribute({ callId: 999_999, date: '2026-11-01', lines })),
      foreign: await refusal(gp.ledger.contribute({ callId: foreign?.id ?? 0, date: '2026-11-01', lines })),
      after: await rows(),
    }).toEqual({
      missing: { code: 'NOT_FOUND', key: 'ledger.callNotFound', rule: null, path: null },
      foreign: { code: 'FORBIDDEN', key: 'scope.fund', rule: null, path: null },
      after: before,
    });
  });

  it('a deal edit in a fund the caller does not manage is refused before the command runs; a missing deal is NOT_FOUND', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const own = await fundId(h.db, 'SF-01');
    const [foreign] = await h.db.select({ id: deal.id }).from(deal).where(ne(deal.fundId, own)).limit(1);
    expect({
      missing: await refusal(gp.deal.addNote({ dealId: 999_999, body: 'x' })),
      foreign: await refusal(gp.deal.addNote({ dealId: foreign?.id ?? 0, body: 'x' })),
    }).toEqual({
      missing: { code: 'NOT_FOUND', key: 'deal.notFound', rule: null, path: null },
      foreign: { code: 'FORBIDDEN', key: 'scope.fund', rule: null, path: null },
    });
  });
});
