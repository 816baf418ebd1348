import { computeUsccCheckChar } from '@highland/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './helpers.js';

let browser: Browser;
let page: Page;
const base = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser, base);
  await signIn(page, 'gp@demo.highland');
});
afterAll(async () => {
  await browser?.close();
});

const code = (n: number) => {
  const first17 = `91310115MA9E${String(n).padStart(5, '0')}`;
  return `${first17}${computeUsccCheckChar(first17)}`;
};
/** Types into an input found by test id (antd puts the id on the input or on its wrapper). */
async function fill(testId: string, value: string): Promise<void> {
  const el = page.getByTestId(testId);
  const input = (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
  await input.fill(value);
}

/** Opens the select of a form item by its label and picks an option. */
async function pick(form: string, label: string, option: string): Promise<void> {
  await page.getByTestId(form).locator('.ant-form-item', { hasText: label }).locator('.ant-select').first().click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

async function funnelDeals(): Promise<number> {
  await page.goto('/pipeline/funnel');
  await page.getByTestId('funnel-table').waitFor();
  return Number((await page.getByTestId('funnel-deals').textContent())?.match(/[\d,]+/)?.[0]?.replace(/,/g, ''));
}

const count = async (stage: string) => Number((await page.getByTestId(`count-${stage}`).textContent())?.replace(/[^\d]/g, '') ?? 'NaN');
const column = (stage: string) => page.getByTestId(`column-${stage}`);

async function openBoard(): Promise<void> {
  await page.goto('/pipeline');
  await page.getByTestId('column-sourced').waitFor();
}

/** Drags a card onto a column and waits for the board to settle. */
async function drag(card: Locator, stage: string): Promise<void> {
  await card.dragTo(column(stage));
}

/** A 1,000-row import file; `broken` puts three errors in it. */
function importCsv(broken: boolean): Buffer {
  const rows = ['统一社会信用代码,企业名称,行业领域,所在区域,企业性质,项目阶段,拟投金额（万元）,备注'];
  for (let i = 1; i <= 1000; i++) {
    let uscc = code(i);
    let sector = i % 2 ? 'AI芯片' : '传感器';
    let note = `批量导入第${i}家`;
    if (broken && i === 5) uscc = `${uscc.slice(0, 17)}${uscc.endsWith('0') ? '1' : '0'}`;
    if (broken && i === 100) sector = '元宇宙';
    if (broken && i === 500) note = '=HYPERLINK("http://x","y")';
    rows.push([uscc, `上海导入${i}号智能科技有限公司`, sector, '浦东张江', '民营', '新项目', String(300 + i), `"${note.replace(/"/g, '""')}"`].join(','));
  }
  return Buffer.from(`${rows.join('\r\n')}\r\n`, 'utf8');
}

describe('a fund manager works the pipeline in the browser', () => {
  let dealId = '';
  let dealsBefore = 0;

  it('creates a company and a deal', async () => {
    dealsBefore = await funnelDeals();
    await openBoard();
    await page.getByTestId('deal-create').click();
    await page.getByTestId('deal-new-company').click();
    await page.getByTestId('company-nameZh').fill('上海鲲翼类脑芯片科技有限公司');
    await page.getByTestId('company-nameEn').fill('Shanghai Kunyi Neuromorphic Chip Technology Co., Ltd.');
    await page.getByTestId('company-uscc').fill(code(9999).toLowerCase());
    await pick('company-form', '行业领域', 'AI芯片');
    await page.getByTestId('company-save').click();
    await page.getByTestId('company-form').waitFor({ state: 'detached' });
    await page.getByTestId('deal-form').getByText('上海鲲翼类脑芯片科技有限公司').waitFor();
    await pick('deal-form', '阶段', '尽职调查');
    await fill('deal-amount', '5000');
    await page.getByTestId('deal-save').click();
    await page.waitForURL('**/pipeline/deals/**');
    dealId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect({ title: await page.getByTestId('deal-title').textContent(), amount: await page.getByTestId('deal-amount-view').textContent() }).toEqual({
      title: '上海鲲翼类脑芯片科技有限公司',
      amount: '5,000.00 万元',
    });
  });

  it('scores it on every criterion', async () => {
    for (const [i, key] of ['team', 'technology', 'market', 'traction', 'terms', 'policy_fit'].entries())
      await page
        .getByTestId(`score-${key}`)
        .getByText(String(i % 2 ? 4 : 5), { exact: true })
        .click();
    await page.getByTestId('score-submit').click();
    await page.getByText('评分卡已完成').waitFor();
    expect(await page.getByTestId('score-total').textContent()).toBe('4.50');
  });

  it('drags it to the committee', async () => {
    await openBoard();
    const before = await count('committee');
    await drag(page.getByTestId(`card-${dealId}`), 'committee');
    await column('committee').getByTestId(`card-${dealId}`).waitFor();
    expect(await count('committee')).toBe(before + 1);
  });

  it('is refused a move without a scorecard, and told why', async () => {
    const unscored = column('due_diligence').locator('[data-testid^=card-]', { hasText: '未评分' }).first();
    const id = await unscored.getAttribute('data-testid');
    const before = await count('committee');
    await drag(unscored, 'committee');
    const refusal = page.getByTestId('board-refusal');
    await refusal.waitFor();
    expect({
      said: (await refusal.textContent())?.includes('评分卡'),
      stayed: await column('due_diligence')
        .getByTestId(id ?? '')
        .isVisible(),
      committee: await count('committee'),
    }).toEqual({ said: true, stayed: true, committee: before });
  });

  it('passes another deal, with a reason', async () => {
    const card = column('screening').locator('[data-testid^=card-]').first();
    const id = (await card.getAttribute('data-testid')) ?? '';
    const before = await count('passed');
    await drag(card, 'passed');
    await page.getByTestId('move-reason').fill('赛道拥挤，技术壁垒不足');
    await page.getByTestId('move-confirm').click();
    await column('screening').getByTestId(id).waitFor({ state: 'detached' });
    await page.getByTestId('expand-passed').click();
    await column('passed').getByTestId(id).waitFor();
    expect(await count('passed')).toBe(before + 1);
  });

  it('imports a 1,000-row file with errors: sees them, fixes the file, imports it', async () => {
    await page.goto('/pipeline/import');
    await page.locator('input[type=file]').setInputFiles({ name: '储备项目.csv', mimeType: 'text/csv', buffer: importCsv(true) });
    await page.getByTestId('import-rowcount').waitFor();
    const rowCount = await page.getByTestId('import-rowcount').textContent();
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-issues').waitFor();
    const issues = (await page.getByTestId('import-issues').locator('tbody tr').allInnerTexts()).map((r) => r.split('\t').slice(0, 2).join(''));
    const commitDisabled = await page.getByTestId('import-commit').isDisabled();
    await page.getByText('换一个文件').click();
    await page.locator('input[type=file]').setInputFiles({ name: '储备项目-已修正.csv', mimeType: 'text/csv', buffer: importCsv(false) });
    await page.getByTestId('import-rowcount').waitFor();
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-clean').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect({ rowCount, issues, commitDisabled, done: await page.getByTestId('import-done').textContent() }).toEqual({
      rowCount: '1,000',
      issues: ['6A', '101C', '501H'],
      commitDisabled: true,
      done: expect.stringContaining('新建 1,000 个项目'),
    });
  });

  it('the board and the funnel reflect it', async () => {
    await openBoard();
    const sourced = await count('sourced');
    const dealsAfter = await funnelDeals();
    const stays = (await page.getByTestId('funnel-table').locator('tbody tr').allInnerTexts()).map((r) => r.split('\t'));
    const sourcedReached = Number(stays.find((r) => r[0] === '新项目')?.[1]?.replace(/,/g, ''));
    // One deal added by hand and a thousand by import, all in the funnel's first stage.
    expect({ sourced: sourced >= 1000, added: dealsAfter - dealsBefore, firstStage: sourcedReached }).toEqual({
      sourced: true,
      added: 1001,
      firstStage: dealsAfter,
    });
  });
});
