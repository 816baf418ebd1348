import { PassThrough, Readable } from 'node:stream';
import {
  csvLine,
  DEAL_SOURCES,
  DealFilterSchema,
  DealSortSchema,
  DomainError,
  escapeSpreadsheetText,
  FEN_PER_WAN,
  IMPORT_FIELD_KEYS,
  IMPORT_FIELDS,
  type ImportMapping,
  isDomainError,
  type Labelled,
  OWNERSHIP_TYPES,
  canSee,
  passwordChangePending,
  type Principal,
  ROUNDS,
  SECTORS,
  STAGES,
  suggestMapping,
  writesBooks,
  ZONES,
} from '@highland/shared';
import type { Context as HonoContext, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { loadActor, passwordChangeRequired, readCookie, SESSION_COOKIE, sessionIdOf } from '../auth/session.js';
import { assertDealFilterReadable, gateRefusal } from '../auth/guards.js';
import { assertFundWritable } from '../auth/scope.js';
import { type Actor, type AppServices, callerOf } from '../context.js';
import { command, query, readCtx } from '../data/ctx.js';
import { checkImport, commitImport, importTemplateFor, NothingToImport, planSummary } from '../data/deal-import.js';
import { allDeals, countDeals, type DealListRow } from '../data/deal-list.js';
import { type ImportTable, previewCell, readImportFile } from '../data/import-file.js';
import { businessToday } from '../business-date.js';
import { ExcelJS, NUM_FMT, pick as pickLabel, styleHeader, tableRow, XLSX_CONTENT_TYPE, type XlsxColumn } from '../xlsx/writer.js';

/** At most this many rows per export (a larger view is refused: narrow the filter). */
export const EXPORT_MAX_ROWS = 100_000;

type Vars = { requestId: string };
type C = HonoContext<{ Variables: Vars }>;

function errorBody(e: DomainError) {
  return { error: { code: e.code, key: e.key, message: e.message, ...e.details } };
}

async function actorOf(s: AppServices, c: C): Promise<Actor | null> {
  const token = readCookie(c.req.header('cookie'), SESSION_COOKIE);
  return token ? loadActor(s.db, sessionIdOf(token), s.now()) : null;
}

/**
 * The signed-in actor passing `allowed` (a predicate of shared/src/auth/policy.ts, as the procedures' gates),
 * or the error response to send.
 */
async function requireActor(s: AppServices, c: C, allowed: (p: Principal) => boolean, what: string): Promise<Actor | Response> {
  const actor = await actorOf(s, c);
  if (!actor) return c.json(errorBody(new DomainError('UNAUTHENTICATED', 'auth.required', 'Sign in first.')), 401);
  if (passwordChangePending(actor)) return c.json(errorBody(passwordChangeRequired()), 403);
  if (!allowed(actor)) return c.json(errorBody(gateRefusal(what)), 403);
  return actor;
}

const ImportQuerySchema = z.object({
  mode: z.enum(['preview', 'check', 'commit']),
  fundId: z.coerce.number().int().positive().optional(),
  /** JSON: field → 0-based column index. */
  mapping: z
    .string()
    .max(4000)
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      try {
        return z.partialRecord(z.enum(IMPORT_FIELD_KEYS), z.number().int().min(0).max(1000)).parse(JSON.parse(s)) as ImportMapping;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of field → column index', params: { rule: 'mapping' } });
        return z.NEVER;
      }
    }),
});

/**
 * Import and export of the deal table, outside tRPC: an import file is larger than tRPC's 1 MB body
 * limit and a download is a file, not JSON (ADR 022). Same session cookie, same scope helpers, same
 * data functions as the procedures.
 *
 * POST /api/import/deals?mode=preview|check|commit&fundId=…&mapping=… — the file is the body. The
 * answer is a stream of JSON lines: progress lines, then one result (or error) line. The client sends
 * the same file for each step, so the server keeps nothing between requests.
 * GET /api/export/deals?format=csv|xlsx&filter=…&sort=…&locale=… — the table view as a file.
 * GET /api/import/template?format=csv|xlsx&locale=…&fund=… — the import file's headers with an example row;
 * the XLSX adds a sheet of the allowed values (sectors, zones, stages, sources, rounds, the fund's managers).
 */
export function mountPipelineFiles(app: Hono<{ Variables: Vars }>, s: AppServices): void {
  const limit = s.config.IMPORT_BODY_LIMIT;
  app.post(
    '/api/import/deals',
    bodyLimit({
      maxSize: limit,
      onError: (c) =>
        c.json(
          errorBody(
            new DomainError('VALIDATION', 'import.tooLarge', `The file is larger than ${Math.floor(limit / 1_048_576)} MB; split it into smaller files.`, {
              params: { mb: Math.floor(limit / 1_048_576) },
            }),
          ),
          413,
        ),
    }),
    async (c) => {
      const who = await requireActor(s, c, writesBooks, 'writesBooks');
      if (who instanceof Response) return who;
      // A header a cross-site form cannot send: together with SameSite=Lax, no other site can post a file as the user.
      if (c.req.header('x-highland-import') !== '1')
        return c.json(errorBody(new DomainError('FORBIDDEN', 'import.header', 'Imports must come from the Highland app (x-highland-import header).')), 403);
      const q = ImportQuerySchema.safeParse(c.req.query());
      if (!q.success)
        return c.json(
          errorBody(new DomainError('VALIDATION', 'validation.request', q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))),
          400,
        );
      const { mode, fundId, mapping } = q.data;
      if (mode !== 'preview' && (fundId === undefined || mapping === undefined))
        return c.json(errorBody(DomainError.field('fundId', 'required', 'fundId and mapping: required to check or import a file')), 400);
      const fileName = decodeURIComponent(c.req.header('x-file-name') ?? 'import').slice(0, 200);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      c.header('content-type', 'application/x-ndjson; charset=utf-8');
      c.header('cache-control', 'no-store');
      return stream(c, async (out) => {
        const line = (v: unknown) => out.write(`${JSON.stringify(v)}\n`);
        const progress = async (phase: string, done: number, total: number) => {
          await line({ type: 'progress', phase, done, total });
        };
        try {
          await progress('read', 0, bytes.length);
          const table: ImportTable = await readImportFile(bytes);
          await progress('read', bytes.length, bytes.length);
          if (mode === 'preview') {
            await line({
              type: 'result',
              data: {
                fileName,
                format: table.format,
                encoding: table.encoding,
                sheet: table.sheet,
                headers: table.headers,
                rowCount: table.rows.length,
                sample: table.rows.slice(0, 20).map((r) => ({ row: r.row, cells: table.headers.map((_, i) => previewCell(r.cells[i] ?? null)) })),
                mapping: suggestMapping(table.headers),
              },
            });
            return;
          }
          const caller = callerOf(s, who, c.get('requestId'));
          assertFundWritable(who, fundId as number);
          const input = { fundId: fundId as number, fileName, table, mapping: mapping as ImportMapping, progress };
          if (mode === 'check') {
            const plan = await query(caller, checkImport, input);
            await line({ type: 'result', data: { fileName, ...planSummary(plan) } });
            return;
          }
          const result = await command(caller, commitImport, input).catch((e: unknown) => {
            if (e instanceof NothingToImport) return e.result;
            throw e;
          });
          await line({ type: 'result', data: { fileName, ...result } });
        } catch (e) {
          if (isDomainError(e)) await line({ type: 'error', ...errorBody(e) });
          else {
            s.log.error({ err: e, requestId: c.get('requestId') }, 'import failed');
            await line({
              type: 'error',
              error: { code: 'INVALID_STATE', key: 'internal', message: 'Internal error; nothing was imported.', params: { requestId: c.get('requestId') } },
            });
          }
        }
      });
    },
  );

  app.get('/api/export/deals', async (c) => {
    const who = await requireActor(s, c, (p) => canSee(p, 'pipeline'), 'pipeline');
    if (who instanceof Response) return who;
    const parsed = z
      .object({
        format: z.enum(['csv', 'xlsx']).default('xlsx'),
        locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
        filter: z.string().max(8000).default('{}'),
        sort: z.string().max(400).default('{}'),
      })
      .safeParse(c.req.query());
    let filter: z.infer<typeof DealFilterSchema>;
    let sort: z.infer<typeof DealSortSchema>;
    try {
      if (!parsed.success) throw new Error(parsed.error.message);
      filter = DealFilterSchema.parse(JSON.parse(parsed.data.filter));
      sort = DealSortSchema.parse(JSON.parse(parsed.data.sort));
    } catch (e) {
      return c.json(
        errorBody(new DomainError('VALIDATION', 'validation.request', `The export request is malformed: ${e instanceof Error ? e.message.slice(0, 300) : ''}`)),
        400,
      );
    }
    const { format, locale } = parsed.data;
    // Scope first (a fund outside the caller's scope is refused), then the size: a view larger than an
    // export holds is refused with its count, never cut silently.
    let total: number;
    const caller = callerOf(s, who, c.get('requestId'));
    try {
      await assertDealFilterReadable(caller, filter);
      total = (await query(caller, countDeals, { filter })).count;
    } catch (e) {
      if (isDomainError(e)) return c.json(errorBody(e), e.code === 'FORBIDDEN' ? 403 : 400);
      throw e;
    }
    if (total > EXPORT_MAX_ROWS)
      return c.json(
        errorBody(
          new DomainError('VALIDATION', 'export.tooMany', `The view holds ${total} deals; an export holds at most ${EXPORT_MAX_ROWS}. Narrow the filter.`, {
            params: { count: total, max: EXPORT_MAX_ROWS },
          }),
        ),
        400,
      );
    const rows = allDeals(readCtx(caller), { filter, sort, max: EXPORT_MAX_ROWS });
    const head = await rows.next();
    const stamp = businessToday(s).replace(/-/g, '');
    const name = `highland-deals-${stamp}.${format}`;
    c.header('content-disposition', `attachment; filename="${name}"`);
    c.header('cache-control', 'no-store');
    async function* all() {
      if (!head.done) yield head.value;
      yield* rows;
    }
    if (format === 'csv') {
      c.header('content-type', 'text/csv; charset=utf-8');
      return stream(c, async (out) => {
        await out.write('\ufeff'); // Excel reads UTF-8 CSV as such only with a BOM
        await out.write(csvLine(EXPORT_COLUMNS.map((col) => pick(col.header, locale))));
        let batch = '';
        for await (const r of all()) {
          batch += csvLine(EXPORT_COLUMNS.map((col) => cellOf(col, r, locale)));
          if (batch.length > 64_000) {
            await out.write(batch);
            batch = '';
          }
        }
        await out.write(batch);
      });
    }
    c.header('content-type', XLSX_CONTENT_TYPE);
    const pass = new PassThrough();
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useStyles: true, useSharedStrings: false });
    const columns = xlsxColumns(locale);
    void (async () => {
      const sheet = book.addWorksheet(locale === 'en' ? 'Deals' : '项目列表', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((col, k) => ({
        header: pickLabel(col.label, locale === 'en' ? 'en' : 'zh-CN'),
        key: String(k),
        width: col.width,
        ...(col.kind === 'text' ? {} : { style: { numFmt: NUM_FMT[col.kind] } }),
      }));
      styleHeader(sheet.getRow(1));
      sheet.getRow(1).commit();
      // The writer's cells: numbers as numbers, dates as dates, every text escaped against formulas.
      for await (const r of all()) sheet.addRow(tableRow(columns, r)).commit();
      sheet.commit();
      await book.commit();
    })().catch((err: unknown) => {
      s.log.error({ err }, 'export failed');
      pass.destroy(err instanceof Error ? err : new Error(String(err)));
    });
    return c.body(Readable.toWeb(pass) as ReadableStream);
  });

  app.get('/api/import/template', async (c) => {
    const who = await requireActor(s, c, writesBooks, 'writesBooks');
    if (who instanceof Response) return who;
    const q = z
      .object({
        locale: z.enum(['zh-CN', 'en']).catch('zh-CN'),
        format: z.enum(['csv', 'xlsx']).catch('xlsx'),
        fund: z.coerce.number().int().positive().optional().catch(undefined),
      })
      .parse(c.req.query());
    let template: Awaited<ReturnType<typeof importTemplateFor>>;
    try {
      if (q.fund !== undefined) assertFundWritable(who, q.fund);
      template = await importTemplateFor(readCtx(callerOf(s, who, c.get('requestId'))), { fundId: q.fund, locale: q.locale });
    } catch (e) {
      if (isDomainError(e)) return c.json(errorBody(e), e.code === 'FORBIDDEN' ? 403 : 400);
      throw e;
    }
    c.header('cache-control', 'no-store');
    if (q.format === 'csv') {
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', 'attachment; filename="highland-import-template.csv"');
      return c.body(`\ufeff${csvLine(template.headers)}${csvLine(template.example.map(escapeSpreadsheetText))}`);
    }
    c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('content-disposition', 'attachment; filename="highland-import-template.xlsx"');
    return c.body(new Uint8Array(await templateWorkbook(template, q.locale)));
  });
}

type ExportKind = 'text' | 'wan' | 'score' | 'label';
interface ExportColumn {
  key: string;
  header: Labelled;
  width: number;
  kind: ExportKind;
  value: (r: DealListRow) => string | number | null;
  labels?: Record<string, Labelled>;
}

const pick = (l: Labelled, locale: string) => (locale === 'en' ? l.en : l.zh);
const field = (key: string): Labelled => {
  const f = IMPORT_FIELDS.find((x) => x.key === key);
  return { zh: f?.zh ?? key, en: f?.en ?? key };
};

/** Columns of an export; the import's own headers where they overlap, so an exported file imports back. */
const EXPORT_COLUMNS: ExportColumn[] = [
  { key: 'fund', header: { zh: '基金代码', en: 'Fund' }, width: 10, kind: 'text', value: (r) => r.fundCode },
  { key: 'uscc', header: field('uscc'), width: 22, kind: 'text', value: (r) => r.uscc },
  { key: 'nameZh', header: field('nameZh'), width: 32, kind: 'text', value: (r) => r.companyNameZh ?? r.proposalNameZh },
  { key: 'nameEn', header: field('nameEn'), width: 32, kind: 'text', value: (r) => r.companyNameEn ?? r.proposalNameEn },
  { key: 'sector', header: field('sector'), width: 14, kind: 'label', value: (r) => r.sector, labels: SECTORS },
  { key: 'zone', header: field('zone'), width: 16, kind: 'label', value: (r) => r.zone, labels: ZONES },
  { key: 'ownership', header: field('ownership'), width: 10, kind: 'label', value: (r) => r.ownership, labels: OWNERSHIP_TYPES },
  { key: 'stage', header: field('stage'), width: 12, kind: 'label', value: (r) => r.stage, labels: STAGES },
  { key: 'owner', header: field('owner'), width: 16, kind: 'text', value: (r) => r.ownerName },
  { key: 'source', header: field('source'), width: 14, kind: 'label', value: (r) => r.source, labels: DEAL_SOURCES },
  { key: 'round', header: field('round'), width: 10, kind: 'label', value: (r) => r.round, labels: ROUNDS },
  { key: 'amount', header: field('amount'), width: 16, kind: 'wan', value: (r) => r.amountFen },
  { key: 'preMoney', header: field('preMoney'), width: 18, kind: 'wan', value: (r) => r.preMoneyFen },
  { key: 'score', header: { zh: '评分', en: 'Score' }, width: 8, kind: 'score', value: (r) => r.score },
  { key: 'nextStep', header: field('nextStep'), width: 28, kind: 'text', value: (r) => r.nextStep },
  { key: 'nextStepDate', header: field('nextStepDate'), width: 12, kind: 'text', value: (r) => r.nextStepDate },
  { key: 'stageEnteredAt', header: { zh: '进入本阶段', en: 'In stage since' }, width: 12, kind: 'text', value: (r) => r.stageEnteredAt.slice(0, 10) },
  { key: 'updatedAt', header: { zh: '更新时间', en: 'Updated' }, width: 12, kind: 'text', value: (r) => r.updatedAt.slice(0, 10) },
];

/** The export's columns for the one XLSX writer: 万元 with two decimals, scores, dates as date cells, labels in the reader's language. */
function xlsxColumns(locale: string): Array<XlsxColumn<DealListRow>> {
  const DATES = new Set(['nextStepDate', 'stageEnteredAt', 'updatedAt']);
  return EXPORT_COLUMNS.map((col) => ({
    label: col.header,
    width: col.width,
    kind: col.kind === 'wan' ? 'money' : col.kind === 'score' ? 'dec2' : DATES.has(col.key) ? 'date' : 'text',
    // cellOf already escapes text (for the CSV); the writer's escaping is idempotent.
    value: (r: DealListRow) => cellOf(col, r, locale),
  }));
}

/** A cell of an export: numbers as numbers (万元, two decimals), labels in the reader's language, text escaped against formulas. */
function cellOf(col: ExportColumn, r: DealListRow, locale: string): string | number | null {
  const v = col.value(r);
  if (v === null || v === undefined) return null;
  if (col.kind === 'wan') return Math.round(Number(v) / (FEN_PER_WAN / 100)) / 100;
  if (col.kind === 'score') return Math.round(Number(v) * 100) / 100;
  if (col.kind === 'label') {
    const l = col.labels?.[String(v)];
    return l ? pick(l, locale) : String(v);
  }
  return escapeSpreadsheetText(String(v));
}

/**
 * The template as a workbook: the import sheet (headers, the example row; every column text so credit
 * codes and dates stay as typed) and a sheet of allowed values, one column per coded field.
 */
async function templateWorkbook(t: Awaited<ReturnType<typeof importTemplateFor>>, locale: 'zh-CN' | 'en'): Promise<Buffer> {
  const en = locale === 'en';
  const book = new ExcelJS.Workbook();
  book.creator = 'Highland';
  const sheet = book.addWorksheet(en ? 'Deals' : '项目', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = t.headers.map((h) => ({ header: h, width: Math.max(12, [...h].length * 2 + 2), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(t.example.map(escapeSpreadsheetText)).font = { italic: true, color: { argb: 'FF8C8C8C' } };
  const allowed = book.addWorksheet(en ? 'Allowed values' : '可选值');
  allowed.columns = t.allowed.map((a) => ({ header: a.header, width: 22 }));
  allowed.getRow(1).font = { bold: true };
  const depth = Math.max(...t.allowed.map((a) => a.values.length));
  for (let i = 0; i < depth; i++) allowed.addRow(t.allowed.map((a) => (a.values[i] === undefined ? null : escapeSpreadsheetText(a.values[i] as string))));
  allowed.addRow([]);
  allowed.addRow([
    en
      ? 'Amounts are in CNY 10k; dates as 2024-03-01. Delete the example row on the first sheet before importing.'
      : '金额单位为万元；日期格式如 2024-03-01。导入前请删除第一页中的示例行。',
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
