import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { fund, investor } from './fund.js';

export const user = sqliteTable(
  'user',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'government', 'manager', 'lp'] }).notNull(),
    /** scrypt$N$r$p$salt$hash */
    passwordHash: text('password_hash').notNull(),
    /** For role lp: the one investor this account acts for. */
    investorId: integer('investor_id').references(() => investor.id),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    locale: text('locale', { enum: ['zh-CN', 'en'] })
      .notNull()
      .default('zh-CN'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('user_investor_idx').on(t.investorId)],
);

/** Which funds a manager manages (and so may edit). */
export const userFund = sqliteTable(
  'user_fund',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => fund.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.fundId] }), index('user_fund_fund_idx').on(t.fundId)],
);

/**
 * Rights an administrator grants to one account on top of its role (ADR 046): `signOff` (a reviewer signs
 * off designations, selection decisions and policy-money grants), `refer` (the plan's office refers firms
 * to sub-funds). Which roles may hold which right is checked by the server (RIGHT_ROLES).
 */
export const userRight = sqliteTable(
  'user_right',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    right: text('right', { enum: ['signOff', 'refer'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.right] })],
);

/** A signed-in browser. `id` is the SHA-256 of the cookie's token, so a leaked table grants nothing. */
export const session = sqliteTable(
  'session',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user_idx').on(t.userId), index('session_expires_idx').on(t.expiresAt)],
);
