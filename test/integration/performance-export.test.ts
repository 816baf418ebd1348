import { fund } from '@highland/drizzle';
import { type DisplayLocale, fenIn, moneyUnitLabel, tableMoneyUnit } from '@highland/shared';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { harness } from './helpers/harness.js';

type Cell = ExcelJS.CellValue;

/** A sheet of the export read back: the title, the header row and the data rows below it (row 1 is the title, row 2 the header). */
function sheet(wb: ExcelJS.Workbook, name: string) {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const values = ws.getSheetValues();
  const header = ((values[2] as Cell[] | undefined) ?? []).slice(1).map(String);
  const rows = values.slice(3).map((r) => ((r as Cell[] | undefined) ?? []).slice(1));
  const col = (prefix: string) => {
    const k = header.findIndex((x) => x.startsWith(prefix));
    if (k < 0) throw new Error(`no column ${prefix} in ${name}: ${header.join(' | ')}`);
    return rows.map((r) => r[k]);
  };
  const view = ws.views[0];
  const frozen = view?.state === 'frozen' ? view.ySplit : null;
  return { ws, title: String(ws.getCell('A1').value), header, rows, col, frozen, bold: ws.getRow(2).font?.bold ?? false };
}

const sum = (xs: ReadonlyArray<Cell>) => xs.reduce<number>((a, x) => a + Number(x ?? 0), 0);
/** Enough digits to tell any fen apart in 万元 or CNY m, without float noise from summing. */
const r6 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1e6) / 1e6);

async function fundId(h: Awaited<ReturnType<typeof harness>>, code: string) {
  const [f] = await h.db.select({ id: fund.id }).from(fund).where(eq(fund.code, code));
  if (!f) throw new Error(`no fund ${code}`);
  return f.id;
}

describe('the performance XLSX export', () => {
  const cases: Array<{ code: string; locale: DisplayLocale; names: Record<string, string>; labels: Record<string, string> }> = [
    {
      code: 'MF',
      locale: 'zh-CN',
      names: { summary: '概览', holdings: '持仓', interests: '子基金权益', lookThrough: '穿透', bySector: '按行业' },
      labels: {
        nav: '净值',
        tvpi: 'TVPI',
        grossMoic: '毛 MOIC',
        value: '估值',
        exposure: '穿透价值',
        cost: '穿透成本',
        overlap: '多基金',
        yes: '是',
        navShare: '应享净值',
      },
    },
    {
      code: 'SF-01',
      locale: 'en',
      names: { summary: 'Summary', holdings: 'Holdings', interests: 'Fund interests', lookThrough: 'Look-through', bySector: 'By sector' },
      labels: {
        nav: 'NAV',
        tvpi: 'TVPI',
        grossMoic: 'Gross MOIC',
        value: 'Value',
        exposure: 'Look-through value',
        cost: 'Look-through cost',
        overlap: 'Reached through',
        yes: 'Yes',
        navShare: 'NAV share',
      },
    },
  ];
  for (const c of cases) {
    it(`${c.code} as of 2026-10-31 (${c.locale}) holds the page's figures as numbers`, async () => {
      const h = await harness();
      const gov = await h.as('gov@demo.highland');
      const id = await fundId(h, c.code);
      const asOf = '2026-10-31';
      const page = await gov.performance.fund({ fundId: id, asOf });
      const lt = await gov.performance.lookThrough({ fundId: id, asOf });
      const file = await gov.performance.exportXlsx({ fundId: id, asOf, locale: c.locale });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
      const unit = tableMoneyUnit(c.locale);
      const u = moneyUnitLabel(unit, c.locale);
      const m = (fen: number) => r6(fenIn(fen, unit));

      const summary = sheet(wb, c.names.summary as string);
      const figure = (label: string) => summary.rows.find((r) => String(r[1]).startsWith(label))?.[2] as number | undefined;
      const holdings = sheet(wb, c.names.holdings as string);
      const through = sheet(wb, c.names.lookThrough as string);
      const bySector = sheet(wb, c.names.bySector as string);
      const interests = page.interests.length ? sheet(wb, c.names.interests as string) : null;

      expect({
        file: file.filename,
        sheets: wb.worksheets.map((w) => w.name),
        title: [summary.title.includes(c.locale === 'en' ? page.fund.nameEn : page.fund.nameZh), summary.title.includes(asOf)],
        frozen: [summary.frozen, holdings.frozen, through.frozen, bySector.frozen],
        bold: [summary.bold, holdings.bold, through.bold],
        unitsInHoldingHeaders: holdings.header.filter((x) => x.includes(u)).length,
        summary: {
          nav: r6(figure(c.labels.nav as string)),
          tvpi: r6(figure(c.labels.tvpi as string)),
          grossMoic: r6(figure(c.labels.grossMoic as string)),
        },
        holdings: { count: holdings.rows.length, value: r6(sum(holdings.col(c.labels.value as string))) },
        interests: interests && { count: interests.rows.length, navShare: r6(sum(interests.col(c.labels.navShare as string))) },
        lookThrough: {
          count: through.rows.length,
          value: r6(sum(through.col(c.labels.exposure as string))),
          invested: r6(sum(through.col(c.labels.cost as string))),
          overlapping: through.col(c.labels.overlap as string).filter((x) => x === c.labels.yes).length,
        },
        bySector: { count: bySector.rows.length, value: r6(sum(bySector.col(c.labels.exposure as string))) },
      }).toEqual({
        file: `${c.locale === 'en' ? 'performance' : '业绩'}_${c.code}_${asOf}.xlsx`,
        sheets: [c.names.summary, c.names.holdings, ...(page.interests.length ? [c.names.interests] : []), c.names.lookThrough, c.names.bySector],
        title: [true, true],
        frozen: [2, 2, 2, 2],
        bold: [true, true, true],
        unitsInHoldingHeaders: 4,
        summary: { nav: m(page.summary.navFen), tvpi: r6(page.summary.tvpi), grossMoic: r6(page.summary.gross.moic) },
        holdings: { count: page.holdings.length, value: m(page.holdings.reduce((a, x) => a + x.valueFen, 0)) },
        interests: page.interests.length ? { count: page.interests.length, navShare: m(page.interests.reduce((a, x) => a + x.navShareFen, 0)) } : null,
        lookThrough: { count: lt.companies.length, value: m(lt.totals.valueFen), invested: m(lt.totals.investedFen), overlapping: lt.totals.overlapping },
        bySector: { count: lt.bySector.length, value: m(lt.bySector.reduce((a, g) => a + g.valueFen, 0)) },
      });
    });
  }

  it('the mother fund’s look-through names the funds each company is reached through', async () => {
    const h = await harness();
    const gov = await h.as('gov@demo.highland');
    const id = await fundId(h, 'MF');
    const lt = await gov.performance.lookThrough({ fundId: id, asOf: '2026-10-31' });
    const file = await gov.performance.exportXlsx({ fundId: id, asOf: '2026-10-31', locale: 'zh-CN' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const through = sheet(wb, '穿透');
    // The rows are in the look-through's order; each path reads from the mother fund down to the fund holding the company.
    const text = through.col('持有路径').map(String);
    const read = (t: string) => t.split('；').map((p) => ({ from: p.split(' → ')[0], holder: p.split(' → ').at(-1) }));
    expect(text.map(read)).toEqual(lt.companies.map((r) => r.paths.map((p) => ({ from: 'MF', holder: p.holderCode }))));
  });

  it('an LP is refused', async () => {
    const h = await harness();
    const lp = await h.as('lp@demo.highland');
    const id = await fundId(h, 'SF-01');
    const outcome = await lp.performance.exportXlsx({ fundId: id, asOf: '2026-10-31', locale: 'zh-CN' }).then(
      () => 'ok',
      (e: unknown) => (e instanceof TRPCError ? e.code : `threw ${String(e)}`),
    );
    expect(outcome).toBe('FORBIDDEN');
  });
});
