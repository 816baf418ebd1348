import { join } from 'node:path';
import { businessDate, formatDate } from '@highland/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, ROOT, type RunningServer, signIn, startServer } from './helpers.js';

/**
 * Issue 13, what a new user trips on in the first hour (items 1, 3, 4, 6), seen in Chromium. This file runs its
 * own server, in a deployment zone far from the browser's (Asia/Shanghai, as every e2e context is): Pago Pago is
 * UTC−11, so every demo timestamp (01:00–10:00 UTC) falls on the previous calendar day there, and a page that
 * takes a date from a UTC timestamp or from the browser's clock shows the wrong one.
 */
const ZONE = 'Pacific/Pago_Pago';
let browser: Browser;
let server: RunningServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer(join(ROOT, 'test/.tmp/e2e-first-hour-a'), { TIME_ZONE: ZONE })]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function api<T>(p: Page, path: string, input?: unknown): Promise<T> {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await p.request.get(`${server.url}/trpc/${path}${qs}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

describe("the LP's statement without a quarter (item 1)", () => {
  it('opens the latest issued quarter in 万元 with the unit named; a download saves the file, a failed one says why', async () => {
    const p = await newPage(browser, server.url);
    await signIn(p, 'lp@demo.highland');
    await p.goto('/portfolio/statement');
    await p.getByTestId('statement').waitFor({ timeout: 15_000 });
    const issued = await api<string[]>(p, 'lp.statementQuarters');
    const shown = ((await p.getByTestId('statement-page-quarter').textContent()) ?? '').trim();
    const unit = ((await p.getByTestId('statement-unit').textContent()) ?? '').trim();
    const ending = (await p.getByTestId('statement-total').getByTestId('line-ending').locator('td').nth(1).textContent()) ?? '';

    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('statement-page-download').click()]);
    const saved = download.suggestedFilename();

    // The server refuses (or the network fails): the button says so instead of doing nothing.
    await p.route('**/trpc/lp.statementXlsx**', (route) => route.fulfill({ status: 400, contentType: 'text/plain', body: 'refused' }));
    await p.getByTestId('statement-page-download').click();
    const error = p.locator('.ant-message-error');
    await error.waitFor();
    expect({ shown, unit, ending: /^-?[\d,]+\.\d{2}$/.test(ending.trim()), saved, error: await error.textContent() }).toEqual({
      shown: issued[0],
      unit: '单位：万元',
      ending: true,
      saved: `capital-account-${issued[0]}.xlsx`,
      error: expect.stringContaining('下载失败'),
    });
    await p.context().close();
  });
});

describe('the fund form (item 3)', () => {
  it('marks what it requires before saving, and Enter in a date or text field saves nothing', async () => {
    const p = await newPage(browser, server.url);
    await signIn(p, 'fof@demo.highland');
    await p.goto('/funds/new');
    await p.getByTestId('fund-form').waitFor();
    const required = (await p.locator('[data-testid=fund-form] .ant-form-item-required').allInnerTexts()).map((s) => s.trim());
    const creates: string[] = [];
    p.on('request', (r) => {
      if (r.url().includes('fund.create')) creates.push(r.url());
    });
    await p.getByTestId('fund-code').fill('SF-27');
    await p.getByTestId('fund-name-zh').fill('回车测试基金');
    await p.keyboard.press('Enter');
    await p.getByTestId('fund-established').click();
    await p.getByTestId('fund-established').fill('2026-10-01');
    await p.keyboard.press('Enter');
    await p.getByTestId('fund-target').click();
    await p.keyboard.press('Enter');
    await p.waitForTimeout(800);
    expect({
      required: ['代码', '管理人', '母基金决策日', '目标规模', '状态'].filter((l) => !required.some((r) => r.includes(l))),
      creates,
      still: new URL(p.url()).pathname,
      errors: await p.locator('[data-testid=fund-form] .ant-form-item-explain-error').count(),
    }).toEqual({ required: [], creates: [], still: '/funds/new', errors: 0 });
    await p.context().close();
  });
});

describe('dates in the deployment zone (item 4)', () => {
  it('"today" and the day a deal entered its stage are dates in the server zone, not UTC and not the browser zone', async () => {
    const p = await newPage(browser, server.url);
    await signIn(p, 'gov@demo.highland');
    const info = await api<{ timeZone: string }>(p, 'system.info');
    await p.goto('/overview');
    const asOf = await p.getByTestId('as-of').inputValue();
    const today = businessDate(new Date(), ZONE);

    const deal = await api<{ deal: { id: number; stageEnteredAt: string } }>(p, 'deal.get', { id: 1 });
    await p.goto(`/pipeline/deals/${deal.deal.id}`);
    const since = p.getByText('进入当前阶段').first();
    await since.waitFor();
    const text = ((await since.textContent()) ?? '').trim();
    const zoned = formatDate(businessDate(deal.deal.stageEnteredAt, ZONE), 'zh-CN', 'long');
    const utc = formatDate(deal.deal.stageEnteredAt.slice(0, 10), 'zh-CN', 'long');
    expect({ zone: info.timeZone, asOf, text, differs: zoned !== utc }).toEqual({
      zone: ZONE,
      asOf: today,
      text: `${zoned} 进入当前阶段`,
      differs: true,
    });
    await p.context().close();
  });
});

describe('copy (item 6)', () => {
  it('the English leverage note has no full-width punctuation and no sentence run into the next', async () => {
    const p = await newPage(browser, server.url, 'en');
    await signIn(p, 'gov@demo.highland');
    await p.goto('/overview');
    const note = p.getByText('Money between funds of the group').first();
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect({ fullWidth: /[；。，：（）]/.test(text), runOn: /[a-z]\.[A-Z]/.test(text) }).toEqual({ fullWidth: false, runOn: false });
    await p.context().close();
  });
});
