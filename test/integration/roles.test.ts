import { fund, investor } from '@highland/drizzle';
import { eq } from 'drizzle-orm';
import { appRouter, createContext } from '@highland/server';
import { DomainError } from '@highland/shared';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { ACCESS_CASES, EMAIL, ensurePendingAccount, type Fixture, IDENTITIES, type Identity, loadFixture } from './access-cases.js';
import { type Harness, harness, PROCEDURES } from './helpers/harness.js';
import { auditCount, seedSession } from './helpers/sessions.js';

const procedures = PROCEDURES;

async function callAs(h: Harness, who: Identity, path: string, input: unknown) {
  if (who === 'pending') await ensurePendingAccount(h.db);
  const cookie = who === 'anonymous' ? null : await seedSession(h.db, EMAIL[who]);
  const ctx = await createContext(h.services, new Request('http://test/', { headers: cookie ? { cookie } : {} }), new Headers(), `role-test:${who}`);
  const caller = appRouter.createCaller(ctx) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const [ns, name] = path.split('.') as [string, string];
  const fn = caller[ns]?.[name];
  if (!fn) throw new Error(`no procedure ${path}`);
  return fn(input);
}

const refusedCodes = ['UNAUTHORIZED', 'FORBIDDEN'];

describe('every procedure refuses every role that must not reach it', () => {
  it('the access table covers every procedure of the router', () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(ACCESS_CASES).sort());
  });

  for (const [path, c] of Object.entries(ACCESS_CASES)) {
    it(path, async () => {
      // Mutations get a fresh database per identity, so one caller's change cannot mask another's refusal.
      const isMutation = procedures[path]?._def.type === 'mutation';
      let shared: { h: Harness; fx: Fixture } | null = null;
      for (const who of IDENTITIES) {
        const h: Harness = isMutation || !shared ? await harness() : shared.h;
        const fx: Fixture = isMutation || !shared ? await loadFixture(h.db) : shared.fx;
        if (!isMutation && !shared) shared = { h, fx };
        const before = await auditCount(h.db);
        let key: string | null = null;
        const outcome = await callAs(h, who, path, c.input?.(fx)).then(
          () => 'ok' as const,
          (e: unknown) => {
            if (e instanceof TRPCError && e.cause instanceof DomainError) key = e.cause.key;
            return e instanceof TRPCError ? e.code : `threw ${String(e)}`;
          },
        );
        if (c.allowed.includes(who)) {
          expect(outcome, `${who} should reach ${path}`).toBe('ok');
          if (isMutation) expect(await auditCount(h.db), `${path} by ${who} must leave an audit event`).toBeGreaterThan(before);
        } else if (who === 'pending') {
          // Refused for the password before any other rule is looked at: the same answer everywhere.
          expect({ outcome, key }, `pending must be refused ${path} until the password is changed`).toEqual({
            outcome: 'FORBIDDEN',
            key: 'auth.mustChangePassword',
          });
          expect(await auditCount(h.db), `a refused ${path} must write nothing`).toBe(before);
        } else {
          expect(refusedCodes, `${who} must be refused ${path} (got ${outcome})`).toContain(outcome);
          expect(await auditCount(h.db), `a refused ${path} must write nothing`).toBe(before);
        }
      }
      for (const s of c.scoped ?? []) {
        const h = await harness();
        const fx = await loadFixture(h.db);
        const outcome = await callAs(h, s.who, path, s.input(fx)).then(
          () => 'ok',
          (e: unknown) => (e instanceof TRPCError ? e.code : 'threw'),
        );
        expect(refusedCodes, `${s.who} must be refused ${path} outside their scope`).toContain(outcome);
      }
    });
  }
});

describe('the LP demo account sees nothing of other investors', () => {
  it('no answer the LP can get names another investor', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const all = await h.db.select({ id: investor.id, nameZh: investor.nameZh, nameEn: investor.nameEn, fundId: investor.fundId }).from(investor);
    // Investors that are themselves funds of the group carry the fund's name, which the LP may legitimately see.
    const others = all.filter((i) => i.id !== fx.lpInvestorId && i.fundId === null);
    expect(others.length).toBeGreaterThan(10);
    const seen: string[] = [];
    for (const [path, c] of Object.entries(ACCESS_CASES)) {
      if (procedures[path]?._def.type !== 'query' || !c.allowed.includes('lp')) continue;
      seen.push(JSON.stringify(await callAs(h, 'lp', path, c.input?.(fx))));
    }
    const text = seen.join('\n');
    const leaked = others.filter((o) => text.includes(o.nameZh) || text.includes(o.nameEn));
    expect(leaked.map((l) => l.nameZh)).toEqual([]);
  });

  it('the portfolio holds only the LP’s own positions, in the two funds it is in', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const sf10 = (await h.db.select({ id: fund.id }).from(fund).where(eq(fund.code, 'SF-10')))[0]?.id;
    const r = (await callAs(h, 'lp', 'lp.portal', { asOf: '2026-10-31' })) as { investor: { id: number }; positions: Array<{ fundId: number }> };
    expect({ investor: r.investor.id, funds: r.positions.map((p) => p.fundId).sort((a, b) => a - b) }).toEqual({
      investor: fx.lpInvestorId,
      funds: [fx.gpFundId, sf10],
    });
  });
});
