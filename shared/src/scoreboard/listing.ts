import { daysBetween, maxDate, minDate } from '../common/dates.js';
import { DomainError } from '../common/errors.js';
import {
  type CommitteeOutcome,
  LISTING_EVENT_KINDS,
  LISTING_PHASE_CODES,
  LISTING_PHASES,
  LISTING_STAGE_CODES,
  LISTING_STAGES,
  type ListingEventKind,
  type ListingOutcome,
  type ListingPhase,
  type ListingStage,
  type ListingStandard,
  LISTING_STANDARDS,
  SUSPENDABLE_STAGES,
} from './reference.js';

/**
 * The STAR Market listing attempt as a pure state machine (docs/domain.md#star-market-listing):
 *
 *   辅导备案 → 辅导验收 → 已受理 → 已问询 → 上市委会议 → 提交注册 → 注册生效 → 发行上市
 *
 * - Every stage is required, in that order; a skipped stage is refused.
 * - The listing committee meets with an outcome: passed (on to registration), deferred (暂缓审议: it meets
 *   again) or rejected (the attempt ends, outcome `rejected`).
 * - 中止 (suspended) is possible from acceptance to registration; it stops the clock until 恢复 (resumed),
 *   which returns to the same stage. Nothing but resumption or termination follows a suspension.
 * - 终止 (terminated) ends an open attempt from any state. 发行上市 ends it as `listed`.
 * - Dates never go backwards: an event dated before the previous one is refused (the same day is fine).
 */
export interface ListingEvent {
  kind: ListingEventKind;
  date: string;
  /** Only for `committee`. */
  outcome?: CommitteeOutcome | null;
}

export interface ListingState {
  /** The last stage reached (null before the first event). */
  stage: ListingStage | null;
  stageDate: string | null;
  /** The committee's latest outcome while the attempt is at the committee stage. */
  committeeOutcome: CommitteeOutcome | null;
  suspended: boolean;
  suspendedSince: string | null;
  /** null while the attempt is open. */
  outcome: ListingOutcome | null;
  closedOn: string | null;
  /** The date of the latest event. */
  lastDate: string | null;
}

export const INITIAL_LISTING_STATE: ListingState = {
  stage: null,
  stageDate: null,
  committeeOutcome: null,
  suspended: false,
  suspendedSince: null,
  outcome: null,
  closedOn: null,
  lastDate: null,
};

const stageIndex = (s: ListingStage) => LISTING_STAGE_CODES.indexOf(s);
const zh = (k: ListingEventKind) => LISTING_EVENT_KINDS[k].zh;

/** The stage the order requires after `stage` (null after the last). */
export function nextStage(stage: ListingStage | null): ListingStage | null {
  if (stage === null) return 'tutoring_filed';
  return LISTING_STAGE_CODES[stageIndex(stage) + 1] ?? null;
}

/** What may be recorded next: the kinds the state machine accepts from `state`. */
export function allowedListingEvents(state: ListingState): ListingEventKind[] {
  if (state.outcome !== null) return [];
  if (state.stage === null) return ['tutoring_filed'];
  if (state.suspended) return ['resumed', 'terminated'];
  const out: ListingEventKind[] = [];
  if (state.stage === 'committee') {
    if (state.committeeOutcome === 'passed') out.push('registration_submitted');
    else out.push('committee');
  } else {
    const next = nextStage(state.stage);
    if (next) out.push(next);
  }
  if (SUSPENDABLE_STAGES.includes(state.stage)) out.push('suspended');
  out.push('terminated');
  return out;
}

function refuse(rule: string, message: string, params: Record<string, string | number>, path = 'kind'): never {
  throw new DomainError('VALIDATION', `listing.${rule}`, message, { params, fields: [{ path, rule, message, params }] });
}

/**
 * One step of the machine: the state after `event`, or a DomainError naming the field and the rule
 * (nothing is changed on refusal — the caller writes only what this returns).
 */
export function applyListingEvent(state: ListingState, event: ListingEvent): ListingState {
  const { kind, date } = event;
  if (state.outcome !== null)
    throw new DomainError('INVALID_STATE', 'listing.closed', `The attempt has ended (${state.outcome} on ${state.closedOn}); open a new attempt instead.`, {
      params: { outcome: state.outcome, date: state.closedOn ?? '' },
    });
  if (state.lastDate !== null && date < state.lastDate)
    refuse(
      'dateBeforePrevious',
      `date: ${date} is before the previous event's date (${state.lastDate}); dates never go backwards`,
      { previous: state.lastDate },
      'date',
    );
  if (kind === 'committee' && !event.outcome)
    refuse('outcomeRequired', 'outcome: the listing committee meeting needs its outcome (passed, deferred or rejected)', {}, 'outcome');
  if (kind !== 'committee' && event.outcome)
    refuse('outcomeOnlyForCommittee', `outcome: only a listing committee meeting has an outcome, not ${kind}`, { kind: zh(kind) }, 'outcome');

  const allowed = allowedListingEvents(state);
  if (!allowed.includes(kind)) {
    if (state.suspended)
      refuse('suspended', `kind: the attempt is suspended (中止) since ${state.suspendedSince}; record 恢复审核 (resumed) or 终止 (terminated) first`, {
        since: state.suspendedSince ?? '',
      });
    if (kind === 'resumed') refuse('notSuspended', 'kind: the attempt is not suspended, so it cannot resume', {});
    if (kind === 'suspended')
      refuse('cannotSuspend', `kind: a review can be suspended from 已受理 to 提交注册, not at ${state.stage ? zh(state.stage) : 'the start'}`, {
        stage: state.stage ? zh(state.stage) : '',
      });
    const expected = allowed.find((k) => k in LISTING_STAGES) as ListingStage | undefined;
    refuse(
      'stageSkipped',
      `kind: ${zh(kind)} cannot follow ${state.stage ? zh(state.stage) : 'nothing'}; the exchange's order requires ${expected ? zh(expected) : 'no further stage'} next`,
      { expected: expected ? zh(expected) : '', got: zh(kind) },
    );
  }

  const next: ListingState = { ...state, lastDate: date };
  switch (kind) {
    case 'suspended':
      return { ...next, suspended: true, suspendedSince: date };
    case 'resumed':
      return { ...next, suspended: false, suspendedSince: null };
    case 'terminated':
      return { ...next, suspended: false, outcome: 'terminated', closedOn: date };
    case 'committee': {
      const outcome = event.outcome as CommitteeOutcome;
      const moved = { ...next, stage: kind, stageDate: state.stage === 'committee' ? state.stageDate : date, committeeOutcome: outcome };
      return outcome === 'rejected' ? { ...moved, outcome: 'rejected', closedOn: date } : moved;
    }
    default: {
      const moved = { ...next, stage: kind, stageDate: date, committeeOutcome: null };
      return kind === 'listed' ? { ...moved, outcome: 'listed', closedOn: date } : moved;
    }
  }
}

/** The state after every event, in order (throws on the first one the machine refuses). */
export function listingState(events: ReadonlyArray<ListingEvent>): ListingState {
  return events.reduce(applyListingEvent, INITIAL_LISTING_STATE);
}

export interface StageSpan {
  stage: ListingStage;
  from: string;
  /** The day the next stage began or the attempt ended; null while current (counted to the as-of date). */
  to: string | null;
  calendarDays: number;
  /** Calendar days less the days suspended within the span: the clock the exchange runs. */
  activeDays: number;
  /** Committee meetings in this span (the committee stage can meet more than once). */
  meetings: Array<{ date: string; outcome: CommitteeOutcome }>;
}

export interface PhaseSpan {
  phase: ListingPhase;
  activeDays: number;
  typicalDays: number | null;
  /** activeDays − typicalDays (positive: slower than typical); null without a typical figure. */
  overDays: number | null;
  current: boolean;
}

export interface ListingTimeline {
  state: ListingState;
  stages: StageSpan[];
  suspensions: Array<{ from: string; to: string | null; days: number }>;
  phases: PhaseSpan[];
  /** The current stage's active days so far (null when the attempt is closed). */
  daysInStage: number | null;
  /** From acceptance to listing (or to the as-of date), calendar and active days; null before acceptance. */
  acceptedDays: { calendar: number; active: number } | null;
}

/**
 * The attempt as of `asOf`: the stages it went through with their calendar and active days (suspended
 * days do not count), the suspensions, and the time in each phase against its typical duration. Events
 * dated after `asOf` are ignored.
 */
export function listingTimeline(events: ReadonlyArray<ListingEvent>, asOf: string): ListingTimeline {
  const seen = events.filter((e) => e.date <= asOf);
  const state = listingState(seen);
  const end = state.closedOn ?? asOf;
  const suspensions: ListingTimeline['suspensions'] = [];
  for (const e of seen) {
    if (e.kind === 'suspended') suspensions.push({ from: e.date, to: null, days: 0 });
    const open = suspensions[suspensions.length - 1];
    if ((e.kind === 'resumed' || e.kind === 'terminated') && open && open.to === null) open.to = e.date;
  }
  for (const s of suspensions) s.days = daysBetween(s.from, s.to ?? end);
  const suspendedWithin = (from: string, to: string) =>
    suspensions.reduce((a, s) => {
      const lo = maxDate(s.from, from);
      const hi = minDate(s.to ?? end, to);
      return hi > lo ? a + daysBetween(lo, hi) : a;
    }, 0);

  const stages: StageSpan[] = [];
  for (const e of seen) {
    if (!(e.kind in LISTING_STAGES)) continue;
    const last = stages[stages.length - 1];
    if (e.kind === 'committee' && last?.stage === 'committee') {
      last.meetings.push({ date: e.date, outcome: e.outcome as CommitteeOutcome });
      continue;
    }
    if (last) last.to = e.date;
    stages.push({
      stage: e.kind as ListingStage,
      from: e.date,
      to: null,
      calendarDays: 0,
      activeDays: 0,
      meetings: e.kind === 'committee' ? [{ date: e.date, outcome: e.outcome as CommitteeOutcome }] : [],
    });
  }
  const lastSpan = stages[stages.length - 1];
  if (lastSpan && state.outcome !== null) lastSpan.to = state.closedOn;
  for (const s of stages) {
    const to = s.to ?? end;
    s.calendarDays = daysBetween(s.from, to);
    s.activeDays = s.calendarDays - suspendedWithin(s.from, to);
  }
  // The listed stage is a point in time, not a span.
  const spans = stages.filter((s) => s.stage !== 'listed');

  const phases: PhaseSpan[] = [];
  for (const phase of LISTING_PHASE_CODES) {
    const def = LISTING_PHASES[phase];
    const mine = spans.filter((s) => (def.stages as readonly ListingStage[]).includes(s.stage));
    if (!mine.length) continue;
    const activeDays = mine.reduce((a, s) => a + s.activeDays, 0);
    phases.push({
      phase,
      activeDays,
      typicalDays: def.typicalDays,
      overDays: def.typicalDays === null ? null : activeDays - def.typicalDays,
      current: state.outcome === null && mine.some((s) => s.to === null),
    });
  }

  const accepted = stages.find((s) => s.stage === 'accepted');
  const acceptedDays = accepted
    ? { calendar: daysBetween(accepted.from, end), active: daysBetween(accepted.from, end) - suspendedWithin(accepted.from, end) }
    : null;
  const current = state.outcome === null ? spans[spans.length - 1] : undefined;
  return { state, stages, suspensions, phases, daysInStage: current ? current.activeDays : null, acceptedDays };
}

/** The typical phase a stage belongs to. */
export function phaseOfStage(stage: ListingStage): ListingPhase | null {
  for (const p of LISTING_PHASE_CODES) if ((LISTING_PHASES[p].stages as readonly ListingStage[]).includes(stage)) return p;
  return null;
}

/**
 * A planned listing against its standard: whether the expected market value clears the standard's floor,
 * and whether the firm qualifies for the fifth standard (market value ≥ ¥4 bn and an AI firm — the 2025
 * reopening). null where the market value is not known.
 */
export function listingStandardCheck(
  standard: ListingStandard,
  expectedMarketValueFen: number | null,
  inFocusSector: boolean,
): { minMarketValueFen: number; marketValueMet: boolean | null; fifthStandardEligible: boolean | null } {
  const floor = LISTING_STANDARDS[standard].minMarketValueFen;
  if (expectedMarketValueFen === null) return { minMarketValueFen: floor, marketValueMet: null, fifthStandardEligible: null };
  return {
    minMarketValueFen: floor,
    marketValueMet: expectedMarketValueFen >= floor,
    fifthStandardEligible: inFocusSector && expectedMarketValueFen >= LISTING_STANDARDS[5].minMarketValueFen,
  };
}
