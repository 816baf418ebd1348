import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/errors.js';
import { assertWithinCap, type SupportCapInput, supportCap } from './support.js';

const WAN = 1_000_000; // fen in 1万元

/** The cap in fen, or the refusal's rule. */
function capOf(input: SupportCapInput): number | string {
  try {
    return supportCap(input).capFen;
  } catch (e) {
    return e instanceof DomainError ? (e.details.fields?.[0]?.rule ?? e.key) : `threw ${String(e)}`;
  }
}

describe('the plan’s caps on policy support', () => {
  const cases: Array<[string, SupportCapInput, number | string]> = [
    ['a ¥10 m scenario project: 30% is ¥3 m', { kind: 'scenario_project', basisFen: 1000 * WAN }, 300 * WAN],
    ['a ¥100 m scenario project: 30% would be ¥30 m, capped at ¥20 m', { kind: 'scenario_project', basisFen: 10_000 * WAN }, 2000 * WAN],
    ['a scenario project without its investment', { kind: 'scenario_project', basisFen: null }, 'basisRequired'],
    ['a voucher on ¥1.5 m of spending: ¥1.5 m', { kind: 'innovation_voucher', basisFen: 150 * WAN }, 150 * WAN],
    ['a voucher on ¥5 m of spending: capped at ¥2 m', { kind: 'innovation_voucher', basisFen: 500 * WAN }, 200 * WAN],
    ['first-set support on ¥8 m of product: 30% is ¥2.4 m', { kind: 'first_set', basisFen: 800 * WAN }, 240 * WAN],
    [
      'a team reward for three people: ¥500,000 each',
      { kind: 'team_reward', recipients: [{ amountFen: 50 * WAN }, { amountFen: 30 * WAN }, { amountFen: 10 * WAN }] },
      150 * WAN,
    ],
    ['a team reward of ¥600,000 to one person', { kind: 'team_reward', recipients: [{ amountFen: 60 * WAN }] }, 'aboveCap'],
    ['a team reward to nobody', { kind: 'team_reward', recipients: [] }, 'recipientsRequired'],
    ['a listing subsidy at a configured milestone', { kind: 'listing_subsidy', milestone: 'accepted', scheduleFen: 100 * WAN }, 100 * WAN],
    ['a listing subsidy at a milestone with no configured amount', { kind: 'listing_subsidy', milestone: 'inquiry', scheduleFen: null }, 'noSchedule'],
  ];
  for (const [name, input, expected] of cases) it(name, () => expect(capOf(input)).toBe(expected));
});

describe('amounts against the cap', () => {
  const cap = supportCap({ kind: 'scenario_project', basisFen: 10_000 * WAN });
  const verdict = (amountFen: number) => {
    try {
      assertWithinCap('appliedFen', amountFen, cap);
      return 'within';
    } catch (e) {
      return e instanceof DomainError ? e.message : String(e);
    }
  };
  it('exactly the cap is within it', () => expect(verdict(2000 * WAN)).toBe('within'));
  it('one fen above the cap is refused with the cap and its rule named', () =>
    expect(verdict(2000 * WAN + 1)).toBe(
      'appliedFen: ¥20,000,000 is above the cap — 30% of the project investment (¥100,000,000), at most ¥20,000,000: ¥20,000,000',
    ));
});
