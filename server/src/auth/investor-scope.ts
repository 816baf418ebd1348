import { auditEvent, commitment, type DbOrTx, investor, userFund } from '@highland/drizzle';
import { canSeeInvestor, readsGroup } from '@highland/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
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
  const inReadable =
    readable === null
      ? sql<number>`1`
      : readable.length
        ? sql<number>`EXISTS (SELECT 1 FROM ${commitment} WHERE ${commitment.investorId} = ${investor.id} AND ${inArray(commitment.fundId, readable)})`
        : sql<number>`0`;
  const team = actor.managedFundIds.length
    ? db
        .selectDistinct({ userId: userFund.userId })
        .from(userFund)
        .where(inArray(userFund.fundId, [...actor.managedFundIds]))
    : null;
  const createdByTeam = team
    ? sql<number>`EXISTS (SELECT 1 FROM ${auditEvent} WHERE ${and(
        eq(auditEvent.action, 'investor.create'),
        eq(auditEvent.entity, 'investor'),
        sql`${auditEvent.entityId} = CAST(${investor.id} AS TEXT)`,
        inArray(auditEvent.actorUserId, team),
      )})`
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
