/** Enumerations of the deal pipeline: where a deal came from. */
import type { Labelled } from '../reference/taxonomy.js';

export const DEAL_SOURCES = {
  government_referral: { zh: '政府推荐', en: 'Government referral' },
  application_scenario: { zh: '应用场景对接', en: 'Application scenario' },
  event: { zh: '活动路演', en: 'Event' },
  inbound: { zh: '主动来访', en: 'Inbound' },
  outbound: { zh: '主动挖掘', en: 'Outbound' },
  co_investor: { zh: '合投方推荐', en: 'Co-investor' },
} as const satisfies Record<string, Labelled>;
export type DealSource = keyof typeof DEAL_SOURCES;
export const DEAL_SOURCE_CODES = Object.keys(DEAL_SOURCES) as [DealSource, ...DealSource[]];

// Rounds and instruments are the portfolio's (shared/src/portfolio/reference.ts): a deal's closing becomes an investment.
