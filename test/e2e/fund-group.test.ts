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

async function overview(page: Page, asOf?: string): Promise<void> {
  await page.goto(asOf ? `/overview?asOf=${asOf}` : '/overview');
  await page.locator(`[data-testid=overview]${asOf ? `[data-as-of="${asOf}"]` : ''}`).waitFor();
  await page.getByTestId('subfund-table').locator('tbody tr.ant-table-row').first().waitFor();
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

/** Each sub-fund row of the page's table as the reader sees it: code → size, government share, leverage. */
async function pageRows(page: Page): Promise<Record<string, { size: string; share: string; lev: string }>> {
  const out: Record<string, { size: string; share: string; lev: string }> = {};
  for (const row of await page.getByTestId('subfund-table').locator('tbody tr.ant-table-row').all()) {
    const code = ((await row.locator('td').first().textContent()) ?? '').trim();
    out[code] = {
      size: ((await row.getByTestId(`size-${code}`).textContent()) ?? '').trim(),
      share: ((await row.getByTestId(`share-${code}`).locator('.num').first().textContent()) ?? '').trim(),
      lev: ((await row.getByTestId(`lev-${code}`).textContent()) ?? '').trim(),
    };
  }
  return out;
}

describe('the government overview', () => {
  it('renders the demo fund group: its leverage, the waterfall, every sub-fund and the compliance list', async () => {
    const p = await newPage(browser, base);
    await signIn(p, 'gov@demo.highland');
    await overview(p, '2026-10-31');
    await p.getByTestId('waterfall-chart').locator('canvas').waitFor();
    const rows = await pageRows(p);
    expect({
      subFunds: await text(p, 'stat-sub-funds'),
      leverage: /^\d+\.\d{2}×$/.test(await text(p, 'lev-total-committed')),
      rows: Object.keys(rows).length,
      overCap: await p.getByTestId('compliance-table').getByText('SF-12').count(),
      idle: await p.getByTestId('compliance-table').getByText('SF-14').count(),
      behind: await p.getByTestId('subfund-table').locator('tr[data-code="SF-19"]').getByTestId('reinvest-at_risk').count(),
      batchOver: await p.getByTestId('batch-2-target').textContent(),
    }).toEqual({
      subFunds: expect.stringContaining('25'),
      leverage: true,
      rows: 26,
      overCap: 1,
      idle: 1,
      behind: 1,
      batchOver: expect.stringContaining('超募'),
    });
    await p.context().close();
  });

  it('the as-of picker recomputes every figure for a past date', async () => {
    const p = await newPage(browser, base);
    await signIn(p, 'gov@demo.highland');
    await overview(p, '2026-10-31');
    const before = { group: await text(p, 'stat-group'), paid: await text(p, 'stat-paid-in'), flags: await text(p, 'stat-flags'), rows: await pageRows(p) };
    const picker = p.getByTestId('as-of');
    await picker.click();
    await picker.fill('2022-12-31');
    await picker.press('Enter');
    await p.waitForURL('**asOf=2022-12-31**');
    await p.locator('[data-testid=overview][data-as-of="2022-12-31"]').waitFor();
    const after = { group: await text(p, 'stat-group'), paid: await text(p, 'stat-paid-in'), flags: await text(p, 'stat-flags'), rows: await pageRows(p) };
    expect({
      groupChanged: after.group !== before.group,
      paidChanged: after.paid !== before.paid,
      flagsChanged: after.flags !== before.flags,
      sf12Changed: after.rows['SF-12']?.share !== before.rows['SF-12']?.share,
    }).toEqual({ groupChanged: true, paidChanged: true, flagsChanged: true, sf12Changed: true });
    await p.context().close();
  });

  it('the XLSX export, read back with exceljs, holds the page’s figures', async () => {
    const p = await newPage(browser, base);
    await signIn(p, 'gov@demo.highland');
    await overview(p, '2024-12-31');
    const rows = await pageRows(p);
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-xlsx').click()]);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('子基金');
    if (!ws) throw new Error('no sub-fund sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const col = (name: string) => header.findIndex((h) => h.startsWith(name));
    // The page's formatting applied to the workbook's numbers: they must read the same.
    const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const pct = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const fromXlsx: Record<string, { size: string; share: string; lev: string }> = {};
    for (const r of ws.getSheetValues().slice(2)) {
      const v = (r as unknown[]).slice(1);
      const share = v[col('政府出资占比')];
      const lev = v[col('放大倍数（认缴）')];
      fromXlsx[String(v[col('代码')])] = {
        size: money.format(Number(v[col('认缴规模')])),
        share: typeof share === 'number' ? `${pct.format(share * 100)}%` : '—',
        lev: typeof lev === 'number' ? `${money.format(lev)}×` : '—',
      };
    }
    expect({ file: download.suggestedFilename(), unit: header[col('认缴规模')], rows: fromXlsx }).toEqual({
      file: '基金群总览-2024-12-31.xlsx',
      unit: '认缴规模（亿元）',
      rows,
    });
    await p.context().close();
  });

  it('a sub-fund’s manager issues a capital call from the fund page and it joins the fund’s calls', async () => {
    const p = await newPage(browser, base);
    await signIn(p, 'gp@demo.highland');
    await p.goto('/funds');
    await p.getByTestId('fund-link-SF-01').click();
    await p.getByTestId('fund-title').waitFor();
    await p.getByText('缴款通知 (').click();
    const before = await p.getByTestId('calls-table').locator('tbody tr.ant-table-row').count();
    await p.getByTestId('fund-actions').click();
    await p.getByText('发起缴款通知').click();
    await p.getByTestId('call-total').fill('1234.56');
    await p.getByTestId('call-form-submit').click();
    await p.getByText('已保存').waitFor();
    await p.getByTestId('calls-table').locator('tbody tr.ant-table-row').nth(before).waitFor();
    expect(await p.getByTestId('calls-table').locator('tbody tr.ant-table-row').count()).toBe(before + 1);
    await p.context().close();
  });
});
