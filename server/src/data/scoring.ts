import { type DbOrTx, deal, dealScore, fund, pipelineSetting, type Tx } from '@highland/drizzle';
import { type Criterion, computeScorecard, criteriaWithWeights, type PipelineKind, type StageOrder } from '@highland/shared';
import { eq, inArray } from 'drizzle-orm';

export interface FundPipelineSettings {
  fundId: number;
  stageOrder: StageOrder;
  directWeights: Record<string, number> | null;
  selectionWeights: Record<string, number> | null;
}

/** A fund's pipeline settings, or the defaults (committee before term sheet, default weights). */
export async function pipelineSettings(db: DbOrTx, fundId: number): Promise<FundPipelineSettings> {
  const row = (await db.select().from(pipelineSetting).where(eq(pipelineSetting.fundId, fundId)))[0];
  return {
    fundId,
    stageOrder: row?.stageOrder ?? 'committee_first',
    directWeights: row?.directWeights ?? null,
    selectionWeights: row?.selectionWeights ?? null,
  };
}

export function criteriaOf(settings: FundPipelineSettings, kind: PipelineKind): Criterion[] {
  return criteriaWithWeights(kind, kind === 'selection' ? settings.selectionWeights : settings.directWeights);
}

/**
 * Recomputes the cached score and completeness of these deals from their scores and their fund's
 * weights, in the caller's transaction (deal.score exists so the table can sort by it; ADR 021).
 */
export async function recomputeScores(tx: Tx, dealIds: readonly number[]): Promise<void> {
  if (!dealIds.length) return;
  const ids = [...new Set(dealIds)];
  const deals = await tx.select({ id: deal.id, fundId: deal.fundId, pipeline: deal.pipeline }).from(deal).where(inArray(deal.id, ids));
  const scores = await tx.select().from(dealScore).where(inArray(dealScore.dealId, ids));
  const settings = new Map<number, FundPipelineSettings>();
  for (const d of deals) {
    let s = settings.get(d.fundId);
    if (!s) {
      s = await pipelineSettings(tx, d.fundId);
      settings.set(d.fundId, s);
    }
    const card = computeScorecard(
      criteriaOf(s, d.pipeline),
      scores.filter((x) => x.dealId === d.id),
    );
    await tx.update(deal).set({ score: card.total, scoreComplete: card.complete }).where(eq(deal.id, d.id));
  }
}

/** The ids of every deal of a fund (to recompute after its weights change). */
export async function fundDealIds(db: DbOrTx, fundId: number): Promise<number[]> {
  const rows = await db.select({ id: deal.id }).from(deal).where(eq(deal.fundId, fundId));
  return rows.map((r) => r.id);
}

export async function fundKind(db: DbOrTx, fundId: number) {
  const row = (
    await db
      .select({ id: fund.id, kind: fund.kind, code: fund.code, parentFundId: fund.parentFundId, sectorFocus: fund.sectorFocus })
      .from(fund)
      .where(eq(fund.id, fundId))
  )[0];
  return row ?? null;
}
