import { auditEvent, type Db, type Tx, writeTx } from '@highland/drizzle';
import type { Actor } from './context.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}
export type AuditRecorder = (entry: AuditEntry) => Promise<void>;

/** Who is changing the books: a signed-in actor, or the system (start-up, demo data). */
export interface MutationContext {
  db: Db;
  actor: Pick<Actor, 'userId' | 'email'> | null;
  requestId?: string | null;
  now: () => Date;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * The one way to change the books: runs `fn` in a write transaction and hands it an audit recorder
 * that writes into the same transaction. A mutation that records no audit event is rolled back, so
 * nothing can change without leaving a trace.
 */
export async function mutate<T>(ctx: MutationContext, fn: (tx: Tx, audit: AuditRecorder) => Promise<T>): Promise<T> {
  return writeTx(ctx.db, async (tx) => {
    let recorded = 0;
    const at = ctx.now().toISOString();
    const audit: AuditRecorder = async (e) => {
      recorded += 1;
      await tx.insert(auditEvent).values({
        at,
        actorUserId: ctx.actor?.userId ?? null,
        actorLabel: ctx.actor?.email ?? 'system',
        action: e.action,
        entity: e.entity,
        entityId: String(e.entityId),
        before: json(e.before),
        after: json(e.after),
        requestId: ctx.requestId ?? null,
      });
    };
    const result = await fn(tx, audit);
    if (recorded === 0) throw new Error('A mutation must record at least one audit event; rolled back.');
    return result;
  });
}
