import { type AnySQLiteColumn, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { StatementLines } from '@highland/shared';
import { user } from './auth.js';
import { company } from './company.js';
import { fund } from './fund.js';

/**
 * One round a fund put money into a company: fund × company × round. A follow-on is another row for
 * the same fund and company; the fund's position in the company is the sum of its rows less its exits.
 * Its cash flow is the `investment` ledger row carrying its id, written in the same transaction.
 * Append-only (migration triggers): a mistake is corrected by a reversing entry, never an edit.
 */
export const investment = sqliteTable(
  'investment',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    companyId: integer('company_id')
      .notNull()
      .references(() => company.id),
    /** The business date the money went in (the ledger row's date). */
    date: text('date').notNull(),
    round: text('round', { enum: ['seed', 'angel', 'pre_a', 'a', 'b', 'c', 'd', 'e_plus', 'pre_ipo', 'strategic', 'ipo_placement'] }).notNull(),
    instrument: text('instrument', { enum: ['ordinary_equity', 'preferred_equity', 'convertible', 'debt'] }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** The share of the company this round bought, 0–1 (0.05 = 5%). */
    equityShare: real('equity_share').notNull(),
    /** The whole round (all investors), for project-level leverage; null when unknown. */
    roundSizeFen: integer('round_size_fen'),
    /** Post-money valuation of the company in this round; null when unknown. */
    postMoneyFen: integer('post_money_fen'),
    /** Names of the co-investors in the round. */
    coInvestors: text('co_investors', { mode: 'json' }).$type<string[]>().notNull().default([]),
    memo: text('memo'),
    /** A correction: this row negates the round it names (amount and share negated, same date); never an edit. */
    reversesId: integer('reverses_id').references((): AnySQLiteColumn => investment.id),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => user.id),
  },
  (t) => [
    index('investment_fund_company_idx').on(t.fundId, t.companyId, t.date),
    index('investment_company_idx').on(t.companyId, t.date),
    uniqueIndex('investment_reverses_uq').on(t.reversesId),
  ],
);

/**
 * A sale of part or all of a fund's position in a company. `shareSold` is in the same unit as
 * `investment.equity_share`; it may not exceed what the fund holds on that date. The proceeds are
 * `proceeds` ledger rows, one per round still held, split pro rata to what each round had left.
 */
export const investmentExit = sqliteTable(
  'investment_exit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    companyId: integer('company_id')
      .notNull()
      .references(() => company.id),
    date: text('date').notNull(),
    route: text('route', { enum: ['ipo', 'ma', 'buyback', 'secondary', 'write_off'] }).notNull(),
    shareSold: real('share_sold').notNull(),
    proceedsFen: integer('proceeds_fen').notNull(),
    memo: text('memo'),
    /** A correction: this row negates the exit it names (share sold and proceeds negated, same date); never an edit. */
    reversesId: integer('reverses_id').references((): AnySQLiteColumn => investmentExit.id),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => user.id),
  },
  (t) => [index('exit_fund_company_idx').on(t.fundId, t.companyId, t.date), uniqueIndex('exit_reverses_uq').on(t.reversesId)],
);

/**
 * A dated, sourced mark of a fund's remaining position in a company. A new mark is a new row; a row's
 * value, date and method never change (migration triggers). Only its review may be recorded once:
 * pending → approved or rejected. The mark in force at T is the latest approved one dated ≤ T.
 */
export const valuation = sqliteTable(
  'valuation',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    companyId: integer('company_id')
      .notNull()
      .references(() => company.id),
    date: text('date').notNull(),
    /** Fair value of the whole remaining position on `date`, fen, ≥ 0. */
    valueFen: integer('value_fen').notNull(),
    method: text('method', { enum: ['cost', 'last_round', 'comparables', 'dcf', 'nav_statement', 'market'] }).notNull(),
    /** Where the figure comes from: the round, the peer set, the report. */
    basis: text('basis').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => user.id),
    reviewedAt: text('reviewed_at'),
    reviewedBy: integer('reviewed_by').references(() => user.id),
    reviewNote: text('review_note'),
  },
  (t) => [index('valuation_position_idx').on(t.fundId, t.companyId, t.status, t.date), index('valuation_status_idx').on(t.status, t.fundId)],
);

/**
 * A company's operating figures for a period: a year (`2024`), a half (`2024H1`) or a quarter
 * (`2024Q3`). `cumulative` marks year-to-date figures (else the period alone). Append-only: a
 * correction is a newer row for the same company and period, and the newest wins.
 */
export const kpiSnapshot = sqliteTable(
  'kpi_snapshot',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id')
      .notNull()
      .references(() => company.id),
    period: text('period').notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    cumulative: integer('cumulative', { mode: 'boolean' }).notNull(),
    revenueFen: integer('revenue_fen'),
    /** 产值: annual gross output, the unit of the plan's ¥100 bn target. */
    outputValueFen: integer('output_value_fen'),
    rndFen: integer('rnd_fen'),
    headcount: integer('headcount'),
    patents: integer('patents'),
    taxFen: integer('tax_fen'),
    source: text('source', { enum: ['entered', 'import'] }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => user.id),
  },
  (t) => [index('kpi_company_period_idx').on(t.companyId, t.periodEnd, t.period)],
);

/** One LP's capital account lines for one fund and quarter, as a statement shows them (ILPA; shared's type). */
export type IssuedLines = StatementLines & { investorId: number };

/**
 * A fund's quarterly capital account statements as issued to its LPs: the figures each LP was sent, so a
 * later change to the books (a back-dated mark, a correction) shows as a restatement against them instead
 * of silently changing a statement already sent. A document of record, not a store of figures: the books
 * stay the source. Append-only (migration 0011); a restatement is a later row for the same quarter with a
 * note saying why (ADR 034).
 */
export const statementIssue = sqliteTable(
  'statement_issue',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    quarter: text('quarter').notNull(),
    issuedAt: text('issued_at').notNull(),
    issuedBy: integer('issued_by').references(() => user.id),
    /** Why it was issued again (required for a restatement). */
    note: text('note'),
    lines: text('lines', { mode: 'json' }).$type<IssuedLines[]>().notNull(),
    /** SHA-256 of the canonical JSON of `lines`: what an LP can quote to prove which version it holds. */
    digest: text('digest').notNull(),
  },
  (t) => [index('statement_issue_fund_quarter_idx').on(t.fundId, t.quarter, t.id)],
);

/**
 * A public-market index to compare funds with (KS-PME): reference data an administrator imports (ADR 035).
 * The demo's index is synthetic and says so in its name.
 */
export const marketIndex = sqliteTable('market_index', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** Where the levels come from (vendor, file, "synthetic demo series"). */
  source: text('source').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** One closing level of an index on a date. A re-import replaces the level of a date (audited). */
export const indexLevel = sqliteTable(
  'index_level',
  {
    indexCode: text('index_code')
      .notNull()
      .references(() => marketIndex.code),
    date: text('date').notNull(),
    level: real('level').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indexCode, t.date] })],
);
