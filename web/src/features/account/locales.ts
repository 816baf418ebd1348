import type { Strings } from '../../lib/i18n.js';

export const account: Strings = {
  'zh-CN': {
    title: '账户设置',
    profile: '个人信息',
    changePassword: '修改密码',
    currentPassword: '当前密码',
    newPassword: '新密码',
    newPasswordHint: '至少 10 个字符。修改后，其他设备上的登录将失效。',
    changed: '密码已修改',
    mustChange: '您正在使用一次性密码，请先修改密码。',
    language: '界面语言',
  },
  en: {
    title: 'Account',
    profile: 'Profile',
    changePassword: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordHint: 'At least 10 characters. Your other sessions end when you change it.',
    changed: 'Password changed',
    mustChange: 'You signed in with a one-time password: change it first.',
    language: 'Language',
  },
};
