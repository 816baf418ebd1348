import { describe, expect, it } from 'vitest';
import { IndexImportSchema, parseIndexCsv } from './index-series.js';

describe('pasted index levels', () => {
  it('reads a vendor CSV: header skipped, separators and date styles accepted', () =>
    expect(parseIndexCsv('日期,收盘\n2024-01-31,1000.5\r\n2024/02/29;1010\n\n2024-03-29\t990.25\n')).toEqual({
      rows: [
        { date: '2024-01-31', level: 1000.5 },
        { date: '2024-02-29', level: 1010 },
        { date: '2024-03-29', level: 990.25 },
      ],
      issues: [],
    }));

  it('lists every line it cannot read, with the line and the rule, and guesses nothing', () =>
    expect(parseIndexCsv('2024-01-31,1000\n2024-02-30,1010\n2024-03-29,-5\n2024-04-30\n2024-05-31,abc').issues).toEqual([
      { line: 2, rule: 'date', text: '2024-02-30,1010' },
      { line: 3, rule: 'level', text: '2024-03-29,-5' },
      { line: 4, rule: 'columns', text: '2024-04-30' },
      { line: 5, rule: 'level', text: '2024-05-31,abc' },
    ]));
});

describe('an index import', () => {
  const ok = { code: 'star50', nameZh: '科创50', nameEn: 'STAR 50', source: 'vendor file', rows: [{ date: '2024-01-31', level: 1000 }] };
  it('upper-cases the code', () => expect(IndexImportSchema.parse(ok).code).toBe('STAR50'));
  it('refuses a date given twice, naming the first row', () => {
    const r = IndexImportSchema.safeParse({ ...ok, rows: [...ok.rows, { date: '2024-01-31', level: 1001 }] });
    expect(r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['rows.1.date', 'repeats the date of row 1']]);
  });
  it('refuses a level of zero and a code with spaces', () => {
    const r = IndexImportSchema.safeParse({ ...ok, code: 'A B', rows: [{ date: '2024-01-31', level: 0 }] });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['code', 'rows.0.level']);
  });
});
