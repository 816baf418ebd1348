import { launchBrowser, newPage, signIn } from './e2e/helpers.js';
const base = 'http://127.0.0.1:3120';
const [who, path, file, wait] = process.argv.slice(2);
const browser = await launchBrowser();
const page = await newPage(browser, base);
const errors: string[] = [];
page.on('console', (m) => {
  if (m.type() === 'error') errors.push(m.text());
});
await signIn(page, who ?? 'gp@demo.highland');
await page.goto(path ?? '/pipeline');
await page.waitForTimeout(Number(wait ?? 2500));
await page.screenshot({ path: `/tmp/i4/shots/${file ?? 'x'}.png`, fullPage: false });
console.log('errors:', errors.slice(0, 5));
await browser.close();
