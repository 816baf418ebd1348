import { fund, investor, type Tx, user, userFund, session } from '@highland/drizzle';
import { DomainError, type Role, type UserCreate, type UserUpdate } from '@highland/shared';
import { asc, eq, inArray } from 'drizzle-orm';
import { type AuditRecorder, type MutationContext, mutate } from '../audit.js';
import { generateOneTimePassword, hashPassword } from '../password.js';
import type { Db } from '@highland/drizzle';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  investorId: number | null;
  investorName: string | null;
  fundIds: number[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
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
  return rows.map((r) => ({ ...r, fundIds: links.filter((l) => l.userId === r.id).map((l) => l.fundId) }));
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

/** Creates an account with a one-time password (returned once, never stored in clear). */
export async function createUser(ctx: MutationContext, input: UserCreate, options: { password?: string; mustChangePassword?: boolean } = {}) {
  const password = options.password ?? generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  return mutate(ctx, async (tx, audit) => {
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
          mustChangePassword: options.mustChangePassword ?? true,
          createdAt: ctx.now().toISOString(),
        })
        .returning()
    )[0];
    if (!row) throw new Error('insert returned nothing');
    if (input.fundIds.length) await tx.insert(userFund).values(input.fundIds.map((fundId) => ({ userId: row.id, fundId })));
    await audit({ action: 'user.create', entity: 'user', entityId: row.id, after: publicUser(row, input.fundIds) });
    return { id: row.id, oneTimePassword: password };
  });
}

export async function updateUser(ctx: MutationContext, input: UserUpdate, selfId: number) {
  return mutate(ctx, async (tx, audit) => {
    const before = (await tx.select().from(user).where(eq(user.id, input.id)))[0];
    if (!before) throw new DomainError('NOT_FOUND', 'user.notFound', `No user with id ${input.id}.`, { params: { id: input.id } });
    if (input.disabled && input.id === selfId) throw DomainError.field('disabled', 'notSelf', 'disabled: you cannot disable your own account');
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
  });
}

export async function resetPassword(ctx: MutationContext, id: number) {
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  return mutate(ctx, async (tx, audit: AuditRecorder) => {
    const row = (await tx.select({ id: user.id }).from(user).where(eq(user.id, id)))[0];
    if (!row) throw new DomainError('NOT_FOUND', 'user.notFound', `No user with id ${id}.`, { params: { id } });
    await tx.update(user).set({ passwordHash, mustChangePassword: true }).where(eq(user.id, id));
    await tx.delete(session).where(eq(session.userId, id));
    await audit({ action: 'user.resetPassword', entity: 'user', entityId: id, after: { mustChangePassword: true } });
    return { oneTimePassword: password };
  });
}

/** What an audit event may say about a user: never the password hash. */
function publicUser(row: typeof user.$inferSelect, fundIds: number[]) {
  const { passwordHash: _hash, ...rest } = row;
  return { ...rest, fundIds };
}

export async function userFormOptions(db: Db) {
  const funds = await db.select({ id: fund.id, code: fund.code, nameZh: fund.nameZh, nameEn: fund.nameEn, kind: fund.kind }).from(fund).orderBy(asc(fund.id));
  const investors = await db
    .select({ id: investor.id, nameZh: investor.nameZh, nameEn: investor.nameEn, sourceType: investor.sourceType })
    .from(investor)
    .orderBy(asc(investor.id));
  return { funds, investors };
}
