import { auditEvent, ledgerEntry, user } from '@highland/drizzle';
import { mutate } from '@highland/server/audit';
import { desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { harness, PROCEDURES, TEST_NOW } from './helpers/harness.js';
import { auditCount } from './helpers/sessions.js';

/** drizzle wraps the driver's error; the trigger's message is in the cause. */
const errorText = (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`;

describe('the audit trail', () => {
  it('records who changed what, before and after, in the same transaction', async () => {
    const h = await harness();
    const admin = await h.as('admin@demo.highland');
    const gov = (await h.db.select().from(user).where(eq(user.email, 'gov@demo.highland')))[0];
    await admin.user.update({ id: gov?.id ?? 0, name: '李静（处长）' });
    const last = (await h.db.select().from(auditEvent).orderBy(desc(auditEvent.id)).limit(1))[0];
    expect({
      actor: last?.actorLabel,
      action: last?.action,
      entity: last?.entity,
      entityId: last?.entityId,
      before: JSON.parse(last?.before ?? '{}').name,
      after: JSON.parse(last?.after ?? '{}').name,
      at: last?.at,
      hashLeaked: (last?.after ?? '').includes('scrypt$'),
    }).toEqual({
      actor: 'admin@demo.highland',
      action: 'user.update',
      entity: 'user',
      entityId: String(gov?.id),
      before: '市发改委 李静（审查）',
      after: '李静（处长）',
      at: TEST_NOW.toISOString(),
      hashLeaked: false,
    });
  });

  it('a change that fails half-way leaves neither the change nor its audit event', async () => {
    const h = await harness();
    const before = await auditCount(h.db);
    const err = await mutate({ db: h.db, actor: null, now: () => TEST_NOW }, async (tx, audit) => {
      await tx.update(user).set({ name: 'half-written' }).where(eq(user.email, 'gov@demo.highland'));
      await audit({ action: 'test.half', entity: 'user', entityId: 1 });
      throw new Error('boom');
    }).catch((e: Error) => e.message);
    const name = (await h.db.select({ name: user.name }).from(user).where(eq(user.email, 'gov@demo.highland')))[0]?.name;
    expect({ err, name, events: await auditCount(h.db) }).toEqual({ err: 'boom', name: '市发改委 李静（审查）', events: before });
  });

  it('a mutation that records no audit event is rolled back', async () => {
    const h = await harness();
    const err = await mutate({ db: h.db, actor: null, now: () => TEST_NOW }, async (tx) => {
      await tx.update(user).set({ name: 'unaudited' }).where(eq(user.email, 'gov@demo.highland'));
    }).catch((e: Error) => e.message);
    const name = (await h.db.select({ name: user.name }).from(user).where(eq(user.email, 'gov@demo.highland')))[0]?.name;
    expect({ rolledBack: name === '市发改委 李静（审查）', err }).toEqual({
      rolledBack: true,
      err: 'A mutation must record at least one audit event; rolled back.',
    });
  });

  it('the database itself refuses to change or delete an audit event', async () => {
    const h = await harness();
    const update = await h.db.run(sql`UPDATE audit_event SET action = 'forged'`).catch(errorText);
    const del = await h.db.run(sql`DELETE FROM audit_event`).catch(errorText);
    expect({ update: String(update).includes('append-only'), del: String(del).includes('append-only') }).toEqual({ update: true, del: true });
  });

  it('the ledger is append-only too: a correction is a reversing entry', async () => {
    const h = await harness();
    const del = await h.db.delete(ledgerEntry).catch(errorText);
    const upd = await h.db.update(ledgerEntry).set({ amountFen: 1 }).catch(errorText);
    expect([String(del).includes('append-only'), String(upd).includes('append-only')]).toEqual([true, true]);
  });

  it('reviewers filter the trail by action and page through it newest first', async () => {
    const h = await harness();
    const gov = await h.as('gov@demo.highland');
    await h.as('gov@demo.highland');
    const page1 = await gov.audit.list({ action: 'auth.signIn', limit: 1 });
    const page2 = await gov.audit.list({ action: 'auth.signIn', limit: 1, cursor: page1.nextCursor ?? undefined });
    expect({
      actions: [...page1.items, ...page2.items].map((e) => e.action),
      newestFirst: (page1.items[0]?.id ?? 0) > (page2.items[0]?.id ?? 0),
    }).toEqual({ actions: ['auth.signIn', 'auth.signIn'], newestFirst: true });
  });

  it('the router offers no way to change an audit event', async () => {
    const auditProcedures = Object.entries(PROCEDURES).filter(([p]) => p.startsWith('audit.'));
    expect(auditProcedures.map(([p, d]) => `${p}:${d._def.type}`).sort()).toEqual(['audit.export:query', 'audit.facets:query', 'audit.list:query']);
  });
});
