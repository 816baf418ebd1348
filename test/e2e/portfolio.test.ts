import { readFileSync } from 'node:fs';
import { DEMO_LP_NAME, LP_POOL, MOTHER_LPS, SUB_FUNDS } from '@highland/server/demo/names';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './helpers.js';

let browser: Browser;
const base = inject('baseUrl');
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Every investor of the demo other than the LP account's own (funds of the group excepted: their names are fund names). */
const otherInvestors = [
  ...LP_POOL.map((p) => p.zh),
  ...MOTHER_LPS.map((p) => p.zh),
  ...SUB_FUNDS.flatMap((s) => [s.sponsorLp?.zh, s.districtLp?.zh]).filter((n): n is string => Boolean(n)),
].filter((n) => n !== DEMO_LP_NAME);

async function api<T>(p: Page, path: string, input: unknown): Promise<T> {
  const res = await p.request.get(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

describe('the LP portal', () => {
  it('the LP signs in and sees only its own figures, in its two funds', async () => {
    const p = await newPage(browser, base);
    await signIn(p, 'lp@demo.highland');
    await p.getByTestId('positions-table').locator('tbody tr.ant-table-row').first().waitFor();
    await p.getByTestId('lp-look-through').waitFor();
    const own = await api<{ totals: { committedFen: number } }>(p, 'lp.portal', { asOf: new Date().toISOString().slice(0, 10) });
    const text = ((await p.locator('#root').textContent()) ?? '').replace(/\s+/g, '');
    const funds = await p.getByTestId('positions-table').locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
    expect({
      funds,
      ownName: text.includes(DEMO_LP_NAME),
      committed: ((await p.getByTestId('lp-committed').textContent()) ?? '').includes((own.totals.committedFen / 1e10).toFixed(2)),
      leaked: otherInvestors.filter((n) => text.includes(n)),
    }).toEqual({ funds: ['SF-01', 'SF-10'], ownName: true, committed: true, leaked: [] });
    await p.context().close();
  });

  it('downloads its quarterly statement as XLSX: it opens with exceljs and holds the statement’s numbers, as numbers', async () => {
    const p = await newPage(browser, base);
    await signIn(p, 'lp@demo.highland');
    await p.getByTestId('statement-card').waitFor();
    const quarter = ((await p.getByTestId('statement-quarter').textContent()) ?? '').trim();
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('statement-download').click()]);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const row = (label: string) => {
      let cells: unknown[] = [];
      ws?.eachRow((r) => {
        if (!cells.length && String(r.getCell(1).value).startsWith(label)) cells = [2, 3, 4].map((c) => r.getCell(c).value);
      });
      return cells;
    };
    const statement = await api<{ total: { qtd: { endingFen: number }; ytd: { endingFen: number }; itd: { endingFen: number; contributionsFen: number } } }>(
      p,
      'lp.statement',
      { quarter },
    );
    expect({
      file: download.suggestedFilename(),
      ending: row('期末余额'),
      contributions: row('实缴出资')[2],
      numbers: row('分配的收益或损失').every((v) => typeof v === 'number'),
    }).toEqual({
      file: `capital-account-${quarter}.xlsx`,
      ending: [statement.total.qtd.endingFen / 100, statement.total.ytd.endingFen / 100, statement.total.itd.endingFen / 100],
      contributions: statement.total.itd.contributionsFen / 100,
      numbers: true,
    });
    await p.context().close();
  });

  it('the statement page prints cleanly: no navigation, no buttons, every ILPA line', async () => {
    const p = await newPage(browser, base);
    await signIn(p, 'lp@demo.highland');
    await p.goto('/portfolio/statement?quarter=2026Q3');
    await p.getByTestId('statement-total').waitFor();
    await p.emulateMedia({ media: 'print' });
    const lines = await p.getByTestId('statement-total').locator('tbody tr td:first-child').allInnerTexts();
    expect({
      nav: await p.getByTestId('nav').isVisible(),
      print: await p.getByTestId('statement-print').isVisible(),
      lines: lines.slice(0, 6),
    }).toEqual({ nav: false, print: false, lines: ['期初余额', '实缴出资', '分配', '管理费及费用', '分配的收益（损失）', '期末余额'] });
    await p.context().close();
  });
});

describe('performance and look-through', () => {
  it('a government reviewer sees the mother fund’s look-through, with companies reached through several sub-funds marked', async () => {
    const p = await newPage(browser, base);
    await signIn(p, 'gov@demo.highland');
    await p.goto('/performance?tab=lookThrough');
    await p.getByTestId('lt-table').locator('tbody tr.ant-table-row').first().waitFor();
    const title = (await p.getByTestId('lt-title').textContent()) ?? '';
    const [total, held, overlapping] = (title.match(/\d+/g) ?? []).map(Number);
    expect({
      fund: ((await p.getByTestId('fund-picker').textContent()) ?? '').includes('上海人工智能产业投资基金'),
      many: (total ?? 0) > 300 && (held ?? 0) > 200,
      overlap: (overlapping ?? 0) > 10 && (await p.getByTestId('overlap-tag').count()) > 0,
      sectorChart: await p.getByTestId('lt-sector-chart').isVisible(),
    }).toEqual({ fund: true, many: true, overlap: true, sectorChart: true });
    await p.context().close();
  });

  it('a government reviewer downloads the page as XLSX: it opens with exceljs and holds the page’s figures, as numbers', async () => {
    const p = await newPage(browser, base);
    await signIn(p, 'gov@demo.highland');
    await p.goto('/performance?asOf=2026-10-31');
    await p.getByTestId('perf-nav').waitFor();
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('performance-export').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const funds = ((await (await p.request.get(`${base}/trpc/performance.funds`)).json()) as { result: { data: Array<{ id: number; kind: string }> } }).result
      .data;
    const fundId = funds.find((f) => f.kind === 'mother')?.id;
    const page = await api<{ summary: { navFen: number } }>(p, 'performance.fund', { fundId, asOf: '2026-10-31' });
    const lt = await api<{ companies: unknown[] }>(p, 'performance.lookThrough', { fundId, asOf: '2026-10-31' });
    const nav = wb
      .getWorksheet('概览')
      ?.getSheetValues()
      .find((r) => String((r as unknown[] | undefined)?.[2]).startsWith('净值')) as unknown[] | undefined;
    expect({
      file: download.suggestedFilename(),
      nav: nav?.[3],
      lookThrough: (wb.getWorksheet('穿透')?.rowCount ?? 0) - 2,
    }).toEqual({ file: '业绩_MF_2026-10-31.xlsx', nav: page.summary.navFen / 1e6, lookThrough: lt.companies.length });
    await p.context().close();
  });

  it('a manager’s mark dated before the investment is refused beside its date, and nothing is added', async () => {
    const p = await newPage(browser, base);
    await signIn(p, 'gp@demo.highland');
    await p.goto('/performance?tab=holdings');
    await p.getByTestId('holding-link').first().click();
    await p.getByTestId('marks-table').waitFor();
    const before = await p.getByTestId('marks-table').locator('.ant-pagination-item').count();
    const rowsBefore = await p.getByTestId('marks-table').locator('tbody tr.ant-table-row').count();
    await p.getByTestId('action-mark').click();
    await p.getByTestId('mark-date').click();
    await p.getByTestId('mark-date').fill('2019-01-02');
    await p.keyboard.press('Enter');
    await p.getByTestId('mark-value').fill('100');
    await p.getByTestId('mark-basis').fill('DCF');
    await p.getByTestId('mark-form-submit').click();
    const explain = p.locator('[data-testid=mark-form] .ant-form-item-has-error .ant-form-item-explain-error');
    await explain.first().waitFor();
    const message = (await explain.first().textContent()) ?? '';
    await p.keyboard.press('Escape');
    expect({
      message: message.startsWith('不能早于该基金首次投资该企业的日期'),
      pages: await p.getByTestId('marks-table').locator('.ant-pagination-item').count(),
      rows: await p.getByTestId('marks-table').locator('tbody tr.ant-table-row').count(),
    }).toEqual({ message: true, pages: before, rows: rowsBefore });
    await p.context().close();
  });

  it('a manager corrects a round keyed wrong: it stays listed, struck out with its reason, and the invested total is back', async () => {
    const p = await newPage(browser, base);
    await signIn(p, 'gp@demo.highland');
    await p.goto('/performance?tab=holdings');
    await p.getByTestId('holding-link').first().click();
    const rounds = p.getByTestId('rounds-table').locator('tbody tr.ant-table-row');
    await rounds.first().waitFor();
    const count = await rounds.count();
    const invested = async () => ((await p.getByTestId('position-invested').textContent()) ?? '').replace(/\s+/g, '');
    const before = await invested();

    await p.getByTestId('action-follow-on').click();
    await p.getByTestId('investment-round').click();
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await p.getByTestId('investment-amount').fill('12345');
    await p.getByTestId('investment-share').fill('0.5');
    await p.getByTestId('investment-form-submit').click();
    await rounds.nth(count).waitFor();
    const added = await invested();

    const last = rounds.nth(count);
    await last.locator('[data-testid^=reverse-round-]').click();
    await p.getByTestId('reverse-form-submit').click(); // no reason: refused beside the field, nothing written
    await p.locator('[data-testid=reverse-form] .ant-form-item-explain-error').first().waitFor();
    await p.getByTestId('reverse-reason').fill('金额多录一位');
    await p.getByTestId('reverse-form-submit').click();
    await last.locator('[data-testid^=reversed-round-]').waitFor();
    await p.waitForFunction((b) => document.querySelector('[data-testid=position-invested]')?.textContent?.replace(/\s+/g, '') === b, before);
    expect({
      changedByTheRound: added !== before,
      rows: await rounds.count(),
      struck: await last.evaluate((el) => getComputedStyle(el).textDecorationLine),
      investedAfter: await invested(),
      canReverseAgain: await last.locator('[data-testid^=reverse-round-]').count(),
    }).toEqual({ changedByTheRound: true, rows: count + 1, struck: 'line-through', investedAfter: before, canReverseAgain: 0 });
    await p.context().close();
  });
});

describe('quarterly statements as issued', () => {
  it('the LP sees SF-10’s Q2 changed since issued, line by line; the manager restates it with a reason; the LP then sees version 2', async () => {
    const lp = await newPage(browser, base);
    await signIn(lp, 'lp@demo.highland');
    await lp.goto('/portfolio/statement?quarter=2026Q2');
    await lp.getByTestId('statement').waitFor();
    const before = {
      sf01: await lp.getByTestId('statement-SF-01').getByTestId('issue-agrees').count(),
      sf10: await lp.getByTestId('statement-SF-10').getByTestId('issue-restated').count(),
      lines: await lp.getByTestId('statement-SF-10').getByTestId('issue-restated').locator('tbody tr').count(),
    };

    const m = await newPage(browser, base);
    await signIn(m, 'sf10.team1@demo.highland');
    await m.goto('/funds');
    await m.getByTestId('fund-link-SF-10').click();
    await m.getByTestId('fund-title').waitFor();
    await m.getByRole('tab', { name: '季度报表' }).click();
    await m.getByTestId('issue-changed-2026Q2').waitFor();
    await m.getByTestId('fund-actions').click();
    await m.getByText('出具季度报表').click();
    await m.getByTestId('issue-quarter').click();
    await m.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2026Q2' }).click();
    await m.getByTestId('issue-form-submit').click();
    const refusal = m.locator('[data-testid=issue-form] .ant-form-item-explain-error');
    await refusal.first().waitFor();
    const refused = (await refusal.first().textContent()) ?? '';
    await m.getByTestId('issue-note').fill('半年度审计调整后重述');
    await m.getByTestId('issue-form-submit').click();
    await m.getByTestId('issue-changed-2026Q2').waitFor({ state: 'detached' });

    await lp.reload();
    await lp.getByTestId('statement-SF-10').getByTestId('issue-agrees').waitFor();
    const after = ((await lp.getByTestId('statement-SF-10').getByTestId('issue-agrees').textContent()) ?? '').trim();
    expect({ before, refused: refused.includes('请说明原因'), after }).toEqual({
      before: { sf01: 1, sf10: 1, lines: 6 },
      refused: true,
      after: expect.stringMatching(/第 2 版.*重述原因：半年度审计调整后重述/),
    });
    await lp.context().close();
    await m.context().close();
  });
});

describe('benchmark indices and KS-PME', () => {
  it('an administrator imports an index: a bad line is named and nothing is written; fixed, it is listed; reviewers see KS-PME', async () => {
    const a = await newPage(browser, base);
    await signIn(a, 'admin@demo.highland');
    await a.goto('/admin/benchmarks');
    const rows = a.getByTestId('index-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const before = await rows.count();
    await a.getByTestId('index-import').click();
    await a.getByTestId('index-code').fill('star50');
    await a.getByTestId('index-name-zh').fill('科创50指数');
    await a.getByTestId('index-name-en').fill('STAR 50 Index');
    await a.getByTestId('index-source').fill('中证指数有限公司 · 月末收盘');
    await a.getByTestId('index-csv').fill('日期,收盘\n2019-12-31,1000\n2021-02-30,1300\n2026-10-30,1180.5');
    await a.getByTestId('index-form-submit').click();
    const explain = a.locator('[data-testid=index-form] .ant-form-item-explain-error');
    await explain.first().waitFor();
    const refused = (await explain.first().textContent()) ?? '';
    await a.getByTestId('index-csv').fill('日期,收盘\n2019-12-31,1000\n2021-02-26,1300\n2026-10-30,1180.5');
    await a.getByTestId('index-form-submit').click();
    await rows.nth(before).waitFor();
    const listed = ((await a.getByTestId('index-table').textContent()) ?? '').includes('STAR50');

    const g = await newPage(browser, base);
    await signIn(g, 'gov@demo.highland');
    await g.goto('/performance');
    await g.getByTestId('pme-DEMO-AI50').waitFor();
    const pme = ((await g.getByTestId('pme-DEMO-AI50').textContent()) ?? '').trim();
    expect({ refused, rows: await rows.count(), listed, pme }).toEqual({
      refused: expect.stringContaining('第 3 行日期无法识别'),
      rows: before + 1,
      listed: true,
      pme: expect.stringMatching(/^KS-PME \d+\.\d{2}（对比 示例人工智能指数（演示数据））$/),
    });
    await a.context().close();
    await g.context().close();
  });
});
