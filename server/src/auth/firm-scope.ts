import type { DbOrTx } from '@highland/drizzle';
import { DomainError } from '@highland/shared';
import type { Actor } from '../context.js';
import { companiesHeldBy } from '../data/portfolio.js';
import { withDescendants } from './scope.js';

/**
 * Scoping of the plan's firm records (designations, listings, policy support), beside scope.ts:
 * - reviewers, administrators and the mother fund's managers read every firm's records;
 * - a sub-fund's manager reads and keeps the records of the firms their funds hold or held;
 * - records are kept (written) by managers only: the mother fund's managers for any portfolio firm
 *   (their funds are above every sub-fund), a sub-fund's manager for their own funds' firms;
 * - designations are reviewed and revoked by the mother fund's managers only (never by the nominator).
 */
export type FirmScope = 'all' | Set<number>;

export async function readableFirms(db: DbOrTx, actor: Actor): Promise<FirmScope> {
  if (actor.role === 'admin' || actor.role === 'government' || actor.managesMotherFund) return 'all';
  if (actor.role === 'manager') return companiesHeldBy(db, await withDescendants(db, actor.managedFundIds));
  return new Set();
}

export const firmReadable = (scope: FirmScope, companyId: number) => scope === 'all' || scope.has(companyId);

export async function assertFirmReadable(db: DbOrTx, actor: Actor, companyId: number): Promise<void> {
  if (!firmReadable(await readableFirms(db, actor), companyId)) throw forbiddenFirm(companyId);
}

export async function assertFirmWritable(db: DbOrTx, actor: Actor, companyId: number): Promise<void> {
  if (actor.role !== 'manager') throw forbiddenFirm(companyId);
  const kept = await companiesHeldBy(db, await withDescendants(db, actor.managedFundIds));
  if (!kept.has(companyId)) throw forbiddenFirm(companyId);
}

export function assertMotherFundManager(actor: Actor): void {
  if (actor.role === 'manager' && actor.managesMotherFund) return;
  throw new DomainError('FORBIDDEN', 'scope.motherFundOnly', 'Only the mother fund’s managers review and revoke designations.');
}

function forbiddenFirm(companyId: number): DomainError {
  return new DomainError('FORBIDDEN', 'scope.firm', `Company ${companyId} is not held by a fund you manage.`, { params: { id: companyId } });
}
