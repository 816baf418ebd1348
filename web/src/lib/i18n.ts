import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { DisplayLocale } from '@highland/shared';

export const LOCALES: DisplayLocale[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'highland.locale';

export function initialLocale(): DisplayLocale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return 'zh-CN';
}

export function rememberLocale(locale: DisplayLocale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

/** A namespace's strings in both languages; every visible string lives in one of these. */
export type Strings = { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> };

export function initI18n(namespaces: Record<string, Strings>): typeof i18next {
  const resources: Resource = { 'zh-CN': {}, en: {} };
  for (const [ns, strings] of Object.entries(namespaces)) {
    (resources['zh-CN'] as Record<string, unknown>)[ns] = strings['zh-CN'];
    (resources.en as Record<string, unknown>)[ns] = strings.en;
  }
  const lng = initialLocale();
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'zh-CN',
    ns: Object.keys(namespaces),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  return i18next;
}
