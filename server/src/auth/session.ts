import { createHash, randomBytes } from 'node:crypto';
import { type DbOrTx, fund, session, user, userFund, userRight } from '@highland/drizzle';
import { DomainError } from '@highland/shared';
import { and, eq, gt } from 'drizzle-orm';
import type { Actor } from '../context.js';

export const SESSION_COOKIE = 'hl_session';

export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
}

/** Sessions are stored by the SHA-256 of their token, never the token itself. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eqAt = part.indexOf('=');
    if (eqAt < 0) continue;
    if (part.slice(0, eqAt).trim() === name) return part.slice(eqAt + 1).trim() || null;
  }
  return null;
}

/** The actor behind a live session, or null (unknown, expired, or the account disabled). */
export async function loadActor(db: DbOrTx, sessionId: string, now: Date): Promise<Actor | null> {
  const rows = await db
    .select({
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      investorId: user.investorId,
      locale: user.locale,
      mustChangePassword: user.mustChangePassword,
      disabled: user.disabled,
    })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(and(eq(session.id, sessionId), gt(session.expiresAt, now.toISOString())))
    .limit(1);
  const row = rows[0];
  if (!row || row.disabled) return null;
  return actorOf(db, row);
}

export async function actorOf(db: DbOrTx, row: Omit<Actor, 'managedFundIds' | 'managesMotherFund' | 'rights'> & { disabled?: boolean }): Promise<Actor> {
  const managed =
    row.role === 'manager'
      ? await db
          .select({ fundId: userFund.fundId, kind: fund.kind })
          .from(userFund)
          .innerJoin(fund, eq(fund.id, userFund.fundId))
          .where(eq(userFund.userId, row.userId))
      : [];
  const funds = managed.map((r) => r.fundId);
  const granted = await db.select({ right: userRight.right }).from(userRight).where(eq(userRight.userId, row.userId));
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    investorId: row.investorId,
    managedFundIds: funds.sort((a, b) => a - b),
    managesMotherFund: managed.some((r) => r.kind === 'mother'),
    rights: granted.map((g) => g.right).sort(),
    locale: row.locale,
    mustChangePassword: row.mustChangePassword,
  };
}

/**
 * The refusal for someone whose one-time password has not been changed yet (canCall in
 * shared/src/auth/policy.ts): every procedure and file route but changing it, `auth.me` and signing out.
 */
export function passwordChangeRequired(): DomainError {
  return new DomainError(
    'FORBIDDEN',
    'auth.mustChangePassword',
    'Change your password first (on the Account page); until then only changing it and signing out are allowed.',
  );
}
