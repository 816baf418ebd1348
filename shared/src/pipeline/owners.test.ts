import { describe, expect, it } from 'vitest';
import { matchOwner, shortPersonName } from './owners.js';

const owners = [
  { id: 1, email: 'sf01.team1@demo.highland', name: 'SF-01 投资经理 马一鸣' },
  { id: 2, email: 'sf01.team2@demo.highland', name: 'SF-01 投资经理 林刚' },
  { id: 3, email: 'gp@demo.highland', name: '基金经理 赵明' },
  { id: 4, email: 'other@demo.highland', name: 'SF-09 投资经理 林刚' },
];

describe('the owner a cell names', () => {
  it('the board shows a name without its title', () =>
    expect([shortPersonName('SF-01 投资经理 马一鸣'), shortPersonName('基金经理 赵明'), shortPersonName('李静'), shortPersonName(null)]).toEqual([
      '马一鸣',
      '赵明',
      '李静',
      '—',
    ]));
  it('accepts the e-mail, the full display name and the name the board shows', () =>
    expect([
      matchOwner('SF01.Team1@demo.highland', owners),
      matchOwner('SF-01 投资经理 马一鸣', owners),
      matchOwner(' 马一鸣 ', owners),
      matchOwner('赵明', owners),
    ]).toEqual([
      { kind: 'one', id: 1 },
      { kind: 'one', id: 1 },
      { kind: 'one', id: 1 },
      { kind: 'one', id: 3 },
    ]));
  it('a name two managers share is ambiguous and lists both; an unknown name is none', () =>
    expect([matchOwner('林刚', owners), matchOwner('王五', owners)]).toEqual([
      { kind: 'ambiguous', names: ['SF-01 投资经理 林刚 <sf01.team2@demo.highland>', 'SF-09 投资经理 林刚 <other@demo.highland>'] },
      { kind: 'none' },
    ]));
});
