import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './auth.js';
import { company } from './company.js';

/**
 * The plan's scoreboard: designations of benchmark and leader firms, STAR Market listing attempts with
 * their stage events, the policy support firms receive, listing consulting sessions, and the configured
 * listing-subsidy schedule. Programmes and their targets are in fund.ts (they came with the foundation).
 */

/**
 * A nomination of a portfolio firm as a benchmark or leader firm, and its fate: approved (in force from
 * `effectiveOn`), rejected, or later revoked. At most one nomination or designation in force per firm and
 * level (partial unique index). Every step is also a `designation_event` row.
 */
export const designation = sqliteTable(
  'designation',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id')
      .notNull()
      .references(() => company.id),
    level: text('level', { enum: ['benchmark', 'leader'] }).notNull(),
    status: text('status', { enum: ['nominated', 'approved', 'rejected', 'revoked'] }).notNull(),
    nominatedOn: text('nominated_on').notNull(),
    nominatedBy: integer('nominated_by').references(() => user.id),
    criteria: text('criteria', { mode: 'json' }).$type<string[]>().notNull(),
    evidence: text('evidence').notNull(),
    /** The firm's figures from the books when it was nominated (latest annual KPIs), for the reviewer. */
    facts: text('facts', { mode: 'json' }).$type<Record<string, number | string | null>>(),
    reviewedOn: text('reviewed_on'),
    reviewedBy: integer('reviewed_by').references(() => user.id),
    reviewNote: text('review_note'),
    /** In force from this date when approved (the review date). */
    effectiveOn: text('effective_on'),
    revokedOn: text('revoked_on'),
    revokedBy: integer('revoked_by').references(() => user.id),
    revokeReason: text('revoke_reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('designation_company_idx').on(t.companyId),
    index('designation_level_idx').on(t.level, t.status, t.effectiveOn),
    uniqueIndex('designation_open_uq').on(t.companyId, t.level).where(sql`status IN ('nominated', 'approved')`),
  ],
);

/** The history of a designation: nominated, approved, rejected, revoked. Append-only (migration triggers). */
export const designationEvent = sqliteTable(
  'designation_event',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    designationId: integer('designation_id')
      .notNull()
      .references(() => designation.id),
    action: text('action', { enum: ['nominated', 'approved', 'rejected', 'revoked'] }).notNull(),
    date: text('date').notNull(),
    note: text('note'),
    at: text('at').notNull(),
    by: integer('by').references(() => user.id),
  },
  (t) => [index('designation_event_idx').on(t.designationId, t.id)],
);

/**
 * One STAR Market listing attempt of a firm. Its stages are `listing_event` rows; the attempt keeps the
 * outcome once it ends (listed, terminated, rejected). At most one open attempt per firm (partial unique
 * index); ended attempts are kept with their history.
 */
export const listingAttempt = sqliteTable(
  'listing_attempt',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id')
      .notNull()
      .references(() => company.id),
    /** 1 for a firm's first attempt, 2 for the next… */
    attemptNo: integer('attempt_no').notNull(),
    sponsor: text('sponsor').notNull(),
    listingStandard: integer('listing_standard').notNull(),
    plannedRaiseFen: integer('planned_raise_fen').notNull(),
    expectedMarketValueFen: integer('expected_market_value_fen'),
    /** The date of 辅导备案, the first event. */
    openedOn: text('opened_on').notNull(),
    outcome: text('outcome', { enum: ['listed', 'terminated', 'rejected'] }),
    closedOn: text('closed_on'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => user.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('listing_attempt_company_idx').on(t.companyId),
    index('listing_attempt_outcome_idx').on(t.outcome, t.closedOn),
    uniqueIndex('listing_attempt_open_uq').on(t.companyId).where(sql`outcome IS NULL`),
    uniqueIndex('listing_attempt_no_uq').on(t.companyId, t.attemptNo),
  ],
);

/** A stage reached, a suspension, a resumption or a termination, with its date. Ordered by id. */
export const listingEvent = sqliteTable(
  'listing_event',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    attemptId: integer('attempt_id')
      .notNull()
      .references(() => listingAttempt.id),
    kind: text('kind', {
      enum: [
        'tutoring_filed',
        'tutoring_accepted',
        'accepted',
        'inquiry',
        'committee',
        'registration_submitted',
        'registered',
        'listed',
        'suspended',
        'resumed',
        'terminated',
      ],
    }).notNull(),
    date: text('date').notNull(),
    /** For a listing committee meeting: passed, deferred or rejected. */
    outcome: text('outcome', { enum: ['passed', 'deferred', 'rejected'] }),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => user.id),
  },
  (t) => [index('listing_event_attempt_idx').on(t.attemptId, t.id), index('listing_event_kind_idx').on(t.kind, t.date)],
);

/**
 * Policy money a firm applied for and what became of it: applied → approved (or rejected) → paid. The cap
 * in force when it was applied for is stored with it (`capFen`, `capRule`); amounts above it are refused.
 */
export const policySupport = sqliteTable(
  'policy_support',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id')
      .notNull()
      .references(() => company.id),
    kind: text('kind', { enum: ['listing_subsidy', 'scenario_project', 'innovation_voucher', 'first_set', 'team_reward'] }).notNull(),
    /** For first-set support: first set, first version or first batch. */
    firstSetKind: text('first_set_kind', { enum: ['first_set', 'first_version', 'first_batch'] }),
    /** For a listing subsidy: the attempt and the milestone (stage) it rewards. */
    listingAttemptId: integer('listing_attempt_id').references(() => listingAttempt.id),
    milestone: text('milestone'),
    title: text('title').notNull(),
    reference: text('reference'),
    /** The amount the cap is a share of: project investment, innovation spending or product value. */
    basisFen: integer('basis_fen'),
    /** Core-team rewards: who gets how much. */
    recipients: text('recipients', { mode: 'json' }).$type<Array<{ name: string; role?: string | undefined; amountFen: number }>>(),
    capFen: integer('cap_fen').notNull(),
    capRule: text('cap_rule').notNull(),
    status: text('status', { enum: ['applied', 'approved', 'rejected', 'paid'] }).notNull(),
    appliedOn: text('applied_on').notNull(),
    appliedFen: integer('applied_fen').notNull(),
    decidedOn: text('decided_on'),
    approvedFen: integer('approved_fen'),
    decisionNote: text('decision_note'),
    paidOn: text('paid_on'),
    paidFen: integer('paid_fen'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => user.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('policy_support_company_idx').on(t.companyId, t.appliedOn), index('policy_support_kind_idx').on(t.kind, t.status)],
);

/** A listing consulting session (咨询指导) a firm received. */
export const consultingSession = sqliteTable(
  'consulting_session',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id')
      .notNull()
      .references(() => company.id),
    listingAttemptId: integer('listing_attempt_id').references(() => listingAttempt.id),
    date: text('date').notNull(),
    provider: text('provider').notNull(),
    topic: text('topic').notNull(),
    hours: real('hours'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => user.id),
  },
  (t) => [index('consulting_company_idx').on(t.companyId, t.date)],
);

/**
 * The listing application subsidy per milestone. No public figure exists, so it is configuration an
 * administrator sets (audited); a milestone without a row, or with 0, earns no subsidy.
 */
export const listingSubsidySchedule = sqliteTable('listing_subsidy_schedule', {
  milestone: text('milestone').primaryKey(),
  amountFen: integer('amount_fen').notNull(),
  note: text('note'),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => user.id),
});
