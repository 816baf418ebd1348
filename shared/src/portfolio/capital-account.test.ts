import { describe, expect, it } from 'vitest';
import { canonicalJson, type StatementLines, statementDifferences } from './capital-account.js';

const col = (from: string, beginningFen: number, endingFen: number) => ({
  from,
  to: '2026-09-30',
  beginningFen,
  contributionsFen: 100,
  distributionsFen: 10,
  feesFen: 5,
  gainLossFen: endingFen - beginningFen - 100 + 10 + 5,
  endingFen,
});
const issued: StatementLines = {
  committedFen: 1_000,
  calledFen: 800,
  unfundedFen: 200,
  qtd: col('2026-07-01', 500, 700),
  ytd: col('2026-01-01', 300, 700),
  itd: col('', 0, 700),
};

describe('a statement as issued against the books now', () => {
  it('the same figures: no difference', () => expect(statementDifferences(issued, structuredClone(issued))).toEqual([]));

  it('a back-dated mark moves the ending balance and the gain in every column, and nothing else', () => {
    const now = structuredClone(issued);
    for (const c of ['qtd', 'ytd', 'itd'] as const) {
      now[c].endingFen += 42;
      now[c].gainLossFen += 42;
    }
    const d = statementDifferences(issued, now);
    expect(d.map((x) => `${x.column}.${x.line} ${x.issuedFen}→${x.currentFen}`)).toEqual([
      'qtd.gainLossFen 115→157',
      'qtd.endingFen 700→742',
      'ytd.gainLossFen 315→357',
      'ytd.endingFen 700→742',
      'itd.gainLossFen 615→657',
      'itd.endingFen 700→742',
    ]);
  });

  it('a commitment figure that moved is listed without a column', () =>
    expect(statementDifferences(issued, { ...structuredClone(issued), calledFen: 900, unfundedFen: 100 })).toEqual([
      { column: null, line: 'calledFen', issuedFen: 800, currentFen: 900 },
      { column: null, line: 'unfundedFen', issuedFen: 200, currentFen: 100 },
    ]));
});

describe('the canonical text hashed into an issued statement’s digest', () => {
  it('does not depend on the order keys were written in', () =>
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 'z' }] })).toBe(canonicalJson({ a: [{ x: 'z', y: 2 }], b: 1 })));
  it('is JSON, sorted at every level', () => expect(canonicalJson({ b: 1, a: [{ y: 2, x: 'z' }] })).toBe('{"a":[{"x":"z","y":2}],"b":1}'));
});
