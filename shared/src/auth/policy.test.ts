import { describe, expect, it } from 'vitest';
import {
  AREAS,
  type Area,
  canAdminister,
  canCall,
  canCommitToFund,
  canEditFund,
  canEditFunds,
  canReadFund,
  canReadInvestor,
  canReviewDesignations,
  canRefer,
  canReviewFund,
  canSee,
  canSignOff,
  canSeeInvestor,
  canWriteFund,
  canWritePlan,
  hasRight,
  homePath,
  type InvestorFacts,
  type Principal,
  passwordChangePending,
  RIGHT_ROLES,
  RIGHTS,
  readsAllFirms,
  readsEveryFund,
  readsGroup,
  writesBooks,
} from './policy.js';

/**
 * Every predicate against every kind of principal, each answer written out. The fund group below: the
 * mother fund MF (1) with its direct-investment vehicle DV (2) and two sub-funds SF-01 (10) and SF-02 (11);
 * a fund's path is its id then its ancestors' (parent first).
 */
const MF = [1];
const DV = [2, 1];
const SF01 = [10, 1];
const SF02 = [11, 1];

const PRINCIPALS = {
  admin: { role: 'admin', investorId: null, managedFundIds: [], managesMotherFund: false, mustChangePassword: false },
  government: { role: 'government', investorId: null, managedFundIds: [], managesMotherFund: false, mustChangePassword: false },
  motherManager: { role: 'manager', investorId: null, managedFundIds: [1, 2], managesMotherFund: true, mustChangePassword: false },
  subManager: { role: 'manager', investorId: null, managedFundIds: [10], managesMotherFund: false, mustChangePassword: false },
  lp: { role: 'lp', investorId: 100, managedFundIds: [], managesMotherFund: false, mustChangePassword: false },
  lpWithoutInvestor: { role: 'lp', investorId: null, managedFundIds: [], managesMotherFund: false, mustChangePassword: false },
} satisfies Record<string, Principal>;
type Who = keyof typeof PRINCIPALS;
const WHO = Object.keys(PRINCIPALS) as Who[];

/** The LP's investor (100) is in SF-01 and another fund (12). */
const LP_FUNDS = [10, 12];

interface Row {
  scenario: string;
  answer: (p: Principal) => unknown;
  expected: Record<Who, unknown>;
}

const all = (v: unknown): Record<Who, unknown> => Object.fromEntries(WHO.map((w) => [w, v])) as Record<Who, unknown>;

const ROWS: Row[] = [
  {
    scenario: 'reads group-wide figures (overview, scoreboard, programmes)',
    answer: readsGroup,
    expected: { admin: true, government: true, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'creates and edits funds',
    answer: canEditFunds,
    expected: { admin: true, government: false, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'edits the settings of a sub-fund (SF-02)',
    answer: (p) => canEditFund(p, SF02),
    expected: { admin: true, government: false, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'edits the settings of its own sub-fund (SF-01): only the mother fund sets a sub-fund up',
    answer: (p) => canEditFund(p, SF01),
    expected: { admin: true, government: false, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'reads every fund, wherever it sits in the group',
    answer: readsEveryFund,
    expected: { admin: true, government: true, motherManager: false, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'reads the mother fund',
    answer: (p) => canReadFund(p, MF, LP_FUNDS),
    expected: { admin: true, government: true, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'reads the direct-investment vehicle',
    answer: (p) => canReadFund(p, DV, LP_FUNDS),
    expected: { admin: true, government: true, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'reads SF-01 (the sub-manager’s fund, the LP is in it)',
    answer: (p) => canReadFund(p, SF01, LP_FUNDS),
    expected: { admin: true, government: true, motherManager: true, subManager: true, lp: true, lpWithoutInvestor: false },
  },
  {
    scenario: 'reads SF-02 (nobody’s own but the mother fund’s)',
    answer: (p) => canReadFund(p, SF02, LP_FUNDS),
    expected: { admin: true, government: true, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'writes the books of SF-01: its own managers only (not the mother fund’s)',
    answer: (p) => canWriteFund(p, 10),
    expected: { admin: false, government: false, motherManager: false, subManager: true, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'writes the books of the mother fund',
    answer: (p) => canWriteFund(p, 1),
    expected: { admin: false, government: false, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'writes the books of SF-02',
    answer: (p) => canWriteFund(p, 11),
    expected: { admin: false, government: false, motherManager: false, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'records commitments to SF-01 (its managers, and the mother fund’s for the funds below it)',
    answer: (p) => canCommitToFund(p, SF01),
    expected: { admin: false, government: false, motherManager: true, subManager: true, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'records commitments to SF-02',
    answer: (p) => canCommitToFund(p, SF02),
    expected: { admin: false, government: false, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'records commitments to a fund of no path (unknown fund)',
    answer: (p) => canCommitToFund(p, []),
    expected: all(false),
  },
  {
    scenario: 'reviews SF-01’s marks (its managers and the mother fund’s)',
    answer: (p) => canReviewFund(p, SF01),
    expected: { admin: false, government: false, motherManager: true, subManager: true, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'reviews SF-02’s marks',
    answer: (p) => canReviewFund(p, SF02),
    expected: { admin: false, government: false, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'manages a fund, so writes books (imports deals)',
    answer: writesBooks,
    expected: { admin: false, government: false, motherManager: true, subManager: true, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'keeps plan records (designations, listings, support)',
    answer: canWritePlan,
    expected: { admin: false, government: false, motherManager: true, subManager: true, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'reads every firm’s plan records',
    answer: readsAllFirms,
    expected: { admin: true, government: true, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'reviews and revokes designations',
    answer: canReviewDesignations,
    expected: { admin: false, government: false, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'reads investor 100 (the LP’s own)',
    answer: (p) => canReadInvestor(p, 100),
    expected: { admin: true, government: true, motherManager: true, subManager: true, lp: true, lpWithoutInvestor: false },
  },
  {
    scenario: 'reads investor 200 (another)',
    answer: (p) => canReadInvestor(p, 200),
    expected: { admin: true, government: true, motherManager: true, subManager: true, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'administers accounts, programmes and index levels',
    answer: canAdminister,
    expected: { admin: true, government: false, motherManager: false, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'lands after signing in on',
    answer: homePath,
    expected: {
      admin: '/admin/users',
      government: '/overview',
      motherManager: '/overview',
      subManager: '/funds',
      lp: '/portfolio',
      lpWithoutInvestor: '/portfolio',
    },
  },
  {
    scenario: 'has a password change pending',
    answer: passwordChangePending,
    expected: all(false),
  },
  {
    scenario: 'calls fund.detail (the procedure gate itself lets everyone through; the procedure scopes)',
    answer: (p) => canCall(p, 'fund.detail'),
    expected: all(true),
  },
];

/** Investors as the server describes them to canSeeInvestor. */
const investor = (over: Partial<InvestorFacts>): InvestorFacts => ({ id: 300, isGroupFund: false, inReadableFund: false, createdByTeam: false, ...over });
const INVESTOR_ROWS: Row[] = [
  {
    scenario: 'sees the name of an investor in no fund it reads, not created by its team',
    answer: (p) => canSeeInvestor(p, investor({})),
    expected: { admin: true, government: true, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'sees the name of an investor committed to a fund it reads',
    answer: (p) => canSeeInvestor(p, investor({ inReadableFund: true })),
    expected: { admin: true, government: true, motherManager: true, subManager: true, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'sees the name of an investor its team created (not committed yet)',
    answer: (p) => canSeeInvestor(p, investor({ createdByTeam: true })),
    expected: { admin: true, government: true, motherManager: true, subManager: true, lp: false, lpWithoutInvestor: false },
  },
  {
    scenario: 'sees the name of an investor that is a fund of the group (the mother fund)',
    answer: (p) => canSeeInvestor(p, investor({ isGroupFund: true })),
    expected: all(true),
  },
  {
    scenario: 'sees the name of investor 100 (the LP’s own)',
    answer: (p) => canSeeInvestor(p, investor({ id: 100 })),
    expected: { admin: true, government: true, motherManager: true, subManager: false, lp: true, lpWithoutInvestor: false },
  },
];

/** Which areas of the app each principal opens (a navigation entry and a route guard each). */
const AREA_ROWS: Record<Area, Record<Who, boolean>> = {
  overview: { admin: true, government: true, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  funds: { admin: true, government: true, motherManager: true, subManager: true, lp: false, lpWithoutInvestor: false },
  performance: { admin: true, government: true, motherManager: true, subManager: true, lp: false, lpWithoutInvestor: false },
  portfolio: { admin: false, government: false, motherManager: false, subManager: false, lp: true, lpWithoutInvestor: true },
  pipeline: { admin: true, government: true, motherManager: true, subManager: true, lp: false, lpWithoutInvestor: false },
  companies: { admin: true, government: true, motherManager: true, subManager: true, lp: false, lpWithoutInvestor: false },
  selection: { admin: true, government: true, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  overlap: { admin: true, government: true, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  scoreboard: { admin: true, government: true, motherManager: true, subManager: false, lp: false, lpWithoutInvestor: false },
  designations: { admin: true, government: true, motherManager: true, subManager: true, lp: false, lpWithoutInvestor: false },
  listings: { admin: true, government: true, motherManager: true, subManager: true, lp: false, lpWithoutInvestor: false },
  support: { admin: true, government: true, motherManager: true, subManager: true, lp: false, lpWithoutInvestor: false },
  users: { admin: true, government: false, motherManager: false, subManager: false, lp: false, lpWithoutInvestor: false },
  programmes: { admin: true, government: false, motherManager: false, subManager: false, lp: false, lpWithoutInvestor: false },
  benchmarks: { admin: true, government: false, motherManager: false, subManager: false, lp: false, lpWithoutInvestor: false },
  audit: { admin: true, government: true, motherManager: false, subManager: false, lp: false, lpWithoutInvestor: false },
};

describe('every predicate × every kind of principal', () => {
  for (const row of [...ROWS, ...INVESTOR_ROWS]) {
    describe(row.scenario, () => {
      for (const who of WHO) {
        it(who, () => {
          expect(row.answer(PRINCIPALS[who])).toEqual(row.expected[who]);
        });
      }
    });
  }
});

describe('who opens which area of the app', () => {
  it('the table names every area', () => {
    expect(Object.keys(AREA_ROWS).sort()).toEqual([...AREAS].sort());
  });
  for (const area of AREAS) {
    describe(area, () => {
      for (const who of WHO) {
        it(who, () => {
          expect(canSee(PRINCIPALS[who], area)).toBe(AREA_ROWS[area][who]);
        });
      }
    });
  }
  it('every principal can open the area it lands on (or its own account page)', () => {
    const areaOf: Record<string, Area> = { '/overview': 'overview', '/funds': 'funds', '/portfolio': 'portfolio', '/admin/users': 'users' };
    expect(WHO.filter((w) => !canSee(PRINCIPALS[w], areaOf[homePath(PRINCIPALS[w])] as Area))).toEqual([]);
  });
});

describe('a password that must be changed shuts everything but the account', () => {
  for (const who of WHO) {
    const pending: Principal = { ...PRINCIPALS[who], mustChangePassword: true };
    it(`${who}: no area, lands on the account page`, () => {
      expect({ areas: AREAS.filter((a) => canSee(pending, a)), home: homePath(pending), pending: passwordChangePending(pending) }).toEqual({
        areas: [],
        home: '/account',
        pending: true,
      });
    });
    it(`${who}: may call only auth.me, auth.changePassword and auth.signOut`, () => {
      const paths = ['auth.me', 'auth.changePassword', 'auth.signOut', 'auth.setLocale', 'fund.detail', 'user.list', 'lp.portal', 'ledger.commit'];
      expect(paths.filter((path) => canCall(pending, path))).toEqual(['auth.me', 'auth.changePassword', 'auth.signOut']);
    });
  }
  it('a principal without the flag (an older client’s shape) is not pending', () => {
    const { mustChangePassword: _, ...older } = PRINCIPALS.subManager;
    expect({ pending: passwordChangePending(older), call: canCall(older, 'fund.detail') }).toEqual({ pending: false, call: true });
  });
});

describe('rights granted on top of a role (ADR 046)', () => {
  const reviewer = PRINCIPALS.government;
  const signer: Principal = { ...reviewer, rights: ['signOff'] };
  const referrer: Principal = { ...reviewer, rights: ['refer'] };

  it('signs off only a reviewer holding the signOff right', () => {
    expect(canSignOff(reviewer)).toBe(false);
    expect(canSignOff(signer)).toBe(true);
    expect(canSignOff(referrer)).toBe(false);
    // A right recorded on a role it may not be granted to gives nothing.
    expect(canSignOff({ ...PRINCIPALS.motherManager, rights: ['signOff'] })).toBe(false);
    expect(canSignOff({ ...PRINCIPALS.admin, rights: ['signOff'] })).toBe(false);
    expect(canSignOff({ ...signer, mustChangePassword: true })).toBe(false);
  });

  it('refers firms: a reviewer holding the refer right, or a manager of the mother fund', () => {
    expect(canRefer(reviewer)).toBe(false);
    expect(canRefer(referrer)).toBe(true);
    expect(canRefer(signer)).toBe(false);
    expect(canRefer(PRINCIPALS.motherManager)).toBe(true);
    expect(canRefer(PRINCIPALS.subManager)).toBe(false);
    expect(canRefer({ ...PRINCIPALS.lp, rights: ['refer'] })).toBe(false);
    expect(canRefer({ ...referrer, mustChangePassword: true })).toBe(false);
  });

  it('reads a right only where RIGHT_ROLES allows it', () => {
    for (const r of RIGHTS) for (const role of RIGHT_ROLES[r]) expect(hasRight({ ...reviewer, role, rights: [r] }, r)).toBe(true);
    expect(hasRight(reviewer, 'signOff')).toBe(false);
  });
});
