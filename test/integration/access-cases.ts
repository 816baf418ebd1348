import type { Db } from '@highland/drizzle';
import { company, deal, fund, investor, savedView, user } from '@highland/drizzle';
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { freshUscc } from './helpers/pipeline.js';

/** Who calls: no session, or one of the demo accounts. */
export const IDENTITIES = ['anonymous', 'admin', 'government', 'gp', 'fof', 'lp'] as const;
export type Identity = (typeof IDENTITIES)[number];
export const EMAIL: Record<Exclude<Identity, 'anonymous'>, string> = {
  admin: 'admin@demo.highland',
  government: 'gov@demo.highland',
  gp: 'gp@demo.highland',
  fof: 'fof@demo.highland',
  lp: 'lp@demo.highland',
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
  /** A company with a deal in SF-01, and one with deals only in other funds. */
  companyId: number;
  otherCompanyId: number;
  /** A company not (yet) in SF-01's pipeline. */
  freeCompanyId: number;
  /** A duplicate of companyId without a credit code and without deals (for the merge). */
  duplicateCompanyId: number;
  /** gp's saved view. */
  gpViewId: number;
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
  const otherCompany = (
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
  return {
    motherFundId: await byCode('MF'),
    gpFundId,
    otherSubFundId,
    lpInvestorId: lp,
    otherInvestorId: other,
    govUserId: gov,
    gpDealId: gpDeal?.id ?? -1,
    gpDealVersion: gpDeal?.version ?? -1,
    otherDealId: otherDeal?.id ?? -1,
    companyId: gpDeal?.companyId ?? -1,
    otherCompanyId: otherCompany?.id ?? -1,
    freeCompanyId: free?.id ?? -1,
    duplicateCompanyId: dup?.id ?? -1,
    gpViewId: view?.id ?? -1,
  };
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
  'auth.signOut': { allowed: signedIn },
  'auth.changePassword': { allowed: signedIn, input: () => ({ currentPassword: 'demo-highland-2026', newPassword: 'a-new-password-2027' }) },
  'auth.setLocale': { allowed: signedIn, input: () => ({ locale: 'en' }) },
  'user.list': { allowed: ['admin'] },
  'user.formOptions': { allowed: ['admin'] },
  'user.create': {
    allowed: ['admin'],
    input: () => ({ email: 'new.reviewer@demo.highland', name: '新审查员', role: 'government', fundIds: [], investorId: null }),
  },
  'user.update': { allowed: ['admin'], input: (fx) => ({ id: fx.govUserId, name: '李静' }) },
  'user.resetPassword': { allowed: ['admin'], input: (fx) => ({ id: fx.govUserId }) },
  'audit.list': { allowed: ['admin', 'government'], input: () => ({ limit: 10 }) },
  'audit.facets': { allowed: ['admin', 'government'] },
  'group.overview': { allowed: ['admin', 'government', 'fof'], input: () => ({ asOf: '2025-12-31' }) },
  'group.funds': { allowed: ['admin', 'government', 'gp', 'fof'], input: () => ({ asOf: '2025-12-31' }) },
  'group.portfolio': { allowed: ['lp'], input: () => ({ asOf: '2025-12-31' }) },

  'company.list': { allowed: pipelineReaders, input: () => ({ limit: 20 }) },
  'company.get': { allowed: pipelineReaders, input: (fx) => ({ id: fx.companyId }) },
  'company.search': { allowed: pipelineReaders, input: () => ({ q: '上海' }) },
  'company.duplicates': { allowed: ['gp', 'fof'], input: () => ({ nameZh: '上海测试智能科技有限公司' }) },
  'company.create': { allowed: ['gp', 'fof'], input: () => newCompany(1) },
  'company.update': {
    allowed: ['gp', 'fof'],
    input: (fx) => ({ id: fx.companyId, headcount: 99 }),
    scoped: [{ who: 'gp', input: (fx) => ({ id: fx.otherCompanyId, headcount: 99 }) }],
  },
  'company.merge': { allowed: ['gp', 'fof'], input: (fx) => ({ fromId: fx.duplicateCompanyId, intoId: fx.companyId }) },

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
};
