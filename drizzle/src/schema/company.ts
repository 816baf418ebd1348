import { type AnySQLiteColumn, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A firm in a pipeline or a portfolio. A duplicate merged into another keeps its row, pointing at the
 * survivor (`mergedIntoId`), so links and history that name it still resolve.
 */
export const company = sqliteTable(
  'company',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 统一社会信用代码, canonical upper-case 18 characters; unique when known. */
    uscc: text('uscc').unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    /** normaliseCompanyName(nameZh) (shared): how duplicates by name are found. */
    nameNorm: text('name_norm').notNull().default(''),
    sector: text('sector').notNull(),
    zone: text('zone').notNull(),
    registeredInShanghai: integer('registered_in_shanghai', { mode: 'boolean' }).notNull(),
    founded: text('founded'),
    ownership: text('ownership', { enum: ['private', 'state_owned', 'mixed'] }).notNull(),
    headcount: integer('headcount'),
    website: text('website'),
    /** Set when this row was merged into another company (the survivor). */
    mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => company.id),
    createdBy: integer('created_by'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('company_sector_idx').on(t.sector),
    index('company_zone_idx').on(t.zone),
    index('company_name_norm_idx').on(t.nameNorm),
    index('company_merged_idx').on(t.mergedIntoId),
  ],
);

/** A merge of two companies: who, when, and what moved (the deals, events, scores and notes). */
export const companyMerge = sqliteTable(
  'company_merge',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fromId: integer('from_id')
      .notNull()
      .references(() => company.id),
    intoId: integer('into_id')
      .notNull()
      .references(() => company.id),
    at: text('at').notNull(),
    actorUserId: integer('actor_user_id'),
    /** JSON: the merged company as it was, the deals moved and the deals folded into the survivor's. */
    details: text('details', { mode: 'json' }).notNull(),
  },
  (t) => [index('company_merge_into_idx').on(t.intoId), index('company_merge_from_idx').on(t.fromId)],
);
