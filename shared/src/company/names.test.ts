import { describe, expect, it } from 'vitest';
import { normaliseCompanyName, searchMatchExpression, searchText } from './names.js';

describe('normalised company names find duplicates', () => {
  const same: Array<[string, string, string]> = [
    ['a city prefix and a bracketed city are the same firm', '上海芯擎科技有限公司', '芯擎科技（上海）有限公司'],
    ['full-width and half-width brackets fold together', '深擎智能（上海）股份有限公司', '深擎智能(上海)股份有限公司'],
    ['a joint-stock and a limited company of one name', '云迹机器人股份有限公司', '云迹机器人有限公司'],
    ['English legal forms and punctuation do not count', 'Xinqing Technology Co., Ltd.', 'XINQING TECHNOLOGY LIMITED'],
    ['spaces inside a Chinese name do not count', '上海 芯擎 科技有限公司', '上海芯擎科技有限公司'],
  ];
  for (const [name, x, y] of same) it(name, () => expect(normaliseCompanyName(x)).toBe(normaliseCompanyName(y)));
  it('two different firms stay different', () => expect(normaliseCompanyName('上海芯擎科技有限公司')).not.toBe(normaliseCompanyName('上海芯原科技有限公司')));
  it('the normal form keeps the distinctive words', () => expect(normaliseCompanyName('上海芯擎科技有限公司')).toBe('芯擎科技'));
});

describe('full-text tokens', () => {
  it('a Chinese name becomes overlapping bigrams and its last character', () => expect(searchText('芯擎科技')).toBe('芯擎 擎科 科技 技'));
  it('letters and digits stay whole words, lower-cased', () => expect(searchText('AI芯片 Xinqing 2024')).toBe('ai 芯片 片 xinqing 2024'));
  it('a two-character query is one bigram phrase', () => expect(searchMatchExpression('芯片')).toBe('"芯片"'));
  it('a longer query is a phrase of bigrams', () => expect(searchMatchExpression('芯片科技')).toBe('"芯片 片科 科技"'));
  it('one character is a prefix: it starts a bigram or ends a run', () => expect(searchMatchExpression('技')).toBe('"技"*'));
  it('a Latin word is a prefix', () => expect(searchMatchExpression('xinq')).toBe('"xinq"*'));
  it('several words must all match', () => expect(searchMatchExpression('张江 chip')).toBe('"张江" AND "chip"*'));
  it('FTS syntax typed by a user is only text', () => expect(searchMatchExpression('a" OR bi:*')).toBe('"a"* AND "or"* AND "bi"*'));
  it('nothing searchable gives no expression', () => expect(searchMatchExpression(' "*" ')).toBeNull());
});
