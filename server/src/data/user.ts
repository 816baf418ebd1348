import { fund, investor, type Tx, user, userFund, userRight, session } from '@highland/drizzle';
import { DomainError, RIGHT_ROLES, type Right, type Role, type UserCreate, type UserRights, type UserUpdate } from '@highland/shared';
import { asc, eq, inArray, like } from 'drizzle-orm';
import type { ReadCtx, WriteCtx } from './ctx.js';
import { loadUser } from './load.js';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  investorId: number | null;
  investorName: string | null;
  fundIds: number[];
  /** Rights granted on top of the role (ADR 046). */
  rights: Right[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export async function listUsers(read: ReadCtx): Promise<UserRow[]> {
  const { db } = read;
  const rows = await db
    .select({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      investorId: user.investorId,
      investorName: investor.nameZh,
      disabled: user.disabled,
      mustChangePassword: user.mustChangePassword,
      createdAt: user.createdAt,
    })
    .from(user)
    .leftJoin(investor, eq(investor.id, user.investorId))
    .orderBy(asc(user.id));
  const links = await db.select().from(userFund);
  const granted = await db.select().from(userRight);
  return rows.map((r) => ({
    ...r,
    fundIds: links.filter((l) => l.userId === r.id).map((l) => l.fundId),
    rights: granted
      .filter((g) => g.userId === r.id)
      .map((g) => g.right)
      .sort(),
  }));
}

async function assertRefsExist(tx: Tx, fundIds: readonly number[], investorId: number | null): Promise<void> {
  if (fundIds.length) {
    const found = await tx
      .select({ id: fund.id })
      .from(fund)
      .where(inArray(fund.id, [...fundIds]));
    const missing = fundIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw DomainError.field('fundIds', 'unknownFund', `fundIds: no fund with id ${missing.join(', ')}`, { ids: missing.join(', ') });
  }
  if (investorId !== null) {
    const found = await tx.select({ id: investor.id }).from(investor).where(eq(investor.id, investorId));
    if (!found.length) throw DomainError.field('investorId', 'unknownInvestor', `investorId: no investor with id ${investorId}`, { id: investorId });
  }
}

/**
 * Creates an account with the hash of its one-time password (the caller makes the password, outside the
 * transaction, and shows it once; it is never stored in clear).
 */
export async function createUser(write: WriteCtx, input: UserCreate & { passwordHash: string; mustChangePassword?: boolean }) {
  const { tx, audit } = write;
  const { passwordHash } = input;
  const existing = await tx.select({ id: user.id }).from(user).where(eq(user.email, input.email));
  if (existing.length)
    throw new DomainError('CONFLICT', 'user.emailTaken', `email: an account with ${input.email} already exists`, {
      fields: [{ path: 'email', rule: 'unique', message: `email: an account with ${input.email} already exists` }],
    });
  await assertRefsExist(tx, input.fundIds, input.investorId);
  const row = (
    await tx
      .insert(user)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
        investorId: input.investorId,
        mustChangePassword: input.mustChangePassword ?? true,
        createdAt: write.now().toISOString(),
      })
      .returning()
  )[0];
  if (!row) throw new Error('insert returned nothing');
  if (input.fundIds.length) await tx.insert(userFund).values(input.fundIds.map((fundId) => ({ userId: row.id, fundId })));
  await audit({ action: 'user.create', entity: 'user', entityId: row.id, after: publicUser(row, input.fundIds) });
  return { id: row.id };
}

export async function updateUser(write: WriteCtx, input: UserUpdate) {
  const { tx, audit } = write;
  const before = await loadUser(tx, input.id);
  if (input.disabled && input.id === write.actor?.userId) throw DomainError.field('disabled', 'notSelf', 'disabled: you cannot disable your own account');
  if (input.fundIds !== undefined && before.role !== 'manager' && input.fundIds.length)
    throw DomainError.field('fundIds', 'managerOnly', 'fundIds: only manager accounts manage funds');
  const beforeFunds = (await tx.select().from(userFund).where(eq(userFund.userId, input.id))).map((l) => l.fundId);
  if (input.fundIds) await assertRefsExist(tx, input.fundIds, null);
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
  };
  if (Object.keys(patch).length) await tx.update(user).set(patch).where(eq(user.id, input.id));
  if (input.disabled) await tx.delete(session).where(eq(session.userId, input.id));
  if (input.fundIds) {
    await tx.delete(userFund).where(eq(userFund.userId, input.id));
    if (input.fundIds.length) await tx.insert(userFund).values(input.fundIds.map((fundId) => ({ userId: input.id, fundId })));
  }
  const after = (await tx.select().from(user).where(eq(user.id, input.id)))[0];
  await audit({
    action: 'user.update',
    entity: 'user',
    entityId: input.id,
    before: publicUser(before, beforeFunds),
    after: after ? publicUser(after, input.fundIds ?? beforeFunds) : null,
  });
  return { ok: true as const };
}

/**
 * Replaces the rights an account holds on top of its role (ADR 046). A right on a role it may not be granted
 * to is refused (RIGHT_ROLES); the account's open sessions pick the change up on their next request.
 */
export async function setUserRights(write: WriteCtx, input: UserRights) {
  const { tx, audit } = write;
  const target = await loadUser(tx, input.id);
  for (const r of input.rights)
    if (!RIGHT_ROLES[r].includes(target.role))
      throw DomainError.field('rights', 'rightNotForRole', `rights: ${r} may be granted only to ${RIGHT_ROLES[r].join(', ')} accounts`, {
        right: r,
        roles: RIGHT_ROLES[r].join(', '),
      });
  const before = (await tx.select({ right: userRight.right }).from(userRight).where(eq(userRight.userId, input.id))).map((g) => g.right).sort();
  const after = [...input.rights].sort();
  // Saving the same set again is still a recorded act of the administrator (the audit shows before = after).
  const changed = before.join() !== after.join();
  await tx.delete(userRight).where(eq(userRight.userId, input.id));
  if (after.length) await tx.insert(userRight).values(after.map((right) => ({ userId: input.id, right })));
  await audit({ action: 'user.setRights', entity: 'user', entityId: input.id, before: { rights: before }, after: { rights: after } });
  return { ok: true as const, changed };
}

/** Replaces an account's password with a one-time one (its hash; the router makes it and shows it once) and signs it out everywhere. */
export async function resetPassword(write: WriteCtx, { id, passwordHash }: { id: number; passwordHash: string }) {
  const { tx, audit } = write;
  await loadUser(tx, id);
  await tx.update(user).set({ passwordHash, mustChangePassword: true }).where(eq(user.id, id));
  await tx.delete(session).where(eq(session.userId, id));
  await audit({ action: 'user.resetPassword', entity: 'user', entityId: id, after: { mustChangePassword: true } });
  return { ok: true as const };
}

/** What an audit event may say about a user: never the password hash. */
function publicUser(row: typeof user.$inferSelect, fundIds: number[]) {
  const { passwordHash: _hash, ...rest } = row;
  return { ...rest, fundIds };
}

export async function userFormOptions(read: ReadCtx) {
  const { db } = read;
  const funds = await db.select({ id: fund.id, code: fund.code, nameZh: fund.nameZh, nameEn: fund.nameEn, kind: fund.kind }).from(fund).orderBy(asc(fund.id));
  const investors = await db
    .select({ id: investor.id, nameZh: investor.nameZh, nameEn: investor.nameEn, sourceType: investor.sourceType })
    .from(investor)
    .orderBy(asc(investor.id));
  return { funds, investors };
}

/** Whether the demo accounts are here (the sign-in page then lists them). */
export async function hasDemoAccounts(read: ReadCtx): Promise<boolean> {
  const rows = await read.db.select({ email: user.email }).from(user).where(like(user.email, '%@demo.highland')).limit(1);
  return rows.length > 0;
}
