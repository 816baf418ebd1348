import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A firm in a pipeline or a portfolio. */
export const company = sqliteTable(
  'company',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 统一社会信用代码, canonical upper-case 18 characters; unique when known. */
    uscc: text('uscc').unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    sector: text('sector').notNull(),
    zone: text('zone').notNull(),
    registeredInShanghai: integer('registered_in_shanghai', { mode: 'boolean' }).notNull(),
    founded: text('founded'),
    ownership: text('ownership', { enum: ['private', 'state_owned', 'mixed'] }).notNull(),
    headcount: integer('headcount'),
    website: text('website'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('company_sector_idx').on(t.sector), index('company_zone_idx').on(t.zone)],
);
