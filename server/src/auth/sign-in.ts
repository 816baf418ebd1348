import { session, user } from '@highland/drizzle';
import { type ChangePassword, DomainError, type Locale, type SignIn } from '@highland/shared';
import { eq, lt } from 'drizzle-orm';
import { mutate } from '../audit.js';
import type { Actor, AppServices } from '../context.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../password.js';
import type { LimitRule } from './rate-limit.js';
import { actorOf, newSessionToken } from './session.js';

const BAD_CREDENTIALS = () => new DomainError('UNAUTHENTICATED', 'auth.badCredentials', 'The e-mail address or the password is wrong.');

export interface SignInResult {
  token: string;
  maxAgeSeconds: number;
  actor: Actor;
}

const THROTTLE_MESSAGES: Record<LimitRule, string> = {
  account: 'Too many failed sign-ins for this account.',
  ip: 'Too many failed sign-ins from your network address.',
  global: 'Too many failed sign-ins on this server just now.',
};
const THROTTLE_KEYS: Record<LimitRule, string> = { account: 'auth.throttled', ip: 'auth.throttledIp', global: 'auth.throttledGlobal' };

/**
 * Checks a password and opens a session. A wrong password and an unknown account get the same answer
 * in the same time. The limits of auth/rate-limit.ts apply before the password is checked (refused
 * attempts cost no scrypt and write nothing). A failure for a known account writes an audit row; failures
 * for unknown accounts are aggregated to at most one row per window (see UnknownAccountFailures).
 */
export async function signIn(s: AppServices, input: SignIn, meta: { ip: string | null; userAgent: string | null; requestId: string }): Promise<SignInResult> {
  const now = s.now();
  const email = input.email;
  const hit = s.throttle.check(email, meta.ip, now.getTime());
  if (hit) {
    const seconds = Math.ceil(hit.retryAfterMs / 1000);
    throw new DomainError('RATE_LIMITED', THROTTLE_KEYS[hit.rule], `${THROTTLE_MESSAGES[hit.rule]} Try again in ${seconds} s.`, {
      params: { seconds, rule: hit.rule },
    });
  }
  const row = (await s.db.select().from(user).where(eq(user.email, email)).limit(1))[0];
  const ok = await verifyPassword(input.password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok || row.disabled) {
    s.throttle.recordFailure(email, meta.ip, now.getTime());
    const mctx = { db: s.db, actor: null, requestId: meta.requestId, now: s.now };
    if (row) {
      await mutate(mctx, (_tx, audit) => audit({ action: 'auth.signInFailed', entity: 'user', entityId: row.id, after: { email, ip: meta.ip } }));
    } else {
      const opened = s.unknownSignIns.record(meta.ip, now.getTime());
      s.log.warn({ requestId: meta.requestId, ip: meta.ip }, 'sign-in for an unknown account');
      if (opened)
        await mutate(mctx, (_tx, audit) =>
          audit({
            action: 'auth.signInFailedUnknown',
            entity: 'user',
            entityId: 'unknown',
            after: { ip: meta.ip, windowMinutes: s.unknownSignIns.windowMs / 60_000, previousWindow: opened.previous },
          }),
        );
    }
    throw BAD_CREDENTIALS();
  }
  s.throttle.recordSuccess(email, meta.ip);
  const maxAgeSeconds = s.config.SESSION_DAYS * 86_400;
  const { token, id } = newSessionToken();
  const actor = await actorOf(s.db, { ...row, userId: row.id });
  await mutate({ db: s.db, actor: { userId: row.id, email: row.email }, requestId: meta.requestId, now: s.now }, async (tx, audit) => {
    // Expired sessions are swept on each sign-in; there is no other writer of this table.
    await tx.delete(session).where(lt(session.expiresAt, now.toISOString()));
    await tx.insert(session).values({
      id,
      userId: row.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000).toISOString(),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await audit({ action: 'auth.signIn', entity: 'user', entityId: row.id, after: { ip: meta.ip } });
  });
  return { token, maxAgeSeconds, actor };
}

export async function signOut(s: AppServices, actor: Actor, sessionId: string, requestId: string): Promise<void> {
  await mutate({ db: s.db, actor, requestId, now: s.now }, async (tx, audit) => {
    await tx.delete(session).where(eq(session.id, sessionId));
    await audit({ action: 'auth.signOut', entity: 'user', entityId: actor.userId });
  });
}

/** Changes the password and ends every other session of the account. */
export async function changePassword(s: AppServices, actor: Actor, sessionId: string | null, input: ChangePassword, requestId: string): Promise<void> {
  const row = (await s.db.select().from(user).where(eq(user.id, actor.userId)).limit(1))[0];
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash)))
    throw DomainError.field('currentPassword', 'wrongPassword', 'currentPassword: is not your current password');
  const passwordHash = await hashPassword(input.newPassword);
  await mutate({ db: s.db, actor, requestId, now: s.now }, async (tx, audit) => {
    await tx.update(user).set({ passwordHash, mustChangePassword: false }).where(eq(user.id, actor.userId));
    const sessions = await tx.select({ id: session.id }).from(session).where(eq(session.userId, actor.userId));
    for (const other of sessions) if (other.id !== sessionId) await tx.delete(session).where(eq(session.id, other.id));
    await audit({
      action: 'user.changePassword',
      entity: 'user',
      entityId: actor.userId,
      before: { mustChangePassword: row.mustChangePassword },
      after: { mustChangePassword: false },
    });
  });
}

export async function setLocale(s: AppServices, actor: Actor, locale: Locale, requestId: string): Promise<void> {
  await mutate({ db: s.db, actor, requestId, now: s.now }, async (tx, audit) => {
    await tx.update(user).set({ locale }).where(eq(user.id, actor.userId));
    await audit({ action: 'user.setLocale', entity: 'user', entityId: actor.userId, before: { locale: actor.locale }, after: { locale } });
  });
}
