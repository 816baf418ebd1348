import { commitment, fund, investor } from '@highland/drizzle';
import { DomainError, type Signing } from '@highland/shared';
import { eq } from 'drizzle-orm';
import type { WriteCtx } from './ctx.js';

export interface SelectionApplication {
  dealId: number;
  /** The mother fund (the deal's fund). */
  motherFundId: number;
  applicantId: number | null;
  proposalSectors: string[] | null;
}

/**
 * What signing a selected manager creates: the sub-fund (kind `sub`, under the mother fund, status
 * `approved` — decided, not yet set up) and the mother fund's commitment to it, in the caller's
 * transaction. This is the one place the selection pipeline creates funds; when the funds module
 * (issue 3) offers fund creation with its own rules (government-share cap, phases), this function
 * delegates to it.
 */
export async function createSubFundFromSelection(write: WriteCtx, { app, signing }: { app: SelectionApplication; signing: Signing }) {
  const { tx } = write;
  const now = write.now().toISOString();
  const actorUserId = write.actor?.userId ?? null;
  const taken = (await tx.select({ id: fund.id }).from(fund).where(eq(fund.code, signing.fundCode)))[0];
  if (taken)
    throw DomainError.field('signing.fundCode', 'unique', `signing.fundCode: a fund with code ${signing.fundCode} already exists`, { code: signing.fundCode });
  const motherInvestor = (await tx.select({ id: investor.id }).from(investor).where(eq(investor.fundId, app.motherFundId)))[0];
  if (!motherInvestor)
    throw new DomainError('INVALID_STATE', 'selection.noMotherInvestor', 'The mother fund has no investor record to commit from.', {
      params: { fundId: app.motherFundId },
    });
  const created = (
    await tx
      .insert(fund)
      .values({
        kind: 'sub',
        parentFundId: app.motherFundId,
        code: signing.fundCode,
        nameZh: signing.fundNameZh,
        nameEn: signing.fundNameEn,
        managerId: app.applicantId,
        batch: signing.batch,
        decisionDate: signing.date,
        sectorFocus: app.proposalSectors ?? [],
        status: 'approved',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: fund.id })
  )[0];
  if (!created) throw new Error('fund insert returned nothing');
  const commit = (
    await tx
      .insert(commitment)
      .values({
        fundId: created.id,
        investorId: motherInvestor.id,
        amountFen: signing.commitmentFen,
        date: signing.date,
        createdAt: now,
        createdBy: actorUserId,
      })
      .returning({ id: commitment.id })
  )[0];
  return { fundId: created.id, commitmentId: commit?.id ?? null };
}
