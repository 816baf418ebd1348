import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * Every literal key the web passes to `t(…)` exists: a file's keys are looked up in the namespaces its
 * `useTranslation(…)` calls name (`ns:key` picks one), and then in `common`.
 */
describe('keys used by the web exist', () => {
  const webSrc = fileURLToPath(new URL('../../web/src', import.meta.url));
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  })(webSrc);
  const has = (ns: string, key: string) => {
    const strings = namespaces[ns]?.['zh-CN'];
    if (!strings) return false;
    const v = key.split('.').reduce<unknown>((o, p) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[p] : undefined), strings);
    return typeof v === 'string' || (typeof v === 'object' && v !== null);
  };
  it('no page shows a raw key', () => {
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // Every namespace any useTranslation(…) of the file names: a file with several components may use several.
      const decls = [...text.matchAll(/useTranslation\(\s*('[\w-]+'|\[[^\]]*\])?/g)].map((d) => d[0]);
      const nsList = decls.flatMap((d) => [...d.matchAll(/'([\w-]+)'/g)].map((m) => m[1] as string));
      const defaults = nsList.length ? nsList : ['common'];
      for (const m of text.matchAll(/\bt\(\s*'([^'$]+)'/g)) {
        const raw = m[1] as string;
        const [ns, key] = raw.includes(':') ? (raw.split(':') as [string, string]) : [null, raw];
        const found = ns ? has(ns, key) : [...defaults, 'common'].some((n) => has(n, key));
        if (!found) missing.push(`${relative(webSrc, file)}: ${raw}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

/**
 * Every audit action and record type the server writes has a label on the audit page in both languages
 * (an unlabelled code shows raw). Literal `action: '…'` codes are read from the server's sources; the
 * ones built from a template are listed with every value they take.
 */
describe('audit labels', () => {
  const serverSrc = fileURLToPath(new URL('../../server/src', import.meta.url));
  const texts = (function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : [],
    );
  })(serverSrc);
  const literal = (re: RegExp) => [...new Set(texts.flatMap((t) => [...t.matchAll(re)].map((m) => m[1] as string)))];
  // The designation and listing events' own `action` fields ('approved', 'nominated', …) are history rows, not audit actions.
  const actions = [
    ...literal(/\baction: '([a-z]+\.[a-zA-Z.]+)'/g),
    ...literal(/isClose \? '([a-z.]+)'/g),
    ...literal(/isClose \? '[a-z.]+' : '([a-z.]+)'/g),
    ...literal(/previous \? '([a-z.]+)'/g),
    ...literal(/previous \? '[a-z.]+' : '([a-z.]+)'/g),
    'deal.move',
    'designation.approve',
    'designation.reject',
    ...['call', 'contribution', 'distribution', 'fee'].map((k) => `ledger.${k}`),
    ...['approve', 'reject'].flatMap((d) => [`support.${d}`, `valuation.${d}`]),
  ];
  const entities = literal(/\bentity: '([a-z_]+)'/g);
  const has = (locale: 'zh-CN' | 'en', path: string) =>
    typeof path.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], namespaces.audit?.[locale]) === 'string';

  it('every action has a label', () => {
    expect(actions.length).toBeGreaterThan(40);
    const missing = actions.flatMap((a) => (['zh-CN', 'en'] as const).filter((l) => !has(l, `actions.${a}`)).map((l) => `${l}:${a}`));
    expect(missing).toEqual([]);
  });
  it('every record type has a label', () => {
    const missing = entities.flatMap((e) => (['zh-CN', 'en'] as const).filter((l) => !has(l, `entities.${e}`)).map((l) => `${l}:${e}`));
    expect(missing).toEqual([]);
  });
});
