import { auditEvent, type Db, session, user } from '@highland/drizzle';
import { newSessionToken, SESSION_COOKIE } from '@highland/server/auth/session';
import { count, eq } from 'drizzle-orm';

/**
 * A session for `email` written straight into the test database, for tests that need many signed-in
 * callers (the sign-in path itself is tested in auth.test.ts). Test-only: production writes go through mutate().
 */
export async function seedSession(db: Db, email: string, now = new Date('2026-11-15T04:00:00Z')): Promise<string> {
  const row = (await db.select({ id: user.id }).from(user).where(eq(user.email, email)))[0];
  if (!row) throw new Error(`no user ${email}`);
  const { token, id } = newSessionToken();
  await db.insert(session).values({ id, userId: row.id, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 86_400_000).toISOString() });
  return `${SESSION_COOKIE}=${token}`;
}

export async function auditCount(db: Db): Promise<number> {
  return (await db.select({ n: count() }).from(auditEvent))[0]?.n ?? 0;
}
