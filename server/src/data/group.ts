// An LP's positions (the LP portfolio). The fund group's reads are in fund-group.ts and funds.ts.
import { commitment, type DbOrTx, fund, investor, ledgerEntry } from '@highland/drizzle';
import type { LedgerKind } from '@highland/shared';
import { and, count, eq, lte, sql, sum } from 'drizzle-orm';

/** An LP's own position in each fund it is in, as of a date. Never another investor's row. */
export async function investorPositions(db: DbOrTx, investorId: number, asOf: string) {
  const commits = await db
    .select({ fundId: commitment.fundId, total: sum(commitment.amountFen).mapWith(Number), first: sql<string>`min(${commitment.date})` })
    .from(commitment)
    .where(and(eq(commitment.investorId, investorId), lte(commitment.date, asOf)))
    .groupBy(commitment.fundId);
  const flows = await db
    .select({ fundId: ledgerEntry.fundId, kind: ledgerEntry.kind, total: sum(ledgerEntry.amountFen).mapWith(Number), n: count() })
    .from(ledgerEntry)
    .where(and(eq(ledgerEntry.investorId, investorId), lte(ledgerEntry.date, asOf)))
    .groupBy(ledgerEntry.fundId, ledgerEntry.kind);
  const funds = await db
    .select({ id: fund.id, code: fund.code, nameZh: fund.nameZh, nameEn: fund.nameEn, status: fund.status, vintage: fund.vintage })
    .from(fund);
  const inv = (await db.select().from(investor).where(eq(investor.id, investorId)))[0];
  const positions = commits.map((c) => {
    const f = funds.find((x) => x.id === c.fundId);
    const k = (kind: LedgerKind) => flows.find((x) => x.fundId === c.fundId && x.kind === kind)?.total ?? 0;
    return {
      fundId: c.fundId,
      code: f?.code ?? '',
      nameZh: f?.nameZh ?? '',
      nameEn: f?.nameEn ?? '',
      status: f?.status ?? '',
      vintage: f?.vintage ?? null,
      since: c.first,
      committedFen: c.total,
      calledFen: k('call'),
      uncalledFen: c.total - k('call'),
      contributedFen: k('contribution'),
      distributedFen: k('distribution'),
      feesFen: k('fee'),
    };
  });
  return {
    asOf,
    investor: inv ? { id: inv.id, nameZh: inv.nameZh, nameEn: inv.nameEn, sourceType: inv.sourceType } : null,
    positions,
  };
}
