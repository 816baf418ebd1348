import { company, reinvestEvidence, type Tx } from '@highland/drizzle';
import { addDays, type Sector, ZONE_CODES, ZONES, type Zone } from '@highland/shared';
import { insertChunked } from './insert.js';
import type { Random } from './random.js';
import { makeUscc } from './uscc.js';

/**
 * The sub-funds' investments as cash flows (fund → company) in the ledger, so the fund group's clocks —
 * idle money, local reinvestment — have something to read before the portfolio module exists. Each fund
 * puts most of what its LPs pay in to work within months, in firms of its sectors, most of them in Shanghai.
 *
 * WHEN THE PORTFOLIO DEMO LANDS (its investments write the same `investment` ledger rows), this part is
 * replaced by it: drop the call in fund-group.ts, keep the story (one fund idle, one behind on reinvestment)
 * by shaping those investments instead.
 */
export interface DeployableFund {
  fundId: number;
  code: string;
  sectors: Sector[];
  /** Contributions (date, amount), in date order. */
  contributions: Array<{ date: string; amountFen: number }>;
  /** Share of deals in Shanghai firms (0.8 usually; low for the fund behind on reinvestment). */
  localShare: number;
  /** No new deals after this date (the idle fund). */
  deployUntil: string | null;
}

export interface DeploymentRow {
  fundId: number;
  kind: 'investment';
  companyId: number;
  amountFen: number;
  date: string;
  memo: string;
  createdAt: string;
}

const ZH_A = ['芯', '睿', '智', '思', '云', '图', '灵', '启', '曜', '深', '鹏', '衡', '澜', '擎', '微', '达', '量', '拓', '翼', '瀚'];
const ZH_B = ['源', '视', '元', '驰', '联', '算', '感', '科', '途', '维', '矩', '光', '程', '迅', '泰', '融', '界', '合', '创', '行'];
const EN_A = ['Xin', 'Rui', 'Zhi', 'Si', 'Yun', 'Tu', 'Ling', 'Qi', 'Yao', 'Shen', 'Peng', 'Heng', 'Lan', 'Qing', 'Wei', 'Da', 'Liang', 'Tuo', 'Yi', 'Han'];
const EN_B = [
  'yuan',
  'shi',
  'yuan',
  'chi',
  'lian',
  'suan',
  'gan',
  'ke',
  'tu',
  'wei',
  'ju',
  'guang',
  'cheng',
  'xun',
  'tai',
  'rong',
  'jie',
  'he',
  'chuang',
  'xing',
];
const TRADE: Record<Sector, [string, string]> = {
  ai_chips: ['半导体科技', 'Semiconductor'],
  sensors: ['传感技术', 'Sensing Technology'],
  ai_algorithms: ['智能科技', 'Intelligence Technology'],
  intelligent_driving: ['智能驾驶科技', 'Autonomous Driving'],
  smart_hardware: ['智能硬件', 'Smart Devices'],
  intelligent_robots: ['机器人', 'Robotics'],
  ai_plus_vertical: ['数字科技', 'Digital Technology'],
  big_data: ['数据科技', 'Data Technology'],
  cloud_computing: ['云计算', 'Cloud Computing'],
  industrial_internet: ['工业互联网', 'Industrial Internet'],
  iot: ['物联网科技', 'IoT Technology'],
};
const OUTSIDE = [
  ['杭州', 'Hangzhou', '330106'],
  ['苏州', 'Suzhou', '320508'],
  ['深圳', 'Shenzhen', '440305'],
  ['北京', 'Beijing', '110108'],
  ['合肥', 'Hefei', '340104'],
] as const;
const SH_ZONES = ZONE_CODES.filter((z) => ZONES[z].shanghai && z !== 'other_shanghai');
const SH_AREA: Partial<Record<Zone, string>> = {
  pudong_zhangjiang: '310115',
  lingang: '310115',
  jinqiao: '310115',
  xuhui_binjiang: '310104',
  minhang_maqiao: '310112',
};

export async function seedDeployments(tx: Tx, rng: Random, funds: DeployableFund[], endDate: string, createdAt: string) {
  const companies: Array<typeof company.$inferInsert> = [];
  const evidence: Array<typeof reinvestEvidence.$inferInsert> = [];
  const rows: DeploymentRow[] = [];
  let nextId = 1;
  const newCompany = (r: Random, sector: Sector, local: boolean) => {
    const id = nextId++;
    const name = `${ZH_A[id % 20]}${ZH_B[Math.floor(id / 20) % 20]}`;
    const en = `${EN_A[id % 20]}${EN_B[Math.floor(id / 20) % 20]}`;
    const [tradeZh, tradeEn] = TRADE[sector];
    const out = OUTSIDE[id % OUTSIDE.length] ?? OUTSIDE[0];
    const zone: Zone = local ? r.pick(SH_ZONES) : 'outside_shanghai';
    companies.push({
      id,
      uscc: makeUscc(local ? (SH_AREA[zone] ?? '310110') : out[2], 60_000_000 + id * 7),
      nameZh: `${local ? '上海' : out[0]}${name}${tradeZh}有限公司`,
      nameEn: `${local ? 'Shanghai' : out[1]} ${en} ${tradeEn} Co., Ltd.`,
      sector,
      zone,
      registeredInShanghai: local,
      founded: `${r.int(2012, 2021)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      ownership: r.chance(0.85) ? 'private' : 'mixed',
      headcount: r.int(20, 900),
      createdAt,
      updatedAt: createdAt,
    });
    return id;
  };
  for (const f of funds) {
    const r = rng.fork(f.code);
    const held: number[] = [];
    for (const c of f.contributions) {
      // Most of each payment goes to work in one to three deals over the next two to eight months.
      let left = Math.round((c.amountFen * r.real(0.85, 1)) / 1_000_000) * 1_000_000;
      const deals = r.int(1, 3);
      for (let k = 0; k < deals && left > 0; k++) {
        const date = addDays(c.date, r.int(60, 240));
        if (date > endDate || (f.deployUntil && date > f.deployUntil)) continue;
        const amountFen = k === deals - 1 ? left : Math.round((left * r.real(0.3, 0.6)) / 1_000_000) * 1_000_000;
        left -= amountFen;
        const followOn = held.length > 0 && r.chance(0.25);
        const local = r.chance(f.localShare);
        const companyId = followOn ? r.pick(held) : newCompany(r, r.pick(f.sectors), local);
        if (!followOn) {
          held.push(companyId);
          // Some firms outside Shanghai move in after the investment, or open a Shanghai subsidiary.
          if (!local && r.chance(0.3)) {
            evidence.push({
              fundId: f.fundId,
              companyId,
              evidence: r.chance(0.5) ? 'relocated' : 'subsidiary',
              effectiveDate: addDays(date, r.int(120, 500)),
              note: '管理人提交工商变更材料',
              createdAt,
            });
          }
        }
        rows.push({ fundId: f.fundId, kind: 'investment', companyId, amountFen, date, memo: followOn ? '追加投资' : '项目投资', createdAt });
      }
    }
  }
  await insertChunked(tx, company, companies);
  if (evidence.length)
    await insertChunked(
      tx,
      reinvestEvidence,
      evidence.filter((e) => (e.effectiveDate ?? '') <= endDate),
    );
  return { rows, counts: { companies: companies.length, investments: rows.length, evidence: evidence.length } };
}
