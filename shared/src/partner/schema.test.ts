import { describe, expect, it } from 'vitest';
import { FundTermsSchema, type FundTerms, fundTermsSchema } from './schema.js';

const ok: FundTerms = {
  effectiveDate: '2020-01-01',
  waterfall: { kind: 'european', hurdle: 0.08, carry: 0.2, catchUp: 1 },
  allocationBasis: 'commitment',
  fees: {
    investmentPeriodEnd: '2024-12-31',
    postInvestmentBasis: 'invested',
    steps: [
      { from: '2020-01-01', rate: 0.02 },
      { from: '2025-01-01', rate: 0.015 },
    ],
    offsetShare: 0.8,
  },
  defaults: { cureDays: 30, interestRate: 0.1, remedy: 'reallocate', forfeiture: 0.5 },
  equalisationRate: 0.08,
  concession: { investorClass: 'fiscal', rate: 0.06, compounding: 'simple', toGp: 0.3, toSocial: 0.7, buyoutWindow: { from: '2023-01-01', to: '2025-12-31' } },
};

/** The first issue of a parse: its dotted path, its rule and its message. */
function firstIssue(value: unknown, schema = FundTermsSchema) {
  const r = schema.safeParse(value);
  if (r.success) return null;
  const i = r.error.issues[0];
  return { path: i?.path.join('.'), rule: (i as { params?: { rule?: string } } | undefined)?.params?.rule, message: i?.message };
}

describe('FundTermsSchema', () => {
  it('accepts ordinary terms', () => {
    expect(FundTermsSchema.safeParse(ok).success).toBe(true);
  });
  const refusals: Array<{ name: string; change: (t: FundTerms) => unknown; path: string; rule: string }> = [
    { name: 'a negative hurdle', change: (t) => ({ ...t, waterfall: { ...t.waterfall, hurdle: -0.01 } }), path: 'waterfall.hurdle', rule: 'hurdleRange' },
    { name: 'carry above 50%', change: (t) => ({ ...t, waterfall: { ...t.waterfall, carry: 0.6 } }), path: 'waterfall.carry', rule: 'carryRange' },
    {
      name: 'a catch-up that is not 0 and not above carry',
      change: (t) => ({ ...t, waterfall: { ...t.waterfall, catchUp: 0.15 } }),
      path: 'waterfall.catchUp',
      rule: 'catchUpRange',
    },
    {
      name: 'fee steps out of order',
      change: (t) => ({ ...t, fees: { ...t.fees, steps: [...t.fees.steps].reverse() } }),
      path: 'fees.steps.1.from',
      rule: 'stepOrder',
    },
    {
      name: 'a fee rate above 10%',
      change: (t) => ({ ...t, fees: { ...t.fees, steps: [{ from: '2020-01-01', rate: 0.12 }] } }),
      path: 'fees.steps.0.rate',
      rule: 'feeRateRange',
    },
    { name: 'an offset share above 100%', change: (t) => ({ ...t, fees: { ...t.fees, offsetShare: 1.5 } }), path: 'fees.offsetShare', rule: 'shareRange' },
    {
      name: 'a negative default interest rate',
      change: (t) => ({ ...t, defaults: { ...t.defaults, interestRate: -0.1 } }),
      path: 'defaults.interestRate',
      rule: 'rateRange',
    },
    { name: 'a forfeiture above 100%', change: (t) => ({ ...t, defaults: { ...t.defaults, forfeiture: 2 } }), path: 'defaults.forfeiture', rule: 'shareRange' },
    { name: 'an equalisation rate above 100%', change: (t) => ({ ...t, equalisationRate: 1.2 }), path: 'equalisationRate', rule: 'rateRange' },
    {
      name: '让利 shares that do not add up to 1',
      change: (t) => ({ ...t, concession: { ...ok.concession, toSocial: 0.5 } }),
      path: 'concession.toSocial',
      rule: 'sharesSumToOne',
    },
    {
      name: 'a buy-out window that ends before it starts',
      change: (t) => ({ ...t, concession: { ...ok.concession, buyoutWindow: { from: '2025-01-01', to: '2024-01-01' } } }),
      path: 'concession.buyoutWindow.to',
      rule: 'periodOrder',
    },
  ];
  for (const r of refusals) {
    it(`refuses ${r.name}, naming the field and the rule`, () => {
      const issue = firstIssue(r.change(ok));
      expect([issue?.path, issue?.rule, issue?.message?.startsWith(r.path.replace(/\.\d+/g, ''))]).toEqual([r.path, r.rule, true]);
    });
  }
  it('refuses cure days that are not whole, naming the field', () => {
    expect(firstIssue({ ...ok, defaults: { ...ok.defaults, cureDays: 2.5 } })).toMatchObject({
      path: 'defaults.cureDays',
      message: 'defaults.cureDays: must be a whole number of days',
    });
  });
  it('refuses a fee step-down before the fund starts', () => {
    expect(firstIssue(ok, fundTermsSchema('2020-06-01'))).toMatchObject({ path: 'fees.steps.0.from', rule: 'stepBeforeFundStart' });
  });
  it('accepts the same terms for a fund that started on the first step', () => {
    expect(fundTermsSchema('2020-01-01').safeParse(ok).success).toBe(true);
  });
});
