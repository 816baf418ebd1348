import { commitment, type DbOrTx, fund, fundPhase, investor, ledgerEntry, manager } from '@highland/drizzle';
import type { LedgerKind } from '@highland/shared';
import { and, asc, eq, lte, sql, sum } from 'drizzle-orm';
import { type FundScope, fundScopeCondition } from '../auth/scope.js';

/** Σ commitments per fund as of a date: a fund's size is never stored, always this sum. */
export async function fundSizes(db: DbOrTx, asOf: string, scope: FundScope = { all: true }): Promise<Map<number, number>> {
  const rows = await db
    .select({ fundId: commitment.fundId, total: sum(commitment.amountFen).mapWith(Number) })
    .from(commitment)
    .where(and(lte(commitment.date, asOf), fundScopeCondition(scope, commitment.fundId)))
    .groupBy(commitment.fundId);
  return new Map(rows.map((r) => [r.fundId, r.total]));
}

export type LedgerTotals = Record<LedgerKind, number>;
const zeroTotals = (): LedgerTotals => ({ call: 0, contribution: 0, distribution: 0, fee: 0, investment: 0, proceeds: 0 });

/** Σ ledger amounts per fund and kind as of a date (reversals are negative rows, so they net out). */
export async function fundLedgerTotals(db: DbOrTx, asOf: string, scope: FundScope = { all: true }): Promise<Map<number, LedgerTotals>> {
  const rows = await db
    .select({ fundId: ledgerEntry.fundId, kind: ledgerEntry.kind, total: sum(ledgerEntry.amountFen).mapWith(Number) })
    .from(ledgerEntry)
    .where(and(lte(ledgerEntry.date, asOf), fundScopeCondition(scope, ledgerEntry.fundId)))
    .groupBy(ledgerEntry.fundId, ledgerEntry.kind);
  const out = new Map<number, LedgerTotals>();
  for (const r of rows) {
    const t = out.get(r.fundId) ?? zeroTotals();
    t[r.kind] = r.total;
    out.set(r.fundId, t);
  }
  return out;
}

export interface FundListRow {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'mother' | 'sub' | 'direct_vehicle';
  batch: number | null;
  status: string;
  vintage: number | null;
  managerZh: string | null;
  managerEn: string | null;
  lpCount: number;
  committedFen: number;
  calledFen: number;
  paidInFen: number;
  distributedFen: number;
}

/** The funds in scope with their size and flows as of a date. */
export async function listFunds(db: DbOrTx, asOf: string, scope: FundScope): Promise<FundListRow[]> {
  const funds = await db
    .select({
      id: fund.id,
      code: fund.code,
      nameZh: fund.nameZh,
      nameEn: fund.nameEn,
      kind: fund.kind,
      batch: fund.batch,
      status: fund.status,
      vintage: fund.vintage,
      managerZh: manager.nameZh,
      managerEn: manager.nameEn,
    })
    .from(fund)
    .leftJoin(manager, eq(manager.id, fund.managerId))
    .where(fundScopeCondition(scope, fund.id))
    .orderBy(asc(fund.kind), asc(fund.batch), asc(fund.id));
  const sizes = await fundSizes(db, asOf, scope);
  const totals = await fundLedgerTotals(db, asOf, scope);
  const lps = await db
    .select({ fundId: commitment.fundId, n: sql<number>`count(distinct ${commitment.investorId})` })
    .from(commitment)
    .where(and(lte(commitment.date, asOf), fundScopeCondition(scope, commitment.fundId)))
    .groupBy(commitment.fundId);
  return funds.map((f) => {
    const t = totals.get(f.id) ?? zeroTotals();
    return {
      ...f,
      lpCount: lps.find((l) => l.fundId === f.id)?.n ?? 0,
      committedFen: sizes.get(f.id) ?? 0,
      calledFen: t.call,
      paidInFen: t.contribution,
      distributedFen: t.distribution,
    };
  });
}

/**
 * The figures of the government overview's header, as of a date: the mother fund's size, the group's
 * committed size (Σ sub-fund and direct-vehicle sizes), paid-in, and the number of sub-funds.
 * The full leverage family (basis, FoF de-duplication) belongs to the fund-group module.
 */
export async function groupOverview(db: DbOrTx, asOf: string) {
  const funds = await db.select().from(fund).orderBy(asc(fund.id));
  const sizes = await fundSizes(db, asOf);
  const totals = await fundLedgerTotals(db, asOf);
  const mother = funds.find((f) => f.kind === 'mother') ?? null;
  const phases = mother ? await db.select().from(fundPhase).where(eq(fundPhase.fundId, mother.id)).orderBy(asc(fundPhase.phase)) : [];
  const members = funds.filter((f) => f.kind !== 'mother' && f.establishedDate !== null && f.establishedDate <= asOf);
  const subFunds = members.filter((f) => f.kind === 'sub');
  const motherInvestor = mother ? ((await db.select({ id: investor.id }).from(investor).where(eq(investor.fundId, mother.id)))[0] ?? null) : null;
  const motherCommitments = motherInvestor
    ? await db
        .select({ fundId: commitment.fundId, total: sum(commitment.amountFen).mapWith(Number) })
        .from(commitment)
        .where(and(eq(commitment.investorId, motherInvestor.id), lte(commitment.date, asOf)))
        .groupBy(commitment.fundId)
    : [];
  const batchNos = [...new Set(subFunds.map((f) => f.batch ?? 0))].sort((a, b) => a - b);
  const batches = batchNos.map((batch) => {
    const inBatch = subFunds.filter((f) => (f.batch ?? 0) === batch);
    return {
      batch,
      count: inBatch.length,
      committedFen: inBatch.reduce((a, f) => a + (sizes.get(f.id) ?? 0), 0),
      paidInFen: inBatch.reduce((a, f) => a + (totals.get(f.id)?.contribution ?? 0), 0),
      motherCommittedFen: inBatch.reduce((a, f) => a + (motherCommitments.find((m) => m.fundId === f.id)?.total ?? 0), 0),
    };
  });
  return {
    asOf,
    motherFund: mother
      ? {
          id: mother.id,
          nameZh: mother.nameZh,
          nameEn: mother.nameEn,
          committedFen: sizes.get(mother.id) ?? 0,
          paidInFen: totals.get(mother.id)?.contribution ?? 0,
          phases: phases.map((p) => ({ phase: p.phase, nameZh: p.nameZh, nameEn: p.nameEn, targetSizeFen: p.targetSizeFen, status: p.status })),
        }
      : null,
    subFundCount: subFunds.length,
    groupCommittedFen: members.reduce((a, f) => a + (sizes.get(f.id) ?? 0), 0),
    groupPaidInFen: members.reduce((a, f) => a + (totals.get(f.id)?.contribution ?? 0), 0),
    batches,
  };
}
