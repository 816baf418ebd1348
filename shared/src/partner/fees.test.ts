import { describe, expect, it } from 'vitest';
import { type FeeTerms, managementFees, quarterPeriods } from './fees.js';

// ¥10 m committed on 2020-01-01; investment period to 2021-06-30; 2%, stepping down to 1.5% on invested cost after it.
const terms: FeeTerms = {
  investmentPeriodEnd: '2021-06-30',
  postInvestmentBasis: 'invested',
  steps: [
    { from: '2020-01-01', rate: 0.02 },
    { from: '2021-07-01', rate: 0.015 },
  ],
  offsetShare: 0.8,
};
const bases = {
  committed: [{ date: '2020-01-01', valueFen: 1_000_000_000 }],
  invested: [
    { date: '2020-05-01', valueFen: 600_000_000 },
    { date: '2021-09-01', valueFen: 700_000_000 },
  ],
  nav: [],
  paidIn: [],
};
const tx = [
  { date: '2021-05-10', amountFen: 3_000_000 },
  { date: '2021-08-20', amountFen: 4_000_000 },
];

describe('managementFees: a hand-computed schedule', () => {
  const rows = managementFees(terms, bases, quarterPeriods('2021-04-01', '2021-12-31'), tx);
  it('2021Q2, on commitments: 1e9 × 2% × 91/365 = 4,986,301.37; 80% of a 3,000,000 transaction fee offsets it', () => {
    expect(rows[0]).toMatchObject({ grossFen: 4_986_301, offsetFen: 2_400_000, offsetCarriedFen: 0, netFen: 2_586_301 });
  });
  it('2021Q3, on invested cost at 1.5%: 6e8 for 62 days + 7e8 for 30 days = 2,391,780.82; the offset exceeds it and carries 808,219', () => {
    expect(rows[1]).toMatchObject({ grossFen: 2_391_781, offsetAvailableFen: 3_200_000, offsetFen: 2_391_781, offsetCarriedFen: 808_219, netFen: 0 });
    expect(rows[1]?.pieces).toEqual([
      { from: '2021-07-01', to: '2021-08-31', days: 62, basis: 'invested', basisFen: 600_000_000, rate: 0.015 },
      { from: '2021-09-01', to: '2021-09-30', days: 30, basis: 'invested', basisFen: 700_000_000, rate: 0.015 },
    ]);
  });
  it('2021Q4: 7e8 × 1.5% × 92/365 = 2,646,575.34, less the 808,219 carried in', () => {
    expect(rows[2]).toMatchObject({ grossFen: 2_646_575, offsetFen: 808_219, offsetCarriedFen: 0, netFen: 1_838_356 });
  });
  it('a step-down in the middle of a quarter splits the accrual at its date', () => {
    const r = managementFees({ ...terms, steps: [...terms.steps, { from: '2022-02-15', rate: 0.01 }] }, bases, [{ from: '2022-01-01', to: '2022-03-31' }]);
    // 7e8 × 1.5% × 45/365 + 7e8 × 1% × 45/365 = 1,294,520.55 + 863,013.70 = 2,157,534.25
    expect([r[0]?.grossFen, r[0]?.pieces.map((p) => p.days)]).toEqual([2_157_534, [45, 45]]);
  });
  it('the investment period ending mid-quarter moves the basis from commitments to NAV on the next day', () => {
    const r = managementFees(
      { ...terms, investmentPeriodEnd: '2021-05-15', postInvestmentBasis: 'nav', steps: [{ from: '2020-01-01', rate: 0.02 }] },
      { ...bases, nav: [{ date: '2021-03-31', valueFen: 500_000_000 }] },
      [{ from: '2021-04-01', to: '2021-06-30' }],
    );
    // 1e9 × 2% × 45/365 + 5e8 × 2% × 46/365 = 2,465,753.42 + 1,260,273.97 = 3,726,027.40
    expect(r[0]?.grossFen).toBe(3_726_027);
  });
});

describe('quarterPeriods', () => {
  it('cuts the first and last quarter to the range', () => {
    expect(quarterPeriods('2024-02-10', '2024-08-01')).toEqual([
      { from: '2024-02-10', to: '2024-03-31' },
      { from: '2024-04-01', to: '2024-06-30' },
      { from: '2024-07-01', to: '2024-08-01' },
    ]);
  });
});
