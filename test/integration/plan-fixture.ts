import type { Db } from '@highland/drizzle';
import { sql } from 'drizzle-orm';

/** Ids from the demo's scoreboard data that the access table's inputs refer to (see access-cases.ts). */
export interface PlanFixture {
  /** A firm SF-01 holds on 2026-11-01 with no designation and no listing attempt. */
  firmId: number;
  /** A nomination waiting for review (not entered by fof@). */
  nominationId: number;
  /** A designation in force. */
  designationId: number;
  /** An open attempt with several events, of a firm SF-01 never held. */
  attemptId: number;
  /** Support of a firm SF-01 never held: one applied for, one approved. */
  appliedSupportId: number;
  approvedSupportId: number;
}

export async function loadPlanFixture(db: Db, gpFundId: number): Promise<PlanFixture> {
  const one = async (q: ReturnType<typeof sql>) => (await db.all<{ id: number }>(q))[0]?.id ?? -1;
  const notSf01 = sql`NOT IN (SELECT company_id FROM investment WHERE fund_id = ${gpFundId})`;
  return {
    firmId: await one(sql`
      SELECT c.id FROM company c JOIN investment i ON i.company_id = c.id AND i.fund_id = ${gpFundId}
      WHERE NOT EXISTS (SELECT 1 FROM investment_exit x WHERE x.company_id = c.id)
        AND c.id NOT IN (SELECT company_id FROM designation) AND c.id NOT IN (SELECT company_id FROM listing_attempt)
        AND i.date <= '2026-11-01'
      ORDER BY c.id LIMIT 1`),
    nominationId: await one(sql`SELECT id FROM designation WHERE status = 'nominated' AND nominated_by IS NULL ORDER BY id LIMIT 1`),
    designationId: await one(sql`SELECT id FROM designation WHERE status = 'approved' ORDER BY id LIMIT 1`),
    attemptId: await one(sql`
      SELECT a.id FROM listing_attempt a WHERE a.outcome IS NULL AND a.company_id ${notSf01}
        AND (SELECT count(*) FROM listing_event e WHERE e.attempt_id = a.id) > 2 ORDER BY a.id LIMIT 1`),
    appliedSupportId: await one(sql`SELECT id FROM policy_support WHERE status = 'applied' AND company_id ${notSf01} ORDER BY id LIMIT 1`),
    approvedSupportId: await one(sql`SELECT id FROM policy_support WHERE status = 'approved' AND company_id ${notSf01} ORDER BY id LIMIT 1`),
  };
}
