import type { Db } from '@highland/drizzle';
import { company, deal, fund, investor, savedView, user, userFund } from '@highland/drizzle';
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { freshUscc } from './helpers/pipeline.js';
import { loadPlanFixture, type PlanFixture } from './plan-fixture.js';

/**
 * Who calls: no session, or one of the demo accounts; `pending` is a mother-fund manager whose one-time
 * password has not been changed yet (made by ensurePendingAccount): it may only ask who it is, change the password
 * and sign out (issue 15, ADR 044).
 */
export const IDENTITIES = ['anonymous', 'admin', 'government', 'gp', 'fof', 'lp', 'pending'] as const;
export type Identity = (typeof IDENTITIES)[number];
export const EMAIL: Record<Exclude<Identity, 'anonymous'>, string> = {
  admin: 'admin@demo.highland',
  government: 'gov@demo.highland',
  gp: 'gp@demo.highland',
  fof: 'fof@demo.highland',
  lp: 'lp@demo.highland',
  pending: 'pending.fof@demo.highland',
};

/** Ids from the demo data that inputs refer to. */
export interface Fixture {
  motherFundId: number;
  gpFundId: number;
  otherSubFundId: number;
  lpInvestorId: number;
  otherInvestorId: number;
  govUserId: number;
  /** Pipeline: an open deal of SF-01 and its version, a deal of SF-02, companies, the selection. */
  gpDealId: number;
  gpDealVersion: number;
  otherDealId: number;
  /** A company with a deal in SF-01 only, and one with deals only in other funds. */
  pipelineCompanyId: number;
  otherPipelineCompanyId: number;
  /** A company not (yet) in SF-01's pipeline. */
  freeCompanyId: number;
  /** A duplicate of companyId without a credit code and without deals (for the merge). */
  duplicateCompanyId: number;
  /** gp's saved view. */
  gpViewId: number;
  /** A company SF-01 still holds (more than 1% of it), and its credit code. */
  gpCompanyId: number;
  gpCompanyUscc: string;
  /** A company held by SF-02 and never by SF-01. */
  otherCompanyId: number;
  /** Rounds and exits a correction may reverse: of SF-01 (gp's) and of SF-02. */
  gpRoundId: number;
  otherRoundId: number;
  gpExitId: number;
  otherExitId: number;
  /** A mark of SF-01 waiting for review (entered by gp@). */
  pendingValuationId: number;
  /** A part of a capital call of the GP's fund that is still unpaid. */
  outstanding: { callId: number; investorId: number; amountFen: number };
  /** A fee entry of the GP's fund, not reversed. */
  feeEntryId: number;
  /** A company the GP's fund invested in. */
  companyId: number;
  /** The scoreboard's records (designations, listings, support): see plan-fixture.ts. */
  plan: PlanFixture;
}

export async function loadFixture(db: Db): Promise<Fixture> {
  const byCode = async (code: string) => (await db.select({ id: fund.id }).from(fund).where(eq(fund.code, code)))[0]?.id ?? -1;
  const lp = (await db.select({ investorId: user.investorId }).from(user).where(eq(user.email, EMAIL.lp)))[0]?.investorId ?? -1;
  const other = (await db.select({ id: investor.id }).from(investor).where(eq(investor.nameZh, '上海市财政局')))[0]?.id ?? -1;
  const gov = (await db.select({ id: user.id }).from(user).where(eq(user.email, EMAIL.government)))[0]?.id ?? -1;
  const gpFundId = await byCode('SF-01');
  const otherSubFundId = await byCode('SF-02');
  const gpDeal = (
    await db
      .select({ id: deal.id, version: deal.version, companyId: deal.companyId })
      .from(deal)
      .where(
        and(
          eq(deal.fundId, gpFundId),
          sql`${deal.stage} IN ('sourced', 'screening', 'due_diligence')`,
          // only in SF-01's pipeline, so SF-01's manager may merge it
          sql`NOT EXISTS (SELECT 1 FROM deal d2 WHERE d2.company_id = ${deal.companyId} AND d2.fund_id <> ${gpFundId})`,
        ),
      )
      .orderBy(asc(deal.id))
      .limit(1)
  )[0];
  const otherDeal = (await db.select({ id: deal.id }).from(deal).where(eq(deal.fundId, otherSubFundId)).orderBy(asc(deal.id)).limit(1))[0];
  const inGp = db.select({ id: deal.companyId }).from(deal).where(eq(deal.fundId, gpFundId));
  const otherPipelineCompany = (
    await db
      .select({ id: company.id })
      .from(company)
      .where(and(notInArray(company.id, sql`(SELECT company_id FROM deal WHERE fund_id = ${gpFundId})`), sql`${company.id} IN (SELECT company_id FROM deal)`))
      .limit(1)
  )[0];
  const free = (await db.select({ id: company.id }).from(company).where(notInArray(company.id, inGp)).orderBy(asc(company.id)).limit(1))[0];
  const gpCompany = (
    await db
      .select()
      .from(company)
      .where(eq(company.id, gpDeal?.companyId ?? -1))
  )[0];
  // Test set-up, outside the app's write path: a duplicate to merge and a saved view to delete.
  const dup = gpCompany
    ? (
        await db
          .insert(company)
          .values({ ...gpCompany, id: undefined, uscc: null, nameZh: `${gpCompany.nameZh}`, createdAt: gpCompany.createdAt })
          .returning({ id: company.id })
      )[0]
    : undefined;
  const gpUser = (await db.select({ id: user.id }).from(user).where(eq(user.email, EMAIL.gp)))[0]?.id ?? -1;
  const view = (
    await db
      .insert(savedView)
      .values({
        userId: gpUser,
        name: '我的储备项目',
        filter: { pipeline: 'direct' },
        sort: { field: 'updatedAt', dir: 'desc' },
        createdAt: 'x',
        updatedAt: 'x',
      })
      .onConflictDoUpdate({ target: [savedView.userId, savedView.name], set: { updatedAt: 'x' } })
      .returning({ id: savedView.id })
  )[0];
  const [held] = await db.all<{ id: number; uscc: string }>(sql`
    SELECT c.id, c.uscc FROM company c JOIN investment i ON i.company_id = c.id
    WHERE i.fund_id = ${gpFundId} AND NOT EXISTS (SELECT 1 FROM investment_exit x WHERE x.fund_id = i.fund_id AND x.company_id = c.id)
    GROUP BY c.id HAVING SUM(i.equity_share) > 0.01 ORDER BY c.id LIMIT 1`);
  const [otherCompany] = await db.all<{ id: number }>(sql`
    SELECT company_id AS id FROM investment WHERE fund_id = ${otherSubFundId}
      AND company_id NOT IN (SELECT company_id FROM investment WHERE fund_id = ${gpFundId}) ORDER BY id LIMIT 1`);
  const [pending] = await db.all<{ id: number }>(sql`SELECT id FROM valuation WHERE fund_id = ${gpFundId} AND status = 'pending' ORDER BY id LIMIT 1`);
  const [outstanding] = await db.all<{ callId: number; investorId: number; amountFen: number }>(sql`
    SELECT call_id AS callId, investor_id AS investorId, SUM(CASE kind WHEN 'call' THEN amount_fen ELSE -amount_fen END) AS amountFen
    FROM ledger_entry WHERE fund_id = ${gpFundId} AND call_id IS NOT NULL GROUP BY call_id, investor_id HAVING amountFen > 0 LIMIT 1`);
  const [fee] = await db.all<{ id: number }>(sql`
    SELECT id FROM ledger_entry e WHERE fund_id = ${gpFundId} AND kind = 'fee' AND reverses_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id) ORDER BY id LIMIT 1`);
  const [invested] = await db.all<{ id: number }>(sql`SELECT company_id AS id FROM ledger_entry WHERE fund_id = ${gpFundId} AND kind = 'investment' LIMIT 1`);
  // A follow-on round of a position never sold from (an earlier round still holds on every mark): reversible.
  const followOn = (fundId: number) =>
    db.all<{ id: number }>(sql`
      SELECT i.id FROM investment i WHERE i.fund_id = ${fundId} AND i.reverses_id IS NULL
        AND EXISTS (SELECT 1 FROM investment j WHERE j.fund_id = i.fund_id AND j.company_id = i.company_id AND j.date < i.date)
        AND NOT EXISTS (SELECT 1 FROM investment_exit x WHERE x.fund_id = i.fund_id AND x.company_id = i.company_id)
      ORDER BY i.id LIMIT 1`);
  // The last exit of a position: reversible.
  const lastExit = (fundId: number) =>
    db.all<{ id: number }>(sql`
      SELECT x.id FROM investment_exit x WHERE x.fund_id = ${fundId} AND x.reverses_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM investment_exit y WHERE y.fund_id = x.fund_id AND y.company_id = x.company_id
          AND (y.date > x.date OR (y.date = x.date AND y.id > x.id)))
      ORDER BY x.id LIMIT 1`);
  const [gpRound] = await followOn(gpFundId);
  const [otherRound] = await followOn(otherSubFundId);
  const [gpExit] = await lastExit(gpFundId);
  const [otherExit] = await lastExit(otherSubFundId);
  return {
    gpRoundId: gpRound?.id ?? -1,
    otherRoundId: otherRound?.id ?? -1,
    gpExitId: gpExit?.id ?? -1,
    otherExitId: otherExit?.id ?? -1,
    gpCompanyId: held?.id ?? -1,
    gpCompanyUscc: held?.uscc ?? '',
    otherCompanyId: otherCompany?.id ?? -1,
    pendingValuationId: pending?.id ?? -1,
    motherFundId: await byCode('MF'),
    gpFundId,
    otherSubFundId,
    lpInvestorId: lp,
    otherInvestorId: other,
    govUserId: gov,
    gpDealId: gpDeal?.id ?? -1,
    gpDealVersion: gpDeal?.version ?? -1,
    otherDealId: otherDeal?.id ?? -1,
    pipelineCompanyId: gpDeal?.companyId ?? -1,
    otherPipelineCompanyId: otherPipelineCompany?.id ?? -1,
    freeCompanyId: free?.id ?? -1,
    duplicateCompanyId: dup?.id ?? -1,
    gpViewId: view?.id ?? -1,
    outstanding: outstanding ?? { callId: -1, investorId: -1, amountFen: 0 },
    feeEntryId: fee?.id ?? -1,
    companyId: invested?.id ?? -1,
    plan: await loadPlanFixture(db, gpFundId),
  };
}

/**
 * The `pending` identity: a second manager of the mother fund (so it could do nearly everything) whose
 * password must be changed; its password is the demo one. Made on first use by the role test (the other
 * tests' databases do not get it). Test set-up, outside the app's write path.
 */
export async function ensurePendingAccount(db: Db): Promise<void> {
  const fof = (await db.select().from(user).where(eq(user.email, EMAIL.fof)))[0];
  if (!fof || (await db.select({ id: user.id }).from(user).where(eq(user.email, EMAIL.pending))).length) return;
  const [row] = await db
    .insert(user)
    .values({ ...fof, id: undefined, email: EMAIL.pending, name: '待改密管理人', mustChangePassword: true })
    .returning({ id: user.id });
  const funds = await db.select({ fundId: userFund.fundId }).from(userFund).where(eq(userFund.userId, fof.id));
  if (row && funds.length) await db.insert(userFund).values(funds.map((f) => ({ userId: row.id, fundId: f.fundId })));
}

export interface AccessCase {
  /** Who must get through (everyone else must be refused with UNAUTHORIZED or FORBIDDEN). */
  allowed: readonly Identity[];
  input?: (fx: Fixture) => unknown;
  /**
   * Extra calls that must be refused even for an allowed identity: the scoping cases
   * (a manager asking for another fund, an LP for another investor).
   */
  scoped?: Array<{ who: Identity; input: (fx: Fixture) => unknown }>;
}

/** A sub-fund the mother fund has decided on but not yet set up: a valid `fund.create` input. */
export const NEW_FUND = {
  kind: 'sub' as const,
  code: 'SF-26',
  nameZh: '上海人工智能大模型创新基金',
  nameEn: 'Shanghai AI Foundation Model Innovation Fund',
  managerId: 1,
  sponsorType: 'market' as const,
  batch: 4,
  isFundOfFunds: false,
  decisionDate: '2026-09-01',
  establishedDate: null,
  termYears: 8,
  investmentPeriodYears: 5,
  targetSizeFen: 300_000_000_000,
  sectorFocus: ['ai_algorithms' as const],
  status: 'approved' as const,
  govShareCap: 0.3,
  govShareOverrideAllowed: false,
  reinvestK: 1.5,
  reinvestWeightRegistered: 1,
  reinvestWeightRelocated: 0.8,
  reinvestWeightSubsidiary: 0.5,
  reinvestBasis: 'committed' as const,
  feeBasis: 'committed' as const,
  feeRate: 0.02,
};

const everyone = IDENTITIES;
const signedIn = ['admin', 'government', 'gp', 'fof', 'lp'] as const;
/** Pipelines and the company register: everyone but LPs. */
const pipelineReaders = ['admin', 'government', 'gp', 'fof'] as const;
const newCompany = (n: number) => ({
  uscc: freshUscc(n),
  nameZh: '上海测试智能科技有限公司',
  nameEn: 'Shanghai Test Intelligence Technology Co., Ltd.',
  sector: 'ai_algorithms',
  zone: 'pudong_zhangjiang',
  registeredInShanghai: true,
  founded: '2021-05-01',
  ownership: 'private',
  headcount: 35,
  website: 'www.example.com.cn',
});
const view = { name: '张江尽调项目', filter: { pipeline: 'direct', stages: ['due_diligence'] }, sort: { field: 'score', dir: 'desc' } };

/**
 * Every procedure of the app router, who may call it, and an input that succeeds. The role test fails
 * when a procedure is missing here, so a new procedure cannot ship without its access rule being tested.
 */
export const ACCESS_CASES: Record<string, AccessCase> = {
  'system.info': { allowed: everyone },
  'auth.me': { allowed: everyone },
  'auth.signIn': { allowed: everyone, input: () => ({ email: EMAIL.government, password: 'demo-highland-2026' }) },
  'auth.signOut': { allowed: [...signedIn, 'pending'] },
  'auth.changePassword': { allowed: [...signedIn, 'pending'], input: () => ({ currentPassword: 'demo-highland-2026', newPassword: 'a-new-password-2027' }) },
  'auth.setLocale': { allowed: signedIn, input: () => ({ locale: 'en' }) },
  'user.list': { allowed: ['admin'] },
  'user.formOptions': { allowed: ['admin'] },
  'user.create': {
    allowed: ['admin'],
    input: () => ({ email: 'new.reviewer@demo.highland', name: '新审查员', role: 'government', fundIds: [], investorId: null }),
  },
  'user.update': { allowed: ['admin'], input: (fx) => ({ id: fx.govUserId, name: '李静' }) },
  'user.resetPassword': { allowed: ['admin'], input: (fx) => ({ id: fx.govUserId }) },
  'user.setRights': { allowed: ['admin'], input: (fx) => ({ id: fx.govUserId, rights: ['signOff'] }) },
  'audit.list': { allowed: ['admin', 'government'], input: () => ({ limit: 10 }) },
  'audit.facets': { allowed: ['admin', 'government'] },
  'audit.export': { allowed: ['admin', 'government'], input: () => ({ format: 'csv', action: 'ledger.call', from: '2025-01-01', to: '2025-03-31' }) },
  'group.overview': { allowed: ['admin', 'government', 'fof'], input: () => ({ asOf: '2025-12-31' }) },
  'group.exportOverview': { allowed: ['admin', 'government', 'fof'], input: () => ({ asOf: '2025-12-31', locale: 'zh-CN' }) },
  'group.funds': { allowed: ['admin', 'government', 'gp', 'fof'], input: () => ({ asOf: '2025-12-31' }) },

  'company.list': { allowed: pipelineReaders, input: () => ({ limit: 20 }) },
  'company.get': { allowed: pipelineReaders, input: (fx) => ({ id: fx.pipelineCompanyId }) },
  'company.search': { allowed: pipelineReaders, input: () => ({ q: '上海' }) },
  'company.duplicates': { allowed: ['gp', 'fof'], input: () => ({ nameZh: '上海测试智能科技有限公司' }) },
  'company.create': { allowed: ['gp', 'fof'], input: () => newCompany(1) },
  'company.update': {
    allowed: ['gp', 'fof'],
    input: (fx) => ({ id: fx.pipelineCompanyId, headcount: 99 }),
    scoped: [{ who: 'gp', input: (fx) => ({ id: fx.otherPipelineCompanyId, headcount: 99 }) }],
  },
  'company.merge': { allowed: ['gp', 'fof'], input: (fx) => ({ fromId: fx.duplicateCompanyId, intoId: fx.pipelineCompanyId }) },

  'deal.list': {
    allowed: pipelineReaders,
    input: (fx) => ({ filter: { pipeline: 'direct', fundIds: [fx.gpFundId] }, limit: 20 }),
    scoped: [{ who: 'gp', input: (fx) => ({ filter: { pipeline: 'direct', fundIds: [fx.otherSubFundId] } }) }],
  },
  'deal.count': {
    allowed: pipelineReaders,
    input: (fx) => ({ filter: { pipeline: 'direct', fundIds: [fx.gpFundId] } }),
    scoped: [{ who: 'gp', input: (fx) => ({ filter: { pipeline: 'direct', fundIds: [fx.otherSubFundId] } }) }],
  },
  'deal.board': {
    allowed: pipelineReaders,
    input: (fx) => ({ fundId: fx.gpFundId }),
    scoped: [{ who: 'gp', input: (fx) => ({ fundId: fx.otherSubFundId }) }],
  },
  'deal.get': {
    allowed: pipelineReaders,
    input: (fx) => ({ id: fx.gpDealId }),
    scoped: [{ who: 'gp', input: (fx) => ({ id: fx.otherDealId }) }],
  },
  'deal.create': {
    allowed: ['gp'],
    input: (fx) => ({ fundId: fx.gpFundId, companyId: fx.freeCompanyId, source: 'inbound', amountFen: 3_000_000_000 }),
    scoped: [{ who: 'gp', input: (fx) => ({ fundId: fx.otherSubFundId, companyId: fx.freeCompanyId, source: 'inbound' }) }],
  },
  'deal.createApplication': {
    allowed: ['fof'],
    input: (fx) => ({
      fundId: fx.motherFundId,
      managerNameZh: '上海测试创业投资管理有限公司',
      proposalNameZh: '上海测试人工智能基金',
      proposalSizeFen: 2_000_000_000_000,
      proposalSectors: ['ai_chips'],
      amountFen: 300_000_000_000,
    }),
  },
  'deal.update': {
    allowed: ['gp'],
    input: (fx) => ({ id: fx.gpDealId, version: fx.gpDealVersion, nextStep: '安排创始人路演' }),
    scoped: [{ who: 'gp', input: (fx) => ({ id: fx.otherDealId, version: 1, nextStep: 'x' }) }],
  },
  'deal.move': {
    allowed: ['gp'],
    input: (fx) => ({ id: fx.gpDealId, version: fx.gpDealVersion, to: 'on_hold', reason: '等待下一轮融资' }),
    scoped: [{ who: 'gp', input: (fx) => ({ id: fx.otherDealId, version: 1, to: 'on_hold' }) }],
  },
  'deal.score': {
    allowed: ['gp'],
    input: (fx) => ({ dealId: fx.gpDealId, scores: [{ criterion: 'team', score: 4 }] }),
    scoped: [{ who: 'gp', input: (fx) => ({ dealId: fx.otherDealId, scores: [{ criterion: 'team', score: 4 }] }) }],
  },
  'deal.addNote': {
    allowed: ['gp'],
    input: (fx) => ({ dealId: fx.gpDealId, body: '与创始人电话沟通' }),
    scoped: [{ who: 'gp', input: (fx) => ({ dealId: fx.otherDealId, body: 'x' }) }],
  },

  'pipeline.options': { allowed: pipelineReaders },
  'pipeline.saveSettings': {
    allowed: ['gp'],
    input: (fx) => ({
      fundId: fx.gpFundId,
      stageOrder: 'term_sheet_first',
      weights: { team: 0.3, technology: 0.3, market: 0.1, traction: 0.1, terms: 0.1, policy_fit: 0.1 },
    }),
    scoped: [{ who: 'gp', input: (fx) => ({ fundId: fx.otherSubFundId, stageOrder: 'committee_first', weights: { team: 1 } }) }],
  },
  'pipeline.funnel': {
    allowed: pipelineReaders,
    input: (fx) => ({ fundIds: [fx.gpFundId] }),
    scoped: [{ who: 'gp', input: (fx) => ({ fundIds: [fx.otherSubFundId] }) }],
  },
  'pipeline.overlap': { allowed: ['admin', 'government', 'fof'] },
  'pipeline.views': { allowed: pipelineReaders },
  'pipeline.saveView': { allowed: pipelineReaders, input: () => view },
  'pipeline.deleteView': { allowed: ['gp'], input: (fx) => ({ id: fx.gpViewId }) },

  'portfolio.createInvestment': {
    allowed: ['gp'],
    input: (fx) => ({
      fundId: fx.gpFundId,
      companyId: fx.gpCompanyId,
      date: '2026-11-02',
      round: 'c',
      instrument: 'preferred_equity',
      amountFen: 1_000_000_000,
      equityShare: 0.01,
    }),
    scoped: [
      {
        who: 'gp',
        input: (fx) => ({
          fundId: fx.otherSubFundId,
          companyId: fx.gpCompanyId,
          date: '2026-11-02',
          round: 'c',
          instrument: 'preferred_equity',
          amountFen: 1_000_000_000,
          equityShare: 0.01,
        }),
      },
    ],
  },
  'portfolio.recordExit': {
    allowed: ['gp'],
    input: (fx) => ({ fundId: fx.gpFundId, companyId: fx.gpCompanyId, date: '2026-11-02', route: 'secondary', shareSold: 0.001, proceedsFen: 100_000_000 }),
    scoped: [
      {
        who: 'gp',
        input: (fx) => ({ fundId: fx.otherSubFundId, companyId: fx.otherCompanyId, date: '2026-11-02', route: 'secondary', shareSold: 0.001, proceedsFen: 1 }),
      },
    ],
  },
  'portfolio.reverseInvestment': {
    allowed: ['gp'],
    input: (fx) => ({ investmentId: fx.gpRoundId, reason: '金额录入错误 amount keyed wrong' }),
    scoped: [{ who: 'gp', input: (fx) => ({ investmentId: fx.otherRoundId, reason: 'x' }) }],
  },
  'portfolio.reverseExit': {
    allowed: ['gp'],
    input: (fx) => ({ exitId: fx.gpExitId, reason: '退出份额录入错误 share keyed wrong' }),
    scoped: [{ who: 'gp', input: (fx) => ({ exitId: fx.otherExitId, reason: 'x' }) }],
  },
  'portfolio.addValuation': {
    allowed: ['gp'],
    input: (fx) => ({ fundId: fx.gpFundId, companyId: fx.gpCompanyId, date: '2026-10-31', valueFen: 10_000_000_000, method: 'dcf', basis: 'DCF, WACC 13%' }),
    scoped: [
      { who: 'gp', input: (fx) => ({ fundId: fx.otherSubFundId, companyId: fx.otherCompanyId, date: '2026-10-31', valueFen: 1, method: 'dcf', basis: 'x' }) },
    ],
  },
  'portfolio.reviewValuation': { allowed: ['fof'], input: (fx) => ({ id: fx.pendingValuationId, decision: 'approved' }) },
  'portfolio.addKpi': {
    allowed: ['gp', 'fof'],
    input: (fx) => ({ companyId: fx.gpCompanyId, period: '2026Q3', cumulative: true, revenueFen: 1_000_000_000 }),
    scoped: [{ who: 'gp', input: (fx) => ({ companyId: fx.otherCompanyId, period: '2026Q3', cumulative: true, revenueFen: 1 }) }],
  },
  'portfolio.importKpis': {
    allowed: ['gp', 'fof'],
    input: (fx) => ({ rows: [{ uscc: fx.gpCompanyUscc, period: '2025', cumulative: false, revenueFen: 1_000_000_000, headcount: 120 }] }),
  },
  'portfolio.position': {
    allowed: ['admin', 'government', 'gp', 'fof'],
    input: (fx) => ({ fundId: fx.gpFundId, companyId: fx.gpCompanyId, asOf: '2025-12-31' }),
    scoped: [{ who: 'gp', input: (fx) => ({ fundId: fx.otherSubFundId, companyId: fx.otherCompanyId }) }],
  },
  'portfolio.pendingValuations': { allowed: ['admin', 'government', 'gp', 'fof'] },
  'portfolio.companyOptions': { allowed: ['gp', 'fof'], input: () => ({ q: '上海' }) },
  'performance.funds': { allowed: ['admin', 'government', 'gp', 'fof'] },
  'performance.fund': {
    allowed: ['admin', 'government', 'gp', 'fof'],
    input: (fx) => ({ fundId: fx.gpFundId, asOf: '2025-12-31' }),
    scoped: [{ who: 'gp', input: (fx) => ({ fundId: fx.otherSubFundId }) }],
  },
  'performance.lookThrough': {
    allowed: ['admin', 'government', 'gp', 'fof'],
    input: (fx) => ({ fundId: fx.gpFundId, asOf: '2025-12-31' }),
    scoped: [{ who: 'gp', input: (fx) => ({ fundId: fx.motherFundId }) }],
  },
  'performance.exportXlsx': {
    allowed: ['admin', 'government', 'gp', 'fof'],
    input: (fx) => ({ fundId: fx.gpFundId, asOf: '2025-12-31', locale: 'zh-CN' }),
    scoped: [{ who: 'gp', input: (fx) => ({ fundId: fx.otherSubFundId, locale: 'zh-CN' }) }],
  },
  'lp.portal': { allowed: ['lp'], input: () => ({ asOf: '2025-12-31' }) },
  'lp.statementQuarters': { allowed: ['lp'] },
  'lp.statement': {
    allowed: ['lp'],
    input: () => ({ quarter: '2025Q4' }),
    scoped: [{ who: 'lp', input: (fx) => ({ quarter: '2025Q4', fundId: fx.otherSubFundId }) }],
  },
  'lp.statementXlsx': {
    allowed: ['lp'],
    input: () => ({ quarter: '2025Q4' }),
    scoped: [{ who: 'lp', input: (fx) => ({ quarter: '2025Q4', fundId: fx.otherSubFundId }) }],
  },
  'fund.detail': {
    allowed: ['admin', 'government', 'gp', 'fof'],
    input: (fx) => ({ id: fx.gpFundId, asOf: '2026-10-31' }),
    scoped: [{ who: 'gp', input: (fx) => ({ id: fx.otherSubFundId }) }],
  },
  'fund.entries': {
    allowed: ['admin', 'government', 'gp', 'fof'],
    input: (fx) => ({ id: fx.gpFundId, limit: 20 }),
    scoped: [{ who: 'gp', input: (fx) => ({ id: fx.otherSubFundId, limit: 20 }) }],
  },
  'benchmark.list': { allowed: ['admin', 'government', 'gp', 'fof'] },
  'benchmark.import': {
    allowed: ['admin'],
    input: () => ({ code: 'STAR50', nameZh: '科创50', nameEn: 'STAR 50', source: '测试 test', rows: [{ date: '2026-10-30', level: 1050.2 }] }),
  },
  'fund.statementIssues': {
    allowed: ['admin', 'government', 'gp', 'fof'],
    input: (fx) => ({ id: fx.gpFundId }),
    scoped: [{ who: 'gp', input: (fx) => ({ id: fx.otherSubFundId }) }],
  },
  'fund.get': { allowed: ['admin', 'fof'], input: (fx) => ({ id: fx.gpFundId }) },
  'fund.formOptions': { allowed: ['admin', 'fof'] },
  'fund.investorOptions': { allowed: ['gp', 'fof'] },
  'fund.create': { allowed: ['admin', 'fof'], input: () => NEW_FUND },
  'fund.update': { allowed: ['admin', 'fof'], input: (fx) => ({ id: fx.gpFundId, nameEn: 'Shanghai Zhangjiang AI Chip Venture Fund I' }) },
  'ledger.release': {
    allowed: ['gp', 'fof'],
    input: (fx) => ({ fundId: fx.gpFundId, investorId: fx.lpInvestorId, date: '2026-11-10', amountFen: 100_000_000, reason: '出资人违约，释放其未缴出资' }),
    scoped: [
      { who: 'gp', input: (fx) => ({ fundId: fx.otherSubFundId, investorId: fx.lpInvestorId, date: '2026-11-10', amountFen: 100_000_000, reason: 'x' }) },
    ],
  },
  'ledger.commit': {
    allowed: ['gp', 'fof'],
    input: (fx) => ({ fundId: fx.gpFundId, date: '2026-10-30', isClose: true, lines: [{ investorId: fx.lpInvestorId, amountFen: 100_000_000_00 }] }),
    scoped: [
      {
        who: 'gp',
        input: (fx) => ({ fundId: fx.otherSubFundId, date: '2026-10-30', isClose: true, lines: [{ investorId: fx.lpInvestorId, amountFen: 100_000_00 }] }),
      },
    ],
  },
  'ledger.capitalCall': {
    allowed: ['gp'],
    input: (fx) => ({ fundId: fx.gpFundId, noticeDate: '2026-11-02', dueDate: '2026-11-17', totalFen: 50_000_000_00, purpose: '第N期出资' }),
    scoped: [{ who: 'fof', input: (fx) => ({ fundId: fx.gpFundId, noticeDate: '2026-11-02', dueDate: '2026-11-17', totalFen: 50_000_000_00 }) }],
  },
  'ledger.contribute': {
    allowed: ['gp'],
    input: (fx) => ({
      callId: fx.outstanding.callId,
      date: '2026-11-05',
      lines: [{ investorId: fx.outstanding.investorId, amountFen: fx.outstanding.amountFen }],
    }),
  },
  'ledger.distribute': {
    allowed: ['gp'],
    input: (fx) => ({ fundId: fx.gpFundId, date: '2026-10-31', totalFen: 10_000_000_00, memo: '项目退出分配' }),
    scoped: [{ who: 'gp', input: (fx) => ({ fundId: fx.otherSubFundId, date: '2026-10-31', totalFen: 10_000_00 }) }],
  },
  'ledger.fee': { allowed: ['gp'], input: (fx) => ({ fundId: fx.gpFundId, date: '2026-10-31', totalFen: 1_000_000_00 }) },
  'ledger.reverse': { allowed: ['gp'], input: (fx) => ({ entryId: fx.feeEntryId, reason: '管理费计算有误' }) },
  'ledger.issueStatements': {
    allowed: ['gp'],
    input: (fx) => ({ fundId: fx.gpFundId, quarter: '2025Q2' }),
    scoped: [{ who: 'gp', input: (fx) => ({ fundId: fx.otherSubFundId, quarter: '2025Q2' }) }],
  },
  'ledger.nav': { allowed: ['gp'], input: (fx) => ({ fundId: fx.gpFundId, date: '2026-09-30', navFen: 4_200_000_000_00, source: '季度报告' }) },
  'ledger.evidence': {
    allowed: ['gp'],
    input: (fx) => ({ fundId: fx.gpFundId, companyId: fx.companyId, evidence: 'subsidiary', effectiveDate: '2026-06-30', note: '设立上海子公司' }),
  },
  'ledger.createInvestor': {
    allowed: ['gp', 'fof'],
    input: () => ({ nameZh: '沪星创业投资有限公司', nameEn: 'Huxing Venture Capital Co., Ltd.', sourceType: 'private' }),
  },
  // The plan's scoreboard (issue 6): group readers read; administrators edit programmes and the subsidy
  // schedule; managers keep their firms' records; the mother fund's managers review designations.
  'programme.list': { allowed: ['admin', 'government', 'fof'] },
  'programme.create': {
    allowed: ['admin'],
    input: () => ({ code: 'SH-AI-2027', nameZh: '2027–2029 年目标', nameEn: 'Targets 2027–2029', startDate: '2027-01-01', endDate: '2029-12-31' }),
  },
  'programme.update': {
    allowed: ['admin'],
    input: () => ({
      id: 1,
      code: 'SH-AI-2019',
      nameZh: '行动方案（2019-2021年）',
      nameEn: 'Action Plan 2019–2021',
      startDate: '2019-01-01',
      endDate: '2021-12-31',
    }),
  },
  'programme.setTarget': { allowed: ['admin'], input: () => ({ programmeId: 1, metric: 'star_listings', targetValue: 6, note: '领导小组决定' }) },
  'programme.removeTarget': { allowed: ['admin'], input: () => ({ programmeId: 1, metric: 'star_listings' }) },
  'scoreboard.view': { allowed: ['admin', 'government', 'fof'], input: () => ({ asOf: '2026-10-31' }) },
  'scoreboard.drill': { allowed: ['admin', 'government', 'fof'], input: () => ({ programmeId: 2, metric: 'output_value', asOf: '2026-10-31' }) },
  'scoreboard.exportXlsx': { allowed: ['admin', 'government', 'fof'], input: () => ({ asOf: '2026-10-31' }) },
  'scoreboard.firmOptions': { allowed: ['gp', 'fof'], input: () => ({ q: '上海', date: '2026-10-31' }) },
  'designation.list': { allowed: ['admin', 'government', 'gp', 'fof'], input: () => ({ asOf: '2026-10-31' }) },
  'designation.nominate': {
    allowed: ['gp', 'fof'],
    input: (fx) => ({ companyId: fx.plan.firmId, level: 'benchmark', date: '2026-11-01', criteria: ['focus_sector'], evidence: '审计报告与专利清单' }),
    scoped: [
      {
        who: 'gp',
        input: (fx) => ({ companyId: fx.otherCompanyId, level: 'benchmark', date: '2026-11-01', criteria: ['focus_sector'], evidence: '审计报告' }),
      },
    ],
  },
  'designation.review': { allowed: ['fof'], input: (fx) => ({ id: fx.plan.nominationId, decision: 'approved', date: '2026-11-02' }) },
  'designation.revoke': { allowed: ['fof'], input: (fx) => ({ id: fx.plan.designationId, date: '2026-11-02', reason: '不再符合认定条件' }) },
  'listing.board': { allowed: ['admin', 'government', 'gp', 'fof'], input: () => ({ asOf: '2026-10-31' }) },
  'listing.detail': { allowed: ['admin', 'government', 'fof'], input: (fx) => ({ id: fx.plan.attemptId }) },
  'listing.open': {
    allowed: ['gp', 'fof'],
    input: (fx) => ({ companyId: fx.plan.firmId, date: '2026-11-01', sponsor: '浦江证券股份有限公司', listingStandard: 1, plannedRaiseFen: 50_000_000_000 }),
    scoped: [
      {
        who: 'gp',
        input: (fx) => ({ companyId: fx.otherCompanyId, date: '2026-11-01', sponsor: '浦江证券', listingStandard: 1, plannedRaiseFen: 50_000_000_000 }),
      },
    ],
  },
  'listing.update': {
    allowed: ['fof'],
    input: (fx) => ({
      id: fx.plan.attemptId,
      sponsor: '沪东证券承销保荐有限公司',
      listingStandard: 2,
      plannedRaiseFen: 80_000_000_000,
      expectedMarketValueFen: 500_000_000_000,
    }),
  },
  'listing.record': { allowed: ['fof'], input: (fx) => ({ attemptId: fx.plan.attemptId, kind: 'terminated', date: '2026-11-02', note: '发行人撤回申请' }) },
  'listing.undo': { allowed: ['fof'], input: (fx) => ({ attemptId: fx.plan.attemptId, reason: '误录' }) },
  'support.list': { allowed: ['admin', 'government', 'gp', 'fof'], input: () => ({ asOf: '2026-10-31' }) },
  'support.totals': { allowed: ['admin', 'government', 'gp', 'fof'], input: () => ({ by: 'fund', asOf: '2026-10-31' }) },
  'support.create': {
    allowed: ['gp', 'fof'],
    input: (fx) => ({
      kind: 'innovation_voucher',
      companyId: fx.plan.firmId,
      title: '科技创新券',
      appliedOn: '2026-11-01',
      basisFen: 300_000_000,
      appliedFen: 150_000_000,
    }),
    scoped: [
      {
        who: 'gp',
        input: (fx) => ({
          kind: 'innovation_voucher',
          companyId: fx.otherCompanyId,
          title: '科技创新券',
          appliedOn: '2026-11-01',
          basisFen: 300_000_000,
          appliedFen: 1_000_000,
        }),
      },
    ],
  },
  'support.decide': { allowed: ['fof'], input: (fx) => ({ id: fx.plan.appliedSupportId, decision: 'rejected', date: '2026-11-02', note: '不符合支持条件' }) },
  'support.pay': { allowed: ['fof'], input: (fx) => ({ id: fx.plan.approvedSupportId, date: '2026-11-02', paidFen: 1_000_000 }) },
  'support.consulting': { allowed: ['admin', 'government', 'gp', 'fof'], input: () => ({ asOf: '2026-10-31' }) },
  'support.addConsulting': {
    allowed: ['gp', 'fof'],
    input: (fx) => ({ companyId: fx.plan.firmId, date: '2026-11-01', provider: '科创板企业培育服务', topic: '科创属性评价', hours: 3 }),
    scoped: [{ who: 'gp', input: (fx) => ({ companyId: fx.otherCompanyId, date: '2026-11-01', provider: '服务机构', topic: '辅导' }) }],
  },
  'support.schedule': { allowed: ['admin', 'government', 'gp', 'fof'] },
  'support.setSchedule': { allowed: ['admin'], input: () => ({ entries: [{ milestone: 'accepted', amountFen: 120_000_000, note: '2027年起执行' }] }) },
};
