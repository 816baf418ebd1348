import type { Sector, Zone } from '@highland/shared';
import type { Random } from './random.js';
import { makeUscc } from './uscc.js';

/**
 * Fictional but believable AI firms: a two-character brand (with its pinyin), a sector word, a legal
 * form, the city in front or in brackets — "上海芯擎半导体科技有限公司 / Shanghai Xinqing Semiconductor
 * Technology Co., Ltd." — and a unified social credit code with correct check characters, registered
 * in the district of the firm's zone (shared generator, demo/uscc.ts). Any likeness to a real firm is accidental.
 */
const BRAND_CHARS: Array<[string, string]> = [
  ['芯', 'Xin'],
  ['擎', 'Qing'],
  ['云', 'Yun'],
  ['智', 'Zhi'],
  ['深', 'Shen'],
  ['启', 'Qi'],
  ['元', 'Yuan'],
  ['睿', 'Rui'],
  ['视', 'Shi'],
  ['灵', 'Ling'],
  ['犀', 'Xi'],
  ['鲲', 'Kun'],
  ['鹏', 'Peng'],
  ['星', 'Xing'],
  ['图', 'Tu'],
  ['达', 'Da'],
  ['驰', 'Chi'],
  ['越', 'Yue'],
  ['澜', 'Lan'],
  ['微', 'Wei'],
  ['光', 'Guang'],
  ['知', 'Zhi'],
  ['源', 'Yuan'],
  ['泰', 'Tai'],
  ['瀚', 'Han'],
  ['博', 'Bo'],
  ['思', 'Si'],
  ['衡', 'Heng'],
  ['影', 'Ying'],
  ['极', 'Ji'],
  ['锐', 'Rui'],
  ['航', 'Hang'],
  ['昇', 'Sheng'],
  ['朗', 'Lang'],
  ['逸', 'Yi'],
  ['晨', 'Chen'],
  ['曦', 'Xi'],
  ['宇', 'Yu'],
  ['量', 'Liang'],
  ['脉', 'Mai'],
  ['禾', 'He'],
  ['峰', 'Feng'],
  ['岩', 'Yan'],
  ['诺', 'Nuo'],
  ['凌', 'Ling'],
  ['霆', 'Ting'],
  ['璟', 'Jing'],
  ['骁', 'Xiao'],
  ['望', 'Wang'],
  ['途', 'Tu'],
  ['坤', 'Kun'],
  ['钛', 'Tai'],
  ['铂', 'Bo'],
  ['翼', 'Yi'],
  ['蓝', 'Lan'],
  ['矩', 'Ju'],
  ['阵', 'Zhen'],
  ['象', 'Xiang'],
  ['弈', 'Yi'],
  ['帆', 'Fan'],
  ['沐', 'Mu'],
  ['辰', 'Chen'],
  ['墨', 'Mo'],
  ['致', 'Zhi'],
  ['远', 'Yuan'],
  ['擘', 'Bo'],
  ['奕', 'Yi'],
  ['玄', 'Xuan'],
  ['合', 'He'],
  ['融', 'Rong'],
];

const SECTOR_WORDS: Record<Sector, Array<[string, string]>> = {
  ai_chips: [
    ['半导体', 'Semiconductor'],
    ['芯片', 'Chip'],
    ['微电子', 'Microelectronics'],
    ['集成电路', 'Integrated Circuit'],
  ],
  sensors: [
    ['传感', 'Sensing'],
    ['光电', 'Optoelectronics'],
    ['感知', 'Perception'],
    ['测控', 'Measurement and Control'],
  ],
  ai_algorithms: [
    ['智能', 'Intelligence'],
    ['人工智能', 'Artificial Intelligence'],
    ['视觉', 'Vision'],
    ['算法', 'Algorithm'],
  ],
  intelligent_driving: [
    ['智驾', 'Intelligent Driving'],
    ['智行', 'Smart Mobility'],
    ['汽车科技', 'Automotive Technology'],
    ['自动驾驶', 'Autonomous Driving'],
  ],
  smart_hardware: [
    ['智能硬件', 'Smart Hardware'],
    ['电子', 'Electronics'],
    ['智能终端', 'Smart Devices'],
  ],
  intelligent_robots: [
    ['机器人', 'Robotics'],
    ['智能装备', 'Intelligent Equipment'],
    ['自动化', 'Automation'],
  ],
  ai_plus_vertical: [
    ['医疗科技', 'Medical Technology'],
    ['教育科技', 'Education Technology'],
    ['金融科技', 'Fintech'],
    ['智慧零售', 'Smart Retail'],
  ],
  big_data: [
    ['数据', 'Data'],
    ['数据科技', 'Data Technology'],
    ['信息', 'Information'],
  ],
  cloud_computing: [
    ['云计算', 'Cloud Computing'],
    ['云科技', 'Cloud Technology'],
    ['计算', 'Computing'],
  ],
  industrial_internet: [
    ['工业互联', 'Industrial Internet'],
    ['智能制造', 'Smart Manufacturing'],
    ['工业软件', 'Industrial Software'],
  ],
  iot: [
    ['物联', 'IoT'],
    ['物联网', 'Internet of Things'],
    ['智联', 'Smart Connect'],
  ],
};

/** Administrative divisions (GB/T 2260) where firms of each zone register. */
const DIVISIONS: Record<Zone, string[]> = {
  pudong_zhangjiang: ['310115'],
  lingang: ['310115'],
  jinqiao: ['310115'],
  xuhui_binjiang: ['310104'],
  minhang_maqiao: ['310112'],
  changyang_valley: ['310110'],
  shibei_hitech: ['310106'],
  taopu: ['310107'],
  yangpu: ['310110'],
  jingan: ['310106'],
  putuo: ['310107'],
  changning: ['310105'],
  baoshan: ['310113'],
  other_shanghai: ['310101', '310114', '310117', '310118', '310120'],
  outside_shanghai: ['110108', '330106', '440305', '320594', '340104'],
};
const CITY_OF_DIVISION: Record<string, [string, string]> = {
  '110108': ['北京', 'Beijing'],
  '330106': ['杭州', 'Hangzhou'],
  '440305': ['深圳', 'Shenzhen'],
  '320594': ['苏州', 'Suzhou'],
  '340104': ['合肥', 'Hefei'],
};

export interface DemoCompanyName {
  nameZh: string;
  nameEn: string;
  slug: string;
}

export class CompanyNamer {
  private readonly used = new Set<string>();
  private serial = 0;
  constructor(private readonly r: Random) {}

  name(sector: Sector, division: string): DemoCompanyName {
    const city = CITY_OF_DIVISION[division] ?? ['上海', 'Shanghai'];
    for (;;) {
      const [a, b] = this.r.sample(BRAND_CHARS, 2) as [[string, string], [string, string]];
      const [wordZh, wordEn] = this.r.pick(SECTOR_WORDS[sector]);
      const brandZh = `${a[0]}${b[0]}`;
      const key = `${brandZh}${wordZh}`;
      if (this.used.has(key)) continue;
      this.used.add(key);
      const brandEn = `${a[1]}${b[1].toLowerCase()}`;
      const tech = wordZh.endsWith('科技') || this.r.chance(0.3) ? '' : '科技';
      const form = this.r.chance(0.15) ? '股份有限公司' : '有限公司';
      const bracketed = this.r.chance(0.2);
      const nameZh = bracketed ? `${brandZh}${wordZh}${tech}（${city[0]}）${form}` : `${city[0]}${brandZh}${wordZh}${tech}${form}`;
      const nameEn = `${bracketed ? '' : `${city[1]} `}${brandEn} ${wordEn}${tech ? ' Technology' : ''} Co., Ltd.${bracketed ? ` (${city[1]})` : ''}`;
      return { nameZh, nameEn, slug: `${brandEn.toLowerCase()}${wordEn.split(' ')[0]?.toLowerCase().slice(0, 4) ?? ''}` };
    }
  }

  /** A credit code registered in `division` (the shared generator's; serials from 40,000,000 stay clear of the fund group's firms). */
  uscc(division: string): string {
    this.serial += 1;
    return makeUscc(division, 40_000_000 + this.serial * 3);
  }

  division(zone: Zone, registeredInShanghai: boolean): string {
    return this.r.pick(registeredInShanghai ? DIVISIONS[zone] : DIVISIONS.outside_shanghai);
  }
}

/** Chinese names for the funds' investment teams. */
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
];
const GIVEN = [
  '伟',
  '芳',
  '敏',
  '静',
  '磊',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '晨',
  '悦',
  '思远',
  '子涵',
  '浩然',
  '雨桐',
  '一鸣',
  '嘉怡',
  '俊杰',
  '欣妍',
  '宇航',
  '若曦',
];

export function personName(r: Random): string {
  return `${r.pick(SURNAMES)}${r.pick(GIVEN)}`;
}
