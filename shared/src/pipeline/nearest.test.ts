import { describe, expect, it } from 'vitest';
import { DEAL_SOURCES } from './reference.js';
import { SECTORS, ZONES } from '../reference/taxonomy.js';
import { editDistance, nearestCodes, similarity } from './nearest.js';

describe('edit distance and similarity', () => {
  it('counts insertions, deletions and substitutions over code points', () =>
    expect([editDistance('', 'abc'), editDistance('kitten', 'sitting'), editDistance('机器视觉', '机器人'), editDistance('AI芯片', 'AI芯片')]).toEqual([
      3, 3, 2, 0,
    ]));
  it('is 1 for equal texts (after folding case and width), 0 for nothing in common', () =>
    expect([similarity('ＡＩ Chips', 'ai chips'), similarity('区块链', 'Sensors'), similarity('', 'x')]).toEqual([1, 0, 0]));
});

describe('the nearest allowed values', () => {
  it('a sector written in other words names the sectors sharing its characters', () =>
    expect(nearestCodes('机器视觉', SECTORS)).toEqual(['intelligent_robots']));
  it('a misspelt English label finds its code first', () => expect(nearestCodes('Sensers', SECTORS)[0]).toBe('sensors'));
  it('a near miss of a zone finds the zone', () => expect(nearestCodes('张江', ZONES)[0]).toBe('pudong_zhangjiang'));
  it('at most the limit, best first, table order on ties', () => {
    const near = nearestCodes('AI', SECTORS, 2, 0.1);
    expect(near).toEqual(['ai_chips', 'ai_algorithms']);
  });
  it('a value like nothing suggests nothing', () => expect(nearestCodes('区块链', DEAL_SOURCES)).toEqual([]));
});
