import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/errors.js';
import { allowedListingEvents, type ListingEvent, listingStandardCheck, listingState, listingTimeline } from './listing.js';

const FULL: ListingEvent[] = [
  { kind: 'tutoring_filed', date: '2021-03-01' },
  { kind: 'tutoring_accepted', date: '2021-06-15' },
  { kind: 'accepted', date: '2021-07-01' },
  { kind: 'inquiry', date: '2021-07-25' },
  { kind: 'committee', date: '2021-12-10', outcome: 'passed' },
  { kind: 'registration_submitted', date: '2022-02-01' },
  { kind: 'registered', date: '2022-04-01' },
  { kind: 'listed', date: '2022-05-10' },
];

/** The rule a refused sequence is refused by (its DomainError key), or 'accepted'. */
function verdict(events: ListingEvent[]): string {
  try {
    listingState(events);
    return 'accepted';
  } catch (e) {
    return e instanceof DomainError ? e.key : `threw ${String(e)}`;
  }
}

describe('the listing state machine accepts the exchange order and refuses the rest', () => {
  const cases: Array<[string, ListingEvent[], string]> = [
    ['the full order from tutoring filing to listing', FULL, 'accepted'],
    [
      'a suspension during inquiry, resumed, then onward',
      [
        ...FULL.slice(0, 4),
        { kind: 'suspended', date: '2021-09-30' },
        { kind: 'resumed', date: '2021-11-15' },
        { kind: 'committee', date: '2021-12-10', outcome: 'passed' },
      ],
      'accepted',
    ],
    [
      'a deferred committee meets again',
      [...FULL.slice(0, 4), { kind: 'committee', date: '2021-12-10', outcome: 'deferred' }, { kind: 'committee', date: '2022-01-20', outcome: 'passed' }],
      'accepted',
    ],
    ['terminated during tutoring', [FULL[0] as ListingEvent, { kind: 'terminated', date: '2021-05-01' }], 'accepted'],
    ['terminated while suspended', [...FULL.slice(0, 3), { kind: 'suspended', date: '2021-08-01' }, { kind: 'terminated', date: '2021-10-01' }], 'accepted'],
    ['a stage skipped: inquiry straight after tutoring acceptance', [...FULL.slice(0, 2), { kind: 'inquiry', date: '2021-08-01' }], 'listing.stageSkipped'],
    ['a first event that is not tutoring filing', [{ kind: 'accepted', date: '2021-07-01' }], 'listing.stageSkipped'],
    ['a stage dated before the previous one', [...FULL.slice(0, 3), { kind: 'inquiry', date: '2021-06-30' }], 'listing.dateBeforePrevious'],
    ['a stage while suspended', [...FULL.slice(0, 3), { kind: 'suspended', date: '2021-08-01' }, { kind: 'inquiry', date: '2021-08-05' }], 'listing.suspended'],
    ['a suspension during tutoring', [FULL[0] as ListingEvent, { kind: 'suspended', date: '2021-04-01' }], 'listing.cannotSuspend'],
    ['a resumption without a suspension', [...FULL.slice(0, 3), { kind: 'resumed', date: '2021-08-01' }], 'listing.notSuspended'],
    ['a committee meeting without its outcome', [...FULL.slice(0, 4), { kind: 'committee', date: '2021-12-10' }], 'listing.outcomeRequired'],
    [
      'an outcome on a stage that is not the committee',
      [FULL[0] as ListingEvent, { kind: 'tutoring_accepted', date: '2021-06-15', outcome: 'passed' }],
      'listing.outcomeOnlyForCommittee',
    ],
    ['anything after listing', [...FULL, { kind: 'terminated', date: '2022-06-01' }], 'listing.closed'],
    [
      'a stage after the committee rejected the application',
      [...FULL.slice(0, 4), { kind: 'committee', date: '2021-12-10', outcome: 'rejected' }, { kind: 'registration_submitted', date: '2022-01-05' }],
      'listing.closed',
    ],
    [
      'registration after a deferral, without a second meeting',
      [...FULL.slice(0, 4), { kind: 'committee', date: '2021-12-10', outcome: 'deferred' }, { kind: 'registration_submitted', date: '2022-01-05' }],
      'listing.stageSkipped',
    ],
  ];
  for (const [name, events, expected] of cases) it(name, () => expect(verdict(events)).toBe(expected));
});

describe('what may come next', () => {
  const cases: Array<[string, ListingEvent[], string[]]> = [
    ['nothing yet: only tutoring filing', [], ['tutoring_filed']],
    ['in tutoring: acceptance or termination', FULL.slice(0, 1), ['tutoring_accepted', 'terminated']],
    ['in inquiry: the committee, a suspension or termination', FULL.slice(0, 4), ['committee', 'suspended', 'terminated']],
    ['suspended: resume or terminate', [...FULL.slice(0, 4), { kind: 'suspended', date: '2021-09-01' }], ['resumed', 'terminated']],
    ['registered: listing or termination (no suspension after registration)', FULL.slice(0, 7), ['listed', 'terminated']],
    ['listed: nothing', FULL, []],
  ];
  for (const [name, events, expected] of cases) it(name, () => expect(allowedListingEvents(listingState(events))).toEqual(expected));
});

describe('time in each stage, with suspended days off the clock', () => {
  const suspendedInInquiry: ListingEvent[] = [
    ...FULL.slice(0, 4),
    { kind: 'suspended', date: '2021-09-30' },
    { kind: 'resumed', date: '2021-11-15' },
    { kind: 'committee', date: '2021-12-10', outcome: 'passed' },
  ];
  const cases: Array<[string, () => unknown, unknown]> = [
    [
      'inquiry lasted 138 calendar days, 92 of them active (46 suspended)',
      () => listingTimeline(suspendedInInquiry, '2021-12-31').stages.find((s) => s.stage === 'inquiry'),
      { stage: 'inquiry', from: '2021-07-25', to: '2021-12-10', calendarDays: 138, activeDays: 92, meetings: [] },
    ],
    [
      'the suspension is listed with its length',
      () => listingTimeline(suspendedInInquiry, '2021-12-31').suspensions,
      [{ from: '2021-09-30', to: '2021-11-15', days: 46 }],
    ],
    [
      'the review phase (acceptance to committee) against its typical 168 days',
      () => listingTimeline(suspendedInInquiry, '2021-12-31').phases.find((p) => p.phase === 'review'),
      { phase: 'review', activeDays: 116, typicalDays: 168, overDays: -52, current: false },
    ],
    ['the current stage counts to the as-of date', () => listingTimeline(suspendedInInquiry, '2021-12-31').daysInStage, 21],
    [
      'an open suspension stops the clock up to the as-of date',
      () => listingTimeline([...FULL.slice(0, 4), { kind: 'suspended', date: '2021-09-30' }], '2021-10-30').daysInStage,
      67,
    ],
    ['events after the as-of date are not seen', () => listingTimeline(FULL, '2021-07-10').state.stage, 'accepted'],
    ['acceptance to listing, calendar days', () => listingTimeline(FULL, '2022-12-31').acceptedDays, { calendar: 313, active: 313 }],
    ['a listed attempt has no current stage', () => listingTimeline(FULL, '2022-12-31').daysInStage, null],
  ];
  for (const [name, run, expected] of cases) it(name, () => expect(run()).toEqual(expected));
});

describe('listing standards', () => {
  const YI = 10_000_000_000;
  const cases: Array<[string, Parameters<typeof listingStandardCheck>, ReturnType<typeof listingStandardCheck>]> = [
    ['standard 4 with ¥3.5 bn clears its floor', [4, 35 * YI, true], { minMarketValueFen: 30 * YI, marketValueMet: true, fifthStandardEligible: false }],
    [
      'an AI firm at ¥4.5 bn qualifies for the fifth standard',
      [5, 45 * YI, true],
      { minMarketValueFen: 40 * YI, marketValueMet: true, fifthStandardEligible: true },
    ],
    ['¥3 bn is below the fifth standard', [5, 30 * YI, true], { minMarketValueFen: 40 * YI, marketValueMet: false, fifthStandardEligible: false }],
    ['no market value: unknown', [2, null, true], { minMarketValueFen: 15 * YI, marketValueMet: null, fifthStandardEligible: null }],
  ];
  for (const [name, args, expected] of cases) it(name, () => expect(listingStandardCheck(...args)).toEqual(expected));
});
