import type { Labelled } from '../reference/taxonomy.js';

/** Financing rounds an investment can be made in. */
export const ROUNDS = {
  seed: { zh: '种子轮', en: 'Seed' },
  angel: { zh: '天使轮', en: 'Angel' },
  pre_a: { zh: 'Pre-A轮', en: 'Pre-A' },
  a: { zh: 'A轮', en: 'Series A' },
  b: { zh: 'B轮', en: 'Series B' },
  c: { zh: 'C轮', en: 'Series C' },
  d: { zh: 'D轮', en: 'Series D' },
  e_plus: { zh: 'E轮及以后', en: 'Series E+' },
  pre_ipo: { zh: 'Pre-IPO轮', en: 'Pre-IPO' },
  strategic: { zh: '战略投资', en: 'Strategic' },
  ipo_placement: { zh: '科创板战略配售', en: 'IPO strategic placement' },
} as const satisfies Record<string, Labelled>;
export type Round = keyof typeof ROUNDS;
export const ROUND_CODES = Object.keys(ROUNDS) as [Round, ...Round[]];

export const INSTRUMENTS = {
  ordinary_equity: { zh: '普通股权', en: 'Ordinary equity' },
  preferred_equity: { zh: '优先股权', en: 'Preferred equity' },
  convertible: { zh: '可转债', en: 'Convertible' },
  debt: { zh: '债权', en: 'Debt' },
} as const satisfies Record<string, Labelled>;
export type Instrument = keyof typeof INSTRUMENTS;
export const INSTRUMENT_CODES = Object.keys(INSTRUMENTS) as [Instrument, ...Instrument[]];

/** How a fund leaves a position. A write-off is an exit with (usually) no proceeds. */
export const EXIT_ROUTES = {
  ipo: { zh: 'IPO（二级市场减持）', en: 'IPO (sale after listing)' },
  ma: { zh: '并购', en: 'M&A' },
  buyback: { zh: '回购', en: 'Buy-back' },
  secondary: { zh: '老股转让', en: 'Secondary sale' },
  write_off: { zh: '清算核销', en: 'Write-off' },
} as const satisfies Record<string, Labelled>;
export type ExitRoute = keyof typeof EXIT_ROUTES;
export const EXIT_ROUTE_CODES = Object.keys(EXIT_ROUTES) as [ExitRoute, ...ExitRoute[]];

/** Where a mark comes from. */
export const VALUATION_METHODS = {
  cost: { zh: '成本法', en: 'Cost' },
  last_round: { zh: '最近融资价格法', en: 'Last round' },
  comparables: { zh: '可比公司法', en: 'Comparables' },
  dcf: { zh: '现金流折现法', en: 'DCF' },
  nav_statement: { zh: '净值报告', en: 'NAV statement' },
  market: { zh: '市场价格法', en: 'Market price' },
} as const satisfies Record<string, Labelled>;
export type ValuationMethod = keyof typeof VALUATION_METHODS;
export const VALUATION_METHOD_CODES = Object.keys(VALUATION_METHODS) as [ValuationMethod, ...ValuationMethod[]];

export const VALUATION_STATUSES = {
  pending: { zh: '待审核', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已退回', en: 'Rejected' },
} as const satisfies Record<string, Labelled>;
export type ValuationStatus = keyof typeof VALUATION_STATUSES;

/** A company's operating figures; money ones are fen, the others counts. */
export const KPI_METRICS = {
  revenueFen: { zh: '营业收入', en: 'Revenue', money: true },
  outputValueFen: { zh: '产值', en: 'Output value', money: true },
  rndFen: { zh: '研发投入', en: 'R&D spend', money: true },
  headcount: { zh: '员工人数', en: 'Headcount', money: false },
  patents: { zh: '专利数', en: 'Patents', money: false },
  taxFen: { zh: '纳税额', en: 'Tax paid', money: true },
} as const satisfies Record<string, Labelled & { money: boolean }>;
export type KpiMetric = keyof typeof KPI_METRICS;
export const KPI_METRIC_CODES = Object.keys(KPI_METRICS) as [KpiMetric, ...KpiMetric[]];
