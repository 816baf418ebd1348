import { company } from './company.js';
import { type AnySQLiteColumn, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A programme (the 2019–2021 action plan; later ones) and the period its targets run over. */
export const programme = sqliteTable('programme', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  startDate: text('start_date').notNull(),
  endDate: text('end_date').notNull(),
});

/** One target of a programme; `targetValue` is fen for money metrics and a count otherwise. */
export const programmeTarget = sqliteTable(
  'programme_target',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programme.id),
    metric: text('metric').notNull(),
    targetValue: integer('target_value').notNull(),
    /** Where the figure comes from (the plan's text, a steering-group decision…); set by administrators. */
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.metric] })],
);

/** A fund management firm (GP). */
export const manager = sqliteTable('manager', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  uscc: text('uscc').unique(),
});

/**
 * Every fund in the group: the mother fund, its sub-funds and direct-investment vehicles. A fund's size
 * is never stored: it is the sum of its commitments as of a date.
 */
export const fund = sqliteTable(
  'fund',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['mother', 'sub', 'direct_vehicle'] }).notNull(),
    parentFundId: integer('parent_fund_id').references((): AnySQLiteColumn => fund.id),
    code: text('code').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    managerId: integer('manager_id').references(() => manager.id),
    sponsorType: text('sponsor_type', { enum: ['soe', 'industry_leader', 'market'] }),
    /** Sub-fund batch (第一批 = 1 …); null for the mother fund and vehicles. */
    batch: integer('batch'),
    /** A sub-fund that is itself a fund of funds: counted once in the group's size. */
    isFundOfFunds: integer('is_fund_of_funds', { mode: 'boolean' }).notNull().default(false),
    vintage: integer('vintage'),
    /** The mother fund's decision to back it (starts the one-year set-up clock). */
    decisionDate: text('decision_date'),
    /** Registered / first close; ledger entries may not predate it. null while not yet set up. */
    establishedDate: text('established_date'),
    termYears: integer('term_years'),
    investmentPeriodYears: integer('investment_period_years'),
    targetSizeFen: integer('target_size_fen'),
    /** JSON array of sector codes (shared/reference/taxonomy). */
    sectorFocus: text('sector_focus', { mode: 'json' }).$type<string[]>().notNull().default([]),
    status: text('status', { enum: ['approved', 'fundraising', 'investing', 'harvesting', 'liquidated'] }).notNull(),
    /** Rule settings. Ratios are plain numbers (0.3 = 30%). */
    govShareCap: real('gov_share_cap'),
    govShareOverrideAllowed: integer('gov_share_override_allowed', { mode: 'boolean' }).notNull().default(false),
    reinvestK: real('reinvest_k').notNull().default(0),
    reinvestWeightRegistered: real('reinvest_weight_registered').notNull().default(1),
    reinvestWeightRelocated: real('reinvest_weight_relocated').notNull().default(0),
    reinvestWeightSubsidiary: real('reinvest_weight_subsidiary').notNull().default(0),
    /** Which completion rate the agreement binds (both are always shown): on the mother fund's commitment or its paid-in. */
    reinvestBasis: text('reinvest_basis', { enum: ['committed', 'paid_in'] })
      .notNull()
      .default('committed'),
    feeBasis: text('fee_basis', { enum: ['committed', 'invested', 'nav'] }),
    feeRate: real('fee_rate'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('fund_parent_idx').on(t.parentFundId), index('fund_kind_batch_idx').on(t.kind, t.batch)],
);

/** The mother fund is designed as a whole and raised in phases (一期 ¥10 bn, more planned). */
export const fundPhase = sqliteTable(
  'fund_phase',
  {
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    phase: integer('phase').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    targetSizeFen: integer('target_size_fen').notNull(),
    status: text('status', { enum: ['planned', 'raising', 'closed'] }).notNull(),
    plannedDate: text('planned_date'),
  },
  (t) => [primaryKey({ columns: [t.fundId, t.phase] })],
);

/** An LP, tagged by the source of its money. `fundId` is set when the investor is itself a fund of the group. */
export const investor = sqliteTable(
  'investor',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    sourceType: text('source_type', {
      enum: ['fiscal', 'soe', 'financial', 'private', 'foreign', 'individual', 'mother_fund'],
    }).notNull(),
    fundId: integer('fund_id').references(() => fund.id),
    uscc: text('uscc'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('investor_fund_uq').on(t.fundId)],
);

/** Investor × fund: an amount promised on a date. Top-ups are further rows; the fund's size is their sum. */
export const commitment = sqliteTable(
  'commitment',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    investorId: integer('investor_id')
      .notNull()
      .references(() => investor.id),
    amountFen: integer('amount_fen').notNull(),
    date: text('date').notNull(),
    /** For commitments to the mother fund: which phase. */
    phase: integer('phase'),
    /** Set when a government-share cap was exceeded under an explicit, audited override. */
    overrideReason: text('override_reason'),
    /** Why a negative row (a release of uncalled commitment, ADR 036) was recorded. */
    note: text('note'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
  },
  (t) => [index('commitment_fund_idx').on(t.fundId, t.date), index('commitment_investor_idx').on(t.investorId, t.date)],
);

/**
 * Evidence that an investee counts toward a sub-fund's local reinvestment (返投) other than being
 * registered in Shanghai (which the company record says): it moved to Shanghai after the investment,
 * or set up a Shanghai subsidiary, from `effectiveDate`. Append-only in practice: a withdrawn claim is a
 * row with `withdrawn` set, so the drill-down can say what counted when.
 */
export const reinvestEvidence = sqliteTable(
  'reinvest_evidence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    companyId: integer('company_id')
      .notNull()
      .references(() => company.id),
    evidence: text('evidence', { enum: ['relocated', 'subsidiary'] }).notNull(),
    effectiveDate: text('effective_date').notNull(),
    note: text('note'),
    withdrawn: integer('withdrawn', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
  },
  (t) => [index('reinvest_evidence_fund_idx').on(t.fundId, t.companyId)],
);
