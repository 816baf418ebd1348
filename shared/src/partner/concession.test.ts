import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../common/errors.js';
import { type ConcessionTerms, cedeGovernmentReturn, concessionSummary, governmentBuyoutPrice } from './concession.js';

const flows = [
  { date: '2020-01-01', amount: -1_000_000 },
  { date: '2021-01-01', amount: 500_000 },
  { date: '2023-01-01', amount: 900_000 },
];
const simple: ConcessionTerms = { rate: 0.06, compounding: 'simple', toGp: 0.3, toSocial: 0.7 };

describe('cedeGovernmentReturn (让利)', () => {
  it('simple 6%: the first distribution is under the cap; of the second the class keeps 620,164 and cedes 279,836 (GP 83,951, social 195,885)', () => {
    // cap on 2023-01-01 = 1e6 × (1 + 0.06 × 1096/365) − 500,000 × (1 + 0.06 × 730/365) = 1,180,164.38 − 560,000 = 620,164.38
    expect(cedeGovernmentReturn(simple, flows)).toEqual([
      { date: '2021-01-01', amount: 500_000, kept: 500_000, ceded: 0, cededToGp: 0, cededToSocial: 0 },
      { date: '2023-01-01', amount: 900_000, kept: 620_164, ceded: 279_836, cededToGp: 83_951, cededToSocial: 195_885 },
    ]);
  });
  it('compound 6%: cap 1e6 × 1.06^(1096/365) − 500,000 × 1.06^2 = 629,406.15, so 270,594 is ceded', () => {
    expect(cedeGovernmentReturn({ ...simple, compounding: 'compound' }, flows)[1]).toMatchObject({ kept: 629_406, ceded: 270_594 });
  });
  it('the amount and the rate ceded: IRR before less IRR after', () => {
    const rows = cedeGovernmentReturn(simple, flows);
    const s = concessionSummary(flows, rows);
    expect([s.cededFen, s.cededToGpFen, s.cededToSocialFen]).toEqual([279_836, 83_951, 195_885]);
    // After the cap the class earns just under 6% (simple interest compounds to a little less than 6% a year).
    expect([s.irrAfter !== null && s.irrAfter > 0.055 && s.irrAfter < 0.06, s.rateCeded !== null && s.rateCeded > 0.07]).toEqual([true, true]);
  });
  it('kept + ceded is each distribution, ceded ≥ 0, and the GP and social parts add up to it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ d: fc.integer({ min: 0, max: 4000 }), amount: fc.integer({ min: -1e10, max: 1e10 }) }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        (raw, r, g, compound) => {
          const fl = raw.map((x) => ({ date: new Date(Date.UTC(2018, 0, 1) + x.d * 86_400_000).toISOString().slice(0, 10), amount: x.amount }));
          const rows = cedeGovernmentReturn({ rate: r / 1000, compounding: compound ? 'compound' : 'simple', toGp: g / 100, toSocial: 1 - g / 100 }, fl);
          return rows.every((x) => x.kept + x.ceded === x.amount && x.ceded >= 0 && x.kept >= 0 && x.cededToGp + x.cededToSocial === x.ceded);
        },
      ),
    );
  });
  it('refuses shares that do not add up to 1, naming the field', () => {
    let caught: unknown;
    try {
      cedeGovernmentReturn({ ...simple, toSocial: 0.5 }, flows);
    } catch (e) {
      caught = e;
    }
    expect(isDomainError(caught) && caught.details.fields?.[0]).toMatchObject({ path: 'concession.toSocial', rule: 'sharesSumToOne' });
  });
});

describe('governmentBuyoutPrice', () => {
  it('principal plus 6% simple less what was received, inside the window', () => {
    // on 2022-01-01: 1e6 × (1 + 0.06 × 731/365) − 500,000 × (1 + 0.06 × 365/365) = 1,120,164.38 − 530,000
    expect(governmentBuyoutPrice(simple, flows.slice(0, 2), '2022-01-01', { from: '2021-06-01', to: '2022-12-31' })).toBe(590_164);
  });
  it('refuses a date outside the window', () => {
    expect(() => governmentBuyoutPrice(simple, flows, '2024-01-01', { from: '2021-06-01', to: '2022-12-31' })).toThrow(/buy-out window/);
  });
});
