import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './helpers.js';

/**
 * Every route of web/src/routes/router.tsx, as every demo role, in both languages: open it, let it
 * settle, and fail on any console error, page error, failed request (status ≥ 400 or requestfailed) or a
 * page still loading 20 s after the network went quiet. A role the route is not for must get the "no access"
 * page (antd's 403 result), not an error. Parameterised routes use real ids from the demo, looked up
 * through the API as the role itself sees them.
 */

type Role = 'admin' | 'gov' | 'fof' | 'gp' | 'lp';
const EMAIL: Record<Role, string> = {
  admin: 'admin@demo.highland',
  gov: 'gov@demo.highland',
  fof: 'fof@demo.highland',
  gp: 'gp@demo.highland',
  lp: 'lp@demo.highland',
};
const ALL: Role[] = ['admin', 'gov', 'fof', 'gp', 'lp'];
const NOT_LP: Role[] = ['admin', 'gov', 'fof', 'gp'];
const GROUP: Role[] = ['admin', 'gov', 'fof'];
const PIPELINE: Role[] = ['admin', 'gov', 'fof', 'gp'];

interface Ids {
  fundId: number;
  dealId: number;
  companyId: number;
  position: { fundId: number; companyId: number } | null;
}

/** Every route with the roles that may open it (the router's gates), parameters filled from `ids`. */
const ROUTES: Array<{ path: (ids: Ids) => string; may: Role[] }> = [
  { path: () => '/overview', may: GROUP },
  { path: () => '/funds', may: NOT_LP },
  { path: () => '/funds/new', may: ['admin', 'fof'] },
  { path: (i) => `/funds/${i.fundId}`, may: NOT_LP },
  { path: (i) => `/funds/${i.fundId}/edit`, may: ['admin', 'fof'] },
  { path: () => '/portfolio', may: ['lp'] },
  { path: () => '/portfolio/statement', may: ['lp'] },
  { path: () => '/performance', may: NOT_LP },
  { path: (i) => (i.position ? `/performance/position?fundId=${i.position.fundId}&companyId=${i.position.companyId}` : '/performance/position'), may: NOT_LP },
  { path: () => '/performance/position', may: NOT_LP },
  { path: () => '/scoreboard', may: GROUP },
  { path: () => '/designations', may: NOT_LP },
  { path: () => '/listings', may: NOT_LP },
  { path: () => '/support', may: NOT_LP },
  { path: () => '/admin/programmes', may: ['admin'] },
  { path: () => '/admin/benchmarks', may: ['admin'] },
  { path: () => '/admin/users', may: ['admin'] },
  { path: () => '/audit', may: ['admin', 'gov'] },
  { path: () => '/account', may: ALL },
  { path: () => '/pipeline', may: PIPELINE },
  { path: () => '/pipeline/table', may: PIPELINE },
  { path: () => '/pipeline/funnel', may: PIPELINE },
  { path: () => '/pipeline/import', may: ['fof', 'gp'] },
  { path: (i) => `/pipeline/deals/${i.dealId}`, may: PIPELINE },
  { path: () => '/selection', may: GROUP },
  { path: () => '/overlap', may: GROUP },
  { path: () => '/companies', may: PIPELINE },
  { path: (i) => `/companies/${i.companyId}`, may: PIPELINE },
  { path: () => '/', may: ALL },
];

let browser: Browser;
const base = inject('baseUrl');
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A tRPC query through the signed-in context's cookie. */
async function query<T>(context: BrowserContext, path: string, input: unknown): Promise<T | null> {
  const res = await context.request.get(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  if (!res.ok()) return null;
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** Ids the role itself can see (SF-01 and its deals where it can); the government's where it sees none (the LP). */
async function idsFor(context: BrowserContext, fallback: Ids | null): Promise<Ids> {
  const funds = await query<Array<{ id: number; code: string }>>(context, 'performance.funds', {});
  const deals = await query<{ items: Array<{ id: number; companyId: number | null }> }>(context, 'deal.list', { filter: { pipeline: 'direct' }, limit: 50 });
  const companies = await query<{ items: Array<{ id: number }> }>(context, 'company.list', { limit: 1 });
  const fund = funds?.find((f) => f.code === 'SF-01') ?? funds?.[0];
  const deal = deals?.items.find((d) => d.companyId !== null);
  // A holding of that fund: its performance page lists them.
  const holdings = fund ? await query<{ holdings: Array<{ companyId: number }> }>(context, 'performance.fund', { fundId: fund.id }) : null;
  const holding = holdings?.holdings[0];
  return {
    fundId: fund?.id ?? fallback?.fundId ?? 1,
    dealId: deal?.id ?? fallback?.dealId ?? 1,
    companyId: companies?.items[0]?.id ?? fallback?.companyId ?? 1,
    position: fund && holding ? { fundId: fund.id, companyId: holding.companyId } : (fallback?.position ?? null),
  };
}

interface Visit {
  path: string;
  problems: string[];
}

const BUSY = '.ant-skeleton-active:visible, .ant-spin-spinning:visible';

/** Requests in flight, and when the last one started or ended. */
interface Traffic {
  inflight: number;
  last: number;
}

/** Waits until no request has been in flight for 400 ms and no spinner or skeleton shows; false after `timeout`. */
async function settle(page: Page, traffic: Traffic, timeout = 20_000): Promise<boolean> {
  const start = Date.now();
  for (;;) {
    await page.waitForTimeout(100);
    if (traffic.inflight === 0 && Date.now() - traffic.last > 400 && (await page.locator(BUSY).count()) === 0) return true;
    if (Date.now() - start > timeout) return false;
  }
}

/**
 * Opens a path the way a click on a link does (the router's own history, no reload: one page load per
 * role and language keeps the run short), lets it settle, and lists what went wrong.
 */
async function visit(page: Page, path: string, forbidden: boolean, track: { problems: string[] }, traffic: Traffic): Promise<Visit> {
  track.problems = [];
  await page.evaluate((to) => {
    history.pushState(history.state, '', to);
    dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
  }, path);
  traffic.last = Date.now();
  const settled = await settle(page, traffic);
  const problems = [...track.problems];
  if (!settled) problems.push(`still loading after 20 s (${await page.locator(BUSY).count()} spinners or skeletons, ${traffic.inflight} requests in flight)`);
  const shows403 = (await page.locator('.ant-result-403').count()) > 0;
  if (forbidden && !shows403) problems.push('a role that may not open it did not get the "no access" page');
  if (!forbidden && shows403) problems.push('shows "no access" to a role that may open it');
  if (await page.locator('.ant-result-500, .ant-result-error').count()) problems.push('shows an error result');
  return { path, problems };
}

const cases = ALL.flatMap((role) => (['zh-CN', 'en'] as const).map((locale) => ({ role, locale })));
let govIds: Ids | null = null;

describe('every route, as every role, in both languages: no console error, no failed request, no dead end', () => {
  for (const { role, locale } of cases)
    it(`${role} · ${locale}`, { timeout: 240_000 }, async () => {
      const page = await newPage(browser, base, locale);
      const track = { problems: [] as string[] };
      const forbiddenNow = { value: false };
      page.on('console', (m) => {
        // The browser reports a refused resource on the console too; a 403 behind a "no access" page is intended.
        if (m.type() === 'error' && !(forbiddenNow.value && /status of 403/.test(m.text()))) track.problems.push(`console error: ${m.text().slice(0, 300)}`);
      });
      page.removeAllListeners('pageerror');
      page.on('pageerror', (e) => track.problems.push(`page error: ${e.message.slice(0, 300)}`));
      page.on('response', (r) => {
        if (r.status() >= 400 && !(forbiddenNow.value && r.status() === 403))
          track.problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url().replace(base, '').slice(0, 200)}`);
      });
      const traffic: Traffic = { inflight: 0, last: Date.now() };
      const ended = () => {
        traffic.inflight = Math.max(0, traffic.inflight - 1);
        traffic.last = Date.now();
      };
      page.on('request', () => {
        traffic.inflight += 1;
        traffic.last = Date.now();
      });
      page.on('requestfinished', ended);
      page.on('requestfailed', ended);
      page.on('requestfailed', (r) => {
        const why = r.failure()?.errorText ?? '';
        if (!why.includes('ERR_ABORTED')) track.problems.push(`request failed: ${r.url().replace(base, '').slice(0, 200)} ${why}`);
      });
      await signIn(page, EMAIL[role]);
      const ids = await idsFor(page.context(), govIds);
      if (role === 'gov') govIds = ids;
      const failures: Visit[] = [];
      for (const route of ROUTES) {
        const path = route.path(ids);
        forbiddenNow.value = !route.may.includes(role);
        const v = await visit(page, path, forbiddenNow.value, track, traffic);
        if (v.problems.length) failures.push(v);
      }
      await page.context().close();
      expect(failures, failures.map((f) => `${f.path}: ${f.problems.join(' | ')}`).join('\n')).toEqual([]);
    });
});
