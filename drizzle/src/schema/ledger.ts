import { type AnySQLiteColumn, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { company } from './company.js';
import { fund, investor } from './fund.js';
import { investment } from './portfolio.js';

/** A capital call notice; its per-LP parts are `call` rows of the ledger that carry its id. */
export const capitalCall = sqliteTable(
  'capital_call',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    callNo: integer('call_no').notNull(),
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
    index('ledger_investment_idx').on(t.investmentId),
    // Covers "Σ amount per fund, kind and date up to T" (the books the NAV and look-through read) without touching the rows.
    index('ledger_fund_kind_date_amount_idx').on(t.fundId, t.kind, t.date, t.amountFen),
    uniqueIndex('ledger_reverses_uq').on(t.reversesId),
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
