import { describe, expect, it } from 'vitest';
import { computeFunnel, type DealHistory, median } from './funnel.js';
import { stageOrder } from './stages.js';

const order = stageOrder('direct');
const day = (n: number) => `2025-01-${String(n).padStart(2, '0')}T00:00:00.000Z`;
const deal = (source: string, sector: string, ...path: Array<[string | null, string, number]>): DealHistory => ({
  source,
  sector,
  moves: path.map(([from, to, d]) => ({ from: from as never, to: to as never, at: day(d) })),
});

// Four deals: one invested, one passed at screening, one held then passed at due diligence, one still sourced.
const deals = [
  deal(
    'inbound',
    'ai_chips',
    [null, 'sourced', 1],
    ['sourced', 'screening', 3],
    ['screening', 'due_diligence', 7],
    ['due_diligence', 'committee', 17],
    ['committee', 'term_sheet', 18],
    ['term_sheet', 'closing', 20],
    ['closing', 'invested', 25],
  ),
  deal('inbound', 'iot', [null, 'sourced', 1], ['sourced', 'screening', 5], ['screening', 'passed', 6]),
  deal('event', 'ai_chips', [null, 'sourced', 2], ['sourced', 'due_diligence', 4], ['due_diligence', 'on_hold', 10], ['on_hold', 'passed', 20]),
  deal('event', 'iot', [null, 'sourced', 9]),
];
const f = computeFunnel(order, deals);
const stage = (s: string) => f.stages.find((x) => x.stage === s);

describe('funnel', () => {
  it('every deal reached the first stage', () => expect(stage('sourced')?.reached).toBe(4));
  it('a skipped stage counts as passed through', () => expect(stage('screening')?.reached).toBe(3));
  it('conversion is reach of the next stage over reach of this one', () => expect(stage('screening')?.conversion).toBeCloseTo(2 / 3, 10));
  it('the last stage has no conversion', () => expect(stage('invested')?.conversion).toBeNull());
  it('median time in sourced over the ended stays (2, 4, 2 days)', () => expect(stage('sourced')?.medianDays).toBe(2));
  it('a stay still running is counted apart', () => expect([stage('sourced')?.endedStays, stage('sourced')?.openStays]).toEqual([3, 1]));
  it('a deal passed from on hold is passed in the stage it was held in', () => expect(stage('due_diligence')?.passedHere).toBe(1));
  it('by source: the inbound deals', () => expect(f.bySource.find((g) => g.key === 'inbound')?.reached.slice(0, 3)).toEqual([2, 2, 1]));
  it('by sector: the chip deals win one in two', () => expect(f.bySector.find((g) => g.key === 'ai_chips')?.winRate).toBe(0.5));
  it('the median of an even count is the mean of the middle two', () => expect(median([4, 1, 3, 2])).toBe(2.5));
  it('no stays, no median', () => expect(median([])).toBeNull());
});
