import { company, deal, dealNote, dealScore, dealStageEvent, fund, manager, pipelineSetting, type Tx, user, userFund } from '@highland/drizzle';
import {
  addDays,
  daysBetween,
  computeScorecard,
  DIRECT_CRITERIA,
  type DealSource,
  normaliseCompanyName,
  type OpenStage,
  type Round,
  SECTOR_CODES,
  SECTORS,
  SELECTION_CRITERIA,
  type Sector,
  type Stage,
  type StageOrder,
  stageOrder,
  ZONE_CODES,
  ZONES,
  type Zone,
} from '@highland/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../password.js';
import { bulkInsert } from '../data/bulk.js';
import { indexCompanies, indexDealTexts } from '../data/search.js';
import { CompanyNamer, personName } from './company-names.js';
import { DEMO_DATA_END } from './fund-group.js';
import { insertChunked } from './insert.js';
import { DEMO_PASSWORD } from './accounts.js';
import { SUB_FUNDS } from './names.js';
import type { Random } from './random.js';

/** How many companies and deals the demo pipeline has. */
export const DEMO_COMPANIES = 3000;
export const DEMO_DEALS = 8000;
/** Sub-funds whose term sheet comes before the committee. */
const TERM_SHEET_FIRST = new Set(['SF-04', 'SF-08', 'SF-12', 'SF-17', 'SF-24']);

const WAN = 1_000_000;
const YI = 10_000_000_000;

/** Days a deal typically spends in each stage (min, max), and the chance it goes on. */
const FLOW: Record<string, { days: [number, number]; advance: number }> = {
  sourced: { days: [5, 70], advance: 0.6 },
  screening: { days: [10, 90], advance: 0.36 },
  due_diligence: { days: [30, 150], advance: 0.46 },
  committee: { days: [7, 45], advance: 0.6 },
  term_sheet: { days: [15, 60], advance: 0.75 },
  // A simulated deal never closes: the invested deals are the portfolio's investments (portfolioDeal
  // below), so the pipeline and the books tell one story.
  closing: { days: [20, 90], advance: 0 },
};
const CLOSING_PASS = ['交割前发现重大未披露诉讼，终止交易', '对赌与回购条款未谈拢，交易终止', '领投方退出，本轮融资取消'];

const PASS_REASONS = [
  '估值过高，与创始团队预期差距较大',
  '赛道不符合本基金投资方向',
  '核心团队不完整，技术负责人尚未到位',
  '技术壁垒不足，同类产品竞争激烈',
  '商业化进展慢，收入规模未达预期',
  '创始人暂无融资计划',
  '不符合返投要求（注册地不在上海）',
  '财务数据存疑，尽调发现收入确认问题',
  '本轮领投方条款不利，放弃跟投',
  '投委会未通过：市场空间有限',
];
const HOLD_REASONS = ['等待下一轮融资启动', '待补充审计报告与财务数据', '创始团队调整中，暂缓推进', '等待应用场景试点结果'];
const BACK_REASON = '投委会要求补充技术尽调材料';
const NEXT_STEPS: Record<string, string[]> = {
  sourced: ['安排与创始人初次会面', '获取商业计划书', '约见公司CTO了解技术路线'],
  screening: ['内部立项讨论', '完成初步行业研究', '安排产品演示'],
  due_diligence: ['完成财务尽调', '完成法律尽调', '客户访谈（3家）', '技术专家评审'],
  committee: ['提交投决会材料', '投委会上会', '准备投决会答辩'],
  term_sheet: ['条款谈判', '签署投资意向书', '确认估值与对赌条款'],
  closing: ['签署投资协议', '办理工商变更', '完成交割付款'],
};
const NOTES: Array<(c: { name: string; sector: string }) => string> = [
  (c) => `与${c.name}创始团队初次沟通：主营${c.sector}，团队核心成员来自头部企业，本轮计划融资。`,
  () => '已完成技术访谈，核心算法有自主知识产权，发明专利若干项，样机性能达到国内领先水平。',
  () => '客户访谈反馈积极，两家头部客户已进入批量采购阶段，复购意愿明确。',
  () => '财务尽调关注点：应收账款占比偏高，需核实前五大客户回款情况。',
  () => '公司已在张江科学城设立研发中心，符合本基金返投认定条件。',
  () => '创始人计划三年内申报科创板，已与券商初步接洽。',
  () => '参加市经信委应用场景对接会获得推荐，已在两家三甲医院开展试点。',
  () => '合投方提供了上一轮尽调报告，可缩短本轮尽调周期。',
];

const ROUND_AMOUNTS: Record<Round, [number, number]> = {
  seed: [200, 1000],
  angel: [300, 2000],
  pre_a: [500, 3000],
  a: [1000, 8000],
  b: [3000, 20000],
  c: [5000, 30000],
  d: [10000, 50000],
  e_plus: [20000, 80000],
  ipo_placement: [5000, 30000],
  pre_ipo: [10000, 50000],
  strategic: [2000, 20000],
};

const SOURCE_WEIGHTS: Array<[DealSource, number]> = [
  ['outbound', 30],
  ['inbound', 22],
  ['co_investor', 16],
  ['government_referral', 12],
  ['event', 12],
  ['application_scenario', 8],
];

function weighted<T>(r: Random, items: ReadonlyArray<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r.real(0, total);
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return (items[items.length - 1] as [T, number])[0];
}

/** An instant on a business day in Shanghai office hours (01:00–09:59 UTC). */
function instant(date: string, r: Random): string {
  return `${date}T${String(r.int(1, 9)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}.000Z`;
}

interface DemoCompany {
  id: number;
  nameZh: string;
  sector: Sector;
  zone: Zone;
  registeredInShanghai: boolean;
  founded: string;
  /** Open (non-passed) deals so far: most companies are pursued by one fund at a time. */
  openIn: number;
  hot: boolean;
}

interface Lookup {
  fundIdByCode: Map<string, number>;
  motherFundId: number;
}

/**
 * The demo pipeline: about 3,000 companies and 8,000 deals across the sub-funds and the direct
 * vehicle, each with a believable history (created, screened, diligenced, passed with a reason, held,
 * sent back, scored by two or three of the fund's team, invested with a closing), notes, a few
 * companies pursued by several sub-funds at once, and the mother fund's selection of sub-fund managers
 * (the signed applications that became SF-01…SF-25, rejected ones, and a fourth batch under way).
 */
export async function seedPipeline(tx: Tx, rng: Random, lookup: Lookup, createdAt: string): Promise<Record<string, number>> {
  const funds = await tx
    .select({ id: fund.id, code: fund.code, kind: fund.kind, sectorFocus: fund.sectorFocus, established: fund.establishedDate, managerId: fund.managerId })
    .from(fund)
    .where(inArray(fund.kind, ['sub', 'direct_vehicle']));
  const pipelineFunds = funds.filter((f) => !SUB_FUNDS.find((s) => s.code === f.code)?.fundOfFunds);

  // Each fund's investment team: the demo manager account for SF-01 and the mother fund, and colleagues.
  const teamRng = rng.fork('teams');
  // The team signs in with the demo password too; its hash is the demo accounts' (one scrypt is enough).
  const hash = (await tx.select({ h: user.passwordHash }).from(user).where(eq(user.email, 'gp@demo.highland')))[0]?.h ?? (await hashPassword(DEMO_PASSWORD));
  const teams = new Map<number, number[]>();
  const gp = (await tx.select({ id: user.id }).from(user).where(eq(user.email, 'gp@demo.highland')))[0]?.id;
  const fof = (await tx.select({ id: user.id }).from(user).where(eq(user.email, 'fof@demo.highland')))[0]?.id;
  const newUsers: Array<typeof user.$inferInsert & { fundId: number }> = [];
  for (const f of [...pipelineFunds, { id: lookup.motherFundId, code: 'MF' }]) {
    const n = teamRng.int(2, 3);
    for (let i = 0; i < n; i++) {
      const name = personName(teamRng);
      newUsers.push({
        email: `${f.code.toLowerCase().replace(/[^a-z0-9]/g, '')}.team${i + 1}@demo.highland`,
        name: `${f.code} 投资经理 ${name}`,
        role: 'manager',
        passwordHash: hash,
        createdAt,
        fundId: f.id,
      });
    }
  }
  const inserted = await tx
    .insert(user)
    .values(newUsers.map(({ fundId: _f, ...u }) => u))
    .returning({ id: user.id, email: user.email });
  const links = inserted.map((u, i) => ({ userId: u.id, fundId: (newUsers[i] as { fundId: number }).fundId }));
  await insertChunked(tx, userFund, links);
  for (const l of links) teams.set(l.fundId, [...(teams.get(l.fundId) ?? []), l.userId]);
  const labels = new Map<number, string>(inserted.map((u) => [u.id, u.email]));
  if (gp) labels.set(gp, 'gp@demo.highland');
  if (fof) labels.set(fof, 'fof@demo.highland');
  const label = (id: number | null) => (id === null ? 'system' : (labels.get(id) ?? 'system'));
  const sf01 = lookup.fundIdByCode.get('SF-01');
  if (gp && sf01) teams.set(sf01, [gp, ...(teams.get(sf01) ?? [])]);
  if (fof) teams.set(lookup.motherFundId, [fof, ...(teams.get(lookup.motherFundId) ?? [])]);

  await tx
    .insert(pipelineSetting)
    .values(
      pipelineFunds.filter((f) => TERM_SHEET_FIRST.has(f.code)).map((f) => ({ fundId: f.id, stageOrder: 'term_sheet_first' as const, updatedAt: createdAt })),
    );

  // The fund group's portfolio firms (written before this part) join the register: normalised names, search.
  const portfolio = await tx.select({ id: company.id, nameZh: company.nameZh, nameEn: company.nameEn, uscc: company.uscc }).from(company);
  for (const p of portfolio)
    await tx
      .update(company)
      .set({ nameNorm: normaliseCompanyName(p.nameZh) })
      .where(eq(company.id, p.id));
  await indexCompanies(tx, portfolio, true);

  // Companies.
  const cRng = rng.fork('companies');
  const namer = new CompanyNamer(cRng.fork('names'));
  const zoneWeights: Array<[Zone, number]> = ZONE_CODES.map((z) => [
    z,
    z === 'pudong_zhangjiang'
      ? 22
      : z === 'outside_shanghai'
        ? 10
        : z === 'other_shanghai'
          ? 8
          : ['xuhui_binjiang', 'lingang', 'changyang_valley'].includes(z)
            ? 8
            : 4,
  ]);
  const companyRows: Array<typeof company.$inferInsert> = [];
  for (let i = 0; i < DEMO_COMPANIES; i++) {
    const sector = cRng.pick(SECTOR_CODES);
    const zone = weighted(cRng, zoneWeights);
    const registeredInShanghai = ZONES[zone].shanghai && cRng.chance(0.94);
    const founded = addDays('2008-01-01', cRng.int(0, 6200));
    const division = namer.division(zone, registeredInShanghai);
    const n = namer.name(sector, division);
    const headcount = Math.round(Math.exp(cRng.real(Math.log(8), Math.log(2500))));
    companyRows.push({
      uscc: namer.uscc(division),
      nameZh: n.nameZh,
      nameEn: n.nameEn,
      nameNorm: normaliseCompanyName(n.nameZh),
      sector,
      zone,
      registeredInShanghai,
      founded,
      ownership: cRng.chance(0.8) ? 'private' : cRng.chance(0.6) ? 'mixed' : 'state_owned',
      headcount,
      website: cRng.chance(0.85) ? `https://www.${n.slug}.com.cn` : null,
      createdAt,
      updatedAt: createdAt,
    });
  }
  const companyIds = await bulkInsert(tx, company, companyRows);
  await indexCompanies(
    tx,
    companyRows.map((c, i) => ({ id: companyIds[i] as number, nameZh: c.nameZh, nameEn: c.nameEn ?? null, uscc: c.uscc ?? null })),
    true,
  );
  const companies: DemoCompany[] = companyRows.map((src, i) => ({
    id: companyIds[i] as number,
    nameZh: src.nameZh,
    sector: src.sector as Sector,
    zone: src.zone as Zone,
    registeredInShanghai: src.registeredInShanghai,
    founded: src.founded ?? '2015-01-01',
    openIn: 0,
    hot: false,
  }));
  // A few much-sought firms that several sub-funds pursue at once (the cross-fund overlap).
  for (const c of cRng.sample(companies, 160)) c.hot = true;
  const bySector = new Map<Sector, DemoCompany[]>(SECTOR_CODES.map((s) => [s, companies.filter((c) => c.sector === s)]));

  // Deals per fund, in proportion to how long the fund has been investing.
  const dRng = rng.fork('deals');
  const ages = pipelineFunds.map((f) => Math.max(200, daysUntil(f.established ?? '2021-01-01', DEMO_DATA_END)));
  const ageSum = ages.reduce((a, b) => a + b, 0);
  const dealRows: Array<typeof deal.$inferInsert> = [];
  const histories: Array<{
    events: Array<typeof dealStageEvent.$inferInsert>;
    notes: Array<typeof dealNote.$inferInsert>;
    scores: Array<typeof dealScore.$inferInsert>;
  }> = [];
  const taken = new Set<string>();
  const pushDeal = (fundId: number, companyId: number, owner: number | null, source: DealSource, h: Simulated) => {
    dealRows.push({
      fundId,
      pipeline: 'direct',
      companyId,
      stage: h.stage,
      previousStage: h.previousStage,
      stageEnteredAt: h.stageEnteredAt,
      ownerId: owner,
      source,
      round: h.round,
      amountFen: h.amountFen,
      preMoneyFen: h.preMoneyFen,
      nextStep: h.nextStep,
      nextStepDate: h.nextStepDate,
      score: h.score,
      scoreComplete: h.scoreComplete,
      closingDate: h.closing?.date ?? null,
      closingAmountFen: h.closing?.amountFen ?? null,
      closingRound: h.closing ? h.round : null,
      closingEquity: h.closing?.equity ?? null,
      closingInstrument: h.closing ? (h.closing.instrument ?? 'preferred_equity') : null,
      version: h.events.length,
      createdAt: h.events[0]?.at ?? h.stageEnteredAt,
      createdBy: owner,
      updatedAt: h.updatedAt,
    });
    histories.push(h);
  };
  // The fund group's investments (the portfolio demo's `investment` rows): each fund's first round in a
  // company is an invested deal with its whole history, closing on that round's date, amount and terms.
  const invested = await tx.all<{ fundId: number; companyId: number; date: string; amountFen: number; round: Round; instrument: string; equity: number }>(sql`
    SELECT i.fund_id AS fundId, i.company_id AS companyId, i.date, i.amount_fen AS amountFen, i.round, i.instrument, i.equity_share AS equity
    FROM investment i
    WHERE i.id = (SELECT min(x.id) FROM investment x WHERE x.fund_id = i.fund_id AND x.company_id = i.company_id)
    ORDER BY i.id`);
  const held = invested.length
    ? await tx
        .select()
        .from(company)
        .where(inArray(company.id, [...new Set(invested.map((i) => i.companyId))]))
    : [];
  const pRng = rng.fork('portfolio-deals');
  for (const inv of invested) {
    const c = held.find((x) => x.id === inv.companyId);
    const fundCode = pipelineFunds.find((f) => f.id === inv.fundId)?.code;
    if (!c || !fundCode) continue;
    taken.add(`${c.id}:${inv.fundId}`);
    const team = teams.get(inv.fundId) ?? [];
    const owner = team.length ? pRng.pick(team) : null;
    const order: StageOrder = TERM_SHEET_FIRST.has(fundCode) ? 'term_sheet_first' : 'committee_first';
    const facts = {
      id: c.id,
      nameZh: c.nameZh,
      sector: c.sector as Sector,
      zone: c.zone as Zone,
      registeredInShanghai: c.registeredInShanghai,
      founded: c.founded ?? '2015-01-01',
      openIn: 0,
      hot: false,
    };
    pushDeal(inv.fundId, c.id, owner, weighted(pRng, SOURCE_WEIGHTS), portfolioDeal(pRng, facts, order, inv, owner, team, label));
  }
  for (const [fi, f] of pipelineFunds.entries()) {
    const r = dRng.fork(f.code);
    const n = Math.round((DEMO_DEALS * (ages[fi] ?? 0)) / ageSum);
    const order: StageOrder = TERM_SHEET_FIRST.has(f.code) ? 'term_sheet_first' : 'committee_first';
    const team = teams.get(f.id) ?? [];
    const focus = (f.sectorFocus.length ? f.sectorFocus : SECTOR_CODES) as Sector[];
    const start = f.established ?? '2021-01-01';
    for (let k = 0; k < n; k++) {
      const sector = r.chance(0.82) ? r.pick(focus) : r.pick(SECTOR_CODES);
      const pool = bySector.get(sector) ?? companies;
      let c: DemoCompany | undefined;
      for (let tries = 0; tries < 30 && !c; tries++) {
        const cand = r.pick(pool);
        if (!taken.has(`${cand.id}:${f.id}`)) c = cand;
      }
      if (!c) continue;
      taken.add(`${c.id}:${f.id}`);
      // Deals arrive over the fund's life, and a pipeline is busiest now: over a third in the last eight months.
      const span = Math.max(30, daysUntil(start, DEMO_DATA_END) - 3);
      const created = r.chance(0.38) ? addDays(DEMO_DATA_END, -r.int(3, Math.min(240, span))) : addDays(start, r.int(0, span));
      const owner = team.length ? r.pick(team) : null;
      pushDeal(f.id, c.id, owner, weighted(r, SOURCE_WEIGHTS), simulate(r, c, order, created, owner, team, label));
    }
  }
  // Most companies are pursued by one fund at a time: later deals of a non-hot company already open
  // elsewhere were passed early ("already followed by another sub-fund").
  const openBy = new Map<number, number>();
  const companyById = new Map(companies.map((x) => [x.id, x]));
  for (const [i, d] of dealRows.entries()) {
    const c = d.companyId as number;
    const open = d.stage !== 'passed';
    const cc = companyById.get(c);
    if (open && (openBy.get(c) ?? 0) >= (cc?.hot ? 3 : 1)) {
      const h = histories[i];
      const first = h?.events[0];
      if (!h || !first) continue;
      const passAt = instant(addDays(first.at.slice(0, 10), 3), dRng);
      h.events = [first, { ...first, fromStage: first.toStage, toStage: 'passed', kind: 'pass', reason: '已由其他子基金跟进，避免基金群内部竞价', at: passAt }];
      h.scores = [];
      Object.assign(d, {
        stage: 'passed',
        previousStage: first.toStage,
        stageEnteredAt: passAt,
        nextStep: null,
        nextStepDate: null,
        score: null,
        scoreComplete: false,
        closingDate: null,
        closingAmountFen: null,
        closingRound: null,
        closingEquity: null,
        closingInstrument: null,
        version: 2,
        updatedAt: passAt,
      });
    } else if (open) openBy.set(c, (openBy.get(c) ?? 0) + 1);
  }

  const dealIds = await bulkInsert(tx, deal, dealRows);
  const events: Array<typeof dealStageEvent.$inferInsert> = [];
  const notes: Array<typeof dealNote.$inferInsert> = [];
  const scores: Array<typeof dealScore.$inferInsert> = [];
  const texts: Array<{ id: number; texts: Array<string | null | undefined> }> = [];
  for (const [i, h] of histories.entries()) {
    const id = dealIds[i] as number;
    for (const e of h.events) events.push({ ...e, dealId: id });
    for (const nt of h.notes) notes.push({ ...nt, dealId: id });
    for (const s of h.scores) scores.push({ ...s, dealId: id });
    texts.push({ id, texts: [dealRows[i]?.nextStep, ...h.notes.map((x) => x.body)] });
  }

  // The mother fund's selection of sub-fund managers.
  const sel = await seedSelection(tx, rng.fork('selection'), lookup, teams.get(lookup.motherFundId) ?? [], label, createdAt);
  events.push(...sel.events);
  notes.push(...sel.notes);
  scores.push(...sel.scores);
  texts.push(...sel.texts);

  await bulkInsert(tx, dealStageEvent, events);
  await bulkInsert(tx, dealNote, notes);
  await bulkInsert(tx, dealScore, scores);
  await indexDealTexts(tx, texts, true);
  return {
    pipelineCompanies: companies.length,
    deals: dealRows.length + sel.deals,
    stageEvents: events.length,
    scores: scores.length,
    notes: notes.length,
    teamMembers: inserted.length,
  };
}

function daysUntil(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

interface Simulated {
  stage: Stage;
  previousStage: OpenStage | null;
  stageEnteredAt: string;
  updatedAt: string;
  round: Round | null;
  amountFen: number | null;
  preMoneyFen: number | null;
  nextStep: string | null;
  nextStepDate: string | null;
  score: number | null;
  scoreComplete: boolean;
  closing: { date: string; amountFen: number; equity: number; instrument?: string } | null;
  events: Array<typeof dealStageEvent.$inferInsert>;
  notes: Array<typeof dealNote.$inferInsert>;
  scores: Array<typeof dealScore.$inferInsert>;
}

/** One deal's life from `created` until it is invested, passed, held, or still open at the end of the books. */
function simulate(
  r: Random,
  c: DemoCompany,
  order: StageOrder,
  created: string,
  owner: number | null,
  team: number[],
  label: (id: number | null) => string,
): Simulated {
  const stages = stageOrder('direct', order);
  const actor = (id: number | null) => ({ actorUserId: id, actorLabel: label(id) });
  const quality = r.real(1.6, 4.7);
  const round = weighted<Round>(r, [
    ['angel', 14],
    ['pre_a', 16],
    ['a', 24],
    ['b', 18],
    ['c', 10],
    ['d', 4],
    ['e_plus', 1],
    ['pre_ipo', 5],
    ['seed', 5],
    ['strategic', 3],
  ]);
  const [lo, hi] = ROUND_AMOUNTS[round];
  const amountFen = Math.round(r.real(lo, hi) / 50) * 50 * WAN;
  const equity = r.real(0.03, 0.15);
  const preMoneyFen = Math.round(amountFen / equity / (100 * WAN)) * 100 * WAN;
  const events: Simulated['events'] = [];
  const first = r.chance(0.85) ? 'sourced' : 'screening';
  let at = instant(created, r);
  events.push({ dealId: 0, fromStage: null, toStage: first, kind: 'create', reason: null, at, ...actor(owner) });
  let stage: Stage = first;
  let previousStage: OpenStage | null = null;
  let day = created;
  let wentBack = false;
  let closing: Simulated['closing'] = null;
  for (;;) {
    const flow = FLOW[stage];
    if (!flow) break; // invested
    const stay = r.int(flow.days[0], flow.days[1]);
    const next = addDays(day, stay);
    if (next > DEMO_DATA_END) break; // still in this stage at the end of the books
    // Better firms go further.
    const advance = Math.min(0.98, flow.advance * (0.65 + quality / 7));
    const roll = r.next();
    at = instant(next, r);
    day = next;
    if (roll < advance) {
      const idx = stages.indexOf(stage as OpenStage);
      const to = stages[idx + 1] as OpenStage;
      if (stage === 'due_diligence' && !wentBack && r.chance(0.04)) {
        events.push({ dealId: 0, fromStage: stage, toStage: 'screening', kind: 'back', reason: BACK_REASON, at, ...actor(owner) });
        stage = 'screening';
        wentBack = true;
        continue;
      }
      events.push({ dealId: 0, fromStage: stage, toStage: to, kind: 'advance', reason: null, at, ...actor(owner) });
      stage = to;
      if (to === 'invested') closing = { date: day, amountFen, equity: Math.round(equity * 10000) / 10000 };
      continue;
    }
    if (r.chance(0.12)) {
      events.push({ dealId: 0, fromStage: stage, toStage: 'on_hold', kind: 'hold', reason: r.pick(HOLD_REASONS), at, ...actor(owner) });
      previousStage = stage as OpenStage;
      stage = 'on_hold';
      // Some held deals come back, some are passed later, some are still held.
      const later = addDays(day, r.int(30, 200));
      if (later <= DEMO_DATA_END && r.chance(0.6)) {
        at = instant(later, r);
        day = later;
        if (r.chance(0.45)) {
          events.push({ dealId: 0, fromStage: 'on_hold', toStage: previousStage, kind: 'resume', reason: null, at, ...actor(owner) });
          stage = previousStage;
          previousStage = null;
          continue;
        }
        events.push({ dealId: 0, fromStage: 'on_hold', toStage: 'passed', kind: 'pass', reason: r.pick(PASS_REASONS), at, ...actor(owner) });
        stage = 'passed';
      }
      break;
    }
    events.push({
      dealId: 0,
      fromStage: stage,
      toStage: 'passed',
      kind: 'pass',
      reason: r.pick(stage === 'closing' ? CLOSING_PASS : PASS_REASONS),
      at,
      ...actor(owner),
    });
    previousStage = stage as OpenStage;
    stage = 'passed';
    break;
  }
  const furthest = Math.max(
    ...events.map((e) => stages.indexOf(e.toStage as OpenStage)),
    ...events.map((e) => stages.indexOf((e.fromStage ?? '') as OpenStage)),
  );
  const reachedCommittee = furthest >= stages.indexOf('committee');
  const reachedDd = furthest >= stages.indexOf('due_diligence');

  // Scores: every deal that reached the committee has a complete scorecard from two or three of the team; some in diligence have one.
  const scores: Simulated['scores'] = [];
  if (team.length && (reachedCommittee || (reachedDd && r.chance(0.35)))) {
    const scorers = r.sample(team, Math.min(team.length, reachedCommittee ? r.int(2, 3) : 1));
    const when = events.find((e) => e.toStage === 'committee')?.at ?? events[events.length - 1]?.at ?? at;
    for (const s of scorers)
      for (const crit of DIRECT_CRITERIA) {
        if (!reachedCommittee && r.chance(0.25)) continue;
        const bias = crit.key === 'policy_fit' ? (c.registeredInShanghai ? 0.6 : -1) : 0;
        scores.push({ dealId: 0, scorerId: s, criterion: crit.key, score: clampScore(quality + bias + r.real(-0.9, 0.9)), comment: null, at: when });
      }
  }
  const card = computeScorecard(
    DIRECT_CRITERIA,
    scores.map((s) => ({ scorerId: s.scorerId, criterion: s.criterion, score: s.score })),
  );
  const notes: Simulated['notes'] = [];
  const noteCount = r.chance(0.45) ? r.int(1, 3) : 0;
  for (let i = 0; i < noteCount; i++) {
    const e = r.pick(events);
    notes.push({
      dealId: 0,
      authorId: owner,
      authorLabel: label(owner),
      body: r.pick(NOTES)({ name: c.nameZh, sector: SECTORS[c.sector].zh }),
      at: e.at,
    });
  }
  const last = events[events.length - 1];
  const open = FLOW[stage] !== undefined;
  const hasAmount = reachedDd || r.chance(0.5);
  return {
    stage,
    previousStage,
    stageEnteredAt: last?.at ?? at,
    updatedAt: last?.at ?? at,
    round,
    amountFen: hasAmount ? amountFen : null,
    preMoneyFen: hasAmount && (furthest >= stages.indexOf('term_sheet') || r.chance(0.4)) ? preMoneyFen : null,
    nextStep: open ? r.pick(NEXT_STEPS[stage] ?? ['跟进']) : null,
    nextStepDate: open ? addDays(DEMO_DATA_END, r.int(-10, 40)) : null,
    score: card.total === null ? null : Math.round(card.total * 1000) / 1000,
    scoreComplete: card.complete,
    closing,
    events,
    notes,
    scores,
  };
}

/** An invested deal whose closing is a real investment of the books: every stage passed on the way, scored, closed on the investment's date, amount and terms. */
function portfolioDeal(
  r: Random,
  c: DemoCompany,
  order: StageOrder,
  inv: { date: string; amountFen: number; round: Round; instrument: string; equity: number },
  owner: number | null,
  team: number[],
  label: (id: number | null) => string,
): Simulated {
  const stages = stageOrder('direct', order);
  const actor = { actorUserId: owner, actorLabel: label(owner) };
  let day = addDays(inv.date, -r.int(150, 420));
  const events: Simulated['events'] = [];
  const quality = r.real(3.2, 4.6);
  for (const [i, to] of stages.entries()) {
    const isLast = i === stages.length - 1;
    if (isLast) day = inv.date;
    else if (i > 0) day = addDays(day, r.int(10, 45));
    if (day > inv.date) day = inv.date;
    events.push({
      dealId: 0,
      fromStage: i ? (stages[i - 1] as string) : null,
      toStage: to,
      kind: i ? 'advance' : 'create',
      reason: null,
      at: instant(day, r),
      ...actor,
    });
  }
  const when = events.find((e) => e.toStage === 'committee')?.at ?? inv.date;
  const scores: Simulated['scores'] = team.length
    ? r.sample(team, Math.min(team.length, r.int(2, 3))).flatMap((s) =>
        DIRECT_CRITERIA.map((crit) => ({
          dealId: 0,
          scorerId: s,
          criterion: crit.key,
          score: clampScore(quality + r.real(-0.8, 0.8)),
          comment: null,
          at: when,
        })),
      )
    : [];
  const card = computeScorecard(
    DIRECT_CRITERIA,
    scores.map((s) => ({ scorerId: s.scorerId, criterion: s.criterion, score: s.score })),
  );
  const equity = inv.equity;
  const round = inv.round;
  const last = events[events.length - 1];
  return {
    stage: 'invested',
    previousStage: null,
    stageEnteredAt: last?.at ?? inv.date,
    updatedAt: last?.at ?? inv.date,
    round,
    amountFen: inv.amountFen,
    preMoneyFen: Math.round(inv.amountFen / equity / (100 * WAN)) * 100 * WAN,
    nextStep: null,
    nextStepDate: null,
    score: card.total === null ? null : Math.round(card.total * 1000) / 1000,
    scoreComplete: card.complete,
    closing: { date: inv.date, amountFen: inv.amountFen, equity, instrument: inv.instrument },
    events,
    notes: [{ dealId: 0, authorId: owner, authorLabel: label(owner), body: r.pick(NOTES)({ name: c.nameZh, sector: SECTORS[c.sector].zh }), at: when }],
    scores,
  };
}

function clampScore(x: number): number {
  return Math.max(1, Math.min(5, Math.round(x)));
}

/** The selection of sub-fund managers: one signed application per sub-fund, rejected ones, and a fourth batch in progress. */
async function seedSelection(tx: Tx, r: Random, lookup: Lookup, team: number[], label: (id: number | null) => string, createdAt: string) {
  const mf = lookup.motherFundId;
  const subs = await tx
    .select({
      id: fund.id,
      code: fund.code,
      nameZh: fund.nameZh,
      nameEn: fund.nameEn,
      managerId: fund.managerId,
      decisionDate: fund.decisionDate,
      sectorFocus: fund.sectorFocus,
    })
    .from(fund)
    .where(eq(fund.kind, 'sub'));
  const selStages = stageOrder('selection');
  const rows: Array<typeof deal.$inferInsert> = [];
  const hist: Array<{
    events: Array<typeof dealStageEvent.$inferInsert>;
    notes: Array<typeof dealNote.$inferInsert>;
    scores: Array<typeof dealScore.$inferInsert>;
    text: string[];
  }> = [];
  const owner = team[0] ?? null;
  const actor = { actorUserId: owner, actorLabel: label(owner) };
  const scoreAll = (quality: number, when: string) =>
    team
      .slice(0, 3)
      .flatMap((s) =>
        SELECTION_CRITERIA.map((c) => ({ dealId: 0, scorerId: s, criterion: c.key, score: clampScore(quality + r.real(-0.8, 0.8)), comment: null, at: when })),
      );
  const push = (
    row: Omit<typeof deal.$inferInsert, 'createdAt' | 'updatedAt' | 'stageEnteredAt'>,
    events: Array<typeof dealStageEvent.$inferInsert>,
    scores: Array<typeof dealScore.$inferInsert>,
    note: string | null,
    text: string[],
  ) => {
    const card = computeScorecard(
      SELECTION_CRITERIA,
      scores.map((s) => ({ scorerId: s.scorerId, criterion: s.criterion, score: s.score })),
    );
    const last = events[events.length - 1];
    rows.push({
      ...row,
      score: card.total,
      scoreComplete: card.complete,
      version: events.length,
      stageEnteredAt: last?.at ?? createdAt,
      updatedAt: last?.at ?? createdAt,
      createdAt: events[0]?.at ?? createdAt,
    });
    hist.push({
      events,
      scores,
      notes: note ? [{ dealId: 0, authorId: owner, authorLabel: actor.actorLabel, body: note, at: events[0]?.at ?? createdAt }] : [],
      text,
    });
  };
  // Signed: the applications that became today's sub-funds.
  for (const s of subs) {
    const decided = s.decisionDate ?? '2020-01-01';
    const dates = [-150, -120, -95, -70, -40, -12, 0].map((d) => addDays(decided, d));
    const events = selStages.map((to, i) => ({
      dealId: 0,
      fromStage: i ? (selStages[i - 1] as string) : null,
      toStage: to,
      kind: i ? 'advance' : 'create',
      reason: null,
      at: instant(dates[i] as string, r),
      ...actor,
    }));
    const spec = SUB_FUNDS.find((x) => x.code === s.code);
    push(
      {
        fundId: mf,
        pipeline: 'selection',
        applicantId: s.managerId,
        proposalNameZh: s.nameZh,
        proposalNameEn: s.nameEn,
        proposalSizeFen: Math.round(r.real(20, 70)) * YI,
        proposalSectors: s.sectorFocus,
        stage: 'signing',
        source: spec?.sponsor === 'soe' ? 'government_referral' : 'inbound',
        amountFen: Math.round(r.real(1.5, 6)) * YI,
        resultFundId: s.id,
        ownerId: owner,
      },
      events,
      scoreAll(r.real(3.4, 4.6), events[4]?.at ?? createdAt),
      null,
      [s.nameZh, s.nameEn],
    );
  }
  // Rejected and current applicants (new management firms).
  const applicants = [
    ['上海澜起创业投资管理有限公司', 'Shanghai Lanqi Venture Capital Management Co., Ltd.', '上海澜起人工智能早期基金', 'Shanghai Lanqi AI Early-Stage Fund'],
    [
      '沪上智算私募基金管理有限公司',
      'Hushang Zhisuan Private Fund Management Co., Ltd.',
      '上海智算产业投资基金',
      'Shanghai Intelligent Computing Industry Fund',
    ],
    ['东方启明投资管理有限公司', 'Dongfang Qiming Investment Management Co., Ltd.', '上海启明具身智能基金', 'Shanghai Qiming Embodied AI Fund'],
    [
      '申江源创股权投资管理有限公司',
      'Shenjiang Yuanchuang Equity Investment Management Co., Ltd.',
      '上海源创传感器产业基金',
      'Shanghai Yuanchuang Sensor Industry Fund',
    ],
    ['浦江数智资本管理有限公司', 'Pujiang Shuzhi Capital Management Co., Ltd.', '上海数智工业互联网基金', 'Shanghai Shuzhi Industrial Internet Fund'],
    [
      '临港星河私募基金管理有限公司',
      'Lingang Xinghe Private Fund Management Co., Ltd.',
      '上海临港星河智能网联基金',
      'Shanghai Lingang Xinghe Connected Vehicles Fund',
    ],
    ['徐汇模速空间投资管理有限公司', 'Xuhui Mosu Space Investment Management Co., Ltd.', '上海大模型创新生态基金', 'Shanghai Foundation Model Ecosystem Fund'],
    ['杨浦创智天地资本管理有限公司', 'Yangpu Chuangzhi Capital Management Co., Ltd.', '上海杨浦AI+教育基金', 'Shanghai Yangpu AI+ Education Fund'],
    ['金桥智造投资管理有限公司', 'Jinqiao Zhizao Investment Management Co., Ltd.', '上海金桥智能制造二期基金', 'Shanghai Jinqiao Smart Manufacturing Fund II'],
    ['长宁云图股权投资管理有限公司', 'Changning Yuntu Equity Investment Management Co., Ltd.', '上海云图数据要素基金', 'Shanghai Yuntu Data Factor Fund'],
    ['闵行紫竹创业投资管理有限公司', 'Minhang Zizhu Venture Capital Management Co., Ltd.', '上海紫竹AI芯片基金', 'Shanghai Zizhu AI Chip Fund'],
    [
      '宝山北上海私募基金管理有限公司',
      'Baoshan North Shanghai Private Fund Management Co., Ltd.',
      '上海北上海机器人产业基金',
      'Shanghai North Shanghai Robotics Fund',
    ],
  ];
  const managerRows = await tx
    .insert(manager)
    .values(applicants.map(([zh, en]) => ({ nameZh: zh as string, nameEn: en as string })))
    .returning({ id: manager.id });
  for (const [i, a] of applicants.entries()) {
    const current = i >= 5;
    const start = current ? addDays(DEMO_DATA_END, -r.int(20, 160)) : addDays('2020-03-01', r.int(0, 600));
    const furthest = current ? r.int(0, 4) : r.int(1, 4);
    const events: Array<typeof dealStageEvent.$inferInsert> = [];
    let day = start;
    for (let k = 0; k <= furthest; k++) {
      events.push({
        dealId: 0,
        fromStage: k ? (selStages[k - 1] as string) : null,
        toStage: selStages[k] as string,
        kind: k ? 'advance' : 'create',
        reason: null,
        at: instant(day, r),
        ...actor,
      });
      day = addDays(day, r.int(12, 35));
    }
    let stage: Stage = selStages[furthest] as Stage;
    let previousStage: OpenStage | null = null;
    if (!current) {
      events.push({
        dealId: 0,
        fromStage: stage,
        toStage: 'passed',
        kind: 'pass',
        reason: r.pick(['管理团队稳定性不足', '社会资本募集未落实', '返投承诺不足一倍', '专家评审得分未达入围线', '投资策略与母基金布局重叠']),
        at: instant(day, r),
        ...actor,
      });
      previousStage = stage as OpenStage;
      stage = 'passed';
    }
    // A current application's steps must all have happened by the demo's last day: shift them back whole.
    const overshoot = daysBetween(DEMO_DATA_END, String(events[events.length - 1]?.at ?? DEMO_DATA_END).slice(0, 10));
    if (overshoot > 0) for (const e of events) e.at = new Date(Date.parse(e.at as string) - overshoot * 86_400_000).toISOString();
    const reachedReview = furthest >= 1;
    push(
      {
        fundId: mf,
        pipeline: 'selection',
        applicantId: managerRows[i]?.id ?? null,
        proposalNameZh: a[2] as string,
        proposalNameEn: a[3] as string,
        proposalSizeFen: Math.round(r.real(15, 60)) * YI,
        proposalSectors: r.sample(SECTOR_CODES, r.int(1, 3)),
        stage,
        previousStage,
        source: r.pick(['inbound', 'government_referral', 'event'] as const),
        amountFen: Math.round(r.real(1.5, 6)) * YI,
        ownerId: owner,
        nextStep: current ? '组织专家评审会' : null,
        nextStepDate: current ? addDays(DEMO_DATA_END, r.int(5, 30)) : null,
      },
      events,
      reachedReview ? scoreAll(r.real(2.2, 4.2), events[1]?.at ?? createdAt) : [],
      current ? '第四批子基金遴选申报材料已齐备，待专家评审。' : null,
      [a[0] as string, a[1] as string, a[2] as string, a[3] as string],
    );
  }
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200)
    ids.push(
      ...(
        await tx
          .insert(deal)
          .values(rows.slice(i, i + 200))
          .returning({ id: deal.id })
      ).map((x) => x.id),
    );
  const events: Array<typeof dealStageEvent.$inferInsert> = [];
  const notes: Array<typeof dealNote.$inferInsert> = [];
  const scores: Array<typeof dealScore.$inferInsert> = [];
  const texts: Array<{ id: number; texts: string[] }> = [];
  for (const [i, h] of hist.entries()) {
    const id = ids[i] as number;
    events.push(...h.events.map((e) => ({ ...e, dealId: id })));
    notes.push(...h.notes.map((n) => ({ ...n, dealId: id })));
    scores.push(...h.scores.map((s) => ({ ...s, dealId: id })));
    texts.push({ id, texts: [...h.text, ...h.notes.map((n) => n.body)] });
  }
  return { deals: rows.length, events, notes, scores, texts };
}
