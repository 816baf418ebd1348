import { auditEvent, user, userRight } from '@highland/drizzle';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { harness } from './helpers/harness.js';

/** Rights granted on top of a role (ADR 046): who holds them, who grants them, and what is refused. */
describe('per-account rights', () => {
  it('the demo reviewer signs in holding signOff and refer; the other demo accounts hold none', async () => {
    const h = await harness();
    const gov = await (await h.as('gov@demo.highland')).auth.me();
    const gp = await (await h.as('gp@demo.highland')).auth.me();
    expect({ gov: gov?.rights, gp: gp?.rights }).toEqual({ gov: ['refer', 'signOff'], gp: [] });
  });

  it('an administrator replaces an account’s rights, each time with an audit event; the account sees them on its next request', async () => {
    const h = await harness();
    const admin = await h.as('admin@demo.highland');
    const gov = await h.as('gov@demo.highland');
    const govId = (await gov.auth.me())?.userId ?? 0;
    const res = await admin.user.setRights({ id: govId, rights: ['signOff'] });
    const again = await admin.user.setRights({ id: govId, rights: ['signOff'] });
    const events = await h.db.select().from(auditEvent).where(eq(auditEvent.action, 'user.setRights'));
    const listed = (await admin.user.list()).find((u) => u.id === govId);
    expect({
      res,
      again,
      me: (await (await h.as('gov@demo.highland')).auth.me())?.rights,
      listed: listed?.rights,
      events: events.map((e) => [e.entityId, JSON.parse(e.before ?? 'null'), JSON.parse(e.after ?? 'null')]),
    }).toEqual({
      res: { ok: true, changed: true },
      again: { ok: true, changed: false },
      me: ['signOff'],
      listed: ['signOff'],
      events: [
        [String(govId), { rights: ['refer', 'signOff'] }, { rights: ['signOff'] }],
        [String(govId), { rights: ['signOff'] }, { rights: ['signOff'] }],
      ],
    });
  });

  it('refuses a right on a role it may not be granted to, naming the field and the rule, and writes nothing', async () => {
    const h = await harness();
    const admin = await h.as('admin@demo.highland');
    const [gp] = await h.db.select().from(user).where(eq(user.email, 'gp@demo.highland'));
    const err = await admin.user.setRights({ id: gp?.id ?? 0, rights: ['signOff'] }).then(
      () => ({ message: 'accepted' }),
      (e: { message: string }) => ({ message: e.message }),
    );
    const rows = await h.db
      .select()
      .from(userRight)
      .where(eq(userRight.userId, gp?.id ?? 0));
    expect({ message: err.message, rows: rows.length }).toEqual({
      message: 'rights: signOff may be granted only to government accounts',
      rows: 0,
    });
  });

  it('only an administrator grants rights; a repeated right is refused by the schema', async () => {
    const h = await harness();
    const gov = await h.as('gov@demo.highland');
    const admin = await h.as('admin@demo.highland');
    const govId = (await gov.auth.me())?.userId ?? 0;
    const forbidden = await gov.user.setRights({ id: govId, rights: [] }).catch((e: { code?: string; data?: { code?: string } }) => e.data?.code ?? e.code);
    const repeated = await admin.user
      .setRights({ id: govId, rights: ['refer', 'refer'] })
      .catch((e: { cause?: { issues?: Array<{ path: string[]; message: string }> } }) => e.cause?.issues?.[0]);
    expect(forbidden).toBe('FORBIDDEN');
    expect(repeated).toMatchObject({ path: ['rights'], message: 'must not repeat a right' });
  });
});
