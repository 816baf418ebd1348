import { type DbOrTx, investment } from '@highland/drizzle';
import { canReviewDesignations, canWritePlan, DomainError, readsAllFirms } from '@highland/shared';
import { and, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../context.js';
import { withDescendants } from './scope.js';

/**
 * Scoping of the plan's firm records (designations, listings, policy support), beside scope.ts, on the
 * predicates of shared/src/auth/policy.ts:
 * - reviewers, administrators and the mother fund's managers read every firm's records (readsAllFirms);
 * - a sub-fund's manager reads and keeps the records of the firms their funds hold or held;
 * - records are kept (written) by managers only (canWritePlan): the mother fund's managers for any
 *   portfolio firm (their funds are above every sub-fund), a sub-fund's manager for their own funds' firms;
 * - designations are reviewed and revoked by the mother fund's managers only (canReviewDesignations).
 */
export type FirmScope = 'all' | Set<number>;

export async function readableFirms(db: DbOrTx, actor: Actor): Promise<FirmScope> {
  if (readsAllFirms(actor)) return 'all';
  return firmsHeldBy(db, await withDescendants(db, actor.managedFundIds));
}

export const firmReadable = (scope: FirmScope, companyId: number) => scope === 'all' || scope.has(companyId);

export async function assertFirmReadable(db: DbOrTx, actor: Actor, companyId: number): Promise<void> {
  if (!firmReadable(await readableFirms(db, actor), companyId)) throw forbiddenFirm(companyId);
}

export async function assertFirmWritable(db: DbOrTx, actor: Actor, companyId: number): Promise<void> {
  if (!canWritePlan(actor)) throw forbiddenFirm(companyId);
  const kept = await firmsHeldBy(db, await withDescendants(db, actor.managedFundIds));
  if (!kept.has(companyId)) throw forbiddenFirm(companyId);
}

export function assertMotherFundManager(actor: Actor): void {
  if (canReviewDesignations(actor)) return;
  throw new DomainError('FORBIDDEN', 'scope.motherFundOnly', 'Only the mother fund’s managers review and revoke designations.');
}

/**
 * Companies held (now or before) by the given funds, counting live rounds only (a round reversed by a
 * correction, or the reversal itself, holds nothing: the same rule as data/live.ts's liveRound, written
 * here because the auth layer reads the tables itself and never imports data/).
 */
export async function firmsHeldBy(db: DbOrTx, fundIds: readonly number[]): Promise<Set<number>> {
  if (!fundIds.length) return new Set();
  const live = sql`(+${investment.reversesId} IS NULL AND ${investment.id} NOT IN (SELECT reverses_id FROM investment WHERE reverses_id IS NOT NULL))`;
  const rows = await db
    .selectDistinct({ id: investment.companyId })
    .from(investment)
    .where(and(inArray(investment.fundId, [...fundIds]), live));
  return new Set(rows.map((r) => r.id));
}

function forbiddenFirm(companyId: number): DomainError {
  return new DomainError('FORBIDDEN', 'scope.firm', `Company ${companyId} is not held by a fund you manage.`, { params: { id: companyId } });
}
