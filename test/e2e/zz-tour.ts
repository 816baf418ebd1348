// Temporary: English tour for visual review. Not committed.
import { join } from 'node:path';
import { launchBrowser, newPage, ROOT, signIn, startServer } from './helpers.js';
const pages: Array<[string, string, string]> = (process.env.TOUR ?? '').split(',').map((s) => s.split('|') as [string, string, string]);
const server = await startServer(join(ROOT, 'test/.tmp/tour'));
const browser = await launchBrowser();
try {
  for (const [file, as, path] of pages) {
    const page = await newPage(browser, server.url, (process.env.LOC as 'en') ?? 'en');
    await signIn(page, as);
    await page.goto(path);
    await page.waitForTimeout(3500);
    await page.screenshot({ path: `/tmp/tour/${file}.png`, fullPage: true });
    await page.context().close();
    console.log('✓', file);
  }
} finally {
  await browser.close();
  await server.stop();
}
