import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProRata } from './allocate.js';

describe('allocateProRata', () => {
  const cases: Array<{ name: string; total: number; weights: number[]; expected: number[] }> = [
    { name: 'even split of a round call', total: 300, weights: [1, 1, 1], expected: [100, 100, 100] },
    { name: 'one fen left over goes to the earliest tie', total: 100, weights: [1, 1, 1], expected: [34, 33, 33] },
    { name: 'two fen left over go to the two largest remainders', total: 1000, weights: [3, 3, 1], expected: [429, 428, 143] },
    {
      name: 'mother fund 30% of a ¥1 bn fund, call of ¥123,456.78',
      total: 12_345_678,
      weights: [30_000_000_000, 50_000_000_000, 20_000_000_000],
      expected: [3_703_703, 6_172_839, 2_469_136],
    },
    { name: 'an LP with zero commitment gets nothing', total: 999, weights: [0, 5, 5], expected: [0, 500, 499] },
    { name: 'a single LP gets the whole call', total: 123_456_789, weights: [42], expected: [123_456_789] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(allocateProRata(c.total, c.weights)).toEqual(c.expected);
    });
  }

  it('parts always sum to the total and each is within one fen of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.array(fc.integer({ min: 0, max: 10 ** 15 }), { minLength: 1, maxLength: 30 }).filter((ws) => ws.some((w) => w > 0)),
        (total, weights) => {
          const parts = allocateProRata(total, weights);
          const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
          const ok = parts.every((p, i) => {
            const exact = (BigInt(total) * BigInt(weights[i] ?? 0)) / sum;
            return BigInt(p) === exact || BigInt(p) === exact + 1n;
          });
          return ok && parts.reduce((a, b) => a + BigInt(b), 0n) === BigInt(total);
        },
      ),
    );
  });

  it('refuses weights that are all zero', () => {
    expect(() => allocateProRata(100, [0, 0])).toThrow(/all be zero/);
  });
});
