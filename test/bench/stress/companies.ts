import { makeUscc } from '@highland/server/demo/uscc';
import { normaliseCompanyName, SECTOR_CODES, ZONE_CODES, ZONES } from '@highland/shared';
import type { StressPart } from './index.js';

export const COMPANY_COUNT = 100_000;

/** What later parts (deals, investments, the fund group's cash flows) need: the id range. */
export interface CompaniesOutput {
  firstId: number;
  count: number;
}

const SH_AREAS = ['310115', '310104', '310110', '310106', '310107', '310105', '310113', '310112', '310120'];
const OTHER_AREAS = ['110108', '440305', '330106', '320508', '510107', '420111'];
const ZH_PREFIX = ['申', '沪', '浦', '江', '临', '张', '云', '智', '芯', '鹏', '思', '睿', '星', '博', '灵', '深', '海', '天', '启', '曜'];
const ZH_CORE = ['图', '视', '算', '联', '行', '擎', '维', '元', '数', '迅', '微', '感', '达', '科', '光', '量', '越', '弈', '泰', '瀚'];
const ZH_TRADE = ['智能科技', '信息技术', '微电子', '机器人', '数据科技', '半导体', '网络科技', '传感技术', '汽车科技', '云计算'];
const EN_PREFIX = [
  'Shen',
  'Hu',
  'Pu',
  'Jiang',
  'Lin',
  'Zhang',
  'Yun',
  'Zhi',
  'Xin',
  'Peng',
  'Si',
  'Rui',
  'Xing',
  'Bo',
  'Ling',
  'Shen',
  'Hai',
  'Tian',
  'Qi',
  'Yao',
];
const EN_CORE = [
  'tu',
  'shi',
  'suan',
  'lian',
  'xing',
  'qing',
  'wei',
  'yuan',
  'shu',
  'xun',
  'wei',
  'gan',
  'da',
  'ke',
  'guang',
  'liang',
  'yue',
  'yi',
  'tai',
  'han',
];
const EN_TRADE = ['Intelligent Tech', 'IT', 'Microelectronics', 'Robotics', 'Data Tech', 'Semiconductor', 'Network Tech', 'Sensing', 'Auto Tech', 'Cloud'];

const shanghaiZones = ZONE_CODES.filter((z) => ZONES[z].shanghai);

/** 100,000 firms across the plan's sectors and zones, three in four in Shanghai, each with a valid credit code. */
export const companiesPart: StressPart<CompaniesOutput> = {
  name: 'companies',
  async build({ insert, rng }) {
    const createdAt = '2025-01-01T00:00:00.000Z';
    const rows: Array<Array<string | number | null>> = [];
    for (let i = 0; i < COMPANY_COUNT; i++) {
      const inShanghai = rng.chance(0.75);
      const zone = inShanghai ? rng.pick(shanghaiZones) : 'outside_shanghai';
      const area = inShanghai ? rng.pick(SH_AREAS) : rng.pick(OTHER_AREAS);
      const a = i % 20;
      const b = Math.floor(i / 20) % 20;
      const c = Math.floor(i / 400) % 10;
      const gen = Math.floor(i / 4000);
      const tag = gen === 0 ? '' : String(gen + 1);
      const founded = `${rng.int(2005, 2024)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const nameZh = `上海${ZH_PREFIX[a]}${ZH_CORE[b]}${tag}${ZH_TRADE[c]}有限公司`.replace(/^上海/, inShanghai ? '上海' : '');
      rows.push([
        i + 1,
        makeUscc(area, 10_000_000 + i),
        nameZh,
        normaliseCompanyName(nameZh),
        `${EN_PREFIX[a]}${EN_CORE[b]}${tag} ${EN_TRADE[c]} Co., Ltd.`,
        rng.pick(SECTOR_CODES),
        zone,
        inShanghai ? 1 : 0,
        founded,
        rng.chance(0.82) ? 'private' : rng.chance(0.6) ? 'state_owned' : 'mixed',
        rng.int(8, 2400),
        createdAt,
        createdAt,
      ]);
    }
    await insert(
      'company',
      [
        'id',
        'uscc',
        'name_zh',
        'name_norm',
        'name_en',
        'sector',
        'zone',
        'registered_in_shanghai',
        'founded',
        'ownership',
        'headcount',
        'created_at',
        'updated_at',
      ],
      rows,
    );
    return { counts: { companies: rows.length }, output: { firstId: 1, count: rows.length } };
  },
};
