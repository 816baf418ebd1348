import { callDefault, capitalCall, fund, fundTerms, ledgerEntry, partnerEntry } from '@highland/drizzle';
import { FundTermsSchema } from '@highland/shared';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDb } from './helpers/harness.js';

/** drizzle wraps the driver's error; the trigger's message is in the cause. */
const errorText = (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`;

// Migrations 0014–0015 (ADR 045): the partner-accounting tables keep existing data valid and are append-only.
describe('partner accounting schema', () => {
  it('every existing capital call is of kind call', async () => {
    const db = await testDb('demo');
    const kinds = await db.all<{ kind: string; n: number }>(sql`SELECT kind, COUNT(*) AS n FROM capital_call GROUP BY kind`);
    expect([kinds.length, kinds[0]?.kind, (kinds[0]?.n ?? 0) > 0]).toEqual([1, 'call', true]);
  });

  it('terms are stored as validated and read back whole; the table refuses edits and deletions', async () => {
    const db = await testDb('demo');
    const f = (await db.select({ id: fund.id }).from(fund).where(eq(fund.code, 'SF-01')))[0];
    const terms = FundTermsSchema.parse({
      effectiveDate: '2020-06-01',
      waterfall: { kind: 'european', hurdle: 0.08, carry: 0.2, catchUp: 1 },
      allocationBasis: 'commitment',
      fees: { investmentPeriodEnd: '2025-05-31', postInvestmentBasis: 'invested', steps: [{ from: '2020-06-01', rate: 0.02 }], offsetShare: 1 },
      defaults: { cureDays: 10, interestRate: 0.1, remedy: 'reallocate', forfeiture: 0.5 },
      equalisationRate: 0.08,
      concession: { investorClass: 'mother_fund', rate: 0.06, compounding: 'simple', toGp: 0.3, toSocial: 0.7, buyoutWindow: null },
    });
    await db.insert(fundTerms).values({
      fundId: f?.id ?? 0,
      effectiveDate: terms.effectiveDate,
      waterfallKind: terms.waterfall.kind,
      hurdle: terms.waterfall.hurdle,
      carry: terms.waterfall.carry,
      catchUp: terms.waterfall.catchUp,
      allocationBasis: terms.allocationBasis,
      feeInvestmentPeriodEnd: terms.fees.investmentPeriodEnd,
      feePostBasis: terms.fees.postInvestmentBasis,
      feeSteps: terms.fees.steps,
      feeOffsetShare: terms.fees.offsetShare,
      defaultCureDays: terms.defaults.cureDays,
      defaultInterestRate: terms.defaults.interestRate,
      defaultRemedy: terms.defaults.remedy,
      defaultForfeiture: terms.defaults.forfeiture,
      equalisationRate: terms.equalisationRate,
      concession: terms.concession,
      createdAt: '2026-11-15T04:00:00.000Z',
    });
    const row = (
      await db
        .select()
        .from(fundTerms)
        .where(eq(fundTerms.fundId, f?.id ?? 0))
    )[0];
    const update = await db.run(sql`UPDATE fund_terms SET carry = 0.3`).catch(errorText);
    const del = await db.run(sql`DELETE FROM fund_terms`).catch(errorText);
    expect([row?.feeSteps, row?.concession?.toSocial, String(update).includes('append-only'), String(del).includes('append-only')]).toEqual([
      [{ from: '2020-06-01', rate: 0.02 }],
      0.7,
      true,
      true,
    ]);
  });

  it('a default on a call part and partner entries are append-only; an unknown entry kind is refused', async () => {
    const db = await testDb('demo');
    const part = (
      await db
        .select()
        .from(ledgerEntry)
        .where(and(eq(ledgerEntry.kind, 'call')))
        .limit(1)
    )[0];
    const createdAt = '2026-11-15T04:00:00.000Z';
    await db.insert(callDefault).values({
      fundId: part?.fundId ?? 0,
      investorId: part?.investorId ?? 0,
      callEntryId: part?.id ?? 0,
      noticeDate: '2026-11-01',
      cureDays: 10,
      interestRate: 0.1,
      createdAt,
    });
    await db.insert(partnerEntry).values({ fundId: part?.fundId ?? 0, kind: 'expense', amountFen: 100, date: '2026-11-01', createdAt });
    const refused = await Promise.all([
      db.run(sql`UPDATE call_default SET cure_days = 30`).catch(errorText),
      db.run(sql`DELETE FROM call_default`).catch(errorText),
      db.run(sql`UPDATE partner_entry SET amount_fen = 1`).catch(errorText),
      db.run(sql`DELETE FROM partner_entry`).catch(errorText),
    ]);
    const bogus = await db
      .run(sql`INSERT INTO partner_entry (fund_id, kind, amount_fen, date, created_at) VALUES (${part?.fundId ?? 0}, 'bonus', 1, '2026-11-01', ${createdAt})`)
      .catch(errorText);
    const badCall = await db
      .run(
        sql`INSERT INTO capital_call (fund_id, call_no, kind, notice_date, due_date, total_fen, created_at) VALUES (${part?.fundId ?? 0}, 9999, 'other', '2026-11-01', '2026-11-15', 1, ${createdAt})`,
      )
      .catch(errorText);
    expect([
      ...refused.map((r) => String(r).includes('append-only')),
      String(bogus).includes('not a partner-accounting kind'),
      String(badCall).includes('must be call or equalisation'),
      (await db.select().from(capitalCall).where(eq(capitalCall.callNo, 9999))).length,
    ]).toEqual([true, true, true, true, true, true, 0]);
  });
});
