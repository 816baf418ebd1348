import { type DbOrTx, indexLevel, marketIndex } from '@highland/drizzle';
import { type DatedAmount, type IndexImport, ksPme } from '@highland/shared';
import { asc, sql } from 'drizzle-orm';
import type { ReadCtx, WriteCtx } from './ctx.js';

/** Every index with how many levels it holds and the dates they span. */
export async function listIndexes(read: ReadCtx) {
  return read.db.all<{
    code: string;
    nameZh: string;
    nameEn: string;
    source: string;
    updatedAt: string;
    points: number;
    first: string | null;
    last: string | null;
  }>(sql`
    SELECT m.code, m.name_zh AS nameZh, m.name_en AS nameEn, m.source, m.updated_at AS updatedAt,
      count(l.date) AS points, min(l.date) AS first, max(l.date) AS last
    FROM market_index m LEFT JOIN index_level l ON l.index_code = m.code GROUP BY m.code ORDER BY m.code`);
}

/** Imports an index's levels in one transaction: a new index, or more (or corrected) levels for a known one. Audited. */
export async function importIndex(write: WriteCtx, input: IndexImport) {
  const { tx, audit } = write;
  const at = write.now().toISOString();
  const before = new Map(
    (await tx.all<{ date: string; level: number }>(sql`SELECT date, level FROM index_level WHERE index_code = ${input.code}`)).map((r) => [r.date, r.level]),
  );
  await tx
    .insert(marketIndex)
    .values({ code: input.code, nameZh: input.nameZh, nameEn: input.nameEn, source: input.source, updatedAt: at })
    .onConflictDoUpdate({ target: marketIndex.code, set: { nameZh: input.nameZh, nameEn: input.nameEn, source: input.source, updatedAt: at } });
  for (let i = 0; i < input.rows.length; i += 500)
    await tx
      .insert(indexLevel)
      .values(input.rows.slice(i, i + 500).map((r) => ({ indexCode: input.code, date: r.date, level: r.level })))
      .onConflictDoUpdate({ target: [indexLevel.indexCode, indexLevel.date], set: { level: sql`excluded.level` } });
  const changed = input.rows.filter((r) => before.has(r.date) && before.get(r.date) !== r.level);
  const added = input.rows.filter((r) => !before.has(r.date)).length;
  const dates = input.rows.map((r) => r.date).sort();
  await audit({
    action: 'index.import',
    entity: 'market_index',
    entityId: input.code,
    after: {
      rows: input.rows.length,
      added,
      changed: changed.length,
      changedLevels: changed.slice(0, 200).map((r) => ({ date: r.date, from: before.get(r.date), to: r.level })),
      first: dates[0],
      last: dates[dates.length - 1],
      source: input.source,
    },
  });
  return { code: input.code, rows: input.rows.length, added, changed: changed.length };
}

export interface PmeFigure {
  code: string;
  nameZh: string;
  nameEn: string;
  /** KS-PME against the index; null when there is no contribution yet or the index does not reach back to the first flow. */
  value: number | null;
  /** Why there is no value. */
  reason: 'noContributions' | 'notCovered' | null;
}

/**
 * KS-PME of an LP-side cash flow history (contributions paid in, distributions paid out, NAV at the date)
 * against every index held (docs/domain.md#ks-pme; `ksPme` in shared): 1 means the fund did as well as the index.
 */
export async function pmeAgainstIndexes(
  db: DbOrTx,
  contributions: ReadonlyArray<DatedAmount>,
  distributions: ReadonlyArray<DatedAmount>,
  navFen: number,
  asOf: string,
): Promise<PmeFigure[]> {
  const indexes = await db.select().from(marketIndex).orderBy(asc(marketIndex.code));
  if (!indexes.length) return [];
  const flows = [
    ...contributions.filter((c) => c.date <= asOf && c.amountFen !== 0).map((c) => ({ date: c.date, amount: -c.amountFen })),
    ...distributions.filter((d) => d.date <= asOf && d.amountFen !== 0).map((d) => ({ date: d.date, amount: d.amountFen })),
  ];
  // KS-PME needs the level in force on each flow's date and on the valuation date only: ask SQLite for those
  // (one indexed lookup each) instead of reading a daily series of thousands of closes.
  const dates = [...new Set([...flows.map((f) => f.date), asOf])].sort();
  const out: PmeFigure[] = [];
  for (const m of indexes) {
    const base = { code: m.code, nameZh: m.nameZh, nameEn: m.nameEn };
    if (!flows.some((f) => f.amount < 0)) {
      out.push({ ...base, value: null, reason: 'noContributions' });
      continue;
    }
    const rows = await db.values<[string, number | null]>(sql`
      WITH d(date) AS (VALUES ${sql.join(
        dates.map((x) => sql`(${x})`),
        sql`, `,
      )})
      SELECT d.date, (SELECT level FROM index_level WHERE index_code = ${m.code} AND date <= d.date ORDER BY date DESC LIMIT 1) FROM d`);
    if (rows.some((r) => r[1] === null)) {
      out.push({ ...base, value: null, reason: 'notCovered' });
      continue;
    }
    const value = ksPme({ flows, nav: navFen, valuationDate: asOf, index: rows.map((r) => ({ date: r[0], level: Number(r[1]) })) });
    out.push({ ...base, value, reason: value === null ? 'noContributions' : null });
  }
  return out;
}
