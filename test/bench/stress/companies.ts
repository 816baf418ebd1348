import { normaliseCompanyName, SECTOR_CODES, ZONE_CODES, ZONES } from '@highland/shared';
import type { StressPart } from './index.js';

export const COMPANY_COUNT = 100_000;

/** What later parts (deals, investments, the fund group's cash flows) need: the id range. */
export interface CompaniesOutput {
  firstId: number;
  count: number;
}

/** The 31 characters of a unified social credit code, GB 32100-2015. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 18-character code: registration authority 9, enterprise 1, an area code, an organisation code with its check, the final check. */
export function makeUscc(area: string, serial: number): string {
  const body = String(serial).padStart(8, '0');
  const orgSum = [...body].reduce((a, ch, i) => a + Number(ch) * (ORG_WEIGHTS[i] ?? 0), 0);
  const orgCheck = 11 - (orgSum % 11);
  const org = body + (orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck));
  const first17 = `91${area}${org}`;
  const sum = [...first17].reduce((a, ch, i) => a + USCC_CHARS.indexOf(ch) * (USCC_WEIGHTS[i] ?? 0), 0);
  const check = (31 - (sum % 31)) % 31;
  return first17 + USCC_CHARS[check];
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
