import type { Db } from '@highland/drizzle';
import { fund, investor, user } from '@highland/drizzle';
import { eq, sql } from 'drizzle-orm';
import { loadPlanFixture, type PlanFixture } from './plan-fixture.js';

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
  /** A company SF-01 still holds (more than 1% of it), and its credit code. */
  gpCompanyId: number;
  gpCompanyUscc: string;
  /** A company held by SF-02 and never by SF-01. */
  otherCompanyId: number;
  /** A mark of SF-01 waiting for review (entered by gp@). */
  pendingValuationId: number;
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
  const [held] = await db.all<{ id: number; uscc: string }>(sql`
    SELECT c.id, c.uscc FROM company c JOIN investment i ON i.company_id = c.id
    WHERE i.fund_id = ${gpFundId} AND NOT EXISTS (SELECT 1 FROM investment_exit x WHERE x.fund_id = i.fund_id AND x.company_id = c.id)
    GROUP BY c.id HAVING SUM(i.equity_share) > 0.01 ORDER BY c.id LIMIT 1`);
  const [otherCompany] = await db.all<{ id: number }>(sql`
    SELECT company_id AS id FROM investment WHERE fund_id = ${otherSubFundId}
      AND company_id NOT IN (SELECT company_id FROM investment WHERE fund_id = ${gpFundId}) ORDER BY id LIMIT 1`);
  const [pending] = await db.all<{ id: number }>(sql`SELECT id FROM valuation WHERE fund_id = ${gpFundId} AND status = 'pending' ORDER BY id LIMIT 1`);
  return {
    gpCompanyId: held?.id ?? -1,
    gpCompanyUscc: held?.uscc ?? '',
    otherCompanyId: otherCompany?.id ?? -1,
    pendingValuationId: pending?.id ?? -1,
    motherFundId: await byCode('MF'),
    gpFundId: await byCode('SF-01'),
    otherSubFundId: await byCode('SF-02'),
    lpInvestorId: lp,
    otherInvestorId: other,
    govUserId: gov,
    plan: await loadPlanFixture(db, gpFundId),
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
  'portfolio.addValuation': {
    allowed: ['gp'],
    input: (fx) => ({ fundId: fx.gpFundId, companyId: fx.gpCompanyId, date: '2026-10-31', valueFen: 10_000_000_000, method: 'dcf', basis: 'DCF, WACC 13%' }),
    scoped: [
      { who: 'gp', input: (fx) => ({ fundId: fx.otherSubFundId, companyId: fx.otherCompanyId, date: '2026-10-31', valueFen: 1, method: 'dcf', basis: 'x' }) },
    ],
  },
  'portfolio.reviewValuation': { allowed: ['fof'], input: (fx) => ({ id: fx.pendingValuationId, decision: 'approved' }) },
  'portfolio.addNavStatement': {
    allowed: ['gp'],
    input: (fx) => ({ fundId: fx.gpFundId, date: '2026-10-31', navFen: 300_000_000_000, source: 'GP report' }),
    scoped: [{ who: 'gp', input: (fx) => ({ fundId: fx.otherSubFundId, date: '2026-10-31', navFen: 1, source: 'GP report' }) }],
  },
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
  'lp.portal': { allowed: ['lp'], input: () => ({ asOf: '2025-12-31' }) },
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
