import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/helpers.js';
import { DEMO_PASSWORD, load, median, sessionCookie, startDemo } from './demo-server.js';
import { defineBench } from './harness.js';

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
/** The lower bound for the JavaScript: a bare React + tRPC skeleton, 108.7 kB gzip (measured on a bare skeleton of this stack, docs/SCALING.md). */
const SKELETON_KB = 108.7;
const GOAL_JS_KB = 250;

interface Link {
  name: string;
  /** CDP Network.emulateNetworkConditions; none on loopback. */
  conditions?: { latency: number; downloadThroughput: number; uploadThroughput: number };
  goalMs: number;
}
const LINKS: Link[] = [
  { name: 'loopback', goalMs: 800 },
  { name: '10 Mbit/s, 40 ms', conditions: { latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 }, goalMs: 2500 },
];

interface Traffic {
  jsBytes: number;
  jsFiles: number;
  allBytes: number;
  encodings: Set<string>;
}

/** Counts what crosses the wire (encoded bytes, headers included) for one page, by resource type. */
async function watch(context: BrowserContext, page: Page, link: Link): Promise<{ cdp: CDPSession; traffic: Traffic }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (link.conditions) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...link.conditions });
  const traffic: Traffic = { jsBytes: 0, jsFiles: 0, allBytes: 0, encodings: new Set() };
  const types = new Map<string, string>();
  cdp.on('Network.responseReceived', (e) => {
    types.set(e.requestId, e.type);
    if (e.type === 'Script') traffic.encodings.add(e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'identity');
  });
  cdp.on('Network.loadingFinished', (e) => {
    traffic.allBytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') {
      traffic.jsBytes += e.encodedDataLength;
      traffic.jsFiles++;
    }
  });
  return { cdp, traffic };
}

/** Waits for the overview's headline figures and returns performance.now() then (ms since navigation start). */
async function figuresVisible(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid="overview"] [data-testid="stat-leverage"]');
      return el && (el as HTMLElement).offsetParent !== null && /\d/.test(el.textContent ?? '') ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 180_000 },
  );
  return (await handle.jsonValue()) as number;
}

interface Run {
  /** First visit: sign-in page, then the overview after submitting. */
  firstJsBytes: number;
  /** Of which before the figures showed (the rest: the chart library, fetched when the chart mounts). */
  firstJsAtFigures: number;
  firstJsFiles: number;
  firstAllBytes: number;
  signInReadyMs: number;
  submitToFiguresMs: number;
  encodings: string[];
  /** Signed in (session cookie), fresh context, no cache: navigation to /overview → figures. */
  navToFiguresMs: number;
  overviewJsBytes: number;
}

async function once(browser: Browser, base: string, link: Link, cookie: string): Promise<Run> {
  // 1. A reviewer's first visit: /sign-in, fill the form, the overview's figures.
  const ctxA = await browser.newContext({ baseURL: base, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const pageA = await ctxA.newPage();
  const a = await watch(ctxA, pageA, link);
  await pageA.goto('/sign-in');
  await pageA.getByTestId('email').waitFor();
  const signInReadyMs = await pageA.evaluate(() => performance.now());
  await pageA.getByTestId('email').fill('gov@demo.highland');
  await pageA.getByTestId('password').fill(DEMO_PASSWORD);
  const submitted = await pageA.evaluate(() => performance.now());
  await pageA.getByTestId('sign-in-submit').click();
  const shown = await figuresVisible(pageA);
  const jsAtFigures = a.traffic.jsBytes;
  // What the page still loads after its figures (the chart's library) belongs to the visit too.
  await pageA.locator('[data-testid="waterfall-chart"] canvas').waitFor({ timeout: 180_000 });
  await pageA.waitForLoadState('networkidle');
  await ctxA.close();

  // 2. Signed in already, a fresh context (no HTTP cache): navigation to the overview → its figures.
  const [name, value] = cookie.split('=') as [string, string];
  const ctxB = await browser.newContext({ baseURL: base, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  await ctxB.addCookies([{ name, value, url: base }]);
  const pageB = await ctxB.newPage();
  const b = await watch(ctxB, pageB, link);
  await pageB.goto('/overview', { waitUntil: 'commit' });
  const navToFiguresMs = await figuresVisible(pageB);
  await pageB.waitForLoadState('networkidle');
  await ctxB.close();
  return {
    firstJsBytes: a.traffic.jsBytes,
    firstJsAtFigures: jsAtFigures,
    firstJsFiles: a.traffic.jsFiles,
    firstAllBytes: a.traffic.allBytes,
    signInReadyMs,
    submitToFiguresMs: shown - submitted,
    encodings: [...a.traffic.encodings],
    navToFiguresMs,
    overviewJsBytes: b.traffic.jsBytes,
  };
}

const kB = (b: number) => (b / 1024).toFixed(1);
const msf = (v: number) => v.toFixed(0);

export default defineBench({
  id: 'web',
  title: 'The web app in Chromium: JavaScript on the wire and time to the overview’s figures',
  about: `The built app on the demo data (\`pnpm start\`'s server, warm: every page and query asked once before timing), loaded by Debian's Chromium (headless, through playwright-core) in a fresh browser context for every run — no HTTP cache. **First visit**: the government reviewer opens /sign-in, signs in, and lands on the overview; every script response's encoded bytes are summed as Chromium's network layer reports them (\`Network.loadingFinished\` encodedDataLength: headers and compressed body, i.e. on the wire), until the overview's chart has drawn and the network is idle (so the chart library, fetched on demand after the figures, is counted; the bytes before the figures showed are given too). **Navigation to figures**: already signed in (the session cookie set in the fresh context), from navigation start to the overview's headline figures being visible (\`performance.now()\` in the page when the leverage figure has its number). Both on loopback and under Chromium's network emulation at 10 Mbit/s with 40 ms latency (CDP \`Network.emulateNetworkConditions\`). Median of ${RUNS} runs. The JavaScript's lower bound is a bare React + tRPC skeleton, ${SKELETON_KB} kB gzip (measured on a bare skeleton of this stack, docs/SCALING.md); the goals (issue 17) are ≤ ${GOAL_JS_KB} kB, and figures ≤ 800 ms on loopback and ≤ 2.5 s on the throttled link.`,
  needsStressSet: false,
  async report() {
    const server = await startDemo('web');
    const browser = await launchBrowser();
    try {
      const base = server.url;
      const cookie = await sessionCookie(base, 'gov@demo.highland');
      // Warm the server: the pages' files and the overview's queries, once.
      await once(browser, base, LINKS[0]!, cookie);
      const rows: string[] = [];
      const timeRows: string[] = [];
      const loadBefore = load();
      for (const link of LINKS) {
        const runs: Run[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await once(browser, base, link, cookie));
        const js = median(runs.map((r) => r.firstJsBytes));
        const nav = median(runs.map((r) => r.navToFiguresMs));
        console.log(`  ${link.name}: first visit JS ${kB(js)} kB, navigation → figures ${msf(nav)} ms`);
        rows.push(
          `| ${link.name} | ${kB(js)} | ${kB(median(runs.map((r) => r.firstJsAtFigures)))} | ${median(runs.map((r) => r.firstJsFiles))} | ${runs[0]!.encodings.join(', ')} | ${kB(median(runs.map((r) => r.firstAllBytes)))} | ${SKELETON_KB} | **${(js / 1024 / SKELETON_KB).toFixed(2)}×** | ${js / 1024 <= GOAL_JS_KB ? 'met' : `not met (${kB(js)} > ${GOAL_JS_KB})`} |`,
        );
        timeRows.push(
          `| ${link.name} | ${msf(median(runs.map((r) => r.signInReadyMs)))} | ${msf(median(runs.map((r) => r.submitToFiguresMs)))} | **${msf(nav)}** | ${msf(Math.min(...runs.map((r) => r.navToFiguresMs)))}–${msf(Math.max(...runs.map((r) => r.navToFiguresMs)))} | ${kB(median(runs.map((r) => r.overviewJsBytes)))} | ${link.goalMs} | ${nav <= link.goalMs ? 'met' : 'not met'} |`,
        );
      }
      return [
        '| link | first visit: JS on the wire, kB | of which before the figures, kB | scripts | coding | all bytes, kB | lower bound, kB | ratio | goal ≤ 250 kB |',
        '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |',
        ...rows,
        '',
        '| link | sign-in page ready, ms | submit → figures, ms | navigation → figures (signed in), ms p50 | range, ms | its JS, kB | goal, ms | goal |',
        '| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |',
        ...timeRows,
        '',
        `Load average (1 min) ${loadBefore} before the timed runs, ${load()} after (2 cores).`,
      ].join('\n');
    } finally {
      await browser.close();
      await server.stop();
    }
  },
});
