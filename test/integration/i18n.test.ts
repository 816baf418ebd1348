import { describe, expect, it } from 'vitest';
import { namespaces } from '../../web/src/locales/index.js';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** Every visible string exists in both languages: a key in one and not the other shows up raw on screen. */
describe('translations', () => {
  for (const [ns, strings] of Object.entries(namespaces)) {
    it(`${ns}: Chinese and English have the same keys`, () => {
      const zh = keys(strings['zh-CN']).sort();
      const en = keys(strings.en).sort();
      expect({ onlyZh: zh.filter((k) => !en.includes(k)), onlyEn: en.filter((k) => !zh.includes(k)) }).toEqual({ onlyZh: [], onlyEn: [] });
    });
  }
  it('no string is left empty', () => {
    const empty = Object.entries(namespaces).flatMap(([ns, s]) =>
      (['zh-CN', 'en'] as const).flatMap((l) =>
        keys(s[l])
          .filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], s[l]) === '')
          .map((k) => `${l}:${ns}.${k}`),
      ),
    );
    expect(empty).toEqual([]);
  });
});
