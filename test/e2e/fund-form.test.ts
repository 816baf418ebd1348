import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileServer, launchBrowser, newPage, type RunningServer, signIn } from './helpers.js';

// Creating a fund changes every list of funds: like every e2e file, this one has its own server on its
// own copy of the demo database (test/e2e/per-file-server.ts).
let browser: Browser;
let server: RunningServer;
beforeAll(async () => {
  browser = await launchBrowser();
  server = fileServer();
});
afterAll(async () => {
  await browser?.close();
});

const errorsOf = async (p: Page) =>
  (await p.locator('[data-testid=fund-form] .ant-form-item-has-error').all()).length
    ? await p.locator('[data-testid=fund-form] .ant-form-item-explain-error').allInnerTexts()
    : [];

/**
 * Fills what a new sub-fund needs (code, names, the first manager, batch 3, the first focus sector, a decision
 * date and a target size) and saves.
 */
async function fillAndSave(p: Page, code: string, nameZh: string, nameEn: string) {
  await p.getByTestId('fund-code').fill(code);
  await p.getByTestId('fund-name-zh').fill(nameZh);
  await p.getByTestId('fund-name-en').fill(nameEn);
  await p.getByTestId('fund-manager').click();
  await p.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await p.getByTestId('fund-decision').click();
  await p.getByTestId('fund-decision').fill('2026-09-01');
  await p.keyboard.press('Enter');
  await p.getByTestId('fund-target').fill('30');
  await p.getByTestId('fund-batch').fill('3');
  await p.getByTestId('fund-sectors').click();
  await p.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await p.keyboard.press('Escape');
  await p.getByTestId('fund-save').click();
}

describe('a mother-fund manager sets up a sub-fund', () => {
  it('is told what is missing beside each field, then creates the fund, edits its cap, and a taken code is refused', async () => {
    const p = await newPage(browser, server.url);
    await signIn(p, 'fof@demo.highland');
    await p.goto('/funds/new');
    await p.getByTestId('fund-form').waitFor();

    // Nothing filled in: each required field says so, and nothing is created.
    await p.getByTestId('fund-save').click();
    await p.locator('[data-testid=fund-form] .ant-form-item-explain-error').first().waitFor();
    const missing = await errorsOf(p);

    await fillAndSave(p, 'SF-26', '上海浦江人工智能早期创业投资基金', 'Shanghai Pujiang AI Early-Stage Venture Fund');
    await p.getByTestId('fund-title').waitFor();
    const title = ((await p.getByTestId('fund-title').textContent()) ?? '').trim();
    const created = new URL(p.url()).pathname;

    // Edit: the government-share cap from 30% to 25%.
    await p.getByTestId('fund-edit').click();
    await p.getByTestId('fund-cap').waitFor();
    await p.getByTestId('fund-cap').fill('25');
    await p.getByTestId('fund-save').click();
    await p.waitForURL((u) => u.pathname === created);
    await p.getByText('上限 25%').first().waitFor();

    // A second fund with the same code: refused beside the code field, nothing created.
    await p.goto('/funds/new');
    await fillAndSave(p, 'SF-26', '重复代码测试基金', 'Duplicate Code Test Fund');
    await p.locator('[data-testid=fund-form] .ant-form-item-explain-error').first().waitFor();
    const taken = await errorsOf(p);

    await p.goto('/funds');
    await p.getByTestId('funds-table').locator('tbody tr.ant-table-row').first().waitFor();
    const listed = await p.getByTestId('fund-link-SF-26').count();
    expect({ missing: missing.length >= 4, title, created: /^\/funds\/\d+$/.test(created), taken, listed }).toEqual({
      missing: true,
      title: expect.stringContaining('上海浦江人工智能早期创业投资基金'),
      created: true,
      taken: [expect.stringContaining('已存在')],
      listed: 1,
    });
    await p.context().close();
  });
});

describe('a sub-fund manager releases an LP’s uncalled commitment', () => {
  it('more than the uncalled amount is refused beside the amount; a valid release lowers the LP’s uncalled amount and the fund’s size', async () => {
    const p = await newPage(browser, server.url);
    await signIn(p, 'gp@demo.highland');
    await p.goto('/funds');
    await p.getByTestId('fund-link-SF-01').click();
    await p.getByTestId('fund-title').waitFor();
    const size = async () => ((await p.getByTestId('fund-size').textContent()) ?? '').replace(/\s+/g, '');
    const before = await size();
    await p.getByTestId('fund-actions').click();
    await p.getByText('释放未缴出资').click();
    await p.getByTestId('release-investor').click();
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '申江证券' }).click();
    await p.getByTestId('release-amount').fill('999999');
    await p.getByTestId('release-reason').fill('出资人违约，释放其未缴出资');
    await p.getByTestId('release-form-submit').click();
    const explain = p.locator('[data-testid=release-form] .ant-form-item-explain-error');
    await explain.first().waitFor();
    const refused = (await explain.first().textContent()) ?? '';
    await p.getByTestId('release-amount').fill('100');
    await p.getByTestId('release-form-submit').click();
    await p.getByTestId('release-form').waitFor({ state: 'detached' });
    await p.waitForFunction((b) => document.querySelector('[data-testid=fund-size]')?.textContent?.replace(/\s+/g, '') !== b, before);
    const row = p.getByTestId('positions-table').locator('tbody tr.ant-table-row', { hasText: '申江证券' });
    await row.locator('.ant-table-row-expand-icon').click();
    const history = p.locator('[data-testid^=commitments-]');
    await history.waitFor();
    expect({ refused, changed: (await size()) !== before, history: ((await history.textContent()) ?? '').replace(/\s+/g, '') }).toEqual({
      refused: expect.stringContaining('未催缴'),
      changed: true,
      history: expect.stringMatching(/认缴.*释放未缴-100\.00出资人违约，释放其未缴出资/),
    });
    await p.context().close();
  });
});
