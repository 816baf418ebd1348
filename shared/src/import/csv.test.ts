import { describe, expect, it } from 'vitest';
import { CsvError, csvCell, detectDelimiter, escapeSpreadsheetText, parseCsv } from './csv.js';

describe('reading CSV', () => {
  const cases: Array<[string, string, string[][]]> = [
    [
      'plain cells',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'Windows line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final line end',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a quoted comma', 'a,"x, y"\n', [['a', 'x, y']]],
    ['a doubled quote', '"say ""hi"""\n', [['say "hi"']]],
    ['a line break inside quotes', '"line 1\nline 2",b\n', [['line 1\nline 2', 'b']]],
    ['empty cells', ',,\n', [['', '', '']]],
    [
      'semicolons (European Excel)',
      'a;b\n1;2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'Chinese text',
      '企业名称,行业\n上海芯擎科技有限公司,AI芯片\n',
      [
        ['企业名称', '行业'],
        ['上海芯擎科技有限公司', 'AI芯片'],
      ],
    ],
  ];
  for (const [name, text, rows] of cases) it(name, () => expect(parseCsv(text)).toEqual(rows));

  it('a tab-separated file is recognised', () => expect(detectDelimiter('a\tb\tc\n')).toBe('\t'));
  it('a quote left open names its record', () => expect(() => parseCsv('a\n"b,c\n')).toThrow(/record 2/));
  it('too many records are refused while reading', () => expect(() => parseCsv('a\nb\nc\n', { maxRecords: 2 })).toThrow(CsvError));
});

describe('writing cells a spreadsheet will not run', () => {
  const cases: Array<[string, string, string]> = [
    ['an equals sign', '=1+2', "'=1+2"],
    ['a plus sign', '+cmd|calc', "'+cmd|calc"],
    ['a minus sign', '-2+3', "'-2+3"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['ordinary text is left alone', '上海芯擎', '上海芯擎'],
  ];
  for (const [name, input, out] of cases) it(name, () => expect(escapeSpreadsheetText(input)).toBe(out));
  it('numbers stay numbers', () => expect(csvCell(-12.5)).toBe('-12.5'));
  it('an escaped cell with a comma is quoted', () => expect(csvCell('=a,b')).toBe('"\'=a,b"'));
});
