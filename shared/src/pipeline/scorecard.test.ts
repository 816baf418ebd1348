import { describe, expect, it } from 'vitest';
import { computeScorecard, criteriaWithWeights, DIRECT_CRITERIA, policyFitFacts, type ScoreEntry, SELECTION_CRITERIA } from './scorecard.js';

const all = (scorerId: number, score: number): ScoreEntry[] => DIRECT_CRITERIA.map((c) => ({ scorerId, criterion: c.key, score }));

describe('scorecards', () => {
  it('the default criteria are team, technology, market, traction, terms and policy fit', () =>
    expect(DIRECT_CRITERIA.map((c) => c.key)).toEqual(['team', 'technology', 'market', 'traction', 'terms', 'policy_fit']));
  it('every criterion has five written anchors in both languages', () =>
    expect([...DIRECT_CRITERIA, ...SELECTION_CRITERIA].every((c) => c.anchors.length === 5 && c.anchors.every((x) => x.zh && x.en))).toBe(true));
  it('one scorer giving 4 everywhere scores 4', () => expect(computeScorecard(DIRECT_CRITERIA, all(1, 4)).total).toBeCloseTo(4, 10));
  it('two scorers are averaged per criterion', () => expect(computeScorecard(DIRECT_CRITERIA, [...all(1, 2), ...all(2, 5)]).total).toBeCloseTo(3.5, 10));
  it('weights tilt the total toward the team', () => {
    const entries = DIRECT_CRITERIA.map((c) => ({ scorerId: 1, criterion: c.key, score: c.key === 'team' ? 5 : 1 }));
    expect(computeScorecard(DIRECT_CRITERIA, entries).total).toBeCloseTo(0.25 * 5 + 0.75 * 1, 10);
  });
  it('a fund’s own weights are normalised', () => {
    const criteria = criteriaWithWeights('direct', { team: 3, technology: 1, market: 0, traction: 0, terms: 0, policy_fit: 0 });
    const entries = [
      { scorerId: 1, criterion: 'team', score: 5 },
      { scorerId: 1, criterion: 'technology', score: 1 },
    ];
    expect(computeScorecard(criteria, entries).total).toBeCloseTo(4, 10);
  });
  it('a missing criterion leaves the scorecard incomplete', () => expect(computeScorecard(DIRECT_CRITERIA, all(1, 3).slice(1)).complete).toBe(false));
  it('every criterion scored makes it complete', () => expect(computeScorecard(DIRECT_CRITERIA, all(7, 3)).complete).toBe(true));
  it('no scores: no total', () => expect(computeScorecard(DIRECT_CRITERIA, []).total).toBeNull());
  it('scorers are counted once each', () => expect(computeScorecard(DIRECT_CRITERIA, [...all(1, 3), ...all(2, 3), ...all(2, 3)]).scorers).toBe(2));
});

describe('policy-fit facts', () => {
  const firm = { sector: 'ai_chips', zone: 'pudong_zhangjiang', registeredInShanghai: true, ownership: 'private', founded: '2022-03-01' };
  it('a young private chip firm in Zhangjiang fits an AI-chip fund on every count', () =>
    expect(policyFitFacts(firm, ['ai_chips'], '2026-10-31')).toEqual({ focusSector: true, shanghai: true, privateFirm: true, earlyHardTech: true }));
  it('a firm outside Shanghai does not count as local', () =>
    expect(policyFitFacts({ ...firm, zone: 'outside_shanghai', registeredInShanghai: false }, ['ai_chips'], '2026-10-31').shanghai).toBe(false));
  it('an old firm is not early', () => expect(policyFitFacts({ ...firm, founded: '2010-01-01' }, ['ai_chips'], '2026-10-31').earlyHardTech).toBe(false));
});
