import { session, user } from '@highland/drizzle';
import { type ChangePassword, DomainError, type Locale, type SignIn } from '@highland/shared';
import { eq, lt } from 'drizzle-orm';
import { mutate } from '../audit.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../password.js';
import { actorOf, newSessionToken } from '../auth/session.js';
import type { Actor, AppServices } from '../context.js';

const BAD_CREDENTIALS = () => new DomainError('UNAUTHENTICATED', 'auth.badCredentials', 'The e-mail address or the password is wrong.');

export interface SignInResult {
  token: string;
  maxAgeSeconds: number;
  actor: Actor;
}

/**
 * Checks a password and opens a session. A wrong password and an unknown account get the same answer
 * in the same time; five failures for one account within a minute lock it for the rest of that minute.
 */
export async function signIn(s: AppServices, input: SignIn, meta: { ip: string | null; userAgent: string | null; requestId: string }): Promise<SignInResult> {
  const now = s.now();
  const key = input.email;
  const wait = s.throttle.retryAfterMs(key, now.getTime());
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new DomainError('RATE_LIMITED', 'auth.throttled', `Too many failed sign-ins for this account. Try again in ${seconds} s.`, {
      params: { seconds },
    });
  }
  const row = (await s.db.select().from(user).where(eq(user.email, input.email)).limit(1))[0];
  const ok = await verifyPassword(input.password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok || row.disabled) {
    s.throttle.recordFailure(key, now.getTime());
    await mutate({ db: s.db, actor: null, requestId: meta.requestId, now: s.now }, (_tx, audit) =>
      audit({ action: 'auth.signInFailed', entity: 'user', entityId: row?.id ?? input.email, after: { email: input.email, ip: meta.ip } }),
    );
    throw BAD_CREDENTIALS();
  }
  s.throttle.reset(key);
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
