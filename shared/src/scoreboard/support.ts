import { DomainError } from '../common/errors.js';
import { formatMoney } from '../format/format.js';
import { LISTING_STAGES, type ListingStage, SUPPORT_CAPS, type SupportKind } from './reference.js';

/**
 * The caps of the plan's policy support (seed: 专项行动5, 第16条), as pure rules:
 * - application-scenario project: 30% of the project investment, at most ¥20 million;
 * - innovation voucher: the innovation spending it subsidises, at most ¥2 million;
 * - first-set / first-version / first-batch: 30% of the qualifying product value;
 * - core-team reward: at most ¥500,000 a person (the cap of a grant is that times its recipients);
 * - STAR listing application subsidy: the configured amount for the milestone (no public figure exists).
 * A cap is computed once, when the application is recorded, and stored with it ("the applied cap").
 */
export interface SupportCapInput {
  kind: SupportKind;
  /** Project investment (scenario), innovation spending (voucher) or qualifying product value (first-set). */
  basisFen?: number | null;
  recipients?: ReadonlyArray<{ amountFen: number }>;
  /** For a listing subsidy: the configured amount of its milestone (null: none configured). */
  scheduleFen?: number | null;
  milestone?: ListingStage | null;
}

export interface SupportCap {
  capFen: number;
  /** A stable code the web translates: which rule produced the cap. */
  rule: 'scenario' | 'voucher' | 'firstSet' | 'teamReward' | 'listingSchedule';
  /** The cap in words (English), for messages and the audit trail. */
  text: string;
}

const money = (fen: number) => formatMoney(fen, { locale: 'en', unit: 'yuan' });

function basisOrThrow(input: SupportCapInput, what: string): number {
  const b = input.basisFen;
  if (b === null || b === undefined || b <= 0) throw DomainError.field('basisFen', 'basisRequired', `basisFen: the ${what} is required to work out the cap`);
  return b;
}

export function supportCap(input: SupportCapInput): SupportCap {
  switch (input.kind) {
    case 'scenario_project': {
      const basis = basisOrThrow(input, 'project investment');
      const capFen = Math.min(Math.floor(basis * SUPPORT_CAPS.scenarioRate), SUPPORT_CAPS.scenarioMaxFen);
      return {
        capFen,
        rule: 'scenario',
        text: `30% of the project investment (${money(basis)}), at most ${money(SUPPORT_CAPS.scenarioMaxFen)}: ${money(capFen)}`,
      };
    }
    case 'innovation_voucher': {
      const basis = basisOrThrow(input, 'innovation spending');
      const capFen = Math.min(basis, SUPPORT_CAPS.voucherMaxFen);
      return { capFen, rule: 'voucher', text: `the innovation spending (${money(basis)}), at most ${money(SUPPORT_CAPS.voucherMaxFen)}: ${money(capFen)}` };
    }
    case 'first_set': {
      const basis = basisOrThrow(input, 'qualifying product value');
      const capFen = Math.floor(basis * SUPPORT_CAPS.firstSetRate);
      return { capFen, rule: 'firstSet', text: `30% of the qualifying product value (${money(basis)}): ${money(capFen)}` };
    }
    case 'team_reward': {
      const people = input.recipients ?? [];
      if (!people.length) throw DomainError.field('recipients', 'recipientsRequired', 'recipients: a core-team reward names at least one person');
      people.forEach((p, i) => {
        if (p.amountFen > SUPPORT_CAPS.teamRewardPerPersonFen)
          throw DomainError.field(
            `recipients.${i}.amountFen`,
            'aboveCap',
            `recipients.${i}.amountFen: ${money(p.amountFen)} is above the cap of ${money(SUPPORT_CAPS.teamRewardPerPersonFen)} a person`,
            { cap: SUPPORT_CAPS.teamRewardPerPersonFen, capText: money(SUPPORT_CAPS.teamRewardPerPersonFen) },
          );
      });
      const capFen = SUPPORT_CAPS.teamRewardPerPersonFen * people.length;
      return { capFen, rule: 'teamReward', text: `${money(SUPPORT_CAPS.teamRewardPerPersonFen)} a person × ${people.length}: ${money(capFen)}` };
    }
    case 'listing_subsidy': {
      const stage = input.milestone ? LISTING_STAGES[input.milestone].en : 'the milestone';
      if (!input.scheduleFen)
        throw DomainError.field(
          'milestone',
          'noSchedule',
          `milestone: no listing subsidy is configured for ${stage}; an administrator sets the schedule first`,
          { milestone: input.milestone ? LISTING_STAGES[input.milestone].zh : '' },
        );
      return { capFen: input.scheduleFen, rule: 'listingSchedule', text: `the configured subsidy for ${stage}: ${money(input.scheduleFen)}` };
    }
  }
}

/** Refuses an amount above the cap, naming the cap and its rule. */
export function assertWithinCap(path: string, amountFen: number, cap: SupportCap): void {
  if (amountFen > cap.capFen)
    throw DomainError.field(path, 'aboveCap', `${path}: ${money(amountFen)} is above the cap — ${cap.text}`, {
      cap: cap.capFen,
      capText: money(cap.capFen),
      capRule: cap.rule,
    });
}
