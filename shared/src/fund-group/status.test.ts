import { describe, expect, it } from 'vitest';
import { FundCreateSchema, fundConsistencyIssues } from './schema.js';
import { fundStatusAsOf, isSetUpAsOf } from './status.js';

describe('fundStatusAsOf: one status from the set-up date and the stored stage', () => {
  it('a fund with a set-up date on or before the date is not "approved, not yet set up"', () => {
    expect(fundStatusAsOf({ status: 'approved', establishedDate: '2026-03-01' }, '2026-12-07')).toBe('fundraising');
    expect(fundStatusAsOf({ status: 'approved', establishedDate: '2026-12-07' }, '2026-12-07')).toBe('fundraising');
  });
  it('before its set-up date, or with none, a fund is approved whatever was stored', () => {
    expect(fundStatusAsOf({ status: 'investing', establishedDate: '2026-03-01' }, '2026-02-28')).toBe('approved');
    expect(fundStatusAsOf({ status: 'approved', establishedDate: null }, '2026-12-07')).toBe('approved');
    expect(fundStatusAsOf({ status: 'fundraising', establishedDate: null }, '2026-12-07')).toBe('approved');
  });
  it('once set up the stored stage stands', () => {
    for (const s of ['fundraising', 'investing', 'harvesting', 'liquidated'] as const)
      expect(fundStatusAsOf({ status: s, establishedDate: '2020-01-01' }, '2026-12-07')).toBe(s);
  });
  it('agrees with what the overview counts as set up', () => {
    const funds = [
      { status: 'approved' as const, establishedDate: '2026-03-01' },
      { status: 'approved' as const, establishedDate: null },
      { status: 'investing' as const, establishedDate: '2027-01-01' },
      { status: 'harvesting' as const, establishedDate: '2019-06-30' },
    ];
    for (const f of funds) expect(fundStatusAsOf(f, '2026-12-07') !== 'approved').toBe(isSetUpAsOf(f, '2026-12-07'));
  });
});

describe('a fund cannot be saved without what the fund form marks required', () => {
  const valid = {
    kind: 'sub' as const,
    code: 'SF-99',
    nameZh: '测试基金',
    nameEn: 'Test Fund',
    managerId: 1,
    sponsorType: 'market' as const,
    batch: 4,
    isFundOfFunds: false,
    decisionDate: '2026-09-01',
    establishedDate: null,
    termYears: 8,
    investmentPeriodYears: 5,
    targetSizeFen: 300_000_000_000,
    sectorFocus: ['ai_algorithms' as const],
    status: 'approved' as const,
    govShareCap: 0.3,
    govShareOverrideAllowed: false,
    reinvestK: 1.5,
    reinvestWeightRegistered: 1,
    reinvestWeightRelocated: 0.8,
    reinvestWeightSubsidiary: 0.5,
    reinvestBasis: 'committed' as const,
    feeBasis: 'committed' as const,
    feeRate: 0.02,
  };
  const refused = (input: unknown) => {
    const r = FundCreateSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${(i as { params?: { rule?: string } }).params?.rule ?? i.code}`);
  };
  it('a complete fund decided on but not yet set up is accepted', () => expect(refused(valid)).toEqual([]));
  it('no manager, no decision date, no target size: each refused on its field', () =>
    expect(refused({ ...valid, managerId: null, decisionDate: null, targetSizeFen: null }).sort()).toEqual([
      'decisionDate:required',
      'managerId:required',
      'targetSizeFen:required',
    ]));
  it('a fund past "approved" needs its set-up date', () => {
    expect(refused({ ...valid, status: 'investing' })).toEqual(['establishedDate:setUpDateRequired']);
    expect(refused({ ...valid, status: 'investing', establishedDate: '2026-10-01' })).toEqual([]);
  });
  it('an edit checks only what it is given', () => expect(fundConsistencyIssues({ nameZh: '新名称' } as never)).toEqual([]));
});
