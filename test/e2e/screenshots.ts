// `pnpm screenshots`: regenerates docs/screenshots/ from the demo data, in real Chromium.
// Later issues add their pages to SHOTS.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeUsccCheckChar } from '@highland/shared';
import type { Page } from 'playwright-core';
import { launchBrowser, newPage, ROOT, signIn, startServer } from './helpers.js';

interface Shot {
  file: string;
  /** null: the signed-out sign-in page. */
  as: string | null;
  path?: string;
  locale?: 'zh-CN' | 'en';
  /** Waits until the page shows its data. */
  ready?: (page: Page) => Promise<unknown>;
  /** Steps after the page is ready (open a row, a tab), then waits for their result. */
  act?: (page: Page) => Promise<unknown>;
}

export const SHOTS: Shot[] = [
  { file: 'sign-in.png', as: null, ready: (p) => p.getByText('gov@demo.highland').waitFor() },
  {
    file: 'overview-government.png',
    as: 'gov@demo.highland',
    path: '/overview?asOf=2026-10-31',
    ready: (p) => p.getByTestId('waterfall-chart').locator('canvas').waitFor(),
  },
  {
    file: 'overview-government-en.png',
    as: 'gov@demo.highland',
    path: '/overview?asOf=2026-10-31',
    locale: 'en',
    ready: (p) => p.getByTestId('waterfall-chart').locator('canvas').waitFor(),
  },
  {
    file: 'overview-government-2022.png',
    as: 'gov@demo.highland',
    path: '/overview?asOf=2022-12-31&direct=out',
    ready: (p) => p.locator('[data-testid=overview][data-as-of="2022-12-31"]').waitFor(),
  },
  {
    file: 'fund-sub-fund-manager.png',
    as: 'gp@demo.highland',
    path: '/funds/3?asOf=2026-10-31',
    ready: (p) => p.getByTestId('positions-table').locator('tbody tr.ant-table-row').first().waitFor(),
  },
  {
    file: 'fund-reinvestment.png',
    as: 'gov@demo.highland',
    path: '/funds/21?asOf=2026-10-31',
    ready: async (p) => {
      await p.getByTestId('fund-title').waitFor();
      await p.getByRole('tab', { name: '返投明细' }).click();
      await p.getByTestId('reinvest-lines').locator('tbody tr.ant-table-row').first().waitFor();
    },
  },
  {
    file: 'fund-capital-call.png',
    as: 'gp@demo.highland',
    path: '/funds/3?asOf=2026-10-31',
    ready: async (p) => {
      await p.getByTestId('fund-actions').click();
      await p.getByText('发起缴款通知').click();
      await p.getByTestId('call-total').fill('999999');
      await p.getByTestId('call-form-submit').click();
      await p.getByTestId('call-form').locator('.ant-form-item-explain-error').first().waitFor();
    },
  },
  { file: 'fund-form.png', as: 'fof@demo.highland', path: '/funds/new', ready: (p) => p.getByTestId('fund-form').waitFor() },
  {
    file: 'funds-manager.png',
    as: 'gp@demo.highland',
    path: '/funds',
    ready: (p) => p.getByTestId('funds-table').locator('tbody tr.ant-table-row').first().waitFor(),
  },
  {
    file: 'funds-mother-manager.png',
    as: 'fof@demo.highland',
    path: '/funds',
    ready: (p) => p.getByTestId('funds-table').locator('tbody tr.ant-table-row').first().waitFor(),
  },
  {
    file: 'portfolio-lp.png',
    as: 'lp@demo.highland',
    path: '/portfolio',
    ready: (p) => p.getByTestId('statement-preview').waitFor(),
  },
  {
    file: 'portfolio-lp-en.png',
    as: 'lp@demo.highland',
    path: '/portfolio',
    locale: 'en',
    ready: (p) => p.getByTestId('statement-preview').waitFor(),
  },
  { file: 'statement-lp.png', as: 'lp@demo.highland', path: '/portfolio/statement?quarter=2026Q3', ready: (p) => p.getByTestId('statement-total').waitFor() },
  {
    file: 'statement-restated-lp.png',
    as: 'lp@demo.highland',
    path: '/portfolio/statement?quarter=2026Q2',
    ready: (p) => p.getByTestId('issue-restated').waitFor(),
  },
  {
    file: 'benchmarks-admin.png',
    as: 'admin@demo.highland',
    path: '/admin/benchmarks',
    ready: (p) => p.getByTestId('index-table').locator('tbody tr.ant-table-row').first().waitFor(),
  },
  {
    file: 'fund-statements-manager.png',
    as: 'sf10.team1@demo.highland',
    path: '/funds',
    ready: async (p) => {
      await p.getByTestId('fund-link-SF-10').click();
      await p.getByTestId('fund-title').waitFor();
      await p.getByRole('tab', { name: '季度报表' }).click();
      await p.getByTestId('issue-changed-2026Q2').waitFor();
    },
  },
  { file: 'performance-mother.png', as: 'gov@demo.highland', path: '/performance', ready: (p) => p.getByTestId('nav-chart').waitFor() },
  {
    file: 'look-through-government.png',
    as: 'gov@demo.highland',
    path: '/performance?tab=lookThrough',
    ready: (p) => p.getByTestId('lt-table').locator('tbody tr.ant-table-row').first().waitFor(),
  },
  {
    file: 'holdings-manager.png',
    as: 'gp@demo.highland',
    path: '/performance?tab=holdings',
    ready: (p) => p.getByTestId('holdings-table').locator('tbody tr.ant-table-row').first().waitFor(),
  },
  {
    file: 'position-manager.png',
    as: 'gp@demo.highland',
    path: '/performance?tab=holdings',
    ready: (p) => p.getByTestId('holding-link').first().waitFor(),
    // A position with a story: a follow-on, a partial sale, still held.
    act: async (p) => {
      const url = new URL(p.url());
      const funds = (await (await p.request.get(`${url.origin}/trpc/performance.funds`)).json()) as { result: { data: Array<{ id: number; code: string }> } };
      const fundId = funds.result.data.find((f) => f.code === 'SF-01')?.id ?? 0;
      const perf = (await (await p.request.get(`${url.origin}/trpc/performance.fund?input=${encodeURIComponent(JSON.stringify({ fundId }))}`)).json()) as {
        result: { data: { holdings: Array<{ companyId: number; rounds: number; realisedFen: number; valueFen: number }> } };
      };
      const h = perf.result.data.holdings;
      const pick = h.find((x) => x.rounds > 1 && x.realisedFen > 0 && x.valueFen > 0) ?? h.find((x) => x.rounds > 1) ?? h[0];
      await p.goto(`/performance/position?fundId=${fundId}&companyId=${pick?.companyId ?? 0}`);
      await p.getByTestId('kpi-chart').waitFor();
    },
  },
  {
    file: 'reviews-mother-manager.png',
    as: 'fof@demo.highland',
    path: '/performance?tab=reviews',
    ready: (p) => p.getByTestId('reviews-table').locator('tbody tr.ant-table-row').first().waitFor(),
  },
  {
    file: 'users-admin.png',
    as: 'admin@demo.highland',
    path: '/admin/users',
    ready: (p) => p.getByTestId('users-table').locator('tbody tr.ant-table-row').first().waitFor(),
  },
  {
    file: 'audit.png',
    as: 'gov@demo.highland',
    path: '/audit',
    ready: (p) => p.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor(),
  },
  {
    file: 'pipeline-board.png',
    as: 'gp@demo.highland',
    path: '/pipeline',
    ready: (p) => p.getByTestId('column-sourced').locator('[data-testid^=card-]').first().waitFor(),
  },
  { file: 'pipeline-table.png', as: 'gp@demo.highland', path: '/pipeline/table', ready: (p) => p.getByTestId('deal-row').first().waitFor() },
  {
    file: 'pipeline-deal.png',
    as: 'gp@demo.highland',
    path: '/pipeline',
    ready: async (p) => {
      await p.getByTestId('column-due_diligence').locator('[data-testid^=card-]', { hasText: '4.' }).first().click();
      await p.getByTestId('scorecard-table').waitFor();
      await p.getByTestId('deal-timeline').waitFor();
    },
  },
  { file: 'pipeline-funnel.png', as: 'gov@demo.highland', path: '/pipeline/funnel', ready: (p) => p.getByTestId('funnel-by-sector').waitFor() },
  {
    file: 'pipeline-import.png',
    as: 'gp@demo.highland',
    path: '/pipeline/import',
    ready: async (p) => {
      await p.locator('input[type=file]').setInputFiles({ name: '储备项目-2026Q4.csv', mimeType: 'text/csv', buffer: sampleImport() });
      await p.getByTestId('import-check').click();
      await p.getByTestId('import-issues').waitFor();
    },
  },
  {
    file: 'pipeline-overlap.png',
    as: 'gov@demo.highland',
    path: '/overlap',
    ready: (p) => p.getByTestId('overlap-table').locator('tbody tr.ant-table-row').first().waitFor(),
  },
  { file: 'selection-board.png', as: 'fof@demo.highland', path: '/selection', ready: (p) => p.getByTestId('column-call').waitFor() },
  {
    file: 'companies.png',
    as: 'gp@demo.highland',
    path: '/companies',
    ready: (p) => p.getByTestId('companies-table').locator('tbody tr.ant-table-row').first().waitFor(),
  },
  // The plan's scoreboard (issue 6).
  {
    file: 'scoreboard-government.png',
    as: 'gov@demo.highland',
    path: '/scoreboard',
    ready: (p) => p.getByTestId('chart-star_listings').locator('canvas').waitFor(),
  },
  {
    file: 'listing-board.png',
    as: 'gov@demo.highland',
    path: '/listings',
    ready: (p) => p.getByTestId('column-listed').locator('[data-testid^=attempt-]').first().waitFor(),
  },
  {
    file: 'listing-timeline.png',
    as: 'fof@demo.highland',
    path: '/listings',
    ready: async (p) => {
      await p.getByRole('tab', { name: '时间线' }).click();
      await p.getByTestId('listing-timeline').locator('canvas').waitFor();
    },
  },
  {
    file: 'designations-mother-manager.png',
    as: 'fof@demo.highland',
    path: '/designations',
    ready: (p) => p.getByTestId('designations-table').locator('tbody tr.ant-table-row').first().waitFor(),
  },
  {
    file: 'support-totals.png',
    as: 'gov@demo.highland',
    path: '/support',
    ready: async (p) => {
      await p.getByRole('tab', { name: '汇总' }).click();
      await p.getByTestId('totals-chart').locator('canvas').waitFor();
    },
  },
];

/** An import file of 60 rows with the mistakes people make: a wrong check character, an unknown sector, a formula, a stage that needs a scorecard. */
function sampleImport(): Buffer {
  const code = (n: number) => {
    const first17 = `91310115MA8T${String(n).padStart(5, '0')}`;
    return `${first17}${computeUsccCheckChar(first17)}`;
  };
  const rows = ['统一社会信用代码,企业名称,行业领域,所在区域,企业性质,项目阶段,拟投金额（万元）,备注'];
  for (let i = 1; i <= 60; i++) {
    const bad = (k: number) => i === k;
    const uscc = bad(7) ? `${code(i).slice(0, 17)}${code(i).endsWith('0') ? '1' : '0'}` : code(i);
    rows.push(
      [
        uscc,
        `上海样例${i}号智能科技有限公司`,
        bad(18) ? '元宇宙' : 'AI芯片',
        '浦东张江',
        '民营',
        bad(33) ? '投决会' : '初筛',
        String(500 + i * 10),
        bad(41) ? '=1+1' : '路演推荐',
      ].join(','),
    );
  }
  return Buffer.from(rows.join('\r\n'), 'utf8');
}

async function main(): Promise<void> {
  const out = join(ROOT, 'docs/screenshots');
  mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'highland-screenshots-'));
  const server = await startServer(dir);
  const browser = await launchBrowser();
  try {
    for (const shot of SHOTS) {
      const page = await newPage(browser, server.url, shot.locale ?? 'zh-CN');
      if (shot.as) await signIn(page, shot.as);
      else await page.goto('/sign-in');
      if (shot.path) await page.goto(shot.path);
      await shot.ready?.(page);
      await shot.act?.(page);
      await page.evaluate(() => window.scrollTo(0, 0)); // sticky navigation is drawn where the page was scrolled to
      await page.waitForTimeout(600); // charts finish their entry animation
      await page.screenshot({ path: join(out, shot.file), fullPage: true });
      await page.context().close();
      console.log(`✓ ${shot.file}`);
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
