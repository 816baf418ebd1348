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

/** A tRPC query from inside the signed-in page (its session cookie), for finding test data. */
async function query<T>(p: Page, path: string, input: unknown): Promise<T> {
  return p.evaluate(
    async ([path, input]) => {
      const res = await fetch(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
      return ((await res.json()) as { result: { data: unknown } }).result.data;
    },
    [path, input] as const,
  ) as Promise<T>;
}

/** Picks an option of an antd Select by its text. */
async function choose(p: Page, testId: string, text: string): Promise<void> {
  await p.getByTestId(testId).click();
  await p.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Types a date into an antd DatePicker; Tab commits it without submitting the form (Enter would). */
async function setDate(p: Page, testId: string, iso: string): Promise<void> {
  await p.getByTestId(testId).click();
  await p.getByTestId(testId).fill(iso);
  await p.keyboard.press('Tab');
}

async function closeDrawer(p: Page): Promise<void> {
  await p.locator('.ant-drawer-close').click();
  await p.getByTestId('listing-detail').waitFor({ state: 'detached' });
}

async function listingsOnScoreboard(p: Page): Promise<string> {
  await p.goto('/scoreboard');
  await p.getByTestId('value-star_listings').waitFor();
  return ((await p.getByTestId('value-star_listings').textContent()) ?? '').trim();
}

describe('a firm from tutoring filing to listed, through a suspension', () => {
  it('the listing board follows every step and the scoreboard moves', async () => {
    const p = await newPage(browser, base);
    await signIn(p, 'fof@demo.highland');
    const before = await listingsOnScoreboard(p);

    // A portfolio firm with no listing attempt yet.
    const board = await query<{ attempts: Array<{ companyId: number }> }>(p, 'listing.board', {});
    const taken = new Set(board.attempts.map((a) => a.companyId));
    const options = await query<Array<{ id: number; nameZh: string; inPortfolio: boolean }>>(p, 'scoreboard.firmOptions', { q: '上海', date: '2026-01-05' });
    const firm = options.find((o) => o.inPortfolio && !taken.has(o.id));
    if (!firm) throw new Error('no portfolio firm without a listing attempt');

    await p.goto('/listings');
    await p.getByTestId('listing-board').waitFor();
    await p.getByTestId('listing-open').click();
    await setDate(p, 'listing-date', '2026-01-05');
    await p.getByTestId('listing-firm').click();
    await p.keyboard.type(firm.nameZh.slice(2, 6));
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: firm.nameZh }).first().click();
    await p.getByTestId('listing-sponsor').fill('浦江证券股份有限公司');
    await p.getByTestId('listing-raise').fill('12');
    await p.getByTestId('listing-firm').filter({ hasText: firm.nameZh }).waitFor();
    await p.getByTestId('listing-open-form-submit').click();
    await p.getByTestId('listing-open-form').waitFor({ state: 'detached' });

    const card = p.locator('[data-testid^=attempt-]').filter({ hasText: firm.nameZh });
    await card.first().waitFor();
    const column = async () =>
      (await p
        .locator('[data-testid^=column-]')
        .filter({ has: p.locator('[data-testid^=attempt-]').filter({ hasText: firm.nameZh }) })
        .getAttribute('data-testid')) ?? '';
    const columns: Record<string, string> = { opened: await column() };
    await card.first().click();
    await p.getByTestId('record-form').waitFor();

    const steps: Array<[string, string, string?]> = [
      ['辅导验收', '2026-03-01'],
      ['已受理', '2026-03-20'],
      ['已问询', '2026-04-10'],
      ['中止', '2026-05-10'],
      ['恢复审核', '2026-06-20'],
      ['上市委会议', '2026-07-15', '审议通过'],
      ['提交注册', '2026-08-10'],
      ['注册生效', '2026-09-15'],
      ['发行上市', '2026-10-20'],
    ];
    const recorded: string[] = [];
    for (const [kind, date, outcome] of steps) {
      const rows = await p.getByTestId('event-table').locator('tbody tr.ant-table-row').count();
      await choose(p, 'record-kind', kind);
      await setDate(p, 'record-date', date);
      if (outcome) await choose(p, 'record-outcome', outcome);
      await p.getByTestId('record-submit').click();
      await p.getByTestId('event-table').locator('tbody tr.ant-table-row').nth(rows).waitFor();
      recorded.push(((await p.getByTestId('event-table').locator('tbody tr.ant-table-row').nth(rows).textContent()) ?? '').slice(0, 10));
      if (kind === '中止') {
        await closeDrawer(p);
        columns.suspended = await column();
        await card.first().click();
        await p.getByTestId('record-form').waitFor();
      }
    }
    const inquiry = p.getByTestId('stage-table').locator('tbody tr.ant-table-row').filter({ hasText: '已问询' });
    const inquiryCells = (await inquiry.locator('td').allTextContents()).map((s) => s.trim());
    const ended = (await p.getByTestId('listing-detail').textContent()) ?? '';
    await closeDrawer(p);
    columns.listed = await column();

    const after = await listingsOnScoreboard(p);
    await p.getByTestId('drill-star_listings').click();
    await p.getByTestId('drill-table').waitFor();
    const drill = (await p.getByTestId('drill-table').textContent()) ?? '';

    expect({
      before,
      after,
      recorded,
      columns,
      // Inquiry from 2026-04-10 to the committee on 2026-07-15: 96 calendar days, 55 of them on the clock (41 suspended).
      inquiry: inquiryCells,
      noMoreSteps: ended.includes('该申报已结束'),
      drilled: drill.includes(firm.nameZh) && drill.includes('2026-10-20'),
    }).toEqual({
      before: '2 家',
      after: '3 家',
      recorded: steps.map(([, date]) => date),
      columns: { opened: 'column-tutoring', suspended: 'column-suspended', listed: 'column-listed' },
      inquiry: ['已问询', '2026-04-10', '2026-07-15', '96', '55'],
      noMoreSteps: true,
      drilled: true,
    });
    await p.context().close();
  });

  it('a stage dated before the previous one is refused on screen, and nothing is recorded', async () => {
    const p = await newPage(browser, base);
    await signIn(p, 'fof@demo.highland');
    await p.goto('/listings');
    await p.getByTestId('column-review').locator('[data-testid^=attempt-]').first().click();
    await p.getByTestId('record-form').waitFor();
    const rows = await p.getByTestId('event-table').locator('tbody tr.ant-table-row').count();
    await choose(p, 'record-kind', '终止');
    await setDate(p, 'record-date', '2020-01-02');
    await p.getByTestId('record-submit').click();
    await p.getByTestId('record-error').waitFor();
    const message = (await p.getByTestId('record-error').textContent()) ?? '';
    expect({
      message: message.startsWith('日期早于上一条记录的日期'),
      rows: await p.getByTestId('event-table').locator('tbody tr.ant-table-row').count(),
    }).toEqual({ message: true, rows });
    await p.context().close();
  });

  it('a subsidy above its cap is refused in the form with the cap named', async () => {
    const p = await newPage(browser, base);
    await signIn(p, 'fof@demo.highland');
    await p.goto('/support');
    await p.getByTestId('support-table').waitFor();
    await p.getByTestId('support-apply').click();
    await p.getByTestId('support-firm').click();
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)').first().click();
    await p.getByTestId('support-title').fill('智慧港口调度场景');
    await p.getByTestId('support-basis').fill('10000');
    await p.getByTestId('support-applied').fill('2500');
    await p.getByTestId('support-form-submit').click();
    const explain = p.locator('[data-testid=support-form] .ant-form-item-has-error .ant-form-item-explain-error');
    await explain.first().waitFor();
    expect({
      cap: ((await p.getByTestId('support-cap').textContent()) ?? '').includes('2,000.00 万元'),
      message: ((await explain.first().textContent()) ?? '').startsWith('超过适用上限'),
      open: await p.getByTestId('support-form').isVisible(),
    }).toEqual({ cap: true, message: true, open: true });
    await p.context().close();
  });
});
