import { auditEvent } from '@highland/drizzle';
import { and, desc, eq, gte, like, lt, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '@highland/shared';
import type { ReadCtx } from './ctx.js';

export const AuditListSchema = z.object({
  entity: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(50).optional(),
  action: z.string().trim().max(80).optional(),
  actorUserId: IdSchema.optional(),
  /** Business-day bounds, inclusive, in UTC. */
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  /** Keyset pagination: events with id below this. */
  cursor: IdSchema.optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type AuditList = z.infer<typeof AuditListSchema>;

export async function listAuditEvents(read: ReadCtx, f: AuditList) {
  const { db } = read;
  const conds: SQL[] = [];
  if (f.entity) conds.push(eq(auditEvent.entity, f.entity));
  if (f.entityId) conds.push(eq(auditEvent.entityId, f.entityId));
  if (f.action) conds.push(f.action.endsWith('*') ? like(auditEvent.action, `${f.action.slice(0, -1)}%`) : eq(auditEvent.action, f.action));
  if (f.actorUserId) conds.push(eq(auditEvent.actorUserId, f.actorUserId));
  if (f.from) conds.push(gte(auditEvent.at, f.from));
  if (f.to) conds.push(lte(auditEvent.at, `${f.to}T23:59:59.999Z`));
  if (f.cursor) conds.push(lt(auditEvent.id, f.cursor));
  const rows = await db
    .select()
    .from(auditEvent)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditEvent.id))
    .limit(f.limit + 1);
  const more = rows.length > f.limit;
  const items = (more ? rows.slice(0, f.limit) : rows).map((r) => ({
    ...r,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
  return { items, nextCursor: more ? (items[items.length - 1]?.id ?? null) : null };
}

/** The values the filters offer. */
export async function auditFacets(read: ReadCtx) {
  const { db } = read;
  const entities = await db.selectDistinct({ v: auditEvent.entity }).from(auditEvent).orderBy(auditEvent.entity);
  const actions = await db.selectDistinct({ v: auditEvent.action }).from(auditEvent).orderBy(auditEvent.action);
  const actors = await db.selectDistinct({ id: auditEvent.actorUserId, label: auditEvent.actorLabel }).from(auditEvent).orderBy(auditEvent.actorLabel);
  return { entities: entities.map((e) => e.v), actions: actions.map((a) => a.v), actors };
}
