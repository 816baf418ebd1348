import type { Labelled } from '../reference/taxonomy.js';

/**
 * Reference data of the plan's scoreboard: the target metrics a programme can set, designation levels
 * and criteria, the STAR Market listing stages as the exchange reports them, and the policy support the
 * plan names with its caps (seed: 行动方案 专项行动5, 16). Codes are stored; labels are for display.
 */

/** What a programme target can measure. `fen` targets are money; `count` targets are numbers of firms. */
export const TARGET_METRICS = {
  mother_fund_size: { zh: '母基金规模', en: 'Mother fund size', unit: 'fen' },
  fund_group_size: { zh: '基金群规模', en: 'Fund group size', unit: 'fen' },
  leader_firms: { zh: '创新龙头企业', en: 'Innovation-leader firms', unit: 'count' },
  benchmark_firms: { zh: '创新标杆企业', en: 'Innovation-benchmark firms', unit: 'count' },
  output_value: { zh: '重点产业产值', en: 'Output value in the key industries', unit: 'fen' },
  star_listings: { zh: '科创板上市企业', en: 'STAR Market listings', unit: 'count' },
} as const satisfies Record<string, Labelled & { unit: 'fen' | 'count' }>;
export type TargetMetric = keyof typeof TARGET_METRICS;
export const TARGET_METRIC_CODES = Object.keys(TARGET_METRICS) as [TargetMetric, ...TargetMetric[]];

export const DESIGNATION_LEVELS = {
  benchmark: { zh: '创新标杆企业', en: 'Innovation-benchmark firm' },
  leader: { zh: '创新龙头企业', en: 'Innovation-leader firm' },
} as const satisfies Record<string, Labelled>;
export type DesignationLevel = keyof typeof DESIGNATION_LEVELS;
export const DESIGNATION_LEVEL_CODES = Object.keys(DESIGNATION_LEVELS) as [DesignationLevel, ...DesignationLevel[]];

export const DESIGNATION_STATUSES = {
  nominated: { zh: '待审核', en: 'Nominated' },
  approved: { zh: '已认定', en: 'Approved' },
  rejected: { zh: '未通过', en: 'Rejected' },
  revoked: { zh: '已撤销', en: 'Revoked' },
} as const satisfies Record<string, Labelled>;
export type DesignationStatus = keyof typeof DESIGNATION_STATUSES;
export const DESIGNATION_STATUS_CODES = Object.keys(DESIGNATION_STATUSES) as [DesignationStatus, ...DesignationStatus[]];

/**
 * Criteria a nomination can claim. The plan names no formal criteria, so these are the usual grounds;
 * the two the books can check (`checkable`) are checked against the company record when claimed.
 */
export const DESIGNATION_CRITERIA = {
  focus_sector: { zh: '属于行动方案重点领域', en: 'In one of the plan’s focus sectors', checkable: true },
  shanghai_registered: { zh: '在上海注册', en: 'Registered in Shanghai', checkable: true },
  revenue_scale: { zh: '营业收入达到认定规模', en: 'Revenue at the qualifying scale', checkable: false },
  rnd_intensity: { zh: '研发投入强度达标', en: 'R&D intensity at the qualifying level', checkable: false },
  core_ip: { zh: '拥有核心知识产权', en: 'Holds core intellectual property', checkable: false },
  market_position: { zh: '细分领域市场地位领先', en: 'Leading position in its segment', checkable: false },
  output_contribution: { zh: '产值贡献突出', en: 'Significant output-value contribution', checkable: false },
  star_readiness: { zh: '具备科创板上市条件', en: 'Ready for a STAR Market listing', checkable: false },
} as const satisfies Record<string, Labelled & { checkable: boolean }>;
export type DesignationCriterion = keyof typeof DESIGNATION_CRITERIA;
export const DESIGNATION_CRITERION_CODES = Object.keys(DESIGNATION_CRITERIA) as [DesignationCriterion, ...DesignationCriterion[]];

/** The STAR Market stages in the exchange's order (docs/domain.md#star-market-listing). */
export const LISTING_STAGES = {
  tutoring_filed: { zh: '辅导备案', en: 'Tutoring filed' },
  tutoring_accepted: { zh: '辅导验收', en: 'Tutoring accepted' },
  accepted: { zh: '已受理', en: 'Application accepted' },
  inquiry: { zh: '已问询', en: 'Inquiry' },
  committee: { zh: '上市委会议', en: 'Listing committee' },
  registration_submitted: { zh: '提交注册', en: 'Submitted for registration' },
  registered: { zh: '注册生效', en: 'Registered' },
  listed: { zh: '发行上市', en: 'Listed' },
} as const satisfies Record<string, Labelled>;
export type ListingStage = keyof typeof LISTING_STAGES;
export const LISTING_STAGE_CODES = Object.keys(LISTING_STAGES) as [ListingStage, ...ListingStage[]];

/** Events that are not stages: suspension (stops the clock), resumption, termination (ends the attempt). */
export const LISTING_INTERRUPTIONS = {
  suspended: { zh: '中止', en: 'Suspended' },
  resumed: { zh: '恢复审核', en: 'Resumed' },
  terminated: { zh: '终止', en: 'Terminated' },
} as const satisfies Record<string, Labelled>;
export type ListingInterruption = keyof typeof LISTING_INTERRUPTIONS;

export type ListingEventKind = ListingStage | ListingInterruption;
export const LISTING_EVENT_KINDS = { ...LISTING_STAGES, ...LISTING_INTERRUPTIONS } as const;
export const LISTING_EVENT_KIND_CODES = Object.keys(LISTING_EVENT_KINDS) as [ListingEventKind, ...ListingEventKind[]];

export const COMMITTEE_OUTCOMES = {
  passed: { zh: '审议通过', en: 'Passed' },
  deferred: { zh: '暂缓审议', en: 'Deferred' },
  rejected: { zh: '未通过', en: 'Rejected' },
} as const satisfies Record<string, Labelled>;
export type CommitteeOutcome = keyof typeof COMMITTEE_OUTCOMES;
export const COMMITTEE_OUTCOME_CODES = Object.keys(COMMITTEE_OUTCOMES) as [CommitteeOutcome, ...CommitteeOutcome[]];

/** How an attempt ends. An open attempt has none. */
export const LISTING_OUTCOMES = {
  listed: { zh: '已上市', en: 'Listed' },
  terminated: { zh: '已终止', en: 'Terminated' },
  rejected: { zh: '上市委未通过', en: 'Rejected by the committee' },
} as const satisfies Record<string, Labelled>;
export type ListingOutcome = keyof typeof LISTING_OUTCOMES;

/** Stages in which the exchange or the CSRC can suspend (中止) a review: from acceptance to registration. */
export const SUSPENDABLE_STAGES: readonly ListingStage[] = ['accepted', 'inquiry', 'committee', 'registration_submitted'];

/**
 * The STAR Market's five listing standards (上市规则 2.1.2), with the minimum expected market value each
 * needs. The fifth (market value plus technology, no revenue or profit test) was reopened in 2025 and
 * widened to AI firms.
 */
export const LISTING_STANDARDS = {
  1: { zh: '第一套标准：市值≥10亿元 + 净利润或营业收入', en: 'Standard 1: market value ≥ ¥1 bn + profit or revenue', minMarketValueFen: 100_000_000_000 },
  2: {
    zh: '第二套标准：市值≥15亿元 + 营业收入 + 研发投入占比',
    en: 'Standard 2: market value ≥ ¥1.5 bn + revenue + R&D ratio',
    minMarketValueFen: 150_000_000_000,
  },
  3: {
    zh: '第三套标准：市值≥20亿元 + 营业收入 + 经营现金流',
    en: 'Standard 3: market value ≥ ¥2 bn + revenue + operating cash flow',
    minMarketValueFen: 200_000_000_000,
  },
  4: { zh: '第四套标准：市值≥30亿元 + 营业收入≥3亿元', en: 'Standard 4: market value ≥ ¥3 bn + revenue ≥ ¥300 m', minMarketValueFen: 300_000_000_000 },
  5: {
    zh: '第五套标准：市值≥40亿元 + 技术优势（无收入利润要求）',
    en: 'Standard 5: market value ≥ ¥4 bn + technology (no revenue or profit test)',
    minMarketValueFen: 400_000_000_000,
  },
} as const satisfies Record<number, Labelled & { minMarketValueFen: number }>;
export type ListingStandard = keyof typeof LISTING_STANDARDS;
export const LISTING_STANDARD_CODES = [1, 2, 3, 4, 5] as const;

/**
 * Phases the typical durations are published for, each a run of consecutive stages, with the typical
 * number of days and where the figure comes from. A phase without a public figure has `typicalDays: null`.
 */
export const LISTING_PHASES = {
  tutoring: {
    zh: '辅导期',
    en: 'Tutoring',
    stages: ['tutoring_filed'],
    typicalDays: 90,
    source: { zh: '辅导期原则上不少于三个月（辅导监管规定）', en: 'At least three months as a rule (CSRC tutoring rules)' },
  },
  preparation: {
    zh: '辅导验收至受理',
    en: 'Tutoring accepted to application accepted',
    stages: ['tutoring_accepted'],
    typicalDays: null,
    source: { zh: '无公开统计', en: 'No public figure' },
  },
  review: {
    zh: '审核问询',
    en: 'Review and inquiry',
    stages: ['accepted', 'inquiry'],
    typicalDays: 168,
    source: { zh: '2021年平均约168天', en: '2021 average, about 168 days' },
  },
  post_committee: {
    zh: '上市委会议至提交注册',
    en: 'Committee to submission',
    stages: ['committee'],
    typicalDays: 59,
    source: { zh: '2021年平均约59天', en: '2021 average, about 59 days' },
  },
  registration: {
    zh: '注册',
    en: 'Registration',
    stages: ['registration_submitted'],
    typicalDays: 64,
    source: { zh: '2021年平均约64天', en: '2021 average, about 64 days' },
  },
  issue: {
    zh: '发行',
    en: 'Issue',
    stages: ['registered'],
    typicalDays: 44,
    source: { zh: '2021年平均约44天', en: '2021 average, about 44 days' },
  },
} as const satisfies Record<string, Labelled & { stages: readonly ListingStage[]; typicalDays: number | null; source: Labelled }>;
export type ListingPhase = keyof typeof LISTING_PHASES;
export const LISTING_PHASE_CODES = Object.keys(LISTING_PHASES) as [ListingPhase, ...ListingPhase[]];

/** Acceptance to listing, calendar days: the published averages a whole attempt is read against. */
export const ACCEPTANCE_TO_LISTING_AVERAGES = [
  { year: 2020, days: 255 },
  { year: 2023, days: 397 },
] as const;

/** Policy support the plan names (专项行动5 and 16), plus the listing application subsidy (no public figure: configured). */
export const SUPPORT_KINDS = {
  listing_subsidy: { zh: '科创板上市申报补贴', en: 'STAR listing application subsidy' },
  scenario_project: { zh: '应用场景项目支持', en: 'Application-scenario project support' },
  innovation_voucher: { zh: '科技创新券', en: 'Innovation voucher' },
  first_set: { zh: '首台套/首版次/首批次支持', en: 'First-set / first-version / first-batch support' },
  team_reward: { zh: '核心团队奖励', en: 'Core-team reward' },
} as const satisfies Record<string, Labelled>;
export type SupportKind = keyof typeof SUPPORT_KINDS;
export const SUPPORT_KIND_CODES = Object.keys(SUPPORT_KINDS) as [SupportKind, ...SupportKind[]];

export const FIRST_SET_KINDS = {
  first_set: { zh: '首台套', en: 'First set' },
  first_version: { zh: '首版次', en: 'First version' },
  first_batch: { zh: '首批次', en: 'First batch' },
} as const satisfies Record<string, Labelled>;
export type FirstSetKind = keyof typeof FIRST_SET_KINDS;
export const FIRST_SET_KIND_CODES = Object.keys(FIRST_SET_KINDS) as [FirstSetKind, ...FirstSetKind[]];

export const SUPPORT_STATUSES = {
  applied: { zh: '已申请', en: 'Applied' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '未批准', en: 'Rejected' },
  paid: { zh: '已拨付', en: 'Paid' },
} as const satisfies Record<string, Labelled>;
export type SupportStatus = keyof typeof SUPPORT_STATUSES;
export const SUPPORT_STATUS_CODES = Object.keys(SUPPORT_STATUSES) as [SupportStatus, ...SupportStatus[]];

const WAN = 1_000_000; // fen in 1万元

/** The plan's caps, in fen and as rates (seed: 专项行动5, 第16条). */
export const SUPPORT_CAPS = {
  /** Application-scenario projects: 30% of the project investment, at most ¥20 million. */
  scenarioRate: 0.3,
  scenarioMaxFen: 2000 * WAN,
  /** Innovation vouchers: up to ¥2 million, and never more than the innovation spending they subsidise. */
  voucherMaxFen: 200 * WAN,
  /** First-set / first-version / first-batch: up to 30% (of the qualifying product value). */
  firstSetRate: 0.3,
  /** Core-team rewards: at most ¥500,000 a person. */
  teamRewardPerPersonFen: 50 * WAN,
} as const;
