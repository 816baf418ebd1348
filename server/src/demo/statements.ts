import { fund, statementIssue, type Tx, user, userFund, valuation } from '@highland/drizzle';
import { addDays, isoDateIn, parsePeriod } from '@highland/shared';
import { and, asc, desc, eq } from 'drizzle-orm';
import { currentLines, digestOf } from '../data/statements.js';

/** The funds of the LP demo account whose statements the demo issues, and the quarters. */
const FUNDS = ['SF-01', 'SF-10'];
const QUARTERS = ['2025Q4', '2026Q1', '2026Q2', '2026Q3'];

/**
 * Quarterly statements as issued (ADR 034): the LP demo account's two funds issued their last four quarters
 * about three weeks after each quarter ended. Between the Q2 and Q3 issues, SF-10's half-year audit revised
 * one holding's mark as of 2026-06-30 (entered in September, after the Q2 statements went out), so the LP
 * sees its Q2 statement as restated by the books until the manager issues it again.
 */
export async function seedStatements(tx: Tx, createdAt: string): Promise<{ statementIssues: number; lateMarks: number }> {
  const today = isoDateIn(new Date(createdAt));
  const funds: Array<{ id: number; managerId: number | null }> = [];
  for (const code of FUNDS) {
    const [f] = await tx.select({ id: fund.id }).from(fund).where(eq(fund.code, code));
    if (!f) continue;
    const [manager] = await tx
      .select({ id: user.id })
      .from(user)
      .innerJoin(userFund, eq(userFund.userId, user.id))
      .where(and(eq(userFund.fundId, f.id), eq(user.role, 'manager')))
      .orderBy(asc(user.id))
      .limit(1);
    funds.push({ id: f.id, managerId: manager?.id ?? null });
  }
  let issues = 0;
  let lateMarks = 0;
  for (const quarter of QUARTERS) {
    const q = parsePeriod(quarter);
    if (!q || addDays(q.end, 20) > today) continue;
    for (const f of funds) {
      const lines = await currentLines(tx, f.id, quarter);
      if (!lines.length) continue;
      await tx.insert(statementIssue).values({
        fundId: f.id,
        quarter,
        issuedAt: `${addDays(q.end, 20)}T02:00:00.000Z`,
        issuedBy: f.managerId,
        note: null,
        lines,
        digest: digestOf(lines),
      });
      issues += 1;
    }
    if (quarter === '2026Q2' && today >= '2026-09-18') lateMarks = await auditRevision(tx);
  }
  return { statementIssues: issues, lateMarks };
}

/** SF-10's largest holding marked again as of 2026-06-30, 6% higher, entered and approved in September. */
async function auditRevision(tx: Tx): Promise<number> {
  const [sf10] = await tx.select({ id: fund.id }).from(fund).where(eq(fund.code, 'SF-10'));
  if (!sf10) return 0;
  const [mark] = await tx
    .select()
    .from(valuation)
    .where(and(eq(valuation.fundId, sf10.id), eq(valuation.status, 'approved'), eq(valuation.date, '2026-06-30')))
    .orderBy(desc(valuation.valueFen))
    .limit(1);
  const [reviewer] = await tx.select({ id: user.id }).from(user).where(eq(user.email, 'fof@demo.highland'));
  if (!mark) return 0;
  await tx.insert(valuation).values({
    fundId: mark.fundId,
    companyId: mark.companyId,
    date: mark.date,
    valueFen: Math.round((mark.valueFen * 1.06) / 1_000_000) * 1_000_000,
    method: 'comparables',
    basis: '半年度审计调整：审计师按可比公司法复核，EV/营收倍数由 9.8 倍调至 10.4 倍（审计报告附注七）',
    status: 'approved',
    createdAt: '2026-09-16T03:00:00.000Z',
    createdBy: null,
    reviewedAt: '2026-09-18T06:00:00.000Z',
    reviewedBy: reviewer?.id ?? null,
    reviewNote: '与审计报告一致，同意。',
  });
  return 1;
}
