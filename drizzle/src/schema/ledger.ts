import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { company } from './company.js';
import { fund, investor } from './fund.js';
import { investment, investmentExit } from './portfolio.js';

/** A capital call notice; its per-LP parts are `call` rows of the ledger that carry its id. */
export const capitalCall = sqliteTable(
  'capital_call',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    callNo: integer('call_no').notNull(),
    /** `equalisation`: a later close's share of the earlier calls (ADR 045); `call` otherwise. */
    kind: text('kind', { enum: ['call', 'equalisation'] })
      .notNull()
      .default('call'),
    noticeDate: text('notice_date').notNull(),
    dueDate: text('due_date').notNull(),
    totalFen: integer('total_fen').notNull(),
    purpose: text('purpose'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
  },
  (t) => [uniqueIndex('capital_call_no_uq').on(t.fundId, t.callNo)],
);

/**
 * The one append-only cash-flow ledger. Amounts are positive fen in the direction the kind names;
 * a correction is a reversing row (`reversesId` set, amount negated), never an edit. Triggers refuse
 * UPDATE and DELETE.
 */
export const ledgerEntry = sqliteTable(
  'ledger_entry',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    kind: text('kind', { enum: ['call', 'contribution', 'distribution', 'fee', 'investment', 'proceeds'] }).notNull(),
    investorId: integer('investor_id').references(() => investor.id),
    companyId: integer('company_id').references(() => company.id),
    amountFen: integer('amount_fen').notNull(),
    /** The business date the flow takes effect (for a call: its due date). */
    date: text('date').notNull(),
    callId: integer('call_id').references(() => capitalCall.id),
    /** For `investment` and `proceeds` rows: the round (investment row) the money went into or came back from. */
    investmentId: integer('investment_id').references(() => investment.id),
    /** For `proceeds` rows: the exit that paid them (null on rows written before migration 0010: see ADR 033). */
    exitId: integer('exit_id').references(() => investmentExit.id),
    reversesId: integer('reverses_id').references((): AnySQLiteColumn => ledgerEntry.id),
    memo: text('memo'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
  },
  (t) => [
    index('ledger_fund_date_idx').on(t.fundId, t.date),
    index('ledger_fund_investor_idx').on(t.fundId, t.investorId, t.kind, t.date),
    index('ledger_investor_idx').on(t.investorId, t.date),
    index('ledger_company_idx').on(t.companyId, t.date),
    index('ledger_investment_id_idx').on(t.investmentId),
    index('ledger_exit_id_idx').on(t.exitId),
    uniqueIndex('ledger_reverses_uq').on(t.reversesId),
    // The reinvestment engine reads every fund's investments as of a date: a small covering index over them alone.
    index('ledger_investment_idx').on(t.fundId, t.companyId, t.date, t.amountFen).where(sql`${t.kind} = 'investment'`),
  ],
);

/** A fund's reported net asset value at a date. Append-only; a later row for the same date supersedes. */
export const navStatement = sqliteTable(
  'nav_statement',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    date: text('date').notNull(),
    navFen: integer('nav_fen').notNull(),
    source: text('source'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
  },
  (t) => [index('nav_fund_date_idx').on(t.fundId, t.date)],
);

/**
 * Running balances of each fund's books, kept by triggers in the same transaction as every commitment
 * and ledger row (migration 0003): for each fund, money source and measure, the cumulative amount as of
 * every date on which it changed. "As of T" is the row with the greatest date ≤ T, so the group's
 * figures never scan the ledger. Backdated rows update every later balance. Never written by code;
 * `test/integration/balances.test.ts` proves it equals a full recomputation.
 *
 * - `source`: the investor's source type; `group_fund` for an investor that is itself a fund of the group
 *   (other than the mother fund), whose money is counted once; `none` for fund ↔ company flows; and `*`,
 *   every source together (each change is booked under its source and under `*`).
 * - `measure`: `commitment`, or a ledger kind.
 */
export const fundBalance = sqliteTable(
  'fund_balance',
  {
    fundId: integer('fund_id').notNull(),
    source: text('source').notNull(),
    measure: text('measure').notNull(),
    date: text('date').notNull(),
    cumFen: integer('cum_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fundId, t.source, t.measure, t.date] })],
);

/** The (fund, source, measure) keys that fund_balance holds, so an as-of read is one index seek per key. */
export const fundBalanceKey = sqliteTable(
  'fund_balance_key',
  {
    fundId: integer('fund_id').notNull(),
    source: text('source').notNull(),
    measure: text('measure').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fundId, t.source, t.measure] })],
);
