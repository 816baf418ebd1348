import { company, type Db, deal, fund } from '@highland/drizzle';
import { computeUsccCheckChar, DomainError } from '@highland/shared';
import { TRPCError } from '@trpc/server';
import { and, asc, eq, sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import type { Harness } from './harness.js';

/** A valid credit code that no demo company has (the demo's codes use other organisation codes). */
export function freshUscc(n: number): string {
  const first17 = `91310115MA7T${String(n).padStart(5, '0')}`;
  return `${first17}${computeUsccCheckChar(first17)}`;
}

export interface Refusal {
  code: string;
  key: string | null;
  rule: string | null;
  path: string | null;
}

/** How a call was refused: the tRPC code, the domain key, and the first field issue's rule and path. */
export async function refusal(p: Promise<unknown>): Promise<Refusal | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const cause = e.cause;
    if (cause instanceof DomainError) {
      const f = cause.details.fields?.[0];
      return { code: e.code, key: cause.key, rule: f?.rule ?? null, path: f?.path ?? null };
    }
    if (cause instanceof ZodError) {
      const i = cause.issues[0];
      const rule = i?.code === 'custom' && typeof i.params?.rule === 'string' ? i.params.rule : (i?.code ?? null);
      return { code: e.code, key: 'validation.input', rule, path: i?.path.map(String).join('.') ?? null };
    }
    return { code: e.code, key: null, rule: null, path: null };
  }
}

export async function fundId(db: Db, code: string): Promise<number> {
  const row = (await db.select({ id: fund.id }).from(fund).where(eq(fund.code, code)))[0];
  if (!row) throw new Error(`no fund ${code}`);
  return row.id;
}

/** A deal of a fund in a stage (the first by id). */
export async function dealIn(db: Db, code: string, stage: string) {
  const id = await fundId(db, code);
  const row = (
    await db
      .select()
      .from(deal)
      .where(and(eq(deal.fundId, id), eq(deal.stage, stage)))
      .orderBy(asc(deal.id))
      .limit(1)
  )[0];
  if (!row) throw new Error(`no ${stage} deal in ${code}`);
  return row;
}

/** A company not in the fund's pipeline. */
export async function companyOutside(db: Db, code: string, offset = 0) {
  const id = await fundId(db, code);
  const row = (
    await db
      .select()
      .from(company)
      .where(sql`${company.id} NOT IN (SELECT company_id FROM deal WHERE fund_id = ${id} AND company_id IS NOT NULL)`)
      .orderBy(asc(company.id))
      .limit(1)
      .offset(offset)
  )[0];
  if (!row) throw new Error('no free company');
  return row;
}

export interface StreamAnswer {
  status: number;
  progress: Array<{ phase: string; done: number; total: number }>;
  result: Record<string, unknown> | null;
  error: { code: string; key: string; message: string; params?: Record<string, unknown>; current?: Record<string, unknown> } | null;
}

/** POST a file to the import route and read its JSON-lines answer. */
export async function importFile(
  h: Harness,
  cookie: string,
  body: Uint8Array | string,
  query: { mode: 'preview' | 'check' | 'commit'; fundId?: number; mapping?: Record<string, number> },
  headers: Record<string, string> = {},
): Promise<StreamAnswer> {
  const qs = new URLSearchParams({ mode: query.mode });
  if (query.fundId !== undefined) qs.set('fundId', String(query.fundId));
  if (query.mapping) qs.set('mapping', JSON.stringify(query.mapping));
  const res = await h.app.request(`/api/import/deals?${qs}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/octet-stream', 'x-highland-import': '1', 'x-file-name': encodeURIComponent('测试.csv'), ...headers },
    body: (typeof body === 'string' ? new TextEncoder().encode(body) : body) as BodyInit,
  });
  const text = await res.text();
  const answer: StreamAnswer = { status: res.status, progress: [], result: null, error: null };
  if (!res.headers.get('content-type')?.includes('ndjson')) {
    answer.error = (JSON.parse(text) as { error: StreamAnswer['error'] }).error;
    return answer;
  }
  for (const line of text.split('\n').filter(Boolean)) {
    const v = JSON.parse(line) as { type: string; data?: Record<string, unknown>; error?: StreamAnswer['error'] } & StreamAnswer['progress'][number];
    if (v.type === 'progress') answer.progress.push({ phase: v.phase, done: v.done, total: v.total });
    if (v.type === 'result') answer.result = v.data ?? null;
    if (v.type === 'error') answer.error = v.error ?? null;
  }
  return answer;
}

export const IMPORT_HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '英文名称',
  '行业领域',
  '所在区域',
  '企业性质',
  '项目阶段',
  '项目来源',
  '拟投金额（万元）',
  '投前估值（万元）',
  '备注',
];

/** A CSV row of the import file for company n. */
export function importRow(n: number, over: Partial<Record<number, string>> = {}): string[] {
  const cells = [
    freshUscc(n),
    `上海导入测试${n}号科技有限公司`,
    `Shanghai Import Test ${n} Technology Co., Ltd.`,
    'AI芯片',
    '浦东张江',
    '民营',
    '初筛',
    '主动挖掘',
    '800',
    '12000',
    `第${n}行导入`,
  ];
  for (const [k, v] of Object.entries(over)) cells[Number(k)] = v ?? '';
  return cells;
}

export function csv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
}

/** The issues of a check answer as `row+column:rule`. */
export function issuesOf(a: StreamAnswer): string[] {
  const issues = (a.result?.issues ?? []) as Array<{ row: number; column: string; rule: string }>;
  return issues.map((i) => `${i.row}${i.column}:${i.rule}`);
}
