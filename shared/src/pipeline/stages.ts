/**
 * Pipeline stages and the state machine that moves a deal between them (docs/domain.md#direct-deals).
 *
 * Two pipelines run on the same machinery:
 * - `direct`: a fund's deals — sourced → screening → due diligence → committee → term sheet → closing →
 *   invested; some funds put the term sheet before the committee, so the order is per fund;
 * - `selection`: the mother fund's selection of sub-fund managers — 遴选公告 → 专家评审 → 立项尽调 →
 *   现场答辩 → 投决 → 公示 → 签约.
 * Any open stage can go to `passed` (a reason is required) or `on_hold`; both remember the stage the
 * deal was in, and resuming or reviving returns it there. The last stage of each order (invested,
 * signing) is the won end: nothing moves a deal out of it.
 */
import type { Labelled } from '../reference/taxonomy.js';

export const DIRECT_STAGES = {
  sourced: { zh: '新项目', en: 'Sourced' },
  screening: { zh: '初筛', en: 'Screening' },
  due_diligence: { zh: '尽职调查', en: 'Due diligence' },
  committee: { zh: '投决会', en: 'Investment committee' },
  term_sheet: { zh: '投资条款', en: 'Term sheet' },
  closing: { zh: '交割', en: 'Closing' },
  invested: { zh: '已投资', en: 'Invested' },
} as const satisfies Record<string, Labelled>;

export const SELECTION_STAGES = {
  call: { zh: '遴选公告', en: 'Call for applications' },
  expert_review: { zh: '专家评审', en: 'Expert review' },
  project_dd: { zh: '立项尽调', en: 'Due diligence' },
  defence: { zh: '现场答辩', en: 'On-site defence' },
  decision: { zh: '投决', en: 'Investment decision' },
  public_notice: { zh: '公示', en: 'Public notice' },
  signing: { zh: '签约', en: 'Signing' },
} as const satisfies Record<string, Labelled>;

export const SIDE_STAGES = {
  on_hold: { zh: '暂缓', en: 'On hold' },
  passed: { zh: '已放弃', en: 'Passed' },
} as const satisfies Record<string, Labelled>;

export type DirectStage = keyof typeof DIRECT_STAGES;
export type SelectionStage = keyof typeof SELECTION_STAGES;
export type SideStage = keyof typeof SIDE_STAGES;
export type OpenStage = DirectStage | SelectionStage;
export type Stage = OpenStage | SideStage;

export const STAGES: Record<Stage, Labelled> = { ...DIRECT_STAGES, ...SELECTION_STAGES, ...SIDE_STAGES };
export const STAGE_CODES = Object.keys(STAGES) as [Stage, ...Stage[]];

export const PIPELINE_KINDS = {
  direct: { zh: '直投项目', en: 'Direct deals' },
  selection: { zh: '子基金遴选', en: 'Sub-fund selection' },
} as const satisfies Record<string, Labelled>;
export type PipelineKind = keyof typeof PIPELINE_KINDS;
export const PIPELINE_KIND_CODES = Object.keys(PIPELINE_KINDS) as [PipelineKind, ...PipelineKind[]];

/** Where a direct pipeline puts the term sheet: after the committee (the default) or before it. */
export const STAGE_ORDERS = {
  committee_first: { zh: '先投决后条款', en: 'Committee, then term sheet' },
  term_sheet_first: { zh: '先条款后投决', en: 'Term sheet, then committee' },
} as const satisfies Record<string, Labelled>;
export type StageOrder = keyof typeof STAGE_ORDERS;
export const STAGE_ORDER_CODES = Object.keys(STAGE_ORDERS) as [StageOrder, ...StageOrder[]];

const COMMITTEE_FIRST: readonly DirectStage[] = ['sourced', 'screening', 'due_diligence', 'committee', 'term_sheet', 'closing', 'invested'];
const TERM_SHEET_FIRST: readonly DirectStage[] = ['sourced', 'screening', 'due_diligence', 'term_sheet', 'committee', 'closing', 'invested'];
const SELECTION_ORDER: readonly SelectionStage[] = ['call', 'expert_review', 'project_dd', 'defence', 'decision', 'public_notice', 'signing'];

/** The open stages of a pipeline, in order; the last one is the won end. */
export function stageOrder(kind: PipelineKind, order: StageOrder = 'committee_first'): readonly OpenStage[] {
  if (kind === 'selection') return SELECTION_ORDER;
  return order === 'term_sheet_first' ? TERM_SHEET_FIRST : COMMITTEE_FIRST;
}

/** Every stage a deal of this pipeline can be in: the open ones in order, then on hold and passed. */
export function boardStages(kind: PipelineKind, order: StageOrder = 'committee_first'): readonly Stage[] {
  return [...stageOrder(kind, order), 'on_hold', 'passed'];
}

export function isSideStage(stage: Stage): stage is SideStage {
  return stage === 'on_hold' || stage === 'passed';
}

/** The won end of a pipeline (invested, signing). */
export function wonStage(kind: PipelineKind): OpenStage {
  return kind === 'selection' ? 'signing' : 'invested';
}

export function stageBelongsTo(stage: Stage, kind: PipelineKind): boolean {
  return isSideStage(stage) || (stageOrder(kind) as readonly Stage[]).includes(stage);
}

/** The data a stage needs before a deal may enter it (checked for every stage a move passes through). */
export type Requirement = 'amount' | 'valuation' | 'scorecard' | 'closing' | 'signing';

export function stageRequirements(kind: PipelineKind, stage: Stage): readonly Requirement[] {
  if (kind === 'selection') {
    if (stage === 'decision') return ['amount', 'scorecard'];
    if (stage === 'signing') return ['signing'];
    return [];
  }
  switch (stage) {
    case 'committee':
      return ['amount', 'scorecard'];
    case 'term_sheet':
      return ['amount', 'valuation'];
    case 'closing':
      return ['amount'];
    case 'invested':
      return ['closing'];
    default:
      return [];
  }
}

/** What a move may rely on: the deal's data as it will be after the move's own inputs are applied. */
export interface MoveFacts {
  amountFen: number | null;
  preMoneyFen: number | null;
  scorecardComplete: boolean;
  /** The closing (date, amount, round, equity) given with a move to invested. */
  hasClosing: boolean;
  /** The sub-fund and commitment given with a move to signing. */
  hasSigning: boolean;
  reason: string | null;
}

export interface DealPosition {
  kind: PipelineKind;
  order: StageOrder;
  stage: Stage;
  /** For on hold and passed: the open stage the deal left, where resume and revive return it. */
  previousStage: OpenStage | null;
}

export type MoveKind = 'advance' | 'back' | 'hold' | 'pass' | 'resume' | 'revive';

export type MoveRule =
  | 'sameStage'
  | 'wrongPipeline'
  | 'closedDeal'
  | 'reasonRequired'
  | 'backNeedsReason'
  | 'holdFromOpenOnly'
  | 'returnToPrevious'
  | 'needsAmount'
  | 'needsValuation'
  | 'needsScorecard'
  | 'needsClosing'
  | 'needsSigning';

export type MoveCheck = { ok: true; kind: MoveKind; previousStage: OpenStage | null } | { ok: false; rule: MoveRule; params: Record<string, string> };

const REQUIREMENT_RULE: Record<Requirement, MoveRule> = {
  amount: 'needsAmount',
  valuation: 'needsValuation',
  scorecard: 'needsScorecard',
  closing: 'needsClosing',
  signing: 'needsSigning',
};

function meets(req: Requirement, f: MoveFacts): boolean {
  switch (req) {
    case 'amount':
      return f.amountFen !== null && f.amountFen > 0;
    case 'valuation':
      return f.preMoneyFen !== null && f.preMoneyFen > 0;
    case 'scorecard':
      return f.scorecardComplete;
    case 'closing':
      return f.hasClosing;
    case 'signing':
      return f.hasSigning;
  }
}

const refuse = (rule: MoveRule, params: Record<string, string> = {}): MoveCheck => ({ ok: false, rule, params });

/**
 * Whether a deal may move from where it is to `to`, and what kind of move that is. Forward moves may
 * skip stages but must meet the requirements of every stage they pass through; moving back needs a
 * reason; passing needs a reason; on hold and passed return only to the stage the deal left.
 */
export function checkMove(at: DealPosition, to: Stage, facts: MoveFacts): MoveCheck {
  const order = stageOrder(at.kind, at.order) as readonly Stage[];
  if (!stageBelongsTo(to, at.kind)) return refuse('wrongPipeline', { to });
  if (to === at.stage) return refuse('sameStage', { to });
  if (at.stage === wonStage(at.kind)) return refuse('closedDeal', { from: at.stage });
  const reason = facts.reason?.trim() ? facts.reason.trim() : null;

  if (to === 'passed') {
    if (!reason) return refuse('reasonRequired', { to });
    return { ok: true, kind: 'pass', previousStage: at.stage === 'on_hold' ? at.previousStage : (at.stage as OpenStage) };
  }
  if (to === 'on_hold') {
    if (isSideStage(at.stage)) return refuse('holdFromOpenOnly', { from: at.stage });
    return { ok: true, kind: 'hold', previousStage: at.stage as OpenStage };
  }
  if (isSideStage(at.stage)) {
    const previous = at.previousStage ?? (order[0] as OpenStage);
    if (to !== previous) return refuse('returnToPrevious', { from: at.stage, previous });
    return { ok: true, kind: at.stage === 'passed' ? 'revive' : 'resume', previousStage: null };
  }

  const from = order.indexOf(at.stage);
  const target = order.indexOf(to);
  if (target < from) {
    if (!reason) return refuse('backNeedsReason', { from: at.stage, to });
    return { ok: true, kind: 'back', previousStage: null };
  }
  for (const stage of order.slice(from + 1, target + 1)) {
    for (const req of stageRequirements(at.kind, stage)) {
      if (!meets(req, facts)) return refuse(REQUIREMENT_RULE[req], { stage, to });
    }
  }
  return { ok: true, kind: 'advance', previousStage: null };
}

/** The English sentence of a refused move, naming the rule and the stages (the web translates the rule). */
export function moveRefusalMessage(rule: MoveRule, params: Record<string, string>): string {
  const name = (s: string | undefined) => (s ? (STAGES[s as Stage]?.en ?? s) : '');
  switch (rule) {
    case 'sameStage':
      return `stage: the deal is already in ${name(params.to)}`;
    case 'wrongPipeline':
      return `stage: ${params.to ?? ''} is not a stage of this pipeline`;
    case 'closedDeal':
      return `stage: a deal in ${name(params.from)} is closed and cannot move`;
    case 'reasonRequired':
      return 'reason: passing on a deal needs a reason';
    case 'backNeedsReason':
      return `reason: moving back from ${name(params.from)} to ${name(params.to)} needs a reason`;
    case 'holdFromOpenOnly':
      return `stage: only an open deal can be put on hold (it is ${name(params.from)})`;
    case 'returnToPrevious':
      return `stage: a deal that is ${name(params.from)} returns only to the stage it left, ${name(params.previous)}`;
    case 'needsAmount':
      return `amountFen: ${name(params.stage)} needs a proposed amount`;
    case 'needsValuation':
      return `preMoneyFen: ${name(params.stage)} needs a pre-money valuation`;
    case 'needsScorecard':
      return `scorecard: ${name(params.stage)} needs a complete scorecard (every criterion scored)`;
    case 'needsClosing':
      return `closing: ${name(params.stage)} needs the closing (date, amount, round, equity)`;
    case 'needsSigning':
      return `signing: ${name(params.stage)} needs the sub-fund and the mother fund's commitment`;
  }
}
