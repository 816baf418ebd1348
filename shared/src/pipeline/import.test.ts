import { describe, expect, it } from 'vitest';
import { computeUsccCheckChar } from '../company/uscc.js';
import { checkImportRows, columnLetter, type ImportCell, importTemplate, looksLikeFormula, parseImportDate, suggestMapping, wanToFen } from './import.js';

const code = (n: number) => {
  const first17 = `91310115MA1${String(n).padStart(6, '0')}`;
  return `${first17}${computeUsccCheckChar(first17)}`;
};
const HEADERS = ['统一社会信用代码', '企业名称', '行业领域', '所在区域', '企业性质', '项目阶段', '拟投金额（万元）', '投前估值（万元）', '放弃原因', '备注'];
const mapping = suggestMapping(HEADERS);
const good = (n: number, over: Partial<Record<number, ImportCell>> = {}): ImportCell[] => {
  const cells: ImportCell[] = [code(n), `上海芯擎${n}科技有限公司`, 'AI芯片', '浦东张江', '民营', '初筛', '500', '20000', '', ''];
  for (const [k, v] of Object.entries(over)) cells[Number(k)] = v ?? null;
  return cells;
};
const check = (...rows: ImportCell[][]) =>
  checkImportRows(
    rows.map((cells, i) => ({ row: i + 2, cells })),
    mapping,
    'committee_first',
  );
const firstIssue = (...rows: ImportCell[][]) => {
  const i = check(...rows).issues[0];
  return i ? `${i.row}${i.column}:${i.rule}` : 'none';
};

describe('mapping headers', () => {
  it('Chinese headers map to their fields', () =>
    expect(mapping).toMatchObject({ uscc: 0, nameZh: 1, sector: 2, zone: 3, ownership: 4, stage: 5, amount: 6, preMoney: 7, passReason: 8, note: 9 }));
  it('English headers with other spacing map too', () =>
    expect(suggestMapping(['Credit code (USCC)', 'company name', 'SECTOR'])).toEqual({ uscc: 0, nameZh: 1, sector: 2 }));
  it('column letters run past Z', () => expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(701)]).toEqual(['A', 'Z', 'AA', 'ZZ']));
});

describe('cell values', () => {
  it('万元 become exact fen', () => expect(wanToFen('1,234.56')).toBe(1_234_560_000));
  it('three decimals of 万元 are not an amount', () => expect(wanToFen('1.234')).toBeNull());
  it('a Chinese date', () => expect(parseImportDate('2024年3月1日')).toBe('2024-03-01'));
  it('a slashed date', () => expect(parseImportDate('2024/3/1')).toBe('2024-03-01'));
  it('31 February is no date', () => expect(parseImportDate('2024-02-31')).toBeNull());
  it('a DDE payload is a formula', () => expect(looksLikeFormula("+cmd|' /C calc'!A0")).toBe(true));
  it('a note that starts with a dash is text', () => expect(looksLikeFormula('- 已约见创始人')).toBe(false));
});

describe('rows', () => {
  const cases: Array<[string, ImportCell[][], string]> = [
    ['a good row has no issue', [good(1)], 'none'],
    ['a wrong check character', [good(1, { 0: `${code(1).slice(0, 17)}0` === code(1) ? `${code(1).slice(0, 17)}1` : `${code(1).slice(0, 17)}0` })], '2A:uscc'],
    ['a lower-case code is accepted (upper-cased first)', [good(1, { 0: code(1).toLowerCase() })], 'none'],
    ['a missing name', [good(1, { 1: '' })], '2B:required'],
    ['an unknown sector', [good(1, { 2: '区块链' })], '2C:unknownSector'],
    ['a sector by its English label', [good(1, { 2: 'AI chips' })], 'none'],
    ['an unknown zone', [good(1, { 3: '火星' })], '2D:unknownZone'],
    ['a negative amount', [good(1, { 6: '-5' })], '2G:positive'],
    ['an amount above ¥10 bn', [good(1, { 6: '1000001' })], '2G:amountRange'],
    ['a formula in a cell', [good(1, { 1: '=HYPERLINK("http://x")' })], '2B:formula'],
    ['a spreadsheet formula cell', [good(1, { 9: { formula: 'SUM(A1:A3)' } })], '2J:formula'],
    ['the committee needs a scorecard an import cannot bring', [good(1, { 5: '投决会' })], '2F:stageNeedsScorecard'],
    ['committee first: a term sheet comes after the committee', [good(1, { 5: '投资条款' })], '2F:stageNeedsScorecard'],
    ['passed needs a reason', [good(1, { 5: '已放弃' })], '2I:reasonRequired'],
    ['passed with a reason', [good(1, { 5: '已放弃', 8: '赛道不符' })], 'none'],
    ['the same credit code with other values', [good(1), good(1, { 6: '800' })], '3A:duplicateRow'],
  ];
  for (const [name, rows, expected] of cases) it(name, () => expect(firstIssue(...rows)).toBe(expected));

  it('term sheet first: a term sheet needs a valuation', () =>
    expect(checkImportRows([{ row: 2, cells: good(1, { 5: '投资条款', 7: '' }) }], mapping, 'term_sheet_first').issues.map((i) => i.rule)).toEqual([
      'needsValuation',
    ]));
  it('an exact repeat is folded into the first row', () => expect(check(good(1), good(2), good(1)).folded).toEqual([{ row: 4, sameAs: 2 }]));
  it('blank rows are skipped but keep the numbering', () => expect(check(good(1), ['', '', ''], good(2)).rows.map((r) => r.row)).toEqual([2, 4]));
  it('every problem of every row is listed', () => expect(check(good(1, { 0: 'x', 2: 'y' }), good(2, { 3: 'z' })).issues.length).toBe(3));
  it('a required field left unmapped stops the check', () =>
    expect(checkImportRows([{ row: 2, cells: good(1) }], { uscc: 0 }, 'committee_first').issues.map((i) => i.field)).toEqual([
      'nameZh',
      'sector',
      'zone',
      'ownership',
    ]));
  it('a parsed row carries fen and codes', () =>
    expect(check(good(7)).rows[0]?.deal).toMatchObject({ stage: 'screening', amountFen: 500_000_000, preMoneyFen: 20_000_000_000 }));
  it('a zone outside Shanghai is not registered in Shanghai by default', () =>
    expect(check(good(1, { 3: '上海以外' })).rows[0]?.company.registeredInShanghai).toBe(false));
});

describe('an unknown value names the nearest allowed ones', () => {
  it('行业“机器视觉” suggests 智能机器人, in both languages', () =>
    expect(check(good(1, { 2: '机器视觉' })).issues[0]?.params).toEqual({ value: '机器视觉', nearestZh: '智能机器人', nearestEn: 'Intelligent robots' }));
  it('a value like nothing allowed suggests nothing', () => expect(check(good(1, { 2: '区块链' })).issues[0]?.params).toEqual({ value: '区块链' }));
});

describe('the import template', () => {
  for (const locale of ['zh-CN', 'en'] as const)
    it(`its example row (${locale}) passes every check, owned by the first manager`, () => {
      const t = importTemplate(locale, ['马一鸣', '林刚']);
      const r = checkImportRows([{ row: 2, cells: t.example }], suggestMapping(t.headers), 'committee_first');
      expect({ issues: r.issues, rows: r.rows.length, owner: r.rows[0]?.deal.owner, stage: r.rows[0]?.deal.stage }).toEqual({
        issues: [],
        rows: 1,
        owner: '马一鸣',
        stage: 'sourced',
      });
    });
  it('lists the allowed values of every coded field, the fund’s managers among them', () => {
    const t = importTemplate('zh-CN', ['马一鸣']);
    expect(Object.fromEntries(t.allowed.map((a) => [a.field, a.values.length]))).toEqual({
      sector: 11,
      zone: expect.any(Number),
      ownership: 3,
      stage: 9,
      source: 6,
      round: expect.any(Number),
      owner: 1,
      registeredInShanghai: 2,
    });
    expect(t.allowed.find((a) => a.field === 'stage')?.values.slice(0, 2)).toEqual(['新项目', '初筛']);
  });
});
