import { DomainError, type FundScope } from '@highland/shared';
import { assertFundReadable, assertGroupReader, withDescendants } from '../auth/scope.js';
import type { Actor } from '../context.js';
import { companyStakes } from '../data/company.js';
import { type Caller, query } from '../data/ctx.js';
import type { CompanyRow } from '../data/load.js';
import { companiesHeld } from '../data/portfolio.js';

/**
 * Permission checks that need a fact from the books first (which funds hold a deal of a company, whose a
 * saved view is): the facts come from queries, the decisions are made here, in the router layer, with the
 * helpers of auth/scope.ts. Data functions decide nothing about permissions (ADR 043).
 */
type Guarded = Caller & { actor: Actor; scope: () => Promise<FundScope> };

/** A deal filter may name only readable funds (refused, not silently dropped), and ask for the overlap only as a group reader. */
export async function assertDealFilterReadable(ctx: Guarded, filter: { fundIds?: readonly number[] | undefined; overlapOnly?: boolean | undefined }) {
  if (filter.fundIds?.length) {
    const scope = await ctx.scope();
    for (const id of filter.fundIds) if (!scope.all && !scope.ids.includes(id)) await assertFundReadable(ctx.db, ctx.actor, id);
  }
  if (filter.overlapOnly) assertGroupReader(ctx.actor);
}

/**
 * Company data is shared by every fund, so it is edited only by someone with a stake in it: a manager with
 * a deal of the company in a fund they manage, the manager who created it, or the mother fund's managers
 * (who look after the group's company register).
 */
export async function companyWritable(ctx: Guarded, c: Pick<CompanyRow, 'id' | 'createdBy'>): Promise<boolean> {
  const actor = ctx.actor;
  if (actor.role !== 'manager') return false;
  if (actor.managesMotherFund || c.createdBy === actor.userId) return true;
  if (!actor.managedFundIds.length) return false;
  const { dealFundIds } = await query(ctx, companyStakes, { companyIds: [c.id] });
  return dealFundIds.some((id) => actor.managedFundIds.includes(id));
}

export async function assertCompanyWritable(ctx: Guarded, c: Pick<CompanyRow, 'id' | 'createdBy'>): Promise<void> {
  if (!(await companyWritable(ctx, c)))
    throw new DomainError('FORBIDDEN', 'company.notYours', `Company ${c.id} is edited by the managers of the funds that hold a deal of it.`, {
      params: { id: c.id },
    });
}

/** A merge moves deals between funds' pipelines: the mother fund's managers, or a manager of every fund involved. */
export async function assertMergeAllowed(ctx: Guarded, from: CompanyRow, into: CompanyRow): Promise<void> {
  const actor = ctx.actor;
  if (actor.role !== 'manager') throw new DomainError('FORBIDDEN', 'auth.role', 'Companies are merged by fund managers.', { params: { roles: 'manager' } });
  if (actor.managesMotherFund) return;
  const { dealFundIds } = await query(ctx, companyStakes, { companyIds: [from.id, into.id] });
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

/** A company's KPIs are kept by the managers of the funds that hold it (or funds above them). */
export async function companiesKeptBy(ctx: Guarded): Promise<Set<number>> {
  return query(ctx, companiesHeld, { fundIds: await withDescendants(ctx.db, ctx.actor.managedFundIds) });
}
