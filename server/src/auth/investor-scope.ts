import { type DbOrTx, investor } from '@highland/drizzle';
import { canSeeInvestor, readsGroup } from '@highland/shared';
import { sql } from 'drizzle-orm';
import type { Actor } from '../context.js';
import { readableFunds } from './scope.js';

/**
 * Whose names an actor may see in an investor list (`fund.investorOptions`, the commitment form's picker),
 * on canSeeInvestor (shared/src/auth/policy.ts, ADR 044): group readers every investor; a sub-fund's
 * manager the investors committed to a fund they read, the group's own funds, and the investors created
 * by them or by another manager of one of their funds (a new LP before its first commitment).
 */
export type InvestorScope = { all: true } | { all: false; ids: Set<number> };

export async function visibleInvestors(db: DbOrTx, actor: Actor): Promise<InvestorScope> {
  if (readsGroup(actor)) return { all: true };
  const funds = await readableFunds(db, actor);
  const readable = funds.all ? null : funds.ids;
  // Plain SQL names inside the correlated subqueries: the outer row is `investor`.
  const inReadable =
    readable === null
      ? sql<number>`1`
      : readable.length
        ? sql<number>`EXISTS (SELECT 1 FROM commitment c WHERE c.investor_id = investor.id AND c.fund_id IN (${sql.join(
            readable.map((id) => sql`${id}`),
            sql`, `,
          )}))`
        : sql<number>`0`;
  const managed = [...actor.managedFundIds];
  const createdByTeam = managed.length
    ? sql<number>`EXISTS (SELECT 1 FROM audit_event a WHERE a.action = 'investor.create' AND a.entity = 'investor'
        AND a.entity_id = CAST(investor.id AS TEXT)
        AND a.actor_user_id IN (SELECT uf.user_id FROM user_fund uf WHERE uf.fund_id IN (${sql.join(
          managed.map((id) => sql`${id}`),
          sql`, `,
        )})))`
    : sql<number>`0`;
  const rows = await db.select({ id: investor.id, fundId: investor.fundId, inReadable, createdByTeam }).from(investor).orderBy(investor.id);
  const ids = new Set<number>();
  for (const r of rows) {
    const facts = { id: r.id, isGroupFund: r.fundId !== null, inReadableFund: Boolean(r.inReadable), createdByTeam: Boolean(r.createdByTeam) };
    if (canSeeInvestor(actor, facts)) ids.add(r.id);
  }
  return { all: false, ids };
}

export const investorVisible = (scope: InvestorScope, investorId: number) => scope.all || scope.ids.has(investorId);

/** Keeps the rows of an investor list `actor` may see (`fund.investorOptions` filters its answer through this). */
export async function filterVisibleInvestors<T extends { id: number }>(db: DbOrTx, actor: Actor, rows: readonly T[]): Promise<T[]> {
  const scope = await visibleInvestors(db, actor);
  return rows.filter((r) => investorVisible(scope, r.id));
}
