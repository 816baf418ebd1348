import { DomainError } from '@highland/shared';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Harness } from './harness.js';

// The factories moved to test/fixtures/factories.ts; re-exported here for the tests that import them from here.
export { companyOutside, csv, dealIn, freshUscc, fundId, IMPORT_HEADERS, importRow } from '../../fixtures/factories.js';

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

/** The issues of a check answer as `row+column:rule`. */
export function issuesOf(a: StreamAnswer): string[] {
  const issues = (a.result?.issues ?? []) as Array<{ row: number; column: string; rule: string }>;
  return issues.map((i) => `${i.row}${i.column}:${i.rule}`);
}
