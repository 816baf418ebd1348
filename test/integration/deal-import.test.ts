import { company, deal, dealNote, user } from '@highland/drizzle';
import { shortPersonName, suggestMapping } from '@highland/shared';
import ExcelJS from 'exceljs';
import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Harness, harness } from './helpers/harness.js';
import { csv, fundId, IMPORT_HEADERS, importFile, importRow, issuesOf } from './helpers/pipeline.js';
import { auditCount } from './helpers/sessions.js';

const mapping = suggestMapping(IMPORT_HEADERS) as Record<string, number>;
const rows = (n: number, from = 1) => Array.from({ length: n }, (_, i) => importRow(from + i));

async function setup(): Promise<{ h: Harness; cookie: string; sf01: number }> {
  const h = await harness();
  return { h, cookie: await h.cookieFor('gp@demo.highland'), sf01: await fundId(h.db, 'SF-01') };
}
const dealCount = async (h: Harness) => (await h.db.select({ n: count() }).from(deal))[0]?.n ?? 0;

describe('import: the happy path', () => {
  it('preview reads the headers, suggests the mapping and shows the first rows', async () => {
    const { h, cookie } = await setup();
    const r = await importFile(h, cookie, csv([IMPORT_HEADERS, ...rows(30)]), { mode: 'preview' });
    const data = r.result as { headers: string[]; rowCount: number; sample: unknown[]; mapping: Record<string, number>; encoding: string };
    expect({
      headers: data.headers.length,
      rows: data.rowCount,
      sample: data.sample.length,
      mapping: data.mapping,
      encoding: data.encoding,
      progress: r.progress.length > 0,
    }).toEqual({
      headers: IMPORT_HEADERS.length,
      rows: 30,
      sample: 20,
      mapping,
      encoding: 'UTF-8',
      progress: true,
    });
  });

  it('a clean file is imported in one go; importing it again changes nothing', async () => {
    const { h, cookie, sf01 } = await setup();
    const file = csv([IMPORT_HEADERS, ...rows(50)]);
    const first = await importFile(h, cookie, file, { mode: 'commit', fundId: sf01, mapping });
    const afterFirst = { deals: await dealCount(h), audit: await auditCount(h.db) };
    const second = await importFile(h, cookie, file, { mode: 'commit', fundId: sf01, mapping });
    expect({
      first: first.result && {
        created: first.result.dealsCreated,
        companies: first.result.companiesCreated,
        notes: first.result.notesAdded,
        written: first.result.written,
      },
      second: second.result && {
        created: second.result.dealsCreated,
        updated: second.result.dealsUpdated,
        unchanged: second.result.dealsUnchanged,
        written: second.result.written,
      },
      unchanged: { deals: await dealCount(h), audit: await auditCount(h.db) },
    }).toEqual({
      first: { created: 50, companies: 50, notes: 50, written: true },
      second: { created: 0, updated: 0, unchanged: 50, written: false },
      unchanged: afterFirst,
    });
  });

  it('a row for a company already in the pipeline updates that deal (and moves it through the state machine)', async () => {
    const { h, cookie, sf01 } = await setup();
    await importFile(h, cookie, csv([IMPORT_HEADERS, ...rows(3)]), { mode: 'commit', fundId: sf01, mapping });
    const changed = [IMPORT_HEADERS, importRow(1, { 6: '尽职调查', 8: '900' }), importRow(2), importRow(3)];
    const r = await importFile(h, cookie, csv(changed), { mode: 'commit', fundId: sf01, mapping });
    const c = (
      await h.db
        .select()
        .from(company)
        .where(eq(company.uscc, importRow(1)[0] as string))
    )[0];
    const d = (
      await h.db
        .select()
        .from(deal)
        .where(eq(deal.companyId, c?.id ?? 0))
    )[0];
    expect({ updated: r.result?.dealsUpdated, unchanged: r.result?.dealsUnchanged, stage: d?.stage, amount: d?.amountFen, version: d?.version }).toEqual({
      updated: 1,
      unchanged: 2,
      stage: 'due_diligence',
      amount: 900_000_000,
      version: 2,
    });
  });

  it('an XLSX workbook imports like a CSV; dates come in as dates', async () => {
    const { h, cookie, sf01 } = await setup();
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('项目');
    ws.addRow([...IMPORT_HEADERS, '成立日期']);
    for (const r of rows(5, 200)) ws.addRow([...r.slice(0, 8), Number(r[8]), Number(r[9]), r[10], new Date(Date.UTC(2021, 4, 20))]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const map = { ...mapping, founded: IMPORT_HEADERS.length };
    const r = await importFile(h, cookie, bytes, { mode: 'commit', fundId: sf01, mapping: map });
    const c = (
      await h.db
        .select()
        .from(company)
        .where(eq(company.uscc, importRow(200)[0] as string))
    )[0];
    expect({ created: r.result?.dealsCreated, founded: c?.founded }).toEqual({ created: 5, founded: '2021-05-20' });
  });
});

describe('import: every row error is listed before anything is written', () => {
  it('a 1,000-row file with errors lists each (row, column, rule); nothing is imported until it is fixed', async () => {
    const { h, cookie, sf01 } = await setup();
    const bad = rows(1000);
    bad[9] = importRow(10, { 0: '91310115MA7T000100' }); // wrong check character → row 11
    bad[99] = importRow(100, { 3: '区块链' }); // unknown sector → row 101
    bad[499] = importRow(500, { 8: '-5' }); // negative amount → row 501
    bad[799] = importRow(800, { 6: '投决会' }); // committee needs a scorecard → row 801
    bad[998] = importRow(999, { 1: '=cmd|" /C calc"!A0' }); // a formula → row 1000
    const before = { deals: await dealCount(h), audit: await auditCount(h.db) };
    const check = await importFile(h, cookie, csv([IMPORT_HEADERS, ...bad]), { mode: 'check', fundId: sf01, mapping });
    const commit = await importFile(h, cookie, csv([IMPORT_HEADERS, ...bad]), { mode: 'commit', fundId: sf01, mapping });
    const nothing = { deals: await dealCount(h), audit: await auditCount(h.db) };
    const fixed = await importFile(h, cookie, csv([IMPORT_HEADERS, ...rows(1000)]), { mode: 'commit', fundId: sf01, mapping });
    const issues = issuesOf(check);
    expect({ issues, commit: commit.error?.key, nothing, fixed: fixed.result?.dealsCreated, after: await dealCount(h) }).toEqual({
      issues: ['11A:uscc', '101D:unknownSector', '501I:positive', '801G:stageNeedsScorecard', '1000B:formula'],
      commit: 'import.invalid',
      nothing: before,
      fixed: 1000,
      after: before.deals + 1000,
    });
  });

  it('an owner who is not a manager of the fund is a row error', async () => {
    const { h, cookie, sf01 } = await setup();
    const headers = [...IMPORT_HEADERS, '项目负责人'];
    const file = csv([headers, [...importRow(1), 'gp@demo.highland'], [...importRow(2), 'gov@demo.highland']]);
    const r = await importFile(h, cookie, file, { mode: 'check', fundId: sf01, mapping: { ...mapping, owner: IMPORT_HEADERS.length } });
    expect(issuesOf(r)).toEqual(['3L:unknownOwner']);
  });

  it('an owner is named as the board shows them (马一鸣), by full name or e-mail; a name two managers share is ambiguous', async () => {
    const { h, cookie, sf01 } = await setup();
    const team = (await h.db.select({ name: user.name, email: user.email }).from(user).where(sql`${user.email} LIKE 'sf01.team%'`).orderBy(user.id)).slice(
      0,
      2,
    );
    const [one, two] = team as [{ name: string; email: string }, { name: string; email: string }];
    // A second manager of SF-01 whose name the board shows the same as the second team member's.
    const admin = await h.as('admin@demo.highland');
    await admin.user.create({ email: 'namesake@demo.highland', name: `SF-99 投资经理 ${shortPersonName(two.name)}`, role: 'manager', fundIds: [sf01] });
    const headers = [...IMPORT_HEADERS, '项目负责人'];
    const file = csv([
      headers,
      [...importRow(1), shortPersonName(one.name)],
      [...importRow(2), one.name],
      [...importRow(3), one.email.toUpperCase()],
      [...importRow(4), shortPersonName(two.name)],
      [...importRow(5), two.email],
    ]);
    const r = await importFile(h, cookie, file, { mode: 'check', fundId: sf01, mapping: { ...mapping, owner: IMPORT_HEADERS.length } });
    const issue = ((r.result?.issues ?? []) as Array<{ rule: string; params: Record<string, unknown> }>)[0];
    expect({ issues: issuesOf(r), count: issue?.params.count, board: shortPersonName(one.name) !== one.name }).toEqual({
      issues: ['5L:ambiguousOwner'],
      count: 2,
      board: true,
    });
  });

  it('an unknown sector names the nearest allowed values', async () => {
    const { h, cookie, sf01 } = await setup();
    const at = mapping.sector as number;
    const r = await importFile(h, cookie, csv([IMPORT_HEADERS, importRow(1, { [at]: '机器视觉' })]), { mode: 'check', fundId: sf01, mapping });
    const issue = ((r.result?.issues ?? []) as Array<{ rule: string; params: Record<string, unknown> }>)[0];
    expect({ rule: issue?.rule, params: issue?.params }).toEqual({
      rule: 'unknownSector',
      params: { value: '机器视觉', nearestZh: '智能机器人', nearestEn: 'Intelligent robots' },
    });
  });

  it('the template is a workbook with an example row that imports cleanly and a sheet of allowed values with the fund’s managers', async () => {
    const { h, cookie, sf01 } = await setup();
    const res = await h.app.request(`/api/import/template?format=xlsx&locale=zh-CN&fund=${sf01}`, { headers: { cookie } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const [deals, allowed] = book.worksheets;
    const rowValues = (ws: ExcelJS.Worksheet | undefined, n: number) =>
      ((ws?.getRow(n).values ?? []) as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)));
    const headers = rowValues(deals, 1);
    const example = rowValues(deals, 2);
    const allowedHeaders = rowValues(allowed, 1);
    const ownerColumn = allowedHeaders.indexOf('项目负责人');
    const owners: string[] = [];
    for (let i = 2; i <= (allowed?.rowCount ?? 0); i++) {
      const v = rowValues(allowed, i)[ownerColumn];
      if (v) owners.push(v);
    }
    // The example row as a CSV imports with no issue.
    const check = await importFile(h, cookie, csv([headers, example]), {
      mode: 'check',
      fundId: sf01,
      mapping: suggestMapping(headers) as Record<string, number>,
    });
    const csvTemplate = await (await h.app.request(`/api/import/template?format=csv&locale=en&fund=${sf01}`, { headers: { cookie } })).text();
    const gov = await h.cookieFor('gov@demo.highland');
    expect({
      status: res.status,
      sheets: book.worksheets.map((w) => w.name),
      allowedHeaders,
      owners: owners.includes('赵明') && owners.length >= 2,
      issues: check.result?.issueCount,
      dealsNew: check.result?.dealsNew,
      csvLines: csvTemplate.trim().split('\n').length,
      gov: (await h.app.request(`/api/import/template?fund=${sf01}`, { headers: { cookie: gov } })).status,
    }).toEqual({
      status: 200,
      sheets: ['项目', '可选值'],
      allowedHeaders: ['行业领域', '所在区域', '企业性质', '项目阶段', '项目来源', '融资轮次', '项目负责人', '在沪注册', ''].slice(0, 8),
      owners: true,
      issues: 0,
      dealsNew: 1,
      csvLines: 2,
      gov: 403,
    });
  });

  it('moving an existing deal where the state machine forbids is a row error', async () => {
    const { h, cookie, sf01 } = await setup();
    await importFile(h, cookie, csv([IMPORT_HEADERS, ...rows(1)]), { mode: 'commit', fundId: sf01, mapping });
    const r = await importFile(h, cookie, csv([IMPORT_HEADERS, importRow(1, { 6: '已放弃' })]), { mode: 'check', fundId: sf01, mapping });
    expect(issuesOf(r)).toEqual(['2G:reasonRequired']);
  });
});

describe('import: hostile files are refused with a reason or imported correctly', () => {
  it('GBK-encoded CSV (Excel on Chinese Windows) is read correctly', async () => {
    const { h, cookie, sf01 } = await setup();
    // GB18030 bytes of the file, made with a table of the characters used (Node can decode GB18030 but not encode it).
    const text = csv([IMPORT_HEADERS, ...rows(3)]);
    const bytes = encodeGb18030(text);
    const preview = await importFile(h, cookie, bytes, { mode: 'preview' });
    const r = await importFile(h, cookie, bytes, { mode: 'commit', fundId: sf01, mapping });
    const c = (
      await h.db
        .select()
        .from(company)
        .where(eq(company.uscc, importRow(2)[0] as string))
    )[0];
    expect({ encoding: preview.result?.encoding, created: r.result?.dealsCreated, name: c?.nameZh }).toEqual({
      encoding: 'GB18030',
      created: 3,
      name: '上海导入测试2号科技有限公司',
    });
  });

  it('a binary file posing as CSV is refused', async () => {
    const { h, cookie } = await setup();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect((await importFile(h, cookie, png, { mode: 'preview' })).error?.key).toBe('import.binary');
  });

  it('an old .xls workbook is refused with what to do', async () => {
    const { h, cookie } = await setup();
    expect((await importFile(h, cookie, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2]), { mode: 'preview' })).error?.key).toBe(
      'import.legacyXls',
    );
  });

  it('a 50 MB file is refused before it is read', async () => {
    const { h, cookie } = await setup();
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const r = await importFile(h, cookie, big, { mode: 'preview' });
    expect({ status: r.status, key: r.error?.key }).toEqual({ status: 413, key: 'import.tooLarge' });
  });

  it('200,000 rows are refused with the limit', async () => {
    const { h, cookie } = await setup();
    // 200,000 short rows (8 MB, under the size limit): the row limit is what refuses it.
    const line = `${importRow(1).slice(0, 2).join(',')}\n`;
    const text = `${IMPORT_HEADERS.slice(0, 2).join(',')}\n${line.repeat(200_000)}`;
    const r = await importFile(h, cookie, text, { mode: 'preview' });
    expect({ key: r.error?.key, max: r.error?.params?.max }).toEqual({ key: 'import.tooManyRows', max: 100_000 });
  });

  it('formulas in an XLSX are reported per cell, never evaluated', async () => {
    const { h, cookie, sf01 } = await setup();
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('项目');
    ws.addRow(IMPORT_HEADERS);
    const r1 = importRow(1);
    ws.addRow([...r1.slice(0, 8), { formula: '400*2', result: 800 }, 12000, 'x']);
    const r = await importFile(h, cookie, new Uint8Array(await book.xlsx.writeBuffer()), { mode: 'check', fundId: sf01, mapping });
    expect(issuesOf(r)).toEqual(['2I:formula']);
  });

  it('an exact duplicate row is folded; a conflicting one is an error', async () => {
    const { h, cookie, sf01 } = await setup();
    const same = await importFile(h, cookie, csv([IMPORT_HEADERS, importRow(1), importRow(2), importRow(1)]), { mode: 'commit', fundId: sf01, mapping });
    const conflicting = await importFile(h, cookie, csv([IMPORT_HEADERS, importRow(5), importRow(5, { 8: '999' })]), { mode: 'check', fundId: sf01, mapping });
    expect({
      created: same.result?.dealsCreated,
      folded: same.result?.folded,
      conflict: issuesOf(conflicting),
    }).toEqual({ created: 2, folded: [{ row: 4, sameAs: 2 }], conflict: ['3A:duplicateRow'] });
  });

  it('an unterminated quote names the record', async () => {
    const { h, cookie } = await setup();
    const r = await importFile(h, cookie, `${IMPORT_HEADERS.join(',')}\n"abc,def\n`, { mode: 'preview' });
    expect(r.error?.key).toBe('import.csvSyntax');
  });
});

describe('import: who may', () => {
  it('a manager of another fund is refused and nothing is written', async () => {
    const { h, cookie } = await setup();
    const sf02 = await fundId(h.db, 'SF-02');
    const before = await dealCount(h);
    const r = await importFile(h, cookie, csv([IMPORT_HEADERS, ...rows(2)]), { mode: 'commit', fundId: sf02, mapping });
    expect({ code: r.error?.code, same: (await dealCount(h)) === before }).toEqual({ code: 'FORBIDDEN', same: true });
  });

  it('government, a signed-out browser, and a request without the app’s header are refused', async () => {
    const { h, cookie } = await setup();
    const gov = await h.cookieFor('gov@demo.highland');
    const file = csv([IMPORT_HEADERS, ...rows(1)]);
    expect([
      (await importFile(h, gov, file, { mode: 'preview' })).status,
      (await importFile(h, '', file, { mode: 'preview' })).status,
      (await importFile(h, cookie, file, { mode: 'preview' }, { 'x-highland-import': '' })).status,
    ]).toEqual([403, 401, 403]);
  });

  it('notes and search: an imported note is searchable', async () => {
    const { h, cookie, sf01 } = await setup();
    await importFile(h, cookie, csv([IMPORT_HEADERS, importRow(1, { 10: '独角兽候选：类脑芯片' })]), { mode: 'commit', fundId: sf01, mapping });
    const gp = await h.as('gp@demo.highland');
    const found = await gp.deal.list({ filter: { pipeline: 'direct', q: '类脑芯片' } });
    const notes = (await h.db.select({ n: count() }).from(dealNote).where(sql`${dealNote.body} = '独角兽候选：类脑芯片'`))[0]?.n;
    expect({ found: found.items.length, notes }).toEqual({ found: 1, notes: 1 });
  });
});

/** GB18030 bytes for text of ASCII and the CJK characters it uses, found by decoding the two-byte GBK range once. */
function encodeGb18030(text: string): Uint8Array {
  const table = new Map<string, [number, number]>();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (!table.has(ch)) table.set(ch, [a, b]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}
