import { auditEvent, type Db } from '@highland/drizzle';
import { csvLine, DomainError, escapeSpreadsheetText, IdSchema, IsoDateSchema } from '@highland/shared';
import { and, desc, eq, gte, like, lt, or, type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { ReadCtx } from './ctx.js';

/** The zone the deployment's business days are in: a date filter covers that calendar day there. */
const BUSINESS_ZONE = 'Asia/Shanghai';

export const AuditListSchema = z.object({
  entity: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(50).optional(),
  /** An object by id or by (part of) its name: a fund's code or name, a company, deal, investor or user. */
  object: z.string().trim().max(100).optional(),
  action: z.string().trim().max(80).optional(),
  actorUserId: IdSchema.optional(),
  /** Business-day bounds, inclusive, as calendar days in the deployment's zone (Asia/Shanghai). */
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  /** Keyset pagination, newest first: the `nextCursor` of the previous page ("<at>|<id>"). */
  cursor: z
    .string()
    .max(60)
    .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|\d+$/, { message: 'is not a cursor of this list' })
    .optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type AuditList = z.infer<typeof AuditListSchema>;

export const AuditExportSchema = AuditListSchema.omit({ cursor: true, limit: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
});
export type AuditExport = z.infer<typeof AuditExportSchema>;

/** At most this many events per export: a larger trail is refused with its count (narrow the filter). */
export const AUDIT_EXPORT_MAX = 50_000;

/** The UTC instant a calendar day starts in a zone (exact for any offset, DST included). */
export function dayStartIn(date: string, timeZone = BUSINESS_ZONE): string {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const offsetAt = (t: number) => {
    const p = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(t));
    const v = (k: string) => Number(p.find((x) => x.type === k)?.value);
    return Date.UTC(v('year'), v('month') - 1, v('day'), v('hour'), v('minute'), v('second')) - t;
  };
  let t = guess - offsetAt(guess);
  t = guess - offsetAt(t);
  return new Date(t).toISOString();
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Tables whose rows belong to a company: an event on one names the company. */
const COMPANY_ROWS: Record<string, string> = {
  investment: 'investment',
  investment_exit: 'investment_exit',
  valuation: 'valuation',
  designation: 'designation',
  listing_attempt: 'listing_attempt',
  policy_support: 'policy_support',
  kpi_snapshot: 'kpi_snapshot',
  consulting_session: 'consulting_session',
};

function conditions(f: Omit<AuditList, 'cursor' | 'limit'>): SQL[] {
  const conds: SQL[] = [];
  if (f.entity) conds.push(eq(auditEvent.entity, f.entity));
  if (f.entityId) conds.push(eq(auditEvent.entityId, f.entityId));
  if (f.action) conds.push(f.action.endsWith('*') ? like(auditEvent.action, `${f.action.slice(0, -1)}%`) : eq(auditEvent.action, f.action));
  if (f.actorUserId) conds.push(eq(auditEvent.actorUserId, f.actorUserId));
  if (f.from) conds.push(gte(auditEvent.at, dayStartIn(f.from)));
  if (f.to) conds.push(lt(auditEvent.at, dayStartIn(nextDay(f.to))));
  if (f.object) {
    if (/^\d+$/.test(f.object)) conds.push(eq(auditEvent.entityId, f.object));
    else {
      const q = `%${f.object.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const hit = (cols: string[]) =>
        sql.join(
          cols.map((c) => sql`${sql.raw(c)} LIKE ${q} ESCAPE '\\'`),
          sql` OR `,
        );
      const companies = sql`SELECT id FROM company WHERE ${hit(['name_zh', 'name_en', 'uscc'])}`;
      const parts: SQL[] = [
        sql`(entity = 'fund' AND entity_id IN (SELECT CAST(id AS TEXT) FROM fund WHERE ${hit(['code', 'name_zh', 'name_en'])}))`,
        sql`(entity = 'company' AND entity_id IN (SELECT CAST(id AS TEXT) FROM (${companies})))`,
        sql`(entity = 'deal' AND entity_id IN (SELECT CAST(id AS TEXT) FROM deal WHERE company_id IN (${companies}) OR ${hit(['proposal_name_zh', 'proposal_name_en'])}))`,
        sql`(entity = 'investor' AND entity_id IN (SELECT CAST(id AS TEXT) FROM investor WHERE ${hit(['name_zh', 'name_en'])}))`,
        sql`(entity = 'user' AND entity_id IN (SELECT CAST(id AS TEXT) FROM user WHERE ${hit(['name', 'email'])}))`,
        sql`(entity = 'programme' AND entity_id IN (SELECT CAST(id AS TEXT) FROM programme WHERE ${hit(['code', 'name_zh', 'name_en'])}))`,
        ...Object.entries(COMPANY_ROWS).map(
          ([entity, table]) => sql`(entity = ${entity} AND entity_id IN (SELECT CAST(id AS TEXT) FROM ${sql.raw(table)} WHERE company_id IN (${companies})))`,
        ),
      ];
      conds.push(sql`(${sql.join(parts, sql` OR `)})`);
    }
  }
  return conds;
}

/** An object an event names, for the page to show by name and link. */
export interface AuditRef {
  entity: string;
  id: string;
  nameZh: string;
  nameEn: string;
  /** The fund the object belongs to (a call, a deal), when it has one. */
  fundId: number | null;
  /** The company the object is about (a round, a mark, a designation), when it has one. */
  companyId: number | null;
}

/** Keys of an event's before/after that name other objects. */
const REF_KEYS: Record<string, string> = {
  fundId: 'fund',
  investorId: 'investor',
  companyId: 'company',
  dealId: 'deal',
  callId: 'capital_call',
  userId: 'user',
  programmeId: 'programme',
};

type RefKey = `${string}:${string}`;
const key = (entity: string, id: string | number): RefKey => `${entity}:${id}`;

/** Names of the objects events name, one query per kind of object. */
async function resolveRefs(db: Db, wanted: Set<RefKey>): Promise<Map<RefKey, AuditRef>> {
  const byEntity = new Map<string, number[]>();
  for (const k of wanted) {
    const [entity, id] = k.split(':') as [string, string];
    if (!/^\d+$/.test(id)) continue;
    const list = byEntity.get(entity) ?? [];
    list.push(Number(id));
    byEntity.set(entity, list);
  }
  const out = new Map<RefKey, AuditRef>();
  const ids = (entity: string) =>
    sql.join(
      (byEntity.get(entity) ?? []).map((n) => sql`${n}`),
      sql`, `,
    );
  const put = (entity: string, r: { id: number; zh: string | null; en: string | null; fundId?: number | null; companyId?: number | null }) =>
    out.set(key(entity, r.id), {
      entity,
      id: String(r.id),
      nameZh: r.zh ?? r.en ?? `#${r.id}`,
      nameEn: r.en ?? r.zh ?? `#${r.id}`,
      fundId: r.fundId ?? null,
      companyId: r.companyId ?? null,
    });
  type Row = { id: number; zh: string | null; en: string | null; fundId?: number | null; companyId?: number | null };
  const run = async (entity: string, q: SQL) => {
    if (!byEntity.has(entity)) return;
    for (const r of await db.all<Row>(q)) put(entity, r);
  };
  await run('fund', sql`SELECT id, code || ' ' || name_zh AS zh, code || ' ' || name_en AS en, id AS fundId FROM fund WHERE id IN (${ids('fund')})`);
  await run('investor', sql`SELECT id, name_zh AS zh, name_en AS en FROM investor WHERE id IN (${ids('investor')})`);
  await run('company', sql`SELECT id, name_zh AS zh, COALESCE(name_en, name_zh) AS en, id AS companyId FROM company WHERE id IN (${ids('company')})`);
  await run('user', sql`SELECT id, name AS zh, name AS en FROM user WHERE id IN (${ids('user')})`);
  await run('programme', sql`SELECT id, code || ' ' || name_zh AS zh, code || ' ' || name_en AS en FROM programme WHERE id IN (${ids('programme')})`);
  await run(
    'deal',
    sql`SELECT d.id, f.code || ' · ' || COALESCE(c.name_zh, d.proposal_name_zh) AS zh, f.code || ' · ' || COALESCE(c.name_en, c.name_zh, d.proposal_name_en, d.proposal_name_zh) AS en,
               d.fund_id AS fundId, d.company_id AS companyId
        FROM deal d JOIN fund f ON f.id = d.fund_id LEFT JOIN company c ON c.id = d.company_id WHERE d.id IN (${ids('deal')})`,
  );
  await run(
    'capital_call',
    sql`SELECT k.id, f.code || ' 第' || k.call_no || '次缴款' AS zh, f.code || ' call ' || k.call_no AS en, k.fund_id AS fundId
        FROM capital_call k JOIN fund f ON f.id = k.fund_id WHERE k.id IN (${ids('capital_call')})`,
  );
  for (const [entity, table] of Object.entries(COMPANY_ROWS))
    await run(
      entity,
      sql`SELECT t.id, c.name_zh AS zh, COALESCE(c.name_en, c.name_zh) AS en, t.company_id AS companyId
          FROM ${sql.raw(table)} t JOIN company c ON c.id = t.company_id WHERE t.id IN (${ids(entity)})`,
    );
  return out;
}

function refsOf(value: unknown): Array<[string, string]> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const found: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const entity = REF_KEYS[k];
    if (entity && (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)))) found.push([entity, String(v)]);
  }
  return found;
}

type AuditRow = typeof auditEvent.$inferSelect;

/** Events with their JSON parsed, the acting user's name, the named object and the other objects they mention. */
async function described(db: Db, rows: AuditRow[]) {
  const parsed = rows.map((r) => ({
    ...r,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
  const wanted = new Set<RefKey>();
  for (const r of parsed) {
    wanted.add(key(r.entity, r.entityId));
    if (r.actorUserId !== null) wanted.add(key('user', r.actorUserId));
    for (const [e, id] of [...refsOf(r.after), ...refsOf(r.before)]) wanted.add(key(e, id));
  }
  const refs = await resolveRefs(db, wanted);
  return parsed.map((r) => {
    const object = refs.get(key(r.entity, r.entityId)) ?? null;
    const seen = new Set<string>([key(r.entity, r.entityId)]);
    const related: AuditRef[] = [];
    for (const [e, id] of [...refsOf(r.after), ...refsOf(r.before)]) {
      const k = key(e, id);
      const ref = refs.get(k);
      if (ref && !seen.has(k)) {
        seen.add(k);
        related.push(ref);
      }
    }
    const actorName = r.actorUserId === null ? null : (refs.get(key('user', r.actorUserId))?.nameZh ?? null);
    return { ...r, actorName, object, related };
  });
}

/** Newest first by time, then id (the demo's story events carry their business dates). */
async function page(db: Db, f: Omit<AuditList, 'cursor' | 'limit'>, cursor: string | undefined, limit: number) {
  const conds = conditions(f);
  if (cursor) {
    const [at, id] = cursor.split('|') as [string, string];
    conds.push(or(lt(auditEvent.at, at), and(eq(auditEvent.at, at), lt(auditEvent.id, Number(id)))) as SQL);
  }
  return db
    .select()
    .from(auditEvent)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(limit);
}

export async function listAuditEvents(read: ReadCtx, f: AuditList) {
  const db = read.db as Db;
  const rows = await page(db, f, f.cursor, f.limit + 1);
  const more = rows.length > f.limit;
  const kept = more ? rows.slice(0, f.limit) : rows;
  const items = await described(db, kept);
  const last = kept[kept.length - 1];
  return { items, nextCursor: more && last ? `${last.at}|${last.id}` : null };
}

/** The values the filters offer: kinds of object, actions, and the people who acted (with their names). */
export async function auditFacets(read: ReadCtx) {
  const db = read.db as Db;
  const entities = await db.selectDistinct({ v: auditEvent.entity }).from(auditEvent).orderBy(auditEvent.entity);
  const actions = await db.selectDistinct({ v: auditEvent.action }).from(auditEvent).orderBy(auditEvent.action);
  const actors = await db.all<{ id: number | null; label: string; name: string | null }>(sql`
    SELECT a.id, a.label, u.name FROM (SELECT DISTINCT actor_user_id AS id, actor_label AS label FROM audit_event) a
    LEFT JOIN user u ON u.id = a.id ORDER BY a.label`);
  return { entities: entities.map((e) => e.v), actions: actions.map((a) => a.v), actors };
}

const instantIn = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: BUSINESS_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(iso));

const COLUMNS = [
  { zh: '时间（北京时间）', en: 'Time (Beijing)', width: 20 },
  { zh: '操作人', en: 'Actor', width: 26 },
  { zh: '操作人姓名', en: 'Actor name', width: 20 },
  { zh: '操作', en: 'Action', width: 24 },
  { zh: '对象类型', en: 'Object type', width: 16 },
  { zh: '对象编号', en: 'Object id', width: 10 },
  { zh: '对象名称', en: 'Object name', width: 30 },
  { zh: '相关对象', en: 'Related objects', width: 36 },
  { zh: '变更前', en: 'Before', width: 40 },
  { zh: '变更后', en: 'After', width: 40 },
  { zh: '请求编号', en: 'Request id', width: 20 },
  { zh: '事件编号', en: 'Event id', width: 10 },
] as const;

/**
 * The filtered trail as a file for an inspector (XLSX or CSV), newest first: every event with its time in
 * the business zone, actor, action, the object by name, and the before/after images as JSON. Text cells
 * that a spreadsheet would run as formulas are escaped. More than AUDIT_EXPORT_MAX events is refused.
 */
export async function exportAuditEvents(read: ReadCtx, f: AuditExport) {
  const db = read.db as Db;
  const now = read.now();
  const filter = { ...f } as Omit<AuditList, 'cursor' | 'limit'> & Partial<AuditExport>;
  delete filter.format;
  delete filter.locale;
  const conds = conditions(filter);
  const total =
    (
      await db
        .select({ n: sql<number>`count(*)` })
        .from(auditEvent)
        .where(conds.length ? and(...conds) : undefined)
    )[0]?.n ?? 0;
  if (total > AUDIT_EXPORT_MAX)
    throw new DomainError('VALIDATION', 'export.tooMany', `The trail holds ${total} events; an export holds at most ${AUDIT_EXPORT_MAX}. Narrow the filter.`, {
      params: { count: total, max: AUDIT_EXPORT_MAX },
    });
  const en = f.locale === 'en';
  const name = (r: AuditRef | null) => (r ? (en ? r.nameEn : r.nameZh) : '');
  const lines: Array<Array<string | number | null>> = [];
  let cursor: string | undefined;
  for (;;) {
    const rows = await page(db, filter, cursor, 1000);
    for (const r of await described(db, rows))
      lines.push([
        instantIn(r.at),
        r.actorLabel,
        r.actorName,
        r.action,
        r.entity,
        r.entityId,
        name(r.object),
        r.related.map(name).join('; '),
        r.before === null ? null : JSON.stringify(r.before),
        r.after === null ? null : JSON.stringify(r.after),
        r.requestId,
        r.id,
      ]);
    const last = rows[rows.length - 1];
    if (rows.length < 1000 || !last) break;
    cursor = `${last.at}|${last.id}`;
  }
  const stamp = now.toISOString().slice(0, 10).replace(/-/g, '');
  const headers = COLUMNS.map((c) => (en ? c.en : c.zh));
  if (f.format === 'csv') {
    const text = `\ufeff${csvLine(headers)}${lines.map((l) => csvLine(l)).join('')}`;
    return {
      filename: `highland-audit-${stamp}.csv`,
      contentType: 'text/csv; charset=utf-8',
      base64: Buffer.from(text, 'utf8').toString('base64'),
      count: lines.length,
    };
  }
  const book = new ExcelJS.Workbook();
  book.creator = 'Highland';
  const sheet = book.addWorksheet(en ? 'Audit trail' : '审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: en ? c.en : c.zh, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const l of lines) sheet.addRow(l.map((v) => (typeof v === 'string' ? escapeSpreadsheetText(v) : v)));
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return {
    filename: `highland-audit-${stamp}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buffer.toString('base64'),
    count: lines.length,
  };
}
