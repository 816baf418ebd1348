import {
  consultingSession,
  designation,
  designationEvent,
  fund,
  listingAttempt,
  listingEvent,
  listingSubsidySchedule,
  policySupport,
  programme,
  programmeTarget,
  type Tx,
  user,
} from '@highland/drizzle';
import {
  addDays,
  addMonths,
  assertWithinCap,
  daysBetween,
  type DesignationCriterion,
  type FirstSetKind,
  type HoldingInterval,
  heldOn,
  holdersOn,
  holdingIntervals,
  type ListingEvent,
  type ListingStage,
  listingState,
  maxDate,
  minDate,
  SECTOR_CODES,
  type SupportKind,
  supportCap,
} from '@highland/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { holdingMoves } from '../data/plan/books.js';
import { DEMO_DATA_END } from './fund-group.js';
import type { Random } from './random.js';

const YI = 10_000_000_000; // fen in 1亿元
const WAN = 1_000_000; // fen in 1万元

/**
 * The plan's scoreboard in the demo: the listings target and a second programme (2022–2026) with its own
 * targets; benchmark and leader designations with their history (nominations, rejections, revocations,
 * some waiting for review); STAR Market attempts (the portfolio's two IPOs with their full history, firms
 * mid-way, one suspended, one terminated and tried again); the listing-subsidy schedule, subsidies and
 * consulting; the plan's other support within its caps. Everything goes through the same rules the app
 * applies (the listing state machine, the support caps); firms are portfolio firms on every date used.
 */
export async function seedScoreboard(tx: Tx, rng: Random, createdAt: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const users = await tx
    .select({ id: user.id, email: user.email })
    .from(user)
    .where(inArray(user.email, ['gp@demo.highland', 'fof@demo.highland', 'admin@demo.highland']));
  const uid = (email: string) => users.find((u) => u.email === email)?.id ?? null;
  const gp = uid('gp@demo.highland');
  const fof = uid('fof@demo.highland');
  const admin = uid('admin@demo.highland');
  const [sf01] = await tx.select({ id: fund.id }).from(fund).where(eq(fund.code, 'SF-01'));

  await seedProgrammes(tx);
  counts.programmes = 2;

  // The portfolio as the books have it: who holds what when, and each firm's output value by year.
  const moves = await holdingMoves(tx);
  const intervals = holdingIntervals(moves);
  const firms = await tx.all<{ id: number; sector: string; zone: string; registered: number; output2025: number | null }>(sql`
    SELECT c.id, c.sector, c.zone, c.registered_in_shanghai AS registered,
      (SELECT output_value_fen FROM kpi_snapshot k WHERE k.company_id = c.id AND k.period = '2025' ORDER BY k.id DESC LIMIT 1) AS output2025
    FROM company c WHERE c.id IN (SELECT company_id FROM investment) ORDER BY c.id`);
  const focus = new Set<string>(SECTOR_CODES);
  const held = firms.filter((f) => focus.has(f.sector) && heldOn(intervals.get(f.id), DEMO_DATA_END) && (f.output2025 ?? 0) > 0);
  held.sort((a, b) => (b.output2025 ?? 0) - (a.output2025 ?? 0) || a.id - b.id);

  // The two firms the portfolio listed: their first market-price mark follows the IPO; the funds' first
  // sales on the exchange come when the 12-month lock-up ends.
  const ipoFirms = await tx.all<{ id: number; firstMarket: string; firstIpoSale: string | null }>(sql`
    SELECT v.company_id AS id, MIN(v.date) AS firstMarket,
      (SELECT MIN(x.date) FROM investment_exit x WHERE x.company_id = v.company_id AND x.route = 'ipo') AS firstIpoSale
    FROM valuation v WHERE v.method = 'market' GROUP BY v.company_id ORDER BY firstMarket`);
  const listedOn = (f: { firstMarket: string; firstIpoSale: string | null }) => {
    const lockUpEnd = f.firstIpoSale ? addMonths(f.firstIpoSale, -12) : null;
    return lockUpEnd && lockUpEnd <= f.firstMarket && lockUpEnd > addDays(f.firstMarket, -92) ? lockUpEnd : addDays(f.firstMarket, -30);
  };
  const ipoIds = new Set(ipoFirms.map((f) => f.id));
  const fofHolds = (id: number, date: string) => heldOn(intervals.get(id), date);
  const gpHolds = (id: number, date: string) => sf01 !== undefined && (holdersOn(moves, date).get(id) ?? []).includes(sf01.id);

  counts.designations = await seedDesignations(tx, rng.fork('designations'), {
    held,
    intervals,
    ipoIds,
    nominator: (id, date) => (gpHolds(id, date) ? gp : null),
    reviewer: fof,
    createdAt,
  });

  const listing = await seedListings(tx, rng.fork('listings'), {
    candidates: held.filter((f) => !ipoIds.has(f.id)).slice(3, 40),
    ipos: ipoFirms.map((f) => ({ id: f.id, listedOn: listedOn(f) })),
    holds: fofHolds,
    by: fof,
    createdAt,
  });
  counts.listingAttempts = listing.attempts.length;

  counts.policySupport = await seedSupport(tx, rng.fork('support'), { held, intervals, listing, admin, by: fof, createdAt });
  return counts;
}

async function seedProgrammes(tx: Tx): Promise<void> {
  const [plan] = await tx.select({ id: programme.id }).from(programme).where(eq(programme.code, 'SH-AI-2019'));
  if (!plan) throw new Error('the demo needs the 2019–2021 programme');
  const notes: Record<string, string> = {
    mother_fund_size: '行动方案专项行动6：首期规模100亿元',
    fund_group_size: '行动方案专项行动6：最终形成1000亿级基金群',
    leader_firms: '行动方案：孵化培育十家创新龙头企业',
    benchmark_firms: '行动方案：百家创新标杆企业',
    output_value: '行动方案：形成重点产业千亿产值规模',
  };
  for (const [metric, note] of Object.entries(notes))
    await tx
      .update(programmeTarget)
      .set({ note })
      .where(and(eq(programmeTarget.programmeId, plan.id), eq(programmeTarget.metric, metric)));
  await tx.insert(programmeTarget).values({
    programmeId: plan.id,
    metric: 'star_listings',
    targetValue: 5,
    note: '行动方案支持本土创新标杆企业申报科创板，未设数量；示例目标由领导小组办公室设定',
  });
  const [next] = await tx
    .insert(programme)
    .values({
      code: 'SH-AI-2022',
      nameZh: '人工智能产业投资基金群 2022–2026 年工作目标（示例）',
      nameEn: 'AI industry fund group targets 2022–2026 (illustrative)',
      startDate: '2022-01-01',
      endDate: '2026-12-31',
    })
    .returning({ id: programme.id });
  if (!next) throw new Error('programme insert failed');
  const note = '示例目标（演示数据）';
  await tx.insert(programmeTarget).values([
    { programmeId: next.id, metric: 'mother_fund_size', targetValue: 100 * YI, note },
    { programmeId: next.id, metric: 'fund_group_size', targetValue: 1000 * YI, note },
    { programmeId: next.id, metric: 'leader_firms', targetValue: 12, note },
    { programmeId: next.id, metric: 'benchmark_firms', targetValue: 125, note },
    { programmeId: next.id, metric: 'output_value', targetValue: 1200 * YI, note },
    { programmeId: next.id, metric: 'star_listings', targetValue: 5, note },
  ]);
}

interface Firm {
  id: number;
  sector: string;
  zone: string;
  registered: number;
  output2025: number | null;
}

/** The first day a firm was held, and a day inside a holding interval at or after `from` (null: none). */
function heldDayFrom(ivs: ReadonlyArray<HoldingInterval> | undefined, from: string, until: string): string | null {
  for (const iv of ivs ?? []) {
    const day = iv.from > from ? iv.from : from;
    const last = iv.to === null ? until : minDate(addDays(iv.to, -1), until);
    if (day <= last) return day;
  }
  return null;
}

const EVIDENCE = [
  '近三年营业收入年均增长超过30%，研发投入占比超过15%，拥有发明专利与软件著作权若干项（附审计报告与专利清单）。',
  '细分领域市场占有率居国内前列，核心产品入选《上海市创新产品推荐目录》（附目录页与销售合同摘要）。',
  '承担市级人工智能应用场景项目，产品已在多家龙头企业部署（附项目验收意见与客户证明）。',
  '核心团队在AI芯片/算法方向具备国际一流水平，年度产值与纳税持续增长（附财务报表与纳税证明）。',
];
const REJECT_NOTES = ['营业收入规模未达认定标准，建议下一年度再行申报。', '研发投入强度证明材料不完整，请补充审计报告后重新提名。'];
const REVOKE_REASONS = ['企业经营出现重大变化，营业收入连续两年下滑，不再符合认定条件。', '企业注册地迁出上海，不再符合本地企业认定条件。'];

/**
 * Benchmark designations spread from 2020 to 2026 (a few revoked, a few rejected, some waiting for
 * review), and leaders among the largest firms from 2021; each nominated on a day its firm was held.
 */
async function seedDesignations(
  tx: Tx,
  r: Random,
  ctx: {
    held: Firm[];
    intervals: Map<number, HoldingInterval[]>;
    ipoIds: Set<number>;
    nominator: (companyId: number, date: string) => number | null;
    reviewer: number | null;
    createdAt: string;
  },
): Promise<number> {
  const rows: Array<{ d: typeof designation.$inferInsert; events: Array<Omit<typeof designationEvent.$inferInsert, 'designationId'>> }> = [];
  const criteriaFor = (f: Firm, level: 'benchmark' | 'leader'): DesignationCriterion[] => {
    const extra: DesignationCriterion[] =
      level === 'leader' ? ['market_position', 'output_contribution', 'core_ip'] : ['revenue_scale', 'rnd_intensity', 'core_ip'];
    return ['focus_sector', ...(f.registered ? (['shanghai_registered'] as const) : []), ...r.sample(extra, r.int(1, 3))];
  };
  const add = (f: Firm, level: 'benchmark' | 'leader', target: string, fate: 'approved' | 'rejected' | 'pending' | 'revoked') => {
    const nominatedOn = heldDayFrom(ctx.intervals.get(f.id), addDays(target, -r.int(20, 60)), DEMO_DATA_END);
    if (!nominatedOn) return false;
    const by = ctx.nominator(f.id, nominatedOn);
    const events: Array<Omit<typeof designationEvent.$inferInsert, 'designationId'>> = [{ action: 'nominated', date: nominatedOn, at: ctx.createdAt, by }];
    const d: typeof designation.$inferInsert = {
      companyId: f.id,
      level,
      status: 'nominated',
      nominatedOn,
      nominatedBy: by,
      criteria: criteriaFor(f, level),
      evidence: r.pick(EVIDENCE),
      facts: null,
      createdAt: ctx.createdAt,
      updatedAt: ctx.createdAt,
    };
    if (fate !== 'pending') {
      const reviewedOn = minDate(addDays(nominatedOn, r.int(20, 75)), DEMO_DATA_END);
      d.reviewedOn = reviewedOn;
      d.reviewedBy = ctx.reviewer;
      if (fate === 'rejected') {
        d.status = 'rejected';
        d.reviewNote = r.pick(REJECT_NOTES);
        events.push({ action: 'rejected', date: reviewedOn, note: d.reviewNote, at: ctx.createdAt, by: ctx.reviewer });
      } else {
        d.status = 'approved';
        d.effectiveOn = reviewedOn;
        events.push({ action: 'approved', date: reviewedOn, at: ctx.createdAt, by: ctx.reviewer });
        if (fate === 'revoked') {
          const revokedOn = minDate(addDays(reviewedOn, r.int(500, 900)), DEMO_DATA_END);
          d.status = 'revoked';
          d.revokedOn = revokedOn;
          d.revokedBy = ctx.reviewer;
          d.revokeReason = r.pick(REVOKE_REASONS);
          events.push({ action: 'revoked', date: revokedOn, note: d.revokeReason, at: ctx.createdAt, by: ctx.reviewer });
        }
      }
    }
    rows.push({ d, events });
    return true;
  };

  // Leaders: the largest firms, from 2021 (the two listed firms first).
  const leaders = [...ctx.held.filter((f) => ctx.ipoIds.has(f.id)), ...ctx.held.filter((f) => !ctx.ipoIds.has(f.id))].slice(0, 10);
  const leaderDays = [
    '2021-04-20',
    '2021-09-15',
    '2021-12-10',
    '2022-06-20',
    '2023-03-15',
    '2023-11-20',
    '2024-06-18',
    '2025-05-20',
    '2026-09-28',
    '2026-10-12',
  ];
  leaders.forEach((f, i) => {
    add(f, 'leader', leaderDays[i] as string, i >= 8 ? (i === 9 ? 'pending' : 'rejected') : 'approved');
  });

  // Benchmarks: about 130 firms, approvals spread evenly from early 2020 to autumn 2026, each firm no
  // sooner than half a year after the group first invested in it.
  const firstHeld = (f: Firm) => ctx.intervals.get(f.id)?.[0]?.from ?? DEMO_DATA_END;
  const pool = ctx.held.slice(0, 160).sort((a, b) => firstHeld(a).localeCompare(firstHeld(b)) || a.id - b.id);
  const start = '2020-03-01';
  const span = 2400; // days to mid-October 2026
  let k = 0;
  for (const f of pool) {
    const spread = addDays(start, Math.round((span * k) / 130) + r.int(-15, 15));
    const earliest = addDays(firstHeld(f), r.int(180, 300));
    const target = minDate(maxDate(spread, earliest), '2026-10-20');
    const fate = k % 29 === 7 ? 'rejected' : k % 31 === 11 ? 'revoked' : target > '2026-09-01' ? 'pending' : 'approved';
    if (add(f, 'benchmark', target, fate)) k += 1;
    if (k >= 132) break;
  }

  for (const { d, events } of rows) {
    const [row] = await tx.insert(designation).values(d).returning({ id: designation.id });
    if (!row) throw new Error('designation insert failed');
    await tx.insert(designationEvent).values(events.map((e) => ({ ...e, designationId: row.id })));
  }
  return rows.length;
}

const SPONSORS = ['浦江证券股份有限公司', '沪东证券承销保荐有限公司', '淞滨证券股份有限公司', '黄浦联合证券有限责任公司', '东海岸证券股份有限公司'];

interface SeededAttempt {
  id: number;
  companyId: number;
  events: Array<ListingEvent & { note?: string | null }>;
}

/** One attempt's events, built back from a listing date or forward from a start; checked by the state machine. */
function listingScript(r: Random, kind: string, anchor: string): Array<ListingEvent & { note?: string | null }> {
  const seq: Array<ListingEvent & { note?: string | null }> = [];
  const push = (k: ListingEvent['kind'], date: string, extra: Partial<ListingEvent & { note: string }> = {}) => seq.push({ kind: k, date, ...extra });
  if (kind === 'listed' || kind === 'listed_suspended') {
    const listed = anchor;
    const registered = addDays(listed, -r.int(35, 50));
    const submitted = addDays(registered, -r.int(50, 75));
    const committee = addDays(submitted, -r.int(40, 70));
    const suspendDays = kind === 'listed_suspended' ? r.int(40, 60) : 0;
    const accepted = addDays(committee, -r.int(150, 190) - suspendDays);
    const inquiry = addDays(accepted, r.int(18, 28));
    const tutoringAccepted = addDays(accepted, -r.int(25, 60));
    const filed = addDays(tutoringAccepted, -r.int(100, 150));
    push('tutoring_filed', filed);
    push('tutoring_accepted', tutoringAccepted);
    push('accepted', accepted);
    push('inquiry', inquiry);
    if (suspendDays) {
      const s = addDays(inquiry, r.int(60, 90));
      push('suspended', s, { note: '财务资料已过有效期，需补充审计' });
      push('resumed', addDays(s, suspendDays), { note: '已更新财务资料，恢复审核' });
    }
    push('committee', committee, { outcome: 'passed' });
    push('registration_submitted', submitted);
    push('registered', registered);
    push('listed', listed);
    return seq;
  }
  // Open or ended attempts: built forward, then moved so that the latest event falls on `anchor`.
  const stagesTo: Record<string, ListingStage> = {
    tutoring: 'tutoring_filed',
    tutoring_done: 'tutoring_accepted',
    accepted: 'accepted',
    inquiry: 'inquiry',
    suspended: 'inquiry',
    deferred: 'committee',
    passed: 'committee',
    submitted: 'registration_submitted',
    terminated: 'inquiry',
  };
  const gaps: Partial<Record<ListingStage, [number, number]>> = {
    tutoring_accepted: [100, 140],
    accepted: [25, 60],
    inquiry: [18, 28],
    committee: [130, 170],
    registration_submitted: [40, 70],
  };
  const order: ListingStage[] = ['tutoring_filed', 'tutoring_accepted', 'accepted', 'inquiry', 'committee', 'registration_submitted'];
  let date = '2020-01-01';
  for (const stage of order) {
    if (stage !== 'tutoring_filed') {
      const [lo, hi] = gaps[stage] ?? [30, 60];
      date = addDays(date, r.int(lo, hi));
    }
    if (stage === 'committee') push(stage, date, { outcome: kind === 'deferred' ? 'deferred' : 'passed' });
    else push(stage, date);
    if (stage === stagesTo[kind]) break;
  }
  if (kind === 'suspended') push('suspended', addDays(date, r.int(120, 160)), { note: '财务资料已过有效期，需补充审计' });
  if (kind === 'terminated') {
    const s = addDays(date, r.int(100, 140));
    push('suspended', s, { note: '发行人及保荐机构申请中止审核' });
    push('resumed', addDays(s, r.int(50, 80)), { note: '恢复审核' });
    push('terminated', addDays(s, r.int(150, 190)), { note: '发行人撤回发行上市申请' });
  }
  const shift = daysBetween(seq[seq.length - 1]?.date ?? anchor, anchor);
  for (const e of seq) e.date = addDays(e.date, shift);
  return seq;
}

async function seedListings(
  tx: Tx,
  r: Random,
  ctx: {
    candidates: Firm[];
    ipos: Array<{ id: number; listedOn: string }>;
    holds: (id: number, date: string) => boolean;
    by: number | null;
    createdAt: string;
  },
): Promise<{ attempts: SeededAttempt[] }> {
  // Open and ended attempts: [script, date of its latest event] — most recent, one slow inquiry, one
  // suspension since the summer, one attempt terminated in 2025.
  const plans: Array<[string, string]> = [
    ['submitted', addDays(DEMO_DATA_END, -40)],
    ['passed', addDays(DEMO_DATA_END, -30)],
    ['deferred', addDays(DEMO_DATA_END, -18)],
    ['inquiry', addDays(DEMO_DATA_END, -150)],
    ['accepted', addDays(DEMO_DATA_END, -25)],
    ['suspended', addDays(DEMO_DATA_END, -100)],
    ['tutoring_done', addDays(DEMO_DATA_END, -60)],
    ['tutoring', addDays(DEMO_DATA_END, -45)],
    ['terminated', '2025-03-20'],
  ];
  const scripts: Array<{ companyId: number; events: Array<ListingEvent & { note?: string | null }> }> = [];
  for (const ipo of ctx.ipos) scripts.push({ companyId: ipo.id, events: listingScript(r, scripts.length === 1 ? 'listed_suspended' : 'listed', ipo.listedOn) });
  const used = new Set<number>(ctx.ipos.map((i) => i.id));
  let terminatedFirm: number | null = null;
  for (const [kind, lastDay] of plans) {
    const events = listingScript(r, kind, lastDay);
    const filed = events[0]?.date ?? lastDay;
    const last = events[events.length - 1]?.date ?? lastDay;
    if (last > DEMO_DATA_END) throw new Error(`demo listing ${kind} runs past the books' end (${last})`);
    const firm = ctx.candidates.find((f) => !used.has(f.id) && ctx.holds(f.id, filed) && ctx.holds(f.id, last));
    if (!firm) continue;
    used.add(firm.id);
    scripts.push({ companyId: firm.id, events });
    if (kind === 'terminated') terminatedFirm = firm.id;
  }
  // The terminated firm tries again: a second attempt, in tutoring.
  if (terminatedFirm !== null) scripts.push({ companyId: terminatedFirm, events: listingScript(r, 'tutoring', '2026-06-22') });

  const attempts: SeededAttempt[] = [];
  const attemptNo = new Map<number, number>();
  for (const s of scripts) {
    const state = listingState(s.events); // the same rules as the app: throws on a bad script
    const no = (attemptNo.get(s.companyId) ?? 0) + 1;
    attemptNo.set(s.companyId, no);
    const standard = r.pick([1, 1, 2, 4, 5] as const);
    const marketValue = standard === 5 ? r.int(45, 120) * YI : r.int(30, 90) * YI;
    const [row] = await tx
      .insert(listingAttempt)
      .values({
        companyId: s.companyId,
        attemptNo: no,
        sponsor: r.pick(SPONSORS),
        listingStandard: standard,
        plannedRaiseFen: r.int(6, 25) * YI,
        expectedMarketValueFen: marketValue,
        openedOn: s.events[0]?.date ?? DEMO_DATA_END,
        outcome: state.outcome,
        closedOn: state.closedOn,
        createdAt: ctx.createdAt,
        createdBy: ctx.by,
        updatedAt: ctx.createdAt,
      })
      .returning({ id: listingAttempt.id });
    if (!row) throw new Error('listing insert failed');
    await tx.insert(listingEvent).values(
      s.events.map((e) => ({
        attemptId: row.id,
        kind: e.kind,
        date: e.date,
        outcome: e.outcome ?? null,
        note: e.note ?? null,
        createdAt: ctx.createdAt,
        createdBy: ctx.by,
      })),
    );
    attempts.push({ id: row.id, companyId: s.companyId, events: s.events });
  }
  return { attempts };
}

const PROVIDERS = ['上海证券交易所科创板企业培育服务（示例）', '保荐机构投行部', '上海市律师协会科创板法律服务团', '会计师事务所审计服务团队'];
const TOPICS = [
  '科创板定位与科创属性评价',
  '上市标准选择与市值测算',
  '股权激励与员工持股平台规范',
  '财务规范与收入确认',
  '问询回复要点辅导',
  '募投项目与发行方案',
];
const SCENARIOS = [
  '智慧医疗影像辅助诊断场景',
  '城市交通信号智能优化场景',
  '智能制造视觉质检场景',
  '金融风控大模型应用场景',
  '社区养老服务机器人场景',
  '港口无人集卡调度场景',
];
const PRODUCTS = ['智能驾驶域控制器', '工业视觉检测系统', 'AI推理加速卡', '服务机器人整机', '工业互联网平台软件', '边缘计算网关'];
const PEOPLE = ['陈', '林', '王', '张', '刘', '杨', '黄', '吴', '周', '徐'];

/** The listing-subsidy schedule, subsidies and consulting for the attempts, and the plan's other support within its caps. */
async function seedSupport(
  tx: Tx,
  r: Random,
  ctx: {
    held: Firm[];
    intervals: Map<number, HoldingInterval[]>;
    listing: { attempts: SeededAttempt[] };
    admin: number | null;
    by: number | null;
    createdAt: string;
  },
): Promise<number> {
  const schedule: Partial<Record<ListingStage, number>> = { tutoring_filed: 50 * WAN, accepted: 100 * WAN, listed: 150 * WAN };
  await tx.insert(listingSubsidySchedule).values(
    Object.entries(schedule).map(([milestone, amountFen]) => ({
      milestone,
      amountFen,
      note: '示例配置：上市申报补贴无统一公开标准，按各区政策由管理员设定',
      updatedAt: ctx.createdAt,
      updatedBy: ctx.admin,
    })),
  );

  const rows: Array<typeof policySupport.$inferInsert> = [];
  const sessions: Array<typeof consultingSession.$inferInsert> = [];
  const base = { createdAt: ctx.createdAt, createdBy: ctx.by, updatedAt: ctx.createdAt };
  /** applied → (decided) → (paid), each step dated after the last and on or before the books' end. */
  const lifecycle = (appliedOn: string, appliedFen: number, fate: 'applied' | 'approved' | 'paid' | 'rejected', approveShare = 1) => {
    const decidedOn = addDays(appliedOn, r.int(30, 90));
    const paidOn = addDays(decidedOn, r.int(20, 60));
    if (fate === 'applied' || decidedOn > DEMO_DATA_END) return { status: 'applied' as const, appliedOn, appliedFen };
    if (fate === 'rejected') return { status: 'rejected' as const, appliedOn, appliedFen, decidedOn, decisionNote: '申报材料不符合支持条件' };
    const approvedFen = Math.round((appliedFen * approveShare) / WAN) * WAN;
    if (fate === 'approved' || paidOn > DEMO_DATA_END) return { status: 'approved' as const, appliedOn, appliedFen, decidedOn, approvedFen };
    return { status: 'paid' as const, appliedOn, appliedFen, decidedOn, approvedFen, paidOn, paidFen: approvedFen };
  };

  for (const a of ctx.listing.attempts) {
    for (const [milestone, amount] of Object.entries(schedule) as Array<[ListingStage, number]>) {
      const reached = a.events.find((e) => e.kind === milestone);
      if (!reached) continue;
      const appliedOn = addDays(reached.date, r.int(10, 40));
      if (appliedOn > DEMO_DATA_END) continue;
      const cap = supportCap({ kind: 'listing_subsidy', milestone, scheduleFen: amount });
      assertWithinCap('appliedFen', amount, cap);
      const fate = appliedOn > '2026-08-01' ? 'applied' : 'paid';
      rows.push({
        ...base,
        companyId: a.companyId,
        kind: 'listing_subsidy',
        listingAttemptId: a.id,
        milestone,
        title: `科创板上市申报补贴（${milestone === 'tutoring_filed' ? '辅导备案' : milestone === 'accepted' ? '申报受理' : '发行上市'}）`,
        capFen: cap.capFen,
        capRule: cap.rule,
        ...lifecycle(appliedOn, amount, fate),
      });
    }
    for (let i = 0, n = r.int(1, 3); i < n; i++) {
      const date = addDays(a.events[0]?.date ?? DEMO_DATA_END, r.int(15, 400));
      if (date > DEMO_DATA_END || date > (a.events[a.events.length - 1]?.date ?? DEMO_DATA_END)) continue;
      sessions.push({
        companyId: a.companyId,
        listingAttemptId: a.id,
        date,
        provider: r.pick(PROVIDERS),
        topic: r.pick(TOPICS),
        hours: r.pick([2, 3, 4, 6]),
        createdAt: ctx.createdAt,
        createdBy: ctx.by,
      });
    }
  }

  // The plan's other support: about 40 grants to portfolio firms from 2020, each within its cap.
  const firms = ctx.held.slice(0, 90);
  const kinds: Array<Exclude<SupportKind, 'listing_subsidy'>> = ['scenario_project', 'innovation_voucher', 'first_set', 'team_reward'];
  for (let i = 0; i < 42; i++) {
    const f = r.pick(firms);
    const kind = kinds[i % kinds.length] as Exclude<SupportKind, 'listing_subsidy'>;
    const appliedOn = heldDayFrom(ctx.intervals.get(f.id), addDays('2020-04-01', r.int(0, 2350)), DEMO_DATA_END);
    if (!appliedOn) continue;
    let basisFen: number | null = null;
    let recipients: Array<{ name: string; role: string; amountFen: number }> | null = null;
    let title = '';
    let firstSetKind: FirstSetKind | null = null;
    if (kind === 'scenario_project') {
      basisFen = r.int(20, 150) * 100 * WAN;
      title = r.pick(SCENARIOS);
    } else if (kind === 'innovation_voucher') {
      basisFen = r.int(60, 600) * WAN;
      title = '科技创新券（研发测试与检测服务）';
    } else if (kind === 'first_set') {
      basisFen = r.int(300, 3000) * WAN;
      firstSetKind = r.pick(['first_set', 'first_version', 'first_batch'] as const);
      title = `${r.pick(PRODUCTS)}（${firstSetKind === 'first_set' ? '首台套' : firstSetKind === 'first_version' ? '首版次' : '首批次'}）`;
    } else {
      recipients = Array.from({ length: r.int(2, 4) }, (_, k) => ({
        name: `${r.pick(PEOPLE)}${['晓东', '思远', '佳怡', '振华', '雨桐', '子涵'][k] ?? '某'}`,
        role: ['首席科学家', '技术总监', '算法负责人', '产品负责人'][k] ?? '核心成员',
        amountFen: r.int(15, 50) * WAN,
      }));
      title = '人工智能企业核心团队奖励';
    }
    const cap = supportCap({ kind, basisFen, recipients: recipients ?? [] });
    const appliedFen = recipients ? recipients.reduce((a, p) => a + p.amountFen, 0) : Math.max(WAN, Math.round((cap.capFen * r.real(0.7, 1)) / WAN) * WAN);
    assertWithinCap('appliedFen', appliedFen, cap);
    const fate = r.pick(['paid', 'paid', 'paid', 'approved', 'rejected', 'applied'] as const);
    rows.push({
      ...base,
      companyId: f.id,
      kind,
      firstSetKind,
      title,
      reference: `沪经信智〔${appliedOn.slice(0, 4)}〕${r.int(10, 300)}号`,
      basisFen,
      recipients,
      capFen: cap.capFen,
      capRule: cap.rule,
      ...lifecycle(appliedOn, appliedFen, fate, r.pick([1, 1, 0.8])),
    });
  }
  await tx.insert(policySupport).values(rows);
  if (sessions.length) await tx.insert(consultingSession).values(sessions);
  return rows.length;
}
