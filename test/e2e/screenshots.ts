// `pnpm screenshots`: regenerates docs/screenshots/ from the demo data, in real Chromium.
// Later issues add their pages to SHOTS.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
}

export const SHOTS: Shot[] = [
  { file: 'sign-in.png', as: null, ready: (p) => p.getByText('gov@demo.highland').waitFor() },
  { file: 'overview-government.png', as: 'gov@demo.highland', path: '/overview', ready: (p) => p.getByTestId('batch-chart').waitFor() },
  { file: 'overview-government-en.png', as: 'gov@demo.highland', path: '/overview', locale: 'en', ready: (p) => p.getByTestId('batch-chart').waitFor() },
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
    ready: (p) => p.getByTestId('positions-table').locator('tbody tr.ant-table-row').first().waitFor(),
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
];

async function main(): Promise<void> {
  const out = join(ROOT, 'docs/screenshots');
  mkdirSync(out, { recursive: true });
  const server = await startServer(join(ROOT, 'test/.tmp/screenshots'));
  const browser = await launchBrowser();
  try {
    for (const shot of SHOTS) {
      const page = await newPage(browser, server.url, shot.locale ?? 'zh-CN');
      if (shot.as) await signIn(page, shot.as);
      else await page.goto('/sign-in');
      if (shot.path) await page.goto(shot.path);
      await shot.ready?.(page);
      await page.waitForTimeout(600); // charts finish their entry animation
      await page.screenshot({ path: join(out, shot.file), fullPage: true });
      await page.context().close();
      console.log(`✓ ${shot.file}`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
