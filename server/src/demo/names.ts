import type { InvestorSource, Sector, SponsorType } from '@highland/shared';

/**
 * The demo fund group's cast: real-sounding but fictional firms and funds. Place names are Shanghai's
 * real zones (the plan names them); no firm here is a real company.
 */
export const MOTHER_FUND = {
  code: 'MF',
  nameZh: '上海人工智能产业投资基金',
  nameEn: 'Shanghai AI Industry Investment Fund',
  managerZh: '上海人工智能产业投资基金管理有限公司',
  managerEn: 'Shanghai AI Industry Fund Management Co., Ltd.',
} as const;

export const DIRECT_VEHICLE = {
  code: 'DV',
  nameZh: '上海人工智能产业投资基金直投平台',
  nameEn: 'Shanghai AI Industry Fund Direct Investment Vehicle',
} as const;

export interface SubFundSpec {
  code: string;
  batch: 1 | 2 | 3;
  nameZh: string;
  nameEn: string;
  managerZh: string;
  managerEn: string;
  sponsor: SponsorType;
  /** The sponsor LP's name (an SOE or an industry leader), when the sponsor invests. */
  sponsorLp: { zh: string; en: string; source: InvestorSource } | null;
  /** The district or zone guidance fund that co-invests (fiscal money), if any. */
  districtLp: { zh: string; en: string } | null;
  sectors: Sector[];
  fundOfFunds?: boolean;
}

/**
 * What the demo's overview should show a reviewer (each set up in fund-group.ts):
 * - batch 2 raised more than its sub-funds' targets (the others are still below theirs);
 * - SF-12 is over its 30% government-share cap since a district top-up accepted under its override rule;
 * - SF-19 is behind on local reinvestment (most of its deals are outside Shanghai, k = 2);
 * - SF-14 has made no new investment since autumn 2024 while calling capital: money idle over a year;
 * - SF-01, the demo manager's fund, has 20% uncalled and one LP late on its last call.
 */
export const DEMO_STORY = {
  batchOverTarget: 2,
  overCap: { code: 'SF-12', date: '2025-03-18', reason: '普陀区追加出资支持桃浦智创城建设，经母基金投资决策委员会审议同意突破出资比例上限' },
  behindOnReinvestment: 'SF-19',
  idle: { code: 'SF-14', lastDeal: '2024-09-30' },
  gpFund: { code: 'SF-01', callCeiling: 0.8 },
} as const;

const district = (zh: string, en: string) => ({ zh, en });

export const SUB_FUNDS: SubFundSpec[] = [
  {
    code: 'SF-01',
    batch: 1,
    nameZh: '上海张江人工智能芯片创业投资基金',
    nameEn: 'Shanghai Zhangjiang AI Chip Venture Fund',
    managerZh: '张江芯动资本管理有限公司',
    managerEn: 'Zhangjiang Xindong Capital Management Co., Ltd.',
    sponsor: 'soe',
    sponsorLp: { zh: '张江高科创业投资有限公司', en: 'Zhangjiang Hi-Tech Venture Capital Co., Ltd.', source: 'soe' },
    districtLp: district('浦东新区产业引导基金', 'Pudong New Area Industry Guidance Fund'),
    sectors: ['ai_chips', 'sensors'],
  },
  {
    code: 'SF-02',
    batch: 1,
    nameZh: '上海临港智能驾驶产业投资基金',
    nameEn: 'Shanghai Lingang Intelligent Driving Industry Fund',
    managerZh: '临港智行私募基金管理有限公司',
    managerEn: 'Lingang Zhixing Private Fund Management Co., Ltd.',
    sponsor: 'soe',
    sponsorLp: { zh: '临港数科发展集团有限公司', en: 'Lingang Digital Technology Development Group', source: 'soe' },
    districtLp: district('临港新片区产业发展引导基金', 'Lingang New Area Industry Guidance Fund'),
    sectors: ['intelligent_driving', 'sensors'],
  },
  {
    code: 'SF-03',
    batch: 1,
    nameZh: '上海浦东人工智能产业母基金',
    nameEn: 'Shanghai Pudong AI Industry Fund of Funds',
    managerZh: '浦东科创母基金管理有限公司',
    managerEn: 'Pudong Sci-Tech FoF Management Co., Ltd.',
    sponsor: 'soe',
    sponsorLp: { zh: '上海浦东科创集团有限公司', en: 'Shanghai Pudong Sci-Tech Investment Group', source: 'soe' },
    districtLp: district('浦东新区财政局', 'Pudong New Area Finance Bureau'),
    sectors: ['ai_chips', 'ai_algorithms', 'intelligent_robots', 'cloud_computing'],
    fundOfFunds: true,
  },
  {
    code: 'SF-04',
    batch: 1,
    nameZh: '上海徐汇西岸智能算法创业投资基金',
    nameEn: 'Shanghai Xuhui West Bund AI Algorithms Venture Fund',
    managerZh: '西岸智源投资管理有限公司',
    managerEn: 'West Bund Zhiyuan Investment Management Co., Ltd.',
    sponsor: 'market',
    sponsorLp: null,
    districtLp: district('徐汇区科创引导基金', 'Xuhui District Innovation Guidance Fund'),
    sectors: ['ai_algorithms', 'ai_plus_vertical'],
  },
  {
    code: 'SF-05',
    batch: 1,
    nameZh: '上海云岫智能机器人产业基金',
    nameEn: 'Shanghai Yunxiu Intelligent Robotics Industry Fund',
    managerZh: '云岫资本管理有限公司',
    managerEn: 'Yunxiu Capital Management Co., Ltd.',
    sponsor: 'industry_leader',
    sponsorLp: { zh: '云岫智能科技集团有限公司', en: 'Yunxiu Intelligent Technology Group', source: 'private' },
    districtLp: null,
    sectors: ['intelligent_robots', 'smart_hardware'],
  },
  {
    code: 'SF-06',
    batch: 1,
    nameZh: '上海国资人工智能科创投资基金',
    nameEn: 'Shanghai SOE AI Sci-Tech Investment Fund',
    managerZh: '上海国资创新私募基金管理有限公司',
    managerEn: 'Shanghai SOE Innovation Private Fund Management Co., Ltd.',
    sponsor: 'soe',
    sponsorLp: { zh: '上海国资创新投资集团有限公司', en: 'Shanghai SOE Innovation Investment Group', source: 'soe' },
    districtLp: null,
    sectors: ['ai_chips', 'ai_algorithms', 'big_data'],
  },
  {
    code: 'SF-07',
    batch: 1,
    nameZh: '上海申城工业互联网产业基金',
    nameEn: 'Shanghai Shencheng Industrial Internet Fund',
    managerZh: '申城数智投资管理有限公司',
    managerEn: 'Shencheng Shuzhi Investment Management Co., Ltd.',
    sponsor: 'industry_leader',
    sponsorLp: { zh: '上海仪电智能科技集团有限公司', en: 'Shanghai Yidian Intelligent Technology Group', source: 'soe' },
    districtLp: null,
    sectors: ['industrial_internet', 'iot'],
  },
  {
    code: 'SF-08',
    batch: 1,
    nameZh: '上海杨浦长阳创谷数字经济基金',
    nameEn: 'Shanghai Yangpu Changyang Valley Digital Economy Fund',
    managerZh: '长阳创谷股权投资管理有限公司',
    managerEn: 'Changyang Valley Equity Investment Management Co., Ltd.',
    sponsor: 'market',
    sponsorLp: null,
    districtLp: district('杨浦区双创引导基金', 'Yangpu District Entrepreneurship Guidance Fund'),
    sectors: ['big_data', 'cloud_computing'],
  },
  {
    code: 'SF-09',
    batch: 2,
    nameZh: '上海闵行马桥人工智能产业基金',
    nameEn: 'Shanghai Minhang Maqiao AI Industry Fund',
    managerZh: '马桥智谷私募基金管理有限公司',
    managerEn: 'Maqiao Zhigu Private Fund Management Co., Ltd.',
    sponsor: 'soe',
    sponsorLp: { zh: '闵行资产经营集团有限公司', en: 'Minhang Asset Management Group', source: 'soe' },
    districtLp: district('闵行区产业引导基金', 'Minhang District Industry Guidance Fund'),
    sectors: ['smart_hardware', 'intelligent_robots'],
  },
  {
    code: 'SF-10',
    batch: 2,
    nameZh: '上海市北高新大数据创业投资基金',
    nameEn: 'Shanghai Shibei Hi-Tech Big Data Venture Fund',
    managerZh: '市北数聚投资管理有限公司',
    managerEn: 'Shibei Shuju Investment Management Co., Ltd.',
    sponsor: 'market',
    sponsorLp: null,
    districtLp: district('静安区产业引导基金', "Jing'an District Industry Guidance Fund"),
    sectors: ['big_data', 'cloud_computing'],
  },
  {
    code: 'SF-11',
    batch: 2,
    nameZh: '上海金桥智能网联汽车产业基金',
    nameEn: 'Shanghai Jinqiao Connected Vehicles Industry Fund',
    managerZh: '金桥智联私募基金管理有限公司',
    managerEn: 'Jinqiao Zhilian Private Fund Management Co., Ltd.',
    sponsor: 'industry_leader',
    sponsorLp: { zh: '上海汽车产业投资有限公司', en: 'Shanghai Automotive Industry Investment Co., Ltd.', source: 'soe' },
    districtLp: null,
    sectors: ['intelligent_driving'],
  },
  {
    code: 'SF-12',
    batch: 2,
    nameZh: '上海桃浦智创城人工智能基金',
    nameEn: 'Shanghai Taopu Smart City AI Fund',
    managerZh: '桃浦智创投资管理有限公司',
    managerEn: 'Taopu Zhichuang Investment Management Co., Ltd.',
    sponsor: 'market',
    sponsorLp: null,
    districtLp: district('普陀区科创引导基金', 'Putuo District Innovation Guidance Fund'),
    sectors: ['ai_plus_vertical', 'iot'],
  },
  {
    code: 'SF-13',
    batch: 2,
    nameZh: '上海华芯传感器产业投资基金',
    nameEn: 'Shanghai Huaxin Sensor Industry Fund',
    managerZh: '华芯资本管理有限公司',
    managerEn: 'Huaxin Capital Management Co., Ltd.',
    sponsor: 'industry_leader',
    sponsorLp: { zh: '华芯微电子股份有限公司', en: 'Huaxin Microelectronics Co., Ltd.', source: 'private' },
    districtLp: null,
    sectors: ['sensors', 'ai_chips'],
  },
  {
    code: 'SF-14',
    batch: 2,
    nameZh: '上海联创人工智能医疗健康基金',
    nameEn: 'Shanghai Lianchuang AI Healthcare Fund',
    managerZh: '联创永泽投资管理有限公司',
    managerEn: 'Lianchuang Yongze Investment Management Co., Ltd.',
    sponsor: 'market',
    sponsorLp: null,
    districtLp: null,
    sectors: ['ai_plus_vertical', 'ai_algorithms'],
  },
  {
    code: 'SF-15',
    batch: 2,
    nameZh: '上海浦江云计算产业基金',
    nameEn: 'Shanghai Pujiang Cloud Computing Industry Fund',
    managerZh: '浦江云启私募基金管理有限公司',
    managerEn: 'Pujiang Yunqi Private Fund Management Co., Ltd.',
    sponsor: 'soe',
    sponsorLp: { zh: '上海申能创业投资有限公司', en: 'Shanghai Shenergy Venture Capital Co., Ltd.', source: 'soe' },
    districtLp: null,
    sectors: ['cloud_computing', 'big_data'],
  },
  {
    code: 'SF-16',
    batch: 2,
    nameZh: '上海宝山智能制造产业基金',
    nameEn: 'Shanghai Baoshan Intelligent Manufacturing Fund',
    managerZh: '宝山智造股权投资管理有限公司',
    managerEn: 'Baoshan Zhizao Equity Investment Management Co., Ltd.',
    sponsor: 'soe',
    sponsorLp: { zh: '宝山国有资产投资有限公司', en: 'Baoshan State-owned Asset Investment Co., Ltd.', source: 'soe' },
    districtLp: district('宝山区产业引导基金', 'Baoshan District Industry Guidance Fund'),
    sectors: ['industrial_internet', 'intelligent_robots'],
  },
  {
    code: 'SF-17',
    batch: 2,
    nameZh: '上海长宁人工智能金融科技基金',
    nameEn: 'Shanghai Changning AI Fintech Fund',
    managerZh: '长宁数金投资管理有限公司',
    managerEn: 'Changning Shujin Investment Management Co., Ltd.',
    sponsor: 'market',
    sponsorLp: null,
    districtLp: district('长宁区引导基金', 'Changning District Guidance Fund'),
    sectors: ['ai_plus_vertical', 'big_data'],
  },
  {
    code: 'SF-18',
    batch: 3,
    nameZh: '上海临港集成电路与AI芯片二期基金',
    nameEn: 'Shanghai Lingang IC & AI Chip Fund II',
    managerZh: '临港芯创私募基金管理有限公司',
    managerEn: 'Lingang Xinchuang Private Fund Management Co., Ltd.',
    sponsor: 'soe',
    sponsorLp: { zh: '临港数科发展集团有限公司', en: 'Lingang Digital Technology Development Group', source: 'soe' },
    districtLp: district('临港新片区产业发展引导基金', 'Lingang New Area Industry Guidance Fund'),
    sectors: ['ai_chips'],
  },
  {
    code: 'SF-19',
    batch: 3,
    nameZh: '上海商智视觉算法创业投资基金',
    nameEn: 'Shanghai Shangzhi Computer Vision Venture Fund',
    managerZh: '商智创投管理有限公司',
    managerEn: 'Shangzhi Venture Management Co., Ltd.',
    sponsor: 'industry_leader',
    sponsorLp: { zh: '商智科技集团股份有限公司', en: 'Shangzhi Technology Group Co., Ltd.', source: 'private' },
    districtLp: null,
    sectors: ['ai_algorithms', 'sensors'],
  },
  {
    code: 'SF-20',
    batch: 3,
    nameZh: '上海静安数字孪生产业基金',
    nameEn: "Shanghai Jing'an Digital Twin Industry Fund",
    managerZh: '静安数孪投资管理有限公司',
    managerEn: "Jing'an Shuluan Investment Management Co., Ltd.",
    sponsor: 'market',
    sponsorLp: null,
    districtLp: district('静安区产业引导基金', "Jing'an District Industry Guidance Fund"),
    sectors: ['industrial_internet', 'cloud_computing'],
  },
  {
    code: 'SF-21',
    batch: 3,
    nameZh: '上海普陀物联网创新基金',
    nameEn: 'Shanghai Putuo IoT Innovation Fund',
    managerZh: '普陀智联创业投资管理有限公司',
    managerEn: 'Putuo Zhilian Venture Management Co., Ltd.',
    sponsor: 'market',
    sponsorLp: null,
    districtLp: district('普陀区科创引导基金', 'Putuo District Innovation Guidance Fund'),
    sectors: ['iot', 'smart_hardware'],
  },
  {
    code: 'SF-22',
    batch: 3,
    nameZh: '上海张江机器人与具身智能基金',
    nameEn: 'Shanghai Zhangjiang Robotics & Embodied AI Fund',
    managerZh: '云岫资本管理有限公司',
    managerEn: 'Yunxiu Capital Management Co., Ltd.',
    sponsor: 'industry_leader',
    sponsorLp: { zh: '云岫智能科技集团有限公司', en: 'Yunxiu Intelligent Technology Group', source: 'private' },
    districtLp: district('浦东新区产业引导基金', 'Pudong New Area Industry Guidance Fund'),
    sectors: ['intelligent_robots'],
  },
  {
    code: 'SF-23',
    batch: 3,
    nameZh: '上海智能网联出行产业基金',
    nameEn: 'Shanghai Smart Mobility Industry Fund',
    managerZh: '申城出行私募基金管理有限公司',
    managerEn: 'Shencheng Mobility Private Fund Management Co., Ltd.',
    sponsor: 'soe',
    sponsorLp: { zh: '上海汽车产业投资有限公司', en: 'Shanghai Automotive Industry Investment Co., Ltd.', source: 'soe' },
    districtLp: null,
    sectors: ['intelligent_driving', 'ai_plus_vertical'],
  },
  {
    code: 'SF-24',
    batch: 3,
    nameZh: '上海科创人工智能早期投资基金',
    nameEn: 'Shanghai Sci-Tech AI Early-Stage Fund',
    managerZh: '科创早鸟投资管理有限公司',
    managerEn: 'Kechuang Early Bird Investment Management Co., Ltd.',
    sponsor: 'market',
    sponsorLp: null,
    districtLp: null,
    sectors: ['ai_algorithms', 'ai_chips'],
  },
  {
    code: 'SF-25',
    batch: 3,
    nameZh: '上海东方智慧城市产业基金',
    nameEn: 'Shanghai Dongfang Smart City Industry Fund',
    managerZh: '东方智城股权投资管理有限公司',
    managerEn: 'Dongfang Zhicheng Equity Investment Management Co., Ltd.',
    sponsor: 'soe',
    sponsorLp: { zh: '上海城投智慧城市发展有限公司', en: 'Shanghai Chengtou Smart City Development Co., Ltd.', source: 'soe' },
    districtLp: null,
    sectors: ['iot', 'big_data'],
  },
];

/** The mother fund's own LPs (phase 1): government budget, SOEs, a bank. */
export const MOTHER_LPS: Array<{ zh: string; en: string; source: InvestorSource; yi: number }> = [
  { zh: '上海市财政局', en: 'Shanghai Municipal Finance Bureau', source: 'fiscal', yi: 40 },
  { zh: '浦东新区财政局', en: 'Pudong New Area Finance Bureau', source: 'fiscal', yi: 10 },
  { zh: '上海国资创新投资集团有限公司', en: 'Shanghai SOE Innovation Investment Group', source: 'soe', yi: 20 },
  { zh: '上海科技创业投资（集团）有限公司', en: 'Shanghai Sci-Tech Venture Capital (Group) Co., Ltd.', source: 'soe', yi: 15 },
  { zh: '上海申能创业投资有限公司', en: 'Shanghai Shenergy Venture Capital Co., Ltd.', source: 'soe', yi: 10 },
  { zh: '申城银行金融资产投资有限公司', en: 'Shencheng Bank Financial Asset Investment Co., Ltd.', source: 'financial', yi: 5 },
];

/** Further LPs the sub-funds draw from. */
export const LP_POOL: Array<{ zh: string; en: string; source: InvestorSource }> = [
  { zh: '申江证券投资有限公司', en: 'Shenjiang Securities Investment Co., Ltd.', source: 'financial' },
  { zh: '浦江人寿保险股份有限公司', en: 'Pujiang Life Insurance Co., Ltd.', source: 'financial' },
  { zh: '沪融信托有限责任公司', en: 'Hurong Trust Co., Ltd.', source: 'financial' },
  { zh: '东海财富资产管理有限公司', en: 'Donghai Wealth Asset Management Co., Ltd.', source: 'financial' },
  { zh: '申城银行金融资产投资有限公司', en: 'Shencheng Bank Financial Asset Investment Co., Ltd.', source: 'financial' },
  { zh: '远景智联实业有限公司', en: 'Yuanjing Zhilian Industrial Co., Ltd.', source: 'private' },
  { zh: '星河数科集团有限公司', en: 'Xinghe Digital Technology Group Co., Ltd.', source: 'private' },
  { zh: '恒信控股集团有限公司', en: 'Hengxin Holdings Group Co., Ltd.', source: 'private' },
  { zh: '博越投资发展有限公司', en: 'Boyue Investment Development Co., Ltd.', source: 'private' },
  { zh: '沪上智造实业集团有限公司', en: 'Hushang Zhizao Industrial Group Co., Ltd.', source: 'private' },
  { zh: '鼎晟新材料科技股份有限公司', en: 'Dingsheng New Materials Technology Co., Ltd.', source: 'private' },
  { zh: '淡狮资本（新加坡）有限公司', en: 'Lion Gate Capital (Singapore) Pte. Ltd.', source: 'foreign' },
  { zh: '太平港伙伴投资有限公司', en: 'Pacific Harbour Partners Ltd.', source: 'foreign' },
  { zh: '陈志远', en: 'Chen Zhiyuan', source: 'individual' },
  { zh: '林婉清', en: 'Lin Wanqing', source: 'individual' },
  { zh: '上海国资创新投资集团有限公司', en: 'Shanghai SOE Innovation Investment Group', source: 'soe' },
  { zh: '上海科技创业投资（集团）有限公司', en: 'Shanghai Sci-Tech Venture Capital (Group) Co., Ltd.', source: 'soe' },
];

/** The LP that the demo LP account acts for: in two sub-funds. */
export const DEMO_LP_NAME = '申江证券投资有限公司';
export const DEMO_LP_FUNDS = ['SF-01', 'SF-10'];
/** The sub-fund the demo manager account manages. */
export const DEMO_GP_FUND = 'SF-01';
