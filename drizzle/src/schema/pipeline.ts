import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './auth.js';
import { company } from './company.js';
import { fund, manager } from './fund.js';

/** A fund's pipeline settings: where its term sheet sits, and its scorecard weights. Defaults when absent. */
export const pipelineSetting = sqliteTable('pipeline_setting', {
  fundId: integer('fund_id')
    .primaryKey()
    .references(() => fund.id),
  stageOrder: text('stage_order', { enum: ['committee_first', 'term_sheet_first'] })
    .notNull()
    .default('committee_first'),
  /** Criterion key → weight for direct deals (null: the defaults). */
  directWeights: text('direct_weights', { mode: 'json' }).$type<Record<string, number>>(),
  /** Criterion key → weight for the selection of sub-fund managers (mother fund). */
  selectionWeights: text('selection_weights', { mode: 'json' }).$type<Record<string, number>>(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by'),
});

/**
 * A deal: a company in a fund's pipeline (`direct`), or a manager's application to the mother fund's
 * selection (`selection`, no company; the applicant and the proposed sub-fund instead). One deal per
 * company and fund. `version` rises with every change; an edit based on an older version is refused.
 */
export const deal = sqliteTable(
  'deal',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
    pipeline: text('pipeline', { enum: ['direct', 'selection'] }).notNull(),
    companyId: integer('company_id').references(() => company.id),
    /** Selection: the applying management firm and the sub-fund it proposes. */
    applicantId: integer('applicant_id').references(() => manager.id),
    proposalNameZh: text('proposal_name_zh'),
    proposalNameEn: text('proposal_name_en'),
    proposalSizeFen: integer('proposal_size_fen'),
    proposalSectors: text('proposal_sectors', { mode: 'json' }).$type<string[]>(),
    stage: text('stage').notNull(),
    /** On hold or passed: the open stage the deal left (where resume and revive return it). */
    previousStage: text('previous_stage'),
    /** UTC instant the deal entered its current stage. */
    stageEnteredAt: text('stage_entered_at').notNull(),
    ownerId: integer('owner_id').references(() => user.id),
    source: text('source').notNull(),
    round: text('round'),
    /** Proposed investment (selection: the mother fund's proposed commitment). */
    amountFen: integer('amount_fen'),
    preMoneyFen: integer('pre_money_fen'),
    nextStep: text('next_step'),
    nextStepDate: text('next_step_date'),
    /**
     * The weighted scorecard total (1–5) and whether every criterion is scored: kept in step with
     * deal_score in the same transaction so the table can sort and filter by score (ADR 021).
     */
    score: real('score'),
    scoreComplete: integer('score_complete', { mode: 'boolean' }).notNull().default(false),
    /** The closing recorded by the move to invested. */
    closingDate: text('closing_date'),
    closingAmountFen: integer('closing_amount_fen'),
    closingRound: text('closing_round'),
    closingEquity: real('closing_equity'),
    closingInstrument: text('closing_instrument'),
    /** Selection: the sub-fund created at signing. */
    resultFundId: integer('result_fund_id').references(() => fund.id),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('deal_company_fund_uq').on(t.companyId, t.fundId),
    // The board: a column's cards by score, and (amount trailing) its count and amount from the index alone.
    index('deal_fund_stage_idx').on(t.fundId, t.pipeline, t.stage, t.score, t.amountFen),
    index('deal_fund_updated_idx').on(t.fundId, t.updatedAt, t.id),
    index('deal_pipeline_updated_idx').on(t.pipeline, t.updatedAt, t.id),
    index('deal_pipeline_amount_idx').on(t.pipeline, t.amountFen, t.id),
    index('deal_pipeline_score_idx').on(t.pipeline, t.score, t.id),
    index('deal_owner_idx').on(t.ownerId),
    index('deal_applicant_idx').on(t.applicantId),
  ],
);

/** Every move of a deal: from, to, who, when, why. Created with the deal; never edited. */
export const dealStageEvent = sqliteTable(
  'deal_stage_event',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deal.id),
    /** null for the event that created the deal. */
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    /** create, advance, back, hold, pass, resume, revive (shared MoveKind), import. */
    kind: text('kind').notNull(),
    reason: text('reason'),
    /** UTC instant. */
    at: text('at').notNull(),
    actorUserId: integer('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
  },
  (t) => [index('deal_stage_event_deal_idx').on(t.dealId, t.at)],
);

/** One scorer's score of one criterion of a deal (1–5). A scorer scoring again replaces their score. */
export const dealScore = sqliteTable(
  'deal_score',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deal.id),
    scorerId: integer('scorer_id')
      .notNull()
      .references(() => user.id),
    criterion: text('criterion').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('deal_score_uq').on(t.dealId, t.scorerId, t.criterion)],
);

/** A dated note on a deal, by its author. */
export const dealNote = sqliteTable(
  'deal_note',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deal.id),
    authorId: integer('author_id'),
    authorLabel: text('author_label').notNull(),
    body: text('body').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('deal_note_deal_idx').on(t.dealId, t.at)],
);

/** A user's saved table view: a name, the filters and the sort. */
export const savedView = sqliteTable(
  'saved_view',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    filter: text('filter', { mode: 'json' }).notNull(),
    sort: text('sort', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('saved_view_user_name_uq').on(t.userId, t.name)],
);
