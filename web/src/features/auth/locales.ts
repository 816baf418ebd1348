import type { Strings } from '../../lib/i18n.js';

export const auth: Strings = {
  'zh-CN': {
    title: '登录',
    welcome: '欢迎使用',
    intro: '面向上海人工智能产业投资基金及其子基金群：政府审查人员核查财政资金放大与合规，基金管理人管理项目与账目，出资人查看认缴、实缴、分配与持仓。',
    email: '邮箱',
    password: '密码',
    submit: '登录',
    demoTitle: '演示账号（密码均为 demo-highland-2026）',
    demoUse: '使用',
    footer: '本平台数据为演示数据，仅供体验。',
  },
  en: {
    title: 'Sign in',
    welcome: 'Welcome to',
    intro:
      'For the Shanghai AI Industry Investment Fund and its group of sub-funds: government reviewers check that public money is leveraged as promised, managers run deals and books, LPs see what they committed, paid, got back and own.',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    demoTitle: 'Demo accounts (password demo-highland-2026 for all)',
    demoUse: 'Use',
    footer: 'The data on this site is demo data.',
  },
};
