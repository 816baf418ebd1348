/** Enumerations of the deal pipeline: where a deal came from, its round, the instrument of a closing. */
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

export const ROUNDS = {
  seed: { zh: '种子轮', en: 'Seed' },
  angel: { zh: '天使轮', en: 'Angel' },
  pre_a: { zh: 'Pre-A轮', en: 'Pre-A' },
  a: { zh: 'A轮', en: 'Series A' },
  b: { zh: 'B轮', en: 'Series B' },
  c: { zh: 'C轮', en: 'Series C' },
  d_plus: { zh: 'D轮及以后', en: 'Series D+' },
  pre_ipo: { zh: 'Pre-IPO', en: 'Pre-IPO' },
  strategic: { zh: '战略融资', en: 'Strategic' },
} as const satisfies Record<string, Labelled>;
export type Round = keyof typeof ROUNDS;
export const ROUND_CODES = Object.keys(ROUNDS) as [Round, ...Round[]];

export const INSTRUMENTS = {
  ordinary: { zh: '普通股', en: 'Ordinary equity' },
  preferred: { zh: '优先股', en: 'Preferred equity' },
  convertible: { zh: '可转债', en: 'Convertible note' },
} as const satisfies Record<string, Labelled>;
export type Instrument = keyof typeof INSTRUMENTS;
export const INSTRUMENT_CODES = Object.keys(INSTRUMENTS) as [Instrument, ...Instrument[]];
