import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Who did what, with the state before and after, written in the same transaction as the change.
 * Append-only: triggers in migration 0001 refuse UPDATE and DELETE.
 */
export const auditEvent = sqliteTable(
  'audit_event',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** UTC instant, ISO 8601. */
    at: text('at').notNull(),
    /** null for the system (start-up, demo data). */
    actorUserId: integer('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** JSON of the entity before the change (null for a creation). */
    before: text('before'),
    /** JSON of the entity after the change (null for a deletion). */
    after: text('after'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_actor_idx').on(t.actorUserId, t.at),
    index('audit_action_idx').on(t.action, t.at),
  ],
);
