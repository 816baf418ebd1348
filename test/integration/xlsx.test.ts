import { addTable, escapeWorkbook, NUM_FMT, newWorkbook, xlsxFile } from '@highland/server/xlsx/writer';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadFixture } from './access-cases.js';
import { harness } from './helpers/harness.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Every text cell of a workbook (and its sheet names), with where it is. */
async function texts(bytes: Buffer): Promise<Array<{ where: string; text: string }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Array<{ where: string; text: string }> = [];
  wb.eachSheet((ws) => {
    ws.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        const v = cell.value;
        if (typeof v === 'string') out.push({ where: `${ws.name}!R${r}C${c}`, text: v });
        else if (v && typeof v === 'object' && 'formula' in v) out.push({ where: `${ws.name}!R${r}C${c}`, text: `=${String(v.formula)}` });
        else if (v && typeof v === 'object' && 'richText' in v) out.push({ where: `${ws.name}!R${r}C${c}`, text: v.richText.map((x) => x.text).join('') });
      });
    });
  });
  return out;
}

describe('the one XLSX writer', () => {
  it('writes columns with labels, units, number formats, real dates, a frozen styled header, and escapes every text cell', async () => {
    const wb = newWorkbook(new Date('2026-10-31T00:00:00Z'));
    type Row = { name: string; fen: number; share: number; tvpi: number; date: string };
    addTable<Row>(wb, {
      name: '持仓',
      title: '=标题',
      locale: 'zh-CN',
      columns: [
        { label: { zh: '企业', en: 'Company' }, kind: 'text', width: 30, value: (r) => r.name },
        { label: { zh: '投资成本', en: 'Invested' }, unit: { zh: '万元', en: 'CNY m' }, kind: 'money', width: 16, value: (r) => r.fen / 1_000_000 },
        { label: '占比', kind: 'pct', width: 10, value: (r) => r.share },
        { label: 'TVPI', kind: 'mult', width: 10, value: (r) => r.tvpi },
        { label: '日期', kind: 'date', width: 12, value: (r) => r.date },
      ],
      rows: ['=1+1', '+86 21', '-5', '@SUM(A1)', '\tTab', '\rCR', '正常'].map((name, i) => ({
        name,
        fen: 123_456_789 * (i + 1),
        share: 0.125,
        tvpi: 1.5,
        date: '2026-06-30',
      })),
    });
    // A cell written around the column definitions is escaped on the way out too.
    wb.addWorksheet('free').addRow(['-raw', { richText: [{ text: '=rich' }] }, { formula: 'SUM(1,2)' }]);
    const file = await xlsxFile(wb, '测试.xlsx');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = back.getWorksheet('持仓');
    const all = await texts(Buffer.from(file.base64, 'base64'));
    expect({
      file: [file.filename, file.contentType],
      frozen: ws?.views[0],
      header: ws?.getRow(2).values,
      bold: ws?.getRow(2).font?.bold,
      names: ws?.getColumn(1).values.slice(3),
      money: [ws?.getCell('B3').value, ws?.getCell('B3').numFmt],
      pct: ws?.getCell('C3').numFmt,
      mult: ws?.getCell('D3').numFmt,
      date: [(ws?.getCell('E3').value as Date | undefined)?.toISOString(), ws?.getCell('E3').numFmt],
      unescaped: all.filter((x) => FORMULA_START.test(x.text)),
      free: back.getWorksheet('free')?.getRow(1).values,
    }).toEqual({
      file: ['测试.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      frozen: expect.objectContaining({ state: 'frozen', ySplit: 2 }),
      header: [undefined, '企业', '投资成本（万元）', '占比', 'TVPI', '日期'],
      bold: true,
      // XML reads a carriage return back as a line feed; what matters is the apostrophe before it.
      names: ["'=1+1", "'+86 21", "'-5", "'@SUM(A1)", "'\tTab", "'\nCR", '正常'],
      money: [123.456789, NUM_FMT.money],
      pct: NUM_FMT.pct,
      mult: NUM_FMT.mult,
      date: ['2026-06-30T00:00:00.000Z', NUM_FMT.date],
      unescaped: [],
      free: [undefined, "'-raw", { richText: [{ text: "'=rich" }] }, "'=SUM(1,2)"],
    });
  });

  it('escaping is idempotent', () => {
    const wb = newWorkbook();
    wb.addWorksheet('s').addRow(['=x']);
    expect([escapeWorkbook(wb), escapeWorkbook(wb)]).toEqual([1, 0]);
  });
});

describe('every export escapes hostile names written through the API (issue 15 item 7)', () => {
  it('fund and company names beginning with = + - @ reach every export as text, never as a formula', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const fof = await h.as('fof@demo.highland');
    const gp = await h.as('gp@demo.highland');
    const gov = await h.as('gov@demo.highland');
    const lp = await h.as('lp@demo.highland');
    const FUND_ZH = '=HYPERLINK("http://evil.example","点击")';
    const FUND_EN = '+cmd|/c calc';
    const COMPANY_ZH = '@SUM(1+1)*cmd';
    const COMPANY_EN = '-2+3+cmd|calc';
    await fof.fund.update({ id: fx.gpFundId, nameZh: FUND_ZH, nameEn: FUND_EN });
    // The company SF-01 holds (it is in the performance export, the look-through and the deal table).
    await gp.company.update({ id: fx.pipelineCompanyId, nameZh: COMPANY_ZH, nameEn: COMPANY_EN });
    await gp.company.update({ id: fx.gpCompanyId, nameZh: `${COMPANY_ZH}2`, nameEn: `${COMPANY_EN}2` });

    const files: Record<string, Buffer> = {};
    for (const locale of ['zh-CN', 'en'] as const) {
      files[`performance ${locale}`] = Buffer.from((await gov.performance.exportXlsx({ fundId: fx.gpFundId, asOf: '2026-10-31', locale })).base64, 'base64');
      files[`overview ${locale}`] = Buffer.from((await gov.group.exportOverview({ asOf: '2026-10-31', locale })).base64, 'base64');
    }
    files.scoreboard = Buffer.from((await gov.scoreboard.exportXlsx({ asOf: '2026-10-31' })).base64, 'base64');
    files['lp statement'] = Buffer.from((await lp.lp.statementXlsx({ quarter: '2026Q3' })).base64, 'base64');
    const cookie = await h.cookieFor('gp@demo.highland');
    const dealsXlsx = await h.app.request('/api/export/deals?format=xlsx', { headers: { cookie } });
    files['deals xlsx'] = Buffer.from(await dealsXlsx.arrayBuffer());
    const dealsCsv = await (await h.app.request('/api/export/deals?format=csv', { headers: { cookie } })).text();

    const report: Record<string, { hostileSeen: number; unescaped: string[] }> = {};
    for (const [name, bytes] of Object.entries(files)) {
      const cells = await texts(bytes);
      report[name] = {
        hostileSeen: cells.filter((c) => [FUND_ZH, FUND_EN, COMPANY_ZH, COMPANY_EN].some((x) => c.text.includes(x))).length > 0 ? 1 : 0,
        unescaped: cells.filter((c) => FORMULA_START.test(c.text)).map((c) => `${c.where}: ${c.text.slice(0, 40)}`),
      };
    }
    const csvCells = dealsCsv.split(/\r?\n/).flatMap((line) => line.split(','));
    report['deals csv'] = {
      hostileSeen: dealsCsv.includes(`'${COMPANY_ZH}`) ? 1 : 0,
      unescaped: csvCells.map((c) => c.replace(/^"/, '')).filter((c) => FORMULA_START.test(c)),
    };
    const expected = Object.fromEntries(Object.keys(report).map((k) => [k, { hostileSeen: 1, unescaped: [] }]));
    expect(report).toEqual(expected);
  });
});
