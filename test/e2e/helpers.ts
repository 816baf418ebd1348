import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
import { freePort } from '../fixtures/ports.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEMO_PASSWORD = 'demo-highland-2026';

/**
 * Chromium with the flags this machine needs: CHROMIUM_PATH, else the one shipped in npm
 * `@sparticuz/chromium`, else Debian's (ADR 043; scripts/ensure-chromium.mjs finds or gets it).
 */
export async function launchBrowser(): Promise<Browser> {
  const found = ensureChromium({ log: (line) => process.stderr.write(`${line}\n`) });
  return chromium.launch({
    executablePath: found.executablePath,
    env: { ...process.env, ...found.env },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
  output: () => string;
}

/**
 * Starts the built app (server/dist + web/dist) the way `pnpm start` does, on a free port, with its
 * embedded database in `dir` (a folder of the caller's own: it is emptied first). With `from`, the
 * database starts as a copy of that file (a seeded base, see test/fixtures/databases.ts: about a second
 * to start); without it, the server migrates and seeds a new one itself. Waits for /healthz.
 */
export async function startServer(dir: string, env: Record<string, string> = {}, from?: string): Promise<RunningServer> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (from) copyFileSync(from, join(dir, 'highland.db'));
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'server/dist/index.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(dir, 'highland.db')}`,
      LOG_LEVEL: 'warn',
      HIGHLAND_DATA: 'demo',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // starting
    }
    if (Date.now() > deadline) throw new Error(`server did not answer within 60 s: ${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

let current: RunningServer | undefined;

/** Set by per-file-server.ts (the e2e setup file) for the test file about to run. */
export function setFileServer(server: RunningServer | undefined): void {
  current = server;
}

/**
 * This test file's own server: the built app on a copy of the seeded demo base, started before the file
 * runs and stopped after it, so no file sees another's writes.
 */
export function fileServer(): RunningServer {
  if (!current) throw new Error('no e2e server for this file (test/e2e/per-file-server.ts is the e2e setup file)');
  return current;
}

/** The base URL of this test file's own server. */
export function baseUrl(): string {
  return fileServer().url;
}

export async function newPage(browser: Browser, base: string, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    baseURL: base,
    locale: locale === 'en' ? 'en-US' : 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript((l) => {
    if (!localStorage.getItem('highland.locale')) localStorage.setItem('highland.locale', l);
  }, locale);
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw new Error(`page error: ${e.message}`);
  });
  return page;
}

/** Signs in through the form and waits for the app shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByTestId('email').fill(email);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** The labels of the navigation, in order. */
export async function navLabels(page: Page): Promise<string[]> {
  await page.getByTestId('nav').waitFor();
  return (await page.locator('[data-testid=nav] a[data-testid^=nav-]').allTextContents()).map((s) => s.trim());
}
