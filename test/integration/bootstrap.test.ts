import { commitment, fund, investor, user } from '@highland/drizzle';
import { bootstrap } from '@highland/server/bootstrap';
import { createLogger } from '@highland/server/log';
import { and, eq, sum } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { harness, testDb } from './helpers/harness.js';

const silent = createLogger('silent');

describe('first start', () => {
  it('an empty database without demo data gets one admin with a one-time password', async () => {
    const db = await testDb('empty');
    const r = await bootstrap(db, 'empty', silent);
    const users = await db.select({ email: user.email, role: user.role, must: user.mustChangePassword }).from(user);
    expect({ seeded: r.seeded, password: /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/.test(r.adminPassword ?? ''), users }).toEqual({
      seeded: 'admin',
      password: true,
      users: [{ email: 'admin@highland.local', role: 'admin', must: true }],
    });
  });

  it('the printed one-time password signs the admin in, and the account is told to change it', async () => {
    const db = await testDb('empty');
    const r = await bootstrap(db, 'empty', silent);
    const h = await harness({ db });
    const admin = await h.as('admin@highland.local', r.adminPassword);
    const me = await admin.auth.me();
    expect({ role: me?.role, must: me?.mustChangePassword }).toEqual({ role: 'admin', must: true });
  });

  it('a second start changes nothing', async () => {
    const db = await testDb('demo');
    const r = await bootstrap(db, 'demo', silent);
    expect(r.seeded).toBe('none');
  });
});

describe('the demo fund group', () => {
  it('is deterministic: two fresh databases hold the same books', async () => {
    const a = await testDb('empty');
    const b = await testDb('empty');
    await bootstrap(a, 'demo', silent, () => new Date('2026-01-01T00:00:00Z'));
    await bootstrap(b, 'demo', silent, () => new Date('2026-01-01T00:00:00Z'));
    const totals = async (db: typeof a) => (await db.select({ s: sum(commitment.amountFen) }).from(commitment))[0]?.s;
    expect(await totals(a)).toBe(await totals(b));
  });

  it('has the mother fund, about 25 sub-funds in 3 batches, and 3–8 LPs each', async () => {
    const db = await testDb('demo');
    const subs = await db.select().from(fund).where(eq(fund.kind, 'sub'));
    const lpCounts = await Promise.all(
      subs.map(async (s) => new Set((await db.select({ i: commitment.investorId }).from(commitment).where(eq(commitment.fundId, s.id))).map((r) => r.i)).size),
    );
    const mother = (await db.select().from(fund).where(eq(fund.kind, 'mother')))[0];
    expect({
      mother: mother?.nameZh,
      subFunds: subs.length,
      batches: [...new Set(subs.map((s) => s.batch))].sort(),
      lpsInRange: lpCounts.every((n) => n >= 3 && n <= 8),
    }).toEqual({ mother: '上海人工智能产业投资基金', subFunds: 25, batches: [1, 2, 3], lpsInRange: true });
  });

  it('lands the group near but below the plan’s 10× on the mother fund’s ¥10 bn', async () => {
    const db = await testDb('demo');
    const mother = (await db.select().from(fund).where(eq(fund.kind, 'mother')))[0];
    const motherSize = Number(
      (
        await db
          .select({ s: sum(commitment.amountFen) })
          .from(commitment)
          .where(eq(commitment.fundId, mother?.id ?? 0))
      )[0]?.s,
    );
    const members = Number(
      (
        await db
          .select({ s: sum(commitment.amountFen) })
          .from(commitment)
          .innerJoin(fund, eq(fund.id, commitment.fundId))
          .where(and(eq(fund.parentFundId, mother?.id ?? 0)))
      )[0]?.s,
    );
    const ratio = members / motherSize;
    expect({ motherSize, nearButBelow10: ratio > 8.5 && ratio < 10 }).toEqual({ motherSize: 1_000_000_000_000, nearButBelow10: true });
  });

  it('tags every LP with a source type, and the demo LP account is in two sub-funds', async () => {
    const db = await testDb('demo');
    const untagged = (await db.select().from(investor)).filter((i) => !i.sourceType);
    const lp = (await db.select().from(user).where(eq(user.email, 'lp@demo.highland')))[0];
    const funds = new Set(
      (
        await db
          .select({ f: commitment.fundId })
          .from(commitment)
          .where(eq(commitment.investorId, lp?.investorId ?? 0))
      ).map((r) => r.f),
    );
    expect({ untagged: untagged.length, lpFunds: funds.size }).toEqual({ untagged: 0, lpFunds: 2 });
  });
});
