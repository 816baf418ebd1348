/**
 * Scorecards: weighted criteria per fund, scores 1–5 against written anchors, several scorers per
 * deal. A criterion's score is the mean of its scorers; the deal's score is the weighted mean of its
 * criteria; the scorecard is complete when every criterion has at least one score.
 */
import type { Labelled } from '../reference/taxonomy.js';
import { SECTORS, type Sector, ZONES, type Zone } from '../reference/taxonomy.js';
import type { PipelineKind } from './stages.js';

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export interface Criterion {
  key: string;
  zh: string;
  en: string;
  /** Relative weight; weights need not add up to one (they are normalised). */
  weight: number;
  /** What a 1, 2, 3, 4 and 5 mean, in order. */
  anchors: readonly [Labelled, Labelled, Labelled, Labelled, Labelled];
}

const a = (zh: string, en: string): Labelled => ({ zh, en });

/** The default criteria of a fund's direct deals. */
export const DIRECT_CRITERIA: readonly Criterion[] = [
  {
    key: 'team',
    zh: '团队',
    en: 'Team',
    weight: 0.25,
    anchors: [
      a('核心岗位缺失，无相关经验', 'Key roles missing, no relevant experience'),
      a('创始人有行业经验，团队不完整', 'Founder has industry experience; team incomplete'),
      a('核心团队完整，有相关创业或产业经历', 'Core team complete with relevant start-up or industry record'),
      a('连续创业者或行业领军人才，分工清晰', 'Serial founders or recognised leaders; clear division of roles'),
      a('顶尖团队，有成功退出或重大技术突破记录', 'Top team with successful exits or major breakthroughs'),
    ],
  },
  {
    key: 'technology',
    zh: '技术',
    en: 'Technology',
    weight: 0.2,
    anchors: [
      a('无自主技术，集成或代理为主', 'No own technology; integration or resale'),
      a('有一定研发，壁垒较低', 'Some R&D, low barriers'),
      a('核心技术自主可控，有发明专利', 'Own core technology with invention patents'),
      a('技术指标国内领先，难以复制', 'Leading in China on key metrics; hard to copy'),
      a('国际领先或填补国内空白（卡脖子环节）', 'World-class or fills a domestic gap (choke-point technology)'),
    ],
  },
  {
    key: 'market',
    zh: '市场',
    en: 'Market',
    weight: 0.15,
    anchors: [
      a('需求不明确，市场规模小', 'Unclear demand, small market'),
      a('细分市场，增速一般', 'Niche market, moderate growth'),
      a('市场规模百亿级，增速较快', 'Market of ¥10 bn+ growing fast'),
      a('千亿级市场，竞争格局未定', '¥100 bn+ market, competition still open'),
      a('千亿级高增长市场，具备国产替代或全球机会', '¥100 bn+ high-growth market with import-substitution or global reach'),
    ],
  },
  {
    key: 'traction',
    zh: '经营进展',
    en: 'Traction',
    weight: 0.15,
    anchors: [
      a('尚无产品或客户', 'No product or customers yet'),
      a('样品或试点客户', 'Prototype or pilot customers'),
      a('产品量产，收入千万级', 'Product shipping, revenue ¥10 m+'),
      a('收入亿元级，头部客户复购', 'Revenue ¥100 m+, repeat orders from leading customers'),
      a('收入快速增长且接近盈利，行业标杆客户', 'Fast-growing revenue near profit, benchmark customers'),
    ],
  },
  {
    key: 'terms',
    zh: '交易条款',
    en: 'Terms',
    weight: 0.1,
    anchors: [
      a('估值明显偏高，条款不利', 'Valuation clearly too high, unfavourable terms'),
      a('估值偏高，保护条款不足', 'Valuation high, weak protections'),
      a('估值合理，常规条款', 'Fair valuation, standard terms'),
      a('估值有吸引力，保护条款完整', 'Attractive valuation, full protections'),
      a('估值优惠且有领投或董事席位', 'Discounted valuation with lead or board seat'),
    ],
  },
  {
    key: 'policy_fit',
    zh: '政策契合',
    en: 'Policy fit',
    weight: 0.15,
    anchors: [
      a('非聚焦领域，非本地，无上市规划', 'Outside the focus sectors, not local, no listing plan'),
      a('符合一项：聚焦领域、本地注册或科创板规划', 'Meets one of: focus sector, registered locally, STAR plan'),
      a('聚焦领域且本地注册（可计入返投）', 'Focus sector and registered in Shanghai (counts toward reinvestment)'),
      a('聚焦领域、本地注册，民营硬科技企业', 'Focus sector, local, private hard-tech firm'),
      a('以上全部且三年内具备科创板申报条件', 'All of the above and STAR-ready within three years'),
    ],
  },
];

/** The default criteria of the mother fund's selection of sub-fund managers. */
export const SELECTION_CRITERIA: readonly Criterion[] = [
  {
    key: 'team',
    zh: '管理团队',
    en: 'Management team',
    weight: 0.25,
    anchors: [
      a('核心成员不足三人，无共同投资经历', 'Fewer than three core members, no shared record'),
      a('团队稳定性一般，AI领域经验有限', 'Team stability moderate, little AI experience'),
      a('团队稳定，有AI领域投资经验', 'Stable team with AI investment experience'),
      a('团队合作五年以上，产业背景深厚', 'Team together 5+ years with deep industry background'),
      a('业内顶尖团队，关键人士条款完备', 'Top team with full key-person provisions'),
    ],
  },
  {
    key: 'track_record',
    zh: '历史业绩',
    en: 'Track record',
    weight: 0.2,
    anchors: [
      a('无可验证业绩', 'No verifiable record'),
      a('少量项目，退出有限', 'Few deals, limited exits'),
      a('业绩中位，有科创板退出案例', 'Median returns, some STAR Market exits'),
      a('业绩前四分之一，多项成功退出', 'Top-quartile returns, several exits'),
      a('多期基金业绩领先，DPI 超过 1', 'Leading returns across funds, DPI above 1'),
    ],
  },
  {
    key: 'strategy',
    zh: '投资策略',
    en: 'Strategy',
    weight: 0.15,
    anchors: [
      a('策略与人工智能无关', 'Strategy unrelated to AI'),
      a('部分覆盖聚焦领域', 'Partly covers the focus sectors'),
      a('聚焦领域清晰，项目储备充足', 'Clear focus sectors, ample deal pipeline'),
      a('产业链布局完整，储备项目质量高', 'Covers the value chain with a strong pipeline'),
      a('具备独特产业资源，可撬动龙头企业', 'Unique industry access that draws leading firms'),
    ],
  },
  {
    key: 'fundraising',
    zh: '募资能力',
    en: 'Fundraising',
    weight: 0.15,
    anchors: [
      a('社会资本未落实', 'No social capital secured'),
      a('意向出资不足目标规模一半', 'Soft commitments under half the target'),
      a('意向出资覆盖目标规模', 'Soft commitments cover the target'),
      a('主要出资人已签署认缴意向', 'Main LPs have signed commitment letters'),
      a('首关资金已到位，放大倍数高', 'First close funded, high leverage'),
    ],
  },
  {
    key: 'terms',
    zh: '基金条款',
    en: 'Fund terms',
    weight: 0.1,
    anchors: [
      a('管理费和收益分成明显偏高', 'Fees and carry clearly above market'),
      a('条款偏向管理人', 'Terms lean toward the manager'),
      a('市场化常规条款', 'Standard market terms'),
      a('管理费按实缴计提，优先回报完整', 'Fees on paid-in capital, full hurdle'),
      a('让利母基金，设有超额收益让渡', 'Concessions to the mother fund, carry sharing'),
    ],
  },
  {
    key: 'policy_fit',
    zh: '政策契合',
    en: 'Policy fit',
    weight: 0.15,
    anchors: [
      a('不承诺返投，注册地不在本市', 'No reinvestment commitment, registered outside Shanghai'),
      a('返投承诺低于一倍', 'Reinvestment commitment below 1×'),
      a('返投一倍，注册在本市', 'Reinvestment 1×, registered in Shanghai'),
      a('返投一倍以上并落地重点园区', 'Reinvestment above 1× in a key zone'),
      a('返投两倍并承诺培育标杆企业', 'Reinvestment 2× and a commitment to grow benchmark firms'),
    ],
  },
];

export function defaultCriteria(kind: PipelineKind): readonly Criterion[] {
  return kind === 'selection' ? SELECTION_CRITERIA : DIRECT_CRITERIA;
}

/** The fund's weights over the default criteria (a fund may re-weight, not rename). */
export function criteriaWithWeights(kind: PipelineKind, weights: Record<string, number> | null | undefined): Criterion[] {
  return defaultCriteria(kind).map((c) => ({ ...c, weight: weights?.[c.key] ?? c.weight }));
}

export interface ScoreEntry {
  scorerId: number;
  criterion: string;
  score: number;
}

export interface ScorecardResult {
  /** Mean score of each criterion over its scorers, null when nobody scored it. */
  criteria: Array<{ key: string; weight: number; mean: number | null; scorers: number }>;
  /** Weighted mean over the scored criteria (1–5), null when nothing is scored. */
  total: number | null;
  complete: boolean;
  scorers: number;
}

/**
 * The scorecard of a deal: per criterion the mean over scorers, then Σ weight × mean ÷ Σ weight over
 * the criteria that have a score. Weights of zero are allowed (the criterion is shown, not counted);
 * a criterion with weight zero does not need a score for the scorecard to be complete.
 */
export function computeScorecard(criteria: readonly Criterion[], entries: readonly ScoreEntry[]): ScorecardResult {
  const rows = criteria.map((c) => {
    const mine = entries.filter((e) => e.criterion === c.key);
    const mean = mine.length ? mine.reduce((s, e) => s + e.score, 0) / mine.length : null;
    return { key: c.key, weight: c.weight, mean, scorers: mine.length };
  });
  let num = 0;
  let den = 0;
  for (const r of rows) {
    if (r.mean === null || r.weight <= 0) continue;
    num += r.weight * r.mean;
    den += r.weight;
  }
  const counted = rows.filter((r) => r.weight > 0);
  return {
    criteria: rows,
    total: den > 0 ? num / den : null,
    complete: counted.length > 0 && counted.every((r) => r.mean !== null),
    scorers: new Set(entries.map((e) => e.scorerId)).size,
  };
}

export interface PolicyFacts {
  sector: string;
  zone: string;
  registeredInShanghai: boolean;
  ownership: string;
  founded: string | null;
}

/**
 * The policy-fit facts a scorer should weigh, from the company and the fund's focus: focus-sector match,
 * Shanghai locality (which makes the investment count toward reinvestment), private ownership, and early
 * hard tech (core technology founded within five years of `asOf`).
 */
export function policyFitFacts(company: PolicyFacts, fundSectorFocus: readonly string[], asOf: string) {
  const sector = SECTORS[company.sector as Sector];
  const zone = ZONES[company.zone as Zone];
  const age = company.founded ? Number(asOf.slice(0, 4)) - Number(company.founded.slice(0, 4)) : null;
  return {
    focusSector: fundSectorFocus.includes(company.sector),
    shanghai: company.registeredInShanghai && (zone?.shanghai ?? false),
    privateFirm: company.ownership === 'private',
    earlyHardTech: sector?.family === 'core_tech' && age !== null && age <= 5,
  };
}
