import { describe, expect, it } from 'vitest';
import { type HoldingMove, heldOn, holdersOn, holdingIntervals } from './portfolio.js';

const move = (fundId: number, date: string, boughtShare: number, soldShare = 0, companyId = 7): HoldingMove => ({
  fundId,
  companyId,
  date,
  boughtShare,
  soldShare,
});

describe('when a firm is in the group’s portfolio', () => {
  const cases: Array<[string, HoldingMove[], unknown]> = [
    ['bought and still held', [move(1, '2020-03-01', 0.1)], [{ from: '2020-03-01', to: null }]],
    ['bought, then sold in full', [move(1, '2020-03-01', 0.1), move(1, '2023-05-01', 0, 0.1)], [{ from: '2020-03-01', to: '2023-05-01' }]],
    [
      'sold in two parts (float noise in the shares)',
      [move(1, '2020-03-01', 0.1), move(1, '2022-01-01', 0, 0.07), move(1, '2023-05-01', 0, 0.030000000000000013)],
      [{ from: '2020-03-01', to: '2023-05-01' }],
    ],
    [
      'one fund sells while another still holds: one interval',
      [move(1, '2020-03-01', 0.1), move(2, '2021-06-01', 0.05), move(1, '2022-01-01', 0, 0.1)],
      [{ from: '2020-03-01', to: null }],
    ],
    [
      'sold out, bought back later: two intervals',
      [move(1, '2020-03-01', 0.1), move(1, '2021-01-01', 0, 0.1), move(2, '2022-01-01', 0.02)],
      [
        { from: '2020-03-01', to: '2021-01-01' },
        { from: '2022-01-01', to: null },
      ],
    ],
    ['bought and sold the same day: never held', [move(1, '2020-03-01', 0.1), move(1, '2020-03-01', 0, 0.1)], []],
  ];
  for (const [name, moves, expected] of cases) it(name, () => expect(holdingIntervals(moves).get(7)).toEqual(expected));

  const iv = [{ from: '2020-03-01', to: '2023-05-01' }];
  const onCases: Array<[string, boolean]> = [
    ['2020-02-29', false],
    ['2020-03-01', true],
    ['2023-04-30', true],
    ['2023-05-01', false],
  ];
  for (const [date, held] of onCases) it(`held on ${date}: ${held}`, () => expect(heldOn(iv, date)).toBe(held));
});

describe('who holds a firm on a date', () => {
  const moves = [move(1, '2020-03-01', 0.1), move(2, '2021-06-01', 0.05), move(1, '2022-01-01', 0, 0.1), move(3, '2020-01-01', 0.2, 0, 8)];
  const cases: Array<[string, string, Array<[number, number[]]>]> = [
    [
      'before the second fund came in',
      '2021-01-01',
      [
        [7, [1]],
        [8, [3]],
      ],
    ],
    [
      'both funds, mid-2021',
      '2021-12-31',
      [
        [7, [1, 2]],
        [8, [3]],
      ],
    ],
    [
      'after the first fund sold out',
      '2022-01-01',
      [
        [7, [2]],
        [8, [3]],
      ],
    ],
  ];
  for (const [name, date, expected] of cases) it(name, () => expect([...holdersOn(moves, date)].sort((a, b) => a[0] - b[0])).toEqual(expected));
});
