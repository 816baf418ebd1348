import { commitment, type DbOrTx, fund } from '@highland/drizzle';
import { DomainError } from '@highland/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../context.js';

/**
 * The one place that decides what an actor may see and change. Every router and data function scopes
 * through these helpers; the web never decides.
 *
 * - admin, government: every fund (read).
 * - manager: the funds assigned to them and every fund below them (read); the assigned funds (write).
 * - lp: the funds their investor has committed to (read, and only their own figures inside them).
 */
export type FundScope = { all: true } | { all: false; ids: number[] };

export async function readableFunds(db: DbOrTx, actor: Actor): Promise<FundScope> {
  switch (actor.role) {
    case 'admin':
    case 'government':
      return { all: true };
    case 'manager':
      return { all: false, ids: await withDescendants(db, actor.managedFundIds) };
    case 'lp': {
      if (actor.investorId === null) return { all: false, ids: [] };
      const rows = await db.selectDistinct({ fundId: commitment.fundId }).from(commitment).where(eq(commitment.investorId, actor.investorId));
      return { all: false, ids: rows.map((r) => r.fundId) };
    }
  }
}

/** A drizzle condition restricting `column` (a fund id) to the scope; undefined means no restriction. */
export function fundScopeCondition(scope: FundScope, column: Parameters<typeof inArray>[0]) {
  if (scope.all) return undefined;
  return scope.ids.length ? inArray(column, scope.ids) : sql`0`;
}

export async function assertFundReadable(db: DbOrTx, actor: Actor, fundId: number): Promise<void> {
  const scope = await readableFunds(db, actor);
  if (!scope.all && !scope.ids.includes(fundId)) throw forbiddenFund(fundId);
}

/** The books of a fund (ledger, pipeline, portfolio) are written only by its managers. */
export function assertFundWritable(actor: Actor, fundId: number): void {
  if (actor.role !== 'manager' || !actor.managedFundIds.includes(fundId)) throw forbiddenFund(fundId);
}

/** An LP reads only its own investor; managers and reviewers read any. */
export function assertInvestorReadable(actor: Actor, investorId: number): void {
  if (actor.role === 'lp' && actor.investorId !== investorId)
    throw new DomainError('FORBIDDEN', 'scope.investor', `Investor ${investorId} is not yours to see.`, { params: { investorId } });
}

function forbiddenFund(fundId: number): DomainError {
  return new DomainError('FORBIDDEN', 'scope.fund', `Fund ${fundId} is outside your scope.`, { params: { fundId } });
}

/** The funds and every fund below them (sub-funds of a mother fund, their vehicles, …). */
export async function withDescendants(db: DbOrTx, fundIds: readonly number[]): Promise<number[]> {
  if (fundIds.length === 0) return [];
  const rows = await db.all<{ id: number }>(sql`
    WITH RECURSIVE tree(id) AS (
      SELECT ${fund.id} FROM ${fund} WHERE ${inArray(fund.id, [...fundIds])}
      UNION
      SELECT f.id FROM ${fund} f JOIN tree ON f.parent_fund_id = tree.id
    )
    SELECT id FROM tree ORDER BY id`);
  return rows.map((r) => r.id);
}

/**
 * Group-wide figures (every sub-fund's size, leverage, flags) are for reviewers, administrators and the
 * mother fund's managers; a sub-fund's manager sees their own fund only.
 */
export function assertGroupReader(actor: Actor): void {
  if (actor.role === 'admin' || actor.role === 'government' || actor.managesMotherFund) return;
  throw new DomainError('FORBIDDEN', 'scope.group', 'Group-wide figures are for government reviewers and the mother fund’s managers.');
}

/**
 * A fund's marks are reviewed by a manager of the fund or of a fund above it (the mother fund reviews
 * its sub-funds' marks); whether the reviewer also entered the mark is checked where it is recorded.
 */
export async function assertFundReviewable(db: DbOrTx, actor: Actor, fundId: number): Promise<void> {
  if (actor.role === 'manager') {
    const above: number[] = [];
    let id: number | null = fundId;
    while (id !== null && !above.includes(id)) {
      above.push(id);
      const [row]: Array<{ parent: number | null }> = await db.select({ parent: fund.parentFundId }).from(fund).where(eq(fund.id, id));
      id = row?.parent ?? null;
    }
    if (above.some((f) => actor.managedFundIds.includes(f))) return;
  }
  throw forbiddenFund(fundId);
}

/** Funds (sub-funds and vehicles, their settings) are created and edited by administrators and the mother fund's managers. */
export function assertFundEditor(actor: Actor): void {
  if (actor.role === 'admin' || actor.managesMotherFund) return;
  throw new DomainError('FORBIDDEN', 'scope.fundEditor', 'Funds are created and edited by administrators and the mother fund’s managers.');
}

/** An edit of one fund's settings: an administrator, or a manager of the mother fund for a fund below it. */
export async function assertFundEditable(db: DbOrTx, actor: Actor, fundId: number): Promise<void> {
  assertFundEditor(actor);
  if (actor.role !== 'admin') await assertFundReadable(db, actor, fundId);
}

/**
 * Commitments to a fund are recorded by its managers, and by the mother fund's managers for the funds
 * below it (the mother fund commits to each sub-fund and runs the group's closes).
 */
export async function assertCommitmentWritable(db: DbOrTx, actor: Actor, fundId: number): Promise<void> {
  if (actor.role === 'manager' && actor.managesMotherFund && (await withDescendants(db, actor.managedFundIds)).includes(fundId)) return;
  assertFundWritable(actor, fundId);
}
