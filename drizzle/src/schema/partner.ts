import type { ConcessionTerms } from '@highland/shared';
import { type AnySQLiteColumn, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { fund, investor } from './fund.js';
import { capitalCall, ledgerEntry } from './ledger.js';

/**
 * A fund's terms (the LPA's economics, ADR 045), versioned by effective date: the terms as of T are the
 * row with the greatest `effective_date` ≤ T (the latest id on a tie). Append-only: a change or a
 * correction is a new row. A fund with no row has no carry and its fees from `fund.fee_basis/fee_rate`.
 * Ratios are plain numbers (0.2 = 20%); every range is checked by shared's `fundTermsSchema`.
 */
export const fundTerms = sqliteTable(
  'fund_terms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    effectiveDate: text('effective_date').notNull(),
    waterfallKind: text('waterfall_kind', { enum: ['european', 'american'] })
      .notNull()
      .default('european'),
    hurdle: real('hurdle').notNull(),
    carry: real('carry').notNull(),
    /** 0 = no catch-up; else the GP's share of the catch-up tier (> carry). */
    catchUp: real('catch_up').notNull(),
    allocationBasis: text('allocation_basis', { enum: ['commitment', 'paidIn'] })
      .notNull()
      .default('commitment'),
    /** Last day of the investment period: management fees on commitments through it. */
    feeInvestmentPeriodEnd: text('fee_investment_period_end').notNull(),
    feePostBasis: text('fee_post_basis', { enum: ['invested', 'nav', 'paidIn'] }).notNull(),
    /** The fee schedule: annual rates from their dates (step-downs), ascending. */
    feeSteps: text('fee_steps', { mode: 'json' }).$type<Array<{ from: string; rate: number }>>().notNull(),
    /** Share of transaction fees offsetting the management fee. */
    feeOffsetShare: real('fee_offset_share').notNull().default(1),
    defaultCureDays: integer('default_cure_days').notNull().default(10),
    defaultInterestRate: real('default_interest_rate').notNull().default(0),
    defaultRemedy: text('default_remedy', { enum: ['reallocate', 'shrink'] })
      .notNull()
      .default('reallocate'),
    /** Share of a defaulter's capital account forfeited to the others. */
    defaultForfeiture: real('default_forfeiture').notNull().default(0),
    /** Compensation interest a later close pays on earlier calls (simple, ACT/365). */
    equalisationRate: real('equalisation_rate').notNull().default(0),
    /** 让利: the cap on one investor class's return and where the excess goes; null = none. */
    concession: text('concession', { mode: 'json' }).$type<
      (ConcessionTerms & { investorClass: string; buyoutWindow: { from: string; to: string } | null }) | null
    >(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
  },
  (t) => [index('fund_terms_fund_date_idx').on(t.fundId, t.effectiveDate)],
);

/**
 * A default recorded on one call part (a `call` row of the ledger): the default notice, the cure period
 * the terms gave and the default interest rate. The default takes effect the day after the cure period
 * ends if the part is still unpaid; it excludes the LP from later calls. Append-only: a default withdrawn
 * (cured, or recorded in error) is a row with `reverses_id` set.
 */
export const callDefault = sqliteTable(
  'call_default',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    investorId: integer('investor_id')
      .notNull()
      .references(() => investor.id),
    /** The call part (ledger `call` row) defaulted on. */
    callEntryId: integer('call_entry_id')
      .notNull()
      .references(() => ledgerEntry.id),
    noticeDate: text('notice_date').notNull(),
    cureDays: integer('cure_days').notNull(),
    interestRate: real('interest_rate').notNull(),
    reversesId: integer('reverses_id').references((): AnySQLiteColumn => callDefault.id),
    memo: text('memo'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
  },
  (t) => [
    index('call_default_fund_idx').on(t.fundId, t.noticeDate),
    index('call_default_entry_idx').on(t.callEntryId),
    uniqueIndex('call_default_reverses_uq').on(t.reversesId),
  ],
);

/**
 * A later close equalised: the late LP's share of the earlier calls (`principal_fen`, booked as a call of
 * kind `equalisation` and paid like any call part) and the compensation interest at `rate`, which goes to
 * the earlier LPs (`partner_entry` rows), not to fund income. As issued; a correction reverses it.
 */
export const equalisation = sqliteTable(
  'equalisation',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    investorId: integer('investor_id')
      .notNull()
      .references(() => investor.id),
    closeDate: text('close_date').notNull(),
    /** The capital call (kind `equalisation`) that bills the principal. */
    callId: integer('call_id').references(() => capitalCall.id),
    rate: real('rate').notNull(),
    principalFen: integer('principal_fen').notNull(),
    interestFen: integer('interest_fen').notNull(),
    reversesId: integer('reverses_id').references((): AnySQLiteColumn => equalisation.id),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
  },
  (t) => [index('equalisation_fund_idx').on(t.fundId, t.closeDate), uniqueIndex('equalisation_reverses_uq').on(t.reversesId)],
);

/**
 * Partner-accounting entries that are not LP ↔ fund cash of the ledger: amounts moved between partners'
 * capital accounts or charged to one of them, and fund-level items the allocation spreads. Positive fen
 * in the direction the kind names; append-only, corrections reverse.
 * - `forfeiture`: part of a defaulter's (`investor_id`) account forfeited to the others;
 * - `default_interest`: interest charged to a defaulter on a call part (`call_default_id`);
 * - `equalisation_interest`: compensation interest paid by the late LP (`investor_id` null on the
 *   equalisation's own row) or received by an earlier LP (`investor_id` set) (`equalisation_id`);
 * - `expense`, `income`: partnership expenses and income, allocated by the terms' basis;
 * - `transaction_fee`: fees the manager received from portfolio companies, offsetting the management fee.
 */
export const partnerEntry = sqliteTable(
  'partner_entry',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    kind: text('kind', { enum: ['forfeiture', 'default_interest', 'equalisation_interest', 'expense', 'income', 'transaction_fee'] }).notNull(),
    investorId: integer('investor_id').references(() => investor.id),
    amountFen: integer('amount_fen').notNull(),
    date: text('date').notNull(),
    callDefaultId: integer('call_default_id').references(() => callDefault.id),
    equalisationId: integer('equalisation_id').references(() => equalisation.id),
    reversesId: integer('reverses_id').references((): AnySQLiteColumn => partnerEntry.id),
    memo: text('memo'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
  },
  (t) => [
    index('partner_entry_fund_date_idx').on(t.fundId, t.date),
    index('partner_entry_investor_idx').on(t.investorId, t.date),
    uniqueIndex('partner_entry_reverses_uq').on(t.reversesId),
  ],
);
