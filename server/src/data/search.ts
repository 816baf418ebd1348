import { company, deal, dealNote, manager, type Tx } from '@highland/drizzle';
import { searchMatchExpression, searchText } from '@highland/shared';
import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { bulkInsertRaw } from './bulk.js';

/**
 * The full-text index of the pipeline (migration 0003): `company_search` (rowid = company id: names and
 * credit code) and `deal_text_search` (rowid = deal id: notes, next step, an application's names). The
 * rows are written here, in the transaction that changes what they index.
 */
const CHUNK = 2000;

export interface CompanyText {
  id: number;
  nameZh: string;
  nameEn: string | null;
  uscc: string | null;
}

/** Replaces the index rows of these companies. */
export async function indexCompanies(tx: Tx, rows: readonly CompanyText[], fresh = false): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    if (!fresh)
      await tx.run(
        sql`DELETE FROM company_search WHERE rowid IN (${sql.join(
          part.map((r) => sql`${r.id}`),
          sql`, `,
        )})`,
      );
    await bulkInsertRaw(
      tx,
      'company_search',
      ['rowid', 'body'],
      part.map((r) => [r.id, searchText(r.nameZh, r.nameEn, r.uscc)]),
    );
  }
}

export interface DealText {
  id: number;
  texts: Array<string | null | undefined>;
}

/** Replaces the index rows of these deals with the given texts. */
export async function indexDealTexts(tx: Tx, rows: readonly DealText[], fresh = false): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    if (!fresh)
      await tx.run(
        sql`DELETE FROM deal_text_search WHERE rowid IN (${sql.join(
          part.map((r) => sql`${r.id}`),
          sql`, `,
        )})`,
      );
    await bulkInsertRaw(
      tx,
      'deal_text_search',
      ['rowid', 'body'],
      part.map((r) => [r.id, searchText(...r.texts)]),
    );
  }
}

/** Re-reads the notes, next step and application names of these deals and re-indexes them. */
export async function reindexDeals(tx: Tx, dealIds: readonly number[]): Promise<void> {
  if (!dealIds.length) return;
  const ids = [...new Set(dealIds)];
  const deals = await tx
    .select({
      id: deal.id,
      nextStep: deal.nextStep,
      proposalNameZh: deal.proposalNameZh,
      proposalNameEn: deal.proposalNameEn,
      applicantZh: manager.nameZh,
      applicantEn: manager.nameEn,
    })
    .from(deal)
    .leftJoin(manager, eq(manager.id, deal.applicantId))
    .where(inArray(deal.id, ids));
  const notes = await tx.select({ dealId: dealNote.dealId, body: dealNote.body }).from(dealNote).where(inArray(dealNote.dealId, ids)).orderBy(asc(dealNote.id));
  await indexDealTexts(
    tx,
    deals.map((d) => ({
      id: d.id,
      texts: [d.nextStep, d.proposalNameZh, d.proposalNameEn, d.applicantZh, d.applicantEn, ...notes.filter((n) => n.dealId === d.id).map((n) => n.body)],
    })),
  );
}

/** A condition on `deal` for a search text: its company's names or code, or its own texts, match. Null when nothing to search. */
export function dealSearchCondition(q: string | undefined): SQL | null {
  const match = q ? searchMatchExpression(q) : null;
  if (!match) return null;
  return sql`(${deal.companyId} IN (SELECT rowid FROM company_search WHERE company_search MATCH ${match}) OR ${deal.id} IN (SELECT rowid FROM deal_text_search WHERE deal_text_search MATCH ${match}))`;
}

/** A condition on `company` for a search text. */
export function companySearchCondition(q: string | undefined): SQL | null {
  const match = q ? searchMatchExpression(q) : null;
  if (!match) return null;
  return sql`${company.id} IN (SELECT rowid FROM company_search WHERE company_search MATCH ${match})`;
}
