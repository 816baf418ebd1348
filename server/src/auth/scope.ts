import { commitment, type DbOrTx, fund } from '@highland/drizzle';
import {
  canCommitToFund,
  canEditFund,
  canEditFunds,
  canReadFund,
  canReadInvestor,
  canReviewFund,
  canWriteFund,
  DomainError,
  type FundScope,
  readsEveryFund,
  readsGroup,
} from '@highland/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../context.js';

/**
 * The server's side of the one permission source (shared/src/auth/policy.ts, ADR 044): each helper loads
 * what a predicate needs (a fund's path up the group, the funds an LP's investor is in) and asks the
 * predicate; none decides on a role by itself. Routers and data functions scope through these helpers.
 *
 * - admin, government: every fund (read).
 * - manager: the funds assigned to them and every fund below them (read); the assigned funds (write).
 * - lp: the funds their investor has committed to (read, and only their own figures inside them).
 *
 * `FundScope` (every fund, or these ids) is the shared one of shared/src/auth/policy.ts.
 */

/**
 * The funds `actor` reads, in bulk, for list queries: the same answer as canReadFund for every fund (the
 * descendants of a manager's funds are exactly the funds whose path passes through one of them; an
 * integration test holds the two equal for every demo account and fund).
 */
export async function readableFunds(db: DbOrTx, actor: Actor): Promise<FundScope> {
  if (readsEveryFund(actor)) return { all: true };
  switch (actor.role) {
    case 'manager':
      return { all: false, ids: await withDescendants(db, actor.managedFundIds) };
    case 'lp':
      return { all: false, ids: await investorFundIds(db, actor) };
    default:
      return { all: false, ids: [] };
  }
}

/** A drizzle condition restricting `column` (a fund id) to the scope; undefined means no restriction. */
export function fundScopeCondition(scope: FundScope, column: Parameters<typeof inArray>[0]) {
  if (scope.all) return undefined;
  return scope.ids.length ? inArray(column, scope.ids) : sql`0`;
}

export async function assertFundReadable(db: DbOrTx, actor: Actor, fundId: number): Promise<void> {
  if (readsEveryFund(actor)) return;
  if (!canReadFund(actor, await fundPath(db, fundId), await investorFundIds(db, actor))) throw forbiddenFund(fundId);
}

/** The books of a fund (ledger, pipeline, portfolio) are written only by its managers. */
export function assertFundWritable(actor: Actor, fundId: number): void {
  if (!canWriteFund(actor, fundId)) throw forbiddenFund(fundId);
}

/** An LP reads only its own investor; managers and reviewers read any. */
export function assertInvestorReadable(actor: Actor, investorId: number): void {
  if (!canReadInvestor(actor, investorId))
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
 * A fund's id followed by its ancestors' ids, parent first (the `fundPath` of the predicates); empty for
 * an unknown fund. A cycle in the parent links (which the fund form refuses) ends the walk.
 */
export async function fundPath(db: DbOrTx, fundId: number): Promise<number[]> {
  const rows = await db.all<{ id: number }>(sql`
    WITH RECURSIVE up(id, parent, depth) AS (
      SELECT ${fund.id}, ${fund.parentFundId}, 0 FROM ${fund} WHERE ${fund.id} = ${fundId}
      UNION
      SELECT f.id, f.parent_fund_id, up.depth + 1 FROM ${fund} f JOIN up ON f.id = up.parent WHERE up.depth < 32
    )
    SELECT id FROM up ORDER BY depth`);
  const path: number[] = [];
  for (const r of rows) if (!path.includes(r.id)) path.push(r.id);
  return path;
}

/** The funds an LP's investor has committed to (none for anyone else). */
export async function investorFundIds(db: DbOrTx, actor: Actor): Promise<number[]> {
  if (actor.role !== 'lp' || actor.investorId === null) return [];
  const rows = await db.selectDistinct({ fundId: commitment.fundId }).from(commitment).where(eq(commitment.investorId, actor.investorId));
  return rows.map((r) => r.fundId);
}

/**
 * Group-wide figures (every sub-fund's size, leverage, flags) are for reviewers, administrators and the
 * mother fund's managers; a sub-fund's manager sees their own fund only.
 */
export function assertGroupReader(actor: Actor): void {
  if (readsGroup(actor)) return;
  throw new DomainError('FORBIDDEN', 'scope.group', 'Group-wide figures are for government reviewers and the mother fund’s managers.');
}

/**
 * A fund's marks are reviewed by a manager of the fund or of a fund above it (the mother fund reviews
 * its sub-funds' marks); whether the reviewer also entered the mark is checked where it is recorded.
 */
export async function assertFundReviewable(db: DbOrTx, actor: Actor, fundId: number): Promise<void> {
  if (await fundReviewable(db, actor, fundId)) return;
  throw forbiddenFund(fundId);
}

/** Whether `actor` reviews the fund's marks (canReviewFund on the fund's path), for a page's "what may I do". */
export async function fundReviewable(db: DbOrTx, actor: Actor, fundId: number): Promise<boolean> {
  return canReviewFund(actor, await fundPath(db, fundId));
}

/** Funds (sub-funds and vehicles, their settings) are created and edited by administrators and the mother fund's managers. */
export function assertFundEditor(actor: Actor): void {
  if (canEditFunds(actor)) return;
  throw new DomainError('FORBIDDEN', 'scope.fundEditor', 'Funds are created and edited by administrators and the mother fund’s managers.');
}

/** An edit of one fund's settings: an administrator, or a manager of the mother fund for a fund below it. */
export async function assertFundEditable(db: DbOrTx, actor: Actor, fundId: number): Promise<void> {
  assertFundEditor(actor);
  if (!canEditFund(actor, await fundPath(db, fundId))) throw forbiddenFund(fundId);
}

/**
 * Commitments to a fund are recorded by its managers, and by the mother fund's managers for the funds
 * below it (the mother fund commits to each sub-fund and runs the group's closes).
 */
export async function assertCommitmentWritable(db: DbOrTx, actor: Actor, fundId: number): Promise<void> {
  if (canWriteFund(actor, fundId)) return;
  if (canCommitToFund(actor, await fundPath(db, fundId))) return;
  throw forbiddenFund(fundId);
}
