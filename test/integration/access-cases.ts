import type { Db } from '@highland/drizzle';
import { fund, investor, user } from '@highland/drizzle';
import { eq } from 'drizzle-orm';

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
}

export async function loadFixture(db: Db): Promise<Fixture> {
  const byCode = async (code: string) => (await db.select({ id: fund.id }).from(fund).where(eq(fund.code, code)))[0]?.id ?? -1;
  const lp = (await db.select({ investorId: user.investorId }).from(user).where(eq(user.email, EMAIL.lp)))[0]?.investorId ?? -1;
  const other = (await db.select({ id: investor.id }).from(investor).where(eq(investor.nameZh, '上海市财政局')))[0]?.id ?? -1;
  const gov = (await db.select({ id: user.id }).from(user).where(eq(user.email, EMAIL.government)))[0]?.id ?? -1;
  return {
    motherFundId: await byCode('MF'),
    gpFundId: await byCode('SF-01'),
    otherSubFundId: await byCode('SF-02'),
    lpInvestorId: lp,
    otherInvestorId: other,
    govUserId: gov,
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
  'group.portfolio': { allowed: ['lp'], input: () => ({ asOf: '2025-12-31' }) },
};
