import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, navLabels, newPage, signIn } from './helpers.js';

let browser: Browser;
const base = inject('baseUrl');
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function page(locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  return newPage(browser, base, locale);
}

describe('each demo role signs in and sees its own navigation', () => {
  const cases: Array<{ who: string; email: string; landing: string; nav: string[] }> = [
    {
      who: 'government reviewer',
      email: 'gov@demo.highland',
      landing: '/overview',
      nav: [
        '基金群总览',
        '基金列表',
        '投后与业绩',
        '项目储备',
        '企业库',
        '子基金遴选',
        '跨基金重叠',
        '目标完成情况',
        '龙头与标杆企业',
        '科创板上市',
        '上市服务与政策支持',
        '审计日志',
        '账户设置',
      ],
    },
    {
      who: 'sub-fund manager',
      email: 'gp@demo.highland',
      landing: '/funds',
      nav: ['我的基金', '投后与业绩', '项目储备', '企业库', '龙头与标杆企业', '科创板上市', '上市服务与政策支持', '账户设置'],
    },
    {
      who: 'mother-fund manager',
      email: 'fof@demo.highland',
      landing: '/overview',
      nav: [
        '基金群总览',
        '我的基金',
        '投后与业绩',
        '项目储备',
        '企业库',
        '子基金遴选',
        '跨基金重叠',
        '目标完成情况',
        '龙头与标杆企业',
        '科创板上市',
        '上市服务与政策支持',
        '账户设置',
      ],
    },
    { who: 'LP', email: 'lp@demo.highland', landing: '/portfolio', nav: ['我的投资', '账户设置'] },
    {
      who: 'administrator',
      email: 'admin@demo.highland',
      landing: '/admin/users',
      nav: [
        '基金群总览',
        '基金列表',
        '投后与业绩',
        '项目储备',
        '企业库',
        '子基金遴选',
        '跨基金重叠',
        '目标完成情况',
        '龙头与标杆企业',
        '科创板上市',
        '上市服务与政策支持',
        '用户管理',
        '计划与目标',
        '基准指数',
        '审计日志',
        '账户设置',
      ],
    },
  ];
  for (const c of cases) {
    it(c.who, async () => {
      const p = await page();
      await signIn(p, c.email);
      await p.waitForURL(`**${c.landing}**`);
      expect({ path: new URL(p.url()).pathname, nav: await navLabels(p) }).toEqual({ path: c.landing, nav: c.nav });
      await p.context().close();
    });
  }
});

describe('the shell', () => {
  it('the overview shows the group’s committed size, paid-in and sub-funds from real data', async () => {
    const p = await page();
    await signIn(p, 'gov@demo.highland');
    await p.getByTestId('stat-sub-funds').waitFor();
    const subFunds = (await p.getByTestId('stat-sub-funds').textContent()) ?? '';
    const group = (await p.getByTestId('stat-group').textContent()) ?? '';
    expect({ subFunds: subFunds.includes('25'), group: /亿元/.test(group) }).toEqual({ subFunds: true, group: true });
    await p.context().close();
  });

  it('switching to English changes every label, and the choice survives a reload', async () => {
    const p = await page();
    await signIn(p, 'gov@demo.highland');
    await p.getByTestId('language-switch').getByText('English', { exact: true }).first().click();
    await p.getByText('Fund group overview').first().waitFor();
    const navEn = await navLabels(p);
    await p.reload();
    await p.getByTestId('nav').waitFor();
    expect({ navEn, afterReload: await navLabels(p) }).toEqual({
      navEn: [
        'Fund group overview',
        'Funds',
        'Portfolio & performance',
        'Pipeline',
        'Companies',
        'Sub-fund selection',
        'Cross-fund overlap',
        'Plan scoreboard',
        'Leaders & benchmarks',
        'STAR listings',
        'Listing & policy support',
        'Audit trail',
        'Account',
      ],
      afterReload: [
        'Fund group overview',
        'Funds',
        'Portfolio & performance',
        'Pipeline',
        'Companies',
        'Sub-fund selection',
        'Cross-fund overlap',
        'Plan scoreboard',
        'Leaders & benchmarks',
        'STAR listings',
        'Listing & policy support',
        'Audit trail',
        'Account',
      ],
    });
    await p.context().close();
  });

  it('signing out returns to the sign-in page, and the app is closed to the signed-out browser', async () => {
    const p = await page();
    await signIn(p, 'lp@demo.highland');
    await p.getByTestId('user-menu').click();
    await p.getByTestId('sign-out').click();
    await p.waitForURL('**/sign-in**');
    await p.goto('/portfolio');
    await p.waitForURL('**/sign-in**');
    expect(await p.getByTestId('sign-in-form').isVisible()).toBe(true);
    await p.context().close();
  });

  it('a wrong password shows a clear, translated error', async () => {
    const p = await page();
    await p.goto('/sign-in');
    await p.getByTestId('email').fill('gov@demo.highland');
    await p.getByTestId('password').fill('wrong-password');
    await p.getByTestId('sign-in-submit').click();
    const error = p.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('邮箱或密码错误');
    await p.context().close();
  });

  it('an invalid e-mail address is named next to its field before anything is sent', async () => {
    const p = await page('en');
    await p.goto('/sign-in');
    await p.getByTestId('email').fill('not-an-email');
    await p.getByTestId('password').fill('whatever');
    await p.getByTestId('sign-in-submit').click();
    const explain = p.locator('.ant-form-item-has-error .ant-form-item-explain-error');
    await explain.first().waitFor();
    expect(await explain.allInnerTexts()).toEqual(['Not in the right format']);
    await p.context().close();
  });

  it('a page a role may not see says so instead of failing', async () => {
    const p = await page();
    await signIn(p, 'gp@demo.highland');
    await p.goto('/admin/users');
    await p.getByText('无权访问').waitFor();
    expect(await p.getByText('无权访问').isVisible()).toBe(true);
    await p.context().close();
  });
});
