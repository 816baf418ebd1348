import { type DbOrTx, deal } from '@highland/drizzle';
import { canEditCompanies, DomainError, type FundScope, type Principal, readsGroup } from '@highland/shared';
import { inArray } from 'drizzle-orm';
import type { Actor } from '../context.js';
import { firmsHeldBy } from './firm-scope.js';
import { assertFundReadable, assertGroupReader, withDescendants } from './scope.js';

/**
 * Permission checks that need a fact from the books first (which funds hold a deal of a company, whose a
 * saved view is), beside scope.ts and firm-scope.ts: each reads the fact itself (auth/ imports nothing
 * from data/) and decides through the predicates of shared/src/auth/policy.ts (ADR 044). Routers and the
 * HTTP file routes take their permission checks from server/src/auth only.
 */
/** The refusal of a gate (a procedure's or a file route's predicate): the same key and message everywhere. */
export function gateRefusal(what: string): DomainError {
  return new DomainError('FORBIDDEN', 'auth.area', `Your account has no access to this (${what}).`, { params: { area: what } });
}

type Guarded = { db: DbOrTx; actor: Actor; scope: () => Promise<FundScope> };

/** A deal filter may name only readable funds (refused, not silently dropped), and ask for the overlap only as a group reader. */
export async function assertDealFilterReadable(ctx: Guarded, filter: { fundIds?: readonly number[] | undefined; overlapOnly?: boolean | undefined }) {
  if (filter.fundIds?.length) {
    const scope = await ctx.scope();
    for (const id of filter.fundIds) if (!scope.all && !scope.ids.includes(id)) await assertFundReadable(ctx.db, ctx.actor, id);
  }
  if (filter.overlapOnly) assertGroupReader(ctx.actor);
}

/**
 * The whole company register is looked after by the mother fund's managers: the register's keepers
 * (canEditCompanies) who also read the group (readsGroup).
 */
const keepsWholeRegister = (p: Principal): boolean => canEditCompanies(p) && readsGroup(p);

/** The funds whose pipelines hold a deal of any of these companies. */
async function dealFundsOf(db: DbOrTx, companyIds: readonly number[]): Promise<number[]> {
  if (!companyIds.length) return [];
  const rows = await db
    .selectDistinct({ fundId: deal.fundId })
    .from(deal)
    .where(inArray(deal.companyId, [...companyIds]));
  return rows.map((r) => r.fundId);
}

/**
 * Company data is shared by every fund, so it is edited only by someone with a stake in it: a manager with
 * a deal of the company in a fund they manage, the manager who created it, or the mother fund's managers
 * (who look after the group's company register).
 */
export async function companyWritable(ctx: Guarded, c: { id: number; createdBy: number | null }): Promise<boolean> {
  const actor = ctx.actor;
  if (!canEditCompanies(actor)) return false;
  if (keepsWholeRegister(actor) || c.createdBy === actor.userId) return true;
  if (!actor.managedFundIds.length) return false;
  const dealFundIds = await dealFundsOf(ctx.db, [c.id]);
  return dealFundIds.some((id) => actor.managedFundIds.includes(id));
}

export async function assertCompanyWritable(ctx: Guarded, c: { id: number; createdBy: number | null }): Promise<void> {
  if (!(await companyWritable(ctx, c)))
    throw new DomainError('FORBIDDEN', 'company.notYours', `Company ${c.id} is edited by the managers of the funds that hold a deal of it.`, {
      params: { id: c.id },
    });
}

/** A merge moves deals between funds' pipelines: the mother fund's managers, or a manager of every fund involved. */
export async function assertMergeAllowed(
  ctx: Guarded,
  from: { id: number; createdBy: number | null },
  into: { id: number; createdBy: number | null },
): Promise<void> {
  const actor = ctx.actor;
  if (!canEditCompanies(actor)) throw new DomainError('FORBIDDEN', 'auth.role', 'Companies are merged by fund managers.', { params: { roles: 'manager' } });
  if (keepsWholeRegister(actor)) return;
  const dealFundIds = await dealFundsOf(ctx.db, [from.id, into.id]);
  const foreign = dealFundIds.filter((id) => !actor.managedFundIds.includes(id));
  if (foreign.length)
    throw new DomainError(
      'FORBIDDEN',
      'company.mergeForeign',
      'These companies have deals in funds you do not manage; ask the mother fund’s managers to merge them.',
      { params: { funds: foreign.join(', ') } },
    );
  if (!dealFundIds.length) {
    await assertCompanyWritable(ctx, from);
    await assertCompanyWritable(ctx, into);
  }
}

/** A saved view is its owner's alone. */
export function assertOwnView(actor: Actor, view: { id: number; userId: number }): void {
  if (view.userId !== actor.userId)
    throw new DomainError('FORBIDDEN', 'view.notYours', `Saved view ${view.id} belongs to another user.`, { params: { id: view.id } });
}

/**
 * A company's KPIs are kept by the managers of the funds that hold it (or funds above them): the firms
 * held, now or before, by the funds the actor manages and every fund below them (none for anyone else).
 */
export async function companiesKeptBy(ctx: Guarded): Promise<Set<number>> {
  return firmsHeldBy(ctx.db, await withDescendants(ctx.db, ctx.actor.managedFundIds));
}

/** Refuses a KPI for a company the actor's funds do not hold. */
export async function assertKpiKeeper(ctx: Guarded, companyId: number): Promise<void> {
  if (!(await companiesKeptBy(ctx)).has(companyId))
    throw new DomainError('FORBIDDEN', 'portfolio.notYourCompany', `Company ${companyId} is not held by a fund you manage.`, {
      params: { id: companyId },
    });
}
