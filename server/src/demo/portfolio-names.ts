import type { Sector, Zone } from '@highland/shared';

/**
 * The portfolio's cast: fictional firms (no real company is meant). Brand syllables are chosen apart
 * from the pipeline's demo names; the lead reconciles overlaps when the two are merged.
 */
export const BRAND_FIRST: Array<[string, string]> = [
  ['禾', 'He'],
  ['岚', 'Lan'],
  ['澄', 'Cheng'],
  ['衡', 'Heng'],
  ['枢', 'Shu'],
  ['砺', 'Li'],
  ['玄', 'Xuan'],
  ['晟', 'Sheng'],
  ['骁', 'Xiao'],
  ['珩', 'Hang'],
  ['璟', 'Jing'],
  ['溯', 'Su'],
  ['渊', 'Yuan'],
  ['曦', 'Xi'],
  ['澜', 'Lan'],
  ['铎', 'Duo'],
  ['湛', 'Zhan'],
  ['峤', 'Qiao'],
  ['翎', 'Ling'],
  ['昶', 'Chang'],
  ['霁', 'Ji'],
  ['琅', 'Lang'],
  ['奕', 'Yi'],
  ['翊', 'Yi'],
];
export const BRAND_SECOND: Array<[string, string]> = [
  ['矩', 'ju'],
  ['维', 'wei'],
  ['途', 'tu'],
  ['算', 'suan'],
  ['芯', 'xin'],
  ['感', 'gan'],
  ['擎', 'qing'],
  ['视', 'shi'],
  ['联', 'lian'],
  ['数', 'shu'],
  ['元', 'yuan'],
  ['图', 'tu'],
  ['微', 'wei'],
  ['行', 'xing'],
  ['云', 'yun'],
  ['智', 'zhi'],
  ['控', 'kong'],
  ['域', 'yu'],
  ['链', 'lian'],
  ['光', 'guang'],
];

/** The trade word of a firm's name by sector. */
export const TRADE: Record<Sector, Array<[string, string]>> = {
  ai_chips: [
    ['半导体', 'Semiconductor'],
    ['微电子', 'Microelectronics'],
  ],
  sensors: [
    ['传感技术', 'Sensing Technology'],
    ['光电科技', 'Optoelectronics'],
  ],
  ai_algorithms: [
    ['智能科技', 'Intelligent Technology'],
    ['人工智能科技', 'AI Technology'],
  ],
  intelligent_driving: [
    ['智能驾驶科技', 'Autonomous Driving'],
    ['汽车科技', 'Automotive Technology'],
  ],
  smart_hardware: [
    ['智能设备', 'Smart Devices'],
    ['电子科技', 'Electronics'],
  ],
  intelligent_robots: [
    ['机器人', 'Robotics'],
    ['智能装备', 'Intelligent Equipment'],
  ],
  ai_plus_vertical: [
    ['医疗科技', 'Medical Technology'],
    ['教育科技', 'EdTech'],
    ['金融信息服务', 'FinTech Services'],
  ],
  big_data: [
    ['数据科技', 'Data Technology'],
    ['信息技术', 'Information Technology'],
  ],
  cloud_computing: [
    ['云计算', 'Cloud Computing'],
    ['网络科技', 'Network Technology'],
  ],
  industrial_internet: [
    ['工业互联网', 'Industrial Internet'],
    ['工业软件', 'Industrial Software'],
  ],
  iot: [
    ['物联网科技', 'IoT Technology'],
    ['通信技术', 'Communication Technology'],
  ],
};

/** Administrative division codes (positions 3–8 of a credit code) for each zone. */
export const ZONE_AREA: Record<Zone, string> = {
  pudong_zhangjiang: '310115',
  lingang: '310115',
  jinqiao: '310115',
  xuhui_binjiang: '310104',
  minhang_maqiao: '310112',
  changyang_valley: '310110',
  shibei_hitech: '310106',
  taopu: '310107',
  yangpu: '310110',
  jingan: '310106',
  putuo: '310107',
  changning: '310105',
  baoshan: '310113',
  other_shanghai: '310114',
  outside_shanghai: '110108',
};

export const OUTSIDE_CITIES: Array<{ zh: string; en: string; area: string }> = [
  { zh: '北京', en: 'Beijing', area: '110108' },
  { zh: '深圳', en: 'Shenzhen', area: '440305' },
  { zh: '杭州', en: 'Hangzhou', area: '330106' },
  { zh: '苏州', en: 'Suzhou', area: '320506' },
  { zh: '合肥', en: 'Hefei', area: '340104' },
];

/** Fictional co-investors named in rounds (none of them is an LP of the demo group). */
export const CO_INVESTORS = [
  '澜衡资本',
  '远峰创投',
  '嘉朗投资',
  '松乾基金',
  '璞曜资本',
  '朗远创投',
  '峰禾投资',
  '衡松资本',
  '乾澜创投',
  '曜璞投资',
  '临峰产业基金',
  '江岸科创基金',
];
