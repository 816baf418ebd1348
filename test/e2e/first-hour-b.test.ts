import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './helpers.js';

/** Issue 13 items 2 and 5 as a first-hour user meets them in the browser. */
let browser: Browser;
const base = inject('baseUrl');
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('first hour: deal import and the audit trail', () => {
  it('before a check the import button says 导入 with no missing number; the template is the fund’s workbook', async () => {
    const page = await newPage(browser, base, 'zh-CN');
    await signIn(page, 'gp@demo.highland');
    await page.goto('/pipeline/import');
    await page.locator('input[type=file]').setInputFiles({
      name: 'deals.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\ufeff统一社会信用代码,企业名称,行业领域,所在区域,企业性质\r\n91310115MA1K4EXA01,上海示例智能科技有限公司,AI芯片,浦东张江,民营\r\n'),
    });
    const commit = page.getByTestId('import-commit');
    await commit.waitFor();
    const label = (await commit.textContent())?.trim();
    const href = await page.getByTestId('import-template').getAttribute('href');
    await page.context().close();
    expect({ label, template: /format=xlsx&locale=zh-CN&fund=\d+$/.test(href ?? '') }).toEqual({ label: '导入', template: true });
  });

  it('a reviewer sees objects by name with links, filters by object and exports what is shown as CSV', async () => {
    const page = await newPage(browser, base, 'zh-CN');
    await signIn(page, 'gov@demo.highland');
    await page.goto('/audit');
    const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    await page.getByTestId('audit-filter-object').locator('input').fill('SF-01');
    await page.getByTestId('audit-filter-object').locator('input').press('Enter');
    await page.getByTestId('audit-ref-fund').first().waitFor();
    const fundLinks = await page.getByTestId('audit-ref-fund').allTextContents();
    const href = await page.getByTestId('audit-ref-fund').first().getAttribute('href');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-csv').click()]);
    const name = download.suggestedFilename();
    await page.context().close();
    expect({
      named: fundLinks.length > 0 && fundLinks.every((s) => s.startsWith('SF-01 ')),
      linked: /^\/funds\/\d+$/.test(href ?? ''),
      file: /^highland-audit-\d{8}\.csv$/.test(name),
    }).toEqual({ named: true, linked: true, file: true });
  });
});
