import { describe, expect, it } from 'vitest';
import { boardStages, checkMove, type DealPosition, type MoveCheck, type MoveFacts, type Stage, stageOrder } from './stages.js';

const bare: MoveFacts = { amountFen: null, preMoneyFen: null, scorecardComplete: false, hasClosing: false, hasSigning: false, reason: null };
const ready: MoveFacts = { amountFen: 5_000_000_000, preMoneyFen: 80_000_000_000, scorecardComplete: true, hasClosing: false, hasSigning: false, reason: null };
const at = (stage: Stage, extra: Partial<DealPosition> = {}): DealPosition => ({
  kind: 'direct',
  order: 'committee_first',
  stage,
  previousStage: null,
  ...extra,
});
const outcome = (c: MoveCheck) => (c.ok ? `ok:${c.kind}:${c.previousStage ?? '-'}` : `refused:${c.rule}`);

describe('stage orders', () => {
  it('a committee-first fund takes the term sheet after the committee', () =>
    expect(stageOrder('direct', 'committee_first').join('>')).toBe('sourced>screening>due_diligence>committee>term_sheet>closing>invested'));
  it('a term-sheet-first fund takes the term sheet before the committee', () =>
    expect(stageOrder('direct', 'term_sheet_first').join('>')).toBe('sourced>screening>due_diligence>term_sheet>committee>closing>invested'));
  it('the selection pipeline follows the mother fund’s procedure', () =>
    expect(stageOrder('selection').join('>')).toBe('call>expert_review>project_dd>defence>decision>public_notice>signing'));
  it('the board shows on hold and passed after the open stages', () => expect(boardStages('selection').slice(-2)).toEqual(['on_hold', 'passed']));
});

describe('moves', () => {
  const cases: Array<[string, DealPosition, Stage, MoveFacts, string]> = [
    ['screening a new deal needs nothing', at('sourced'), 'screening', bare, 'ok:advance:-'],
    ['skipping ahead to due diligence is allowed', at('sourced'), 'due_diligence', bare, 'ok:advance:-'],
    ['the committee refuses a deal without a scorecard', at('due_diligence'), 'committee', { ...ready, scorecardComplete: false }, 'refused:needsScorecard'],
    ['the committee refuses a deal without an amount', at('due_diligence'), 'committee', { ...ready, amountFen: null }, 'refused:needsAmount'],
    ['the committee takes a scored deal with an amount', at('due_diligence'), 'committee', ready, 'ok:advance:-'],
    ['skipping the committee still needs its scorecard', at('screening'), 'closing', { ...ready, scorecardComplete: false }, 'refused:needsScorecard'],
    ['a term sheet needs a valuation', at('committee'), 'term_sheet', { ...ready, preMoneyFen: null }, 'refused:needsValuation'],
    [
      'term-sheet-first: the term sheet comes before any scorecard',
      at('due_diligence', { order: 'term_sheet_first' }),
      'term_sheet',
      { ...ready, scorecardComplete: false },
      'ok:advance:-',
    ],
    ['invested needs the closing', at('closing'), 'invested', ready, 'refused:needsClosing'],
    ['invested with the closing', at('closing'), 'invested', { ...ready, hasClosing: true }, 'ok:advance:-'],
    ['nothing moves an invested deal', at('invested'), 'passed', { ...ready, reason: 'exit' }, 'refused:closedDeal'],
    ['moving to the same stage is refused', at('screening'), 'screening', bare, 'refused:sameStage'],
    ['moving back needs a reason', at('committee'), 'due_diligence', bare, 'refused:backNeedsReason'],
    ['moving back with a reason', at('committee'), 'due_diligence', { ...bare, reason: '补充尽调' }, 'ok:back:-'],
    ['passing needs a reason', at('screening'), 'passed', bare, 'refused:reasonRequired'],
    ['a blank reason is no reason', at('screening'), 'passed', { ...bare, reason: '   ' }, 'refused:reasonRequired'],
    ['passing remembers the stage left', at('due_diligence'), 'passed', { ...bare, reason: '估值过高' }, 'ok:pass:due_diligence'],
    ['on hold remembers the stage left', at('committee'), 'on_hold', bare, 'ok:hold:committee'],
    [
      'passing a held deal keeps the stage it was held in',
      at('on_hold', { previousStage: 'screening' }),
      'passed',
      { ...bare, reason: '团队解散' },
      'ok:pass:screening',
    ],
    ['a held deal resumes where it was', at('on_hold', { previousStage: 'committee' }), 'committee', bare, 'ok:resume:-'],
    ['a held deal cannot jump elsewhere', at('on_hold', { previousStage: 'committee' }), 'closing', ready, 'refused:returnToPrevious'],
    ['a passed deal is revived into the stage it left', at('passed', { previousStage: 'screening' }), 'screening', bare, 'ok:revive:-'],
    ['a passed deal cannot be put on hold', at('passed', { previousStage: 'screening' }), 'on_hold', bare, 'refused:holdFromOpenOnly'],
    ['a selection stage is not a direct stage', at('screening'), 'decision', ready, 'refused:wrongPipeline'],
    [
      'selection: the decision needs the expert scorecard',
      at('defence', { kind: 'selection' }),
      'decision',
      { ...ready, scorecardComplete: false },
      'refused:needsScorecard',
    ],
    ['selection: signing needs the sub-fund and commitment', at('public_notice', { kind: 'selection' }), 'signing', ready, 'refused:needsSigning'],
    ['selection: signing with them', at('public_notice', { kind: 'selection' }), 'signing', { ...ready, hasSigning: true }, 'ok:advance:-'],
  ];
  for (const [name, from, to, facts, expected] of cases) it(name, () => expect(outcome(checkMove(from, to, facts))).toBe(expected));
});
