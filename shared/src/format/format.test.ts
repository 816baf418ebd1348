import { describe, expect, it } from 'vitest';
import {
  autoMoneyUnit,
  FEN_PER_WAN,
  FEN_PER_YI,
  FEN_PER_YUAN,
  fenIn,
  formatDate,
  formatInstant,
  formatMoney,
  formatMultiple,
  formatPercent,
  pickName,
  toFen,
} from './format.js';

describe('formatMoney', () => {
  const cases: Array<{ name: string; fen: number; opts: Parameters<typeof formatMoney>[1]; expected: string }> = [
    { name: 'the ¥10 bn mother fund in 亿元', fen: 1_000_000_000_000, opts: {}, expected: '100.00 亿元' },
    { name: 'a ¥5.2 million call in 万元', fen: 520_000_000, opts: {}, expected: '520.00 万元' },
    { name: 'a fixed 万元 column for a large figure', fen: 1_000_000_000_000, opts: { unit: 'wan', digits: 0 }, expected: '1,000,000 万元' },
    { name: 'English reader, ¥10 bn', fen: 1_000_000_000_000, opts: { locale: 'en' }, expected: '¥10.00 bn' },
    { name: 'English reader, ¥5.2 m', fen: 520_000_000, opts: { locale: 'en' }, expected: '¥5.20 m' },
    { name: 'a negative (reversing) amount keeps its sign', fen: -520_000_000, opts: { locale: 'en' }, expected: '-¥5.20 m' },
    { name: 'number only, for a table cell', fen: 123_456_789, opts: { unit: 'wan', withUnit: false }, expected: '123.46' },
    { name: 'zero', fen: 0, opts: {}, expected: '0.00 万元' },
  ];
  for (const c of cases) it(c.name, () => expect(formatMoney(c.fen, c.opts)).toBe(c.expected));
});

describe('units and ratios', () => {
  it('fen to 亿元 is exact for whole 亿', () => expect(fenIn(95_000_000_000_000, 'yi')).toBe(9500));
  it('1亿 picks 亿元 in Chinese', () => expect(autoMoneyUnit(10_000_000_000, 'zh-CN')).toBe('yi'));
  it('just under 1 bn picks millions in English', () => expect(autoMoneyUnit(99_999_999_999, 'en')).toBe('m'));
  it('leverage multiple', () => expect(formatMultiple(9.51234)).toBe('9.51×'));
  it('a missing ratio shows a dash, not NaN', () => expect(formatMultiple(null)).toBe('—'));
  it('government share as a percentage', () => expect(formatPercent(0.2345)).toBe('23.45%'));
  it('division by zero shows a dash', () => expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('—'));
});

describe('dates', () => {
  it('long Chinese date', () => expect(formatDate('2024-03-31', 'zh-CN', 'long')).toBe('2024年3月31日'));
  it('long English date', () => expect(formatDate('2024-03-31', 'en', 'long')).toBe('31 Mar 2024'));
  it('a UTC instant in Shanghai time', () => expect(formatInstant('2026-11-29T00:33:12.000Z')).toBe('2026-11-29 08:33:12'));
});

describe('money constants and names', () => {
  it('万元 typed in a form becomes integer fen', () => {
    expect([toFen(1.5, 'wan'), toFen(0.01, 'yuan'), toFen(100, 'yi'), FEN_PER_WAN, FEN_PER_YI, FEN_PER_YUAN]).toEqual([
      1_500_000, 1, 1_000_000_000_000, 1_000_000, 10_000_000_000, 100,
    ]);
  });
  it('an English reader sees the English name, or the Chinese one when there is none', () => {
    expect([
      pickName('en', { nameZh: '母基金', nameEn: 'Mother fund' }),
      pickName('zh-CN', { nameZh: '母基金', nameEn: 'Mother fund' }),
      pickName('en', { nameZh: '母基金', nameEn: '' }),
    ]).toEqual(['Mother fund', '母基金', '母基金']);
  });
});
