/**
 * Reference data from the 2019–2021 action plan (seed): the sector taxonomy (three families, exactly
 * as the plan names them), the "4+X" carriers and districts a firm can sit in, and the enumerations of
 * docs/domain.md#vocabulary. Codes are stable identifiers stored in the database; labels are for display.
 */
export interface Labelled {
  zh: string;
  en: string;
}

export const SECTOR_FAMILIES = {
  core_tech: { zh: '核心技术', en: 'Core technology' },
  intelligent_industry: { zh: '智能产业', en: 'Intelligent industries' },
  pan_ai: { zh: '泛人工智能', en: 'Pan-AI' },
} as const satisfies Record<string, Labelled>;
export type SectorFamily = keyof typeof SECTOR_FAMILIES;

export const SECTORS = {
  ai_chips: { family: 'core_tech', zh: 'AI芯片', en: 'AI chips' },
  sensors: { family: 'core_tech', zh: '传感器', en: 'Sensors' },
  ai_algorithms: { family: 'core_tech', zh: 'AI算法', en: 'AI algorithms' },
  intelligent_driving: { family: 'intelligent_industry', zh: '智能驾驶', en: 'Intelligent driving' },
  smart_hardware: { family: 'intelligent_industry', zh: '智能硬件', en: 'Smart hardware' },
  intelligent_robots: { family: 'intelligent_industry', zh: '智能机器人', en: 'Intelligent robots' },
  ai_plus_vertical: { family: 'intelligent_industry', zh: 'AI+垂直应用', en: '"AI+" vertical applications' },
  big_data: { family: 'pan_ai', zh: '大数据', en: 'Big data' },
  cloud_computing: { family: 'pan_ai', zh: '云计算', en: 'Cloud computing' },
  industrial_internet: { family: 'pan_ai', zh: '工业互联网', en: 'Industrial internet' },
  iot: { family: 'pan_ai', zh: '物联网', en: 'IoT' },
} as const satisfies Record<string, Labelled & { family: SectorFamily }>;
export type Sector = keyof typeof SECTORS;
export const SECTOR_CODES = Object.keys(SECTORS) as [Sector, ...Sector[]];

/** The plan's carriers and zones ("4+X"), then districts, then the two catch-alls. */
export const ZONES = {
  pudong_zhangjiang: { zh: '浦东张江', en: 'Pudong Zhangjiang', shanghai: true },
  lingang: { zh: '临港新片区', en: 'Lingang New Area', shanghai: true },
  jinqiao: { zh: '金桥', en: 'Jinqiao', shanghai: true },
  xuhui_binjiang: { zh: '徐汇滨江·西岸', en: 'Xuhui Binjiang / West Bund', shanghai: true },
  minhang_maqiao: { zh: '闵行马桥', en: 'Minhang Maqiao', shanghai: true },
  changyang_valley: { zh: '长阳创谷', en: 'Changyang Valley (Yangpu)', shanghai: true },
  shibei_hitech: { zh: '市北高新', en: "Shibei Hi-Tech Park (Jing'an)", shanghai: true },
  taopu: { zh: '桃浦智创城', en: 'Taopu (Putuo)', shanghai: true },
  yangpu: { zh: '杨浦区', en: 'Yangpu District', shanghai: true },
  jingan: { zh: '静安区', en: "Jing'an District", shanghai: true },
  putuo: { zh: '普陀区', en: 'Putuo District', shanghai: true },
  changning: { zh: '长宁区', en: 'Changning District', shanghai: true },
  baoshan: { zh: '宝山区', en: 'Baoshan District', shanghai: true },
  other_shanghai: { zh: '上海其他区域', en: 'Other Shanghai', shanghai: true },
  outside_shanghai: { zh: '上海以外', en: 'Outside Shanghai', shanghai: false },
} as const satisfies Record<string, Labelled & { shanghai: boolean }>;
export type Zone = keyof typeof ZONES;
export const ZONE_CODES = Object.keys(ZONES) as [Zone, ...Zone[]];

/** Every LP is tagged by the source of its money; leverage figures are ambiguous without it. */
export const INVESTOR_SOURCES = {
  fiscal: { zh: '财政资金', en: 'Government budget' },
  soe: { zh: '国企自有资金', en: 'State-owned enterprise' },
  financial: { zh: '金融机构', en: 'Financial institution' },
  private: { zh: '民营企业', en: 'Private enterprise' },
  foreign: { zh: '外资', en: 'Foreign' },
  individual: { zh: '个人', en: 'Individual' },
  mother_fund: { zh: '母基金', en: 'Mother fund' },
} as const satisfies Record<string, Labelled>;
export type InvestorSource = keyof typeof INVESTOR_SOURCES;
export const INVESTOR_SOURCE_CODES = Object.keys(INVESTOR_SOURCES) as [InvestorSource, ...InvestorSource[]];

export const FUND_KINDS = {
  mother: { zh: '母基金', en: 'Mother fund' },
  sub: { zh: '子基金', en: 'Sub-fund' },
  direct_vehicle: { zh: '直投平台', en: 'Direct-investment vehicle' },
} as const satisfies Record<string, Labelled>;
export type FundKind = keyof typeof FUND_KINDS;
export const FUND_KIND_CODES = Object.keys(FUND_KINDS) as [FundKind, ...FundKind[]];

export const FUND_STATUSES = {
  approved: { zh: '已决策待设立', en: 'Approved, not yet set up' },
  fundraising: { zh: '募集期', en: 'Fundraising' },
  investing: { zh: '投资期', en: 'Investing' },
  harvesting: { zh: '退出期', en: 'Harvesting' },
  liquidated: { zh: '已清算', en: 'Liquidated' },
} as const satisfies Record<string, Labelled>;
export type FundStatus = keyof typeof FUND_STATUSES;
export const FUND_STATUS_CODES = Object.keys(FUND_STATUSES) as [FundStatus, ...FundStatus[]];

export const SPONSOR_TYPES = {
  soe: { zh: '国有企业', en: 'State-owned enterprise' },
  industry_leader: { zh: '行业龙头', en: 'Industry leader' },
  market: { zh: '市场化机构', en: 'Market-oriented' },
} as const satisfies Record<string, Labelled>;
export type SponsorType = keyof typeof SPONSOR_TYPES;
export const SPONSOR_TYPE_CODES = Object.keys(SPONSOR_TYPES) as [SponsorType, ...SponsorType[]];

export const OWNERSHIP_TYPES = {
  private: { zh: '民营', en: 'Private' },
  state_owned: { zh: '国有', en: 'State-owned' },
  mixed: { zh: '混合所有制', en: 'Mixed ownership' },
} as const satisfies Record<string, Labelled>;
export type Ownership = keyof typeof OWNERSHIP_TYPES;
export const OWNERSHIP_CODES = Object.keys(OWNERSHIP_TYPES) as [Ownership, ...Ownership[]];

/**
 * The cash-flow ledger's entry kinds. LP ↔ fund: call (amount requested), contribution (paid in),
 * distribution (paid out), fee (management fee charged to the LP). Fund ↔ company: investment, proceeds.
 */
export const LEDGER_KINDS = {
  call: { zh: '缴款通知', en: 'Capital call' },
  contribution: { zh: '实缴出资', en: 'Contribution' },
  distribution: { zh: '分配', en: 'Distribution' },
  fee: { zh: '管理费', en: 'Fee' },
  investment: { zh: '项目投资', en: 'Investment' },
  proceeds: { zh: '项目回款', en: 'Proceeds' },
} as const satisfies Record<string, Labelled>;
export type LedgerKind = keyof typeof LEDGER_KINDS;
export const LEDGER_KIND_CODES = Object.keys(LEDGER_KINDS) as [LedgerKind, ...LedgerKind[]];

export function label(item: Labelled, locale: string): string {
  return locale.startsWith('zh') ? item.zh : item.en;
}
