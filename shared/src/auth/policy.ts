import type { Role } from './roles.js';

/**
 * Who may see and do what: the one source of the rules (docs/domain.md, "Who uses it"; ADR 044). The
 * server's auth layer (server/src/auth/scope.ts, the procedure gates of server/src/trpc.ts) enforces these
 * predicates; the web's navigation, route guards and buttons call the same ones. No other file decides on
 * a role by itself. policy.test.ts holds every predicate against every kind of principal.
 *
 * - admin: accounts and reference data; reads every fund and every area a reviewer reads (the audit trail
 *   holds every change anyway), edits no fund's books; creates and edits funds.
 * - government: reads everything, edits no fund's books.
 * - manager: reads the funds they manage and every fund below them; writes the books of the funds they
 *   manage; a manager of the mother fund also reads group-wide figures and records commitments and fund
 *   settings for the funds below it.
 * - lp: reads only its own investor's commitments and the funds it is in.
 * - anyone whose password must be changed (a new account, a reset): only the account page until it is
 *   changed; the server answers only `auth.me`, `auth.changePassword` and `auth.signOut`.
 *
 * Decisions where the web and the server used to disagree (ADR 044):
 * - The navigation shows exactly the areas `canSee` opens, so a page never hides what its route and the
 *   server allow: administrators see the pipeline, companies, selection and overlap (read only), as the
 *   server always let them; reviewers and administrators get the funds list (the server and the route
 *   always allowed it, only the navigation hid it).
 * - Selection and overlap are group-wide views: `readsGroup`, the same rule as the server's group check.
 * - A sub-fund manager sees the names of the investors in funds they read, of the group's own funds, and
 *   of the investors their funds' managers created; not every investor of the group (`canSeeInvestor`).
 */
export interface Principal {
  role: Role;
  /** For `lp`: the investor the account acts for. */
  investorId: number | null;
  /** For `manager`: the funds assigned to them. */
  managedFundIds: readonly number[];
  /** A manager of the mother fund. */
  managesMotherFund: boolean;
  /** A new or reset password not yet changed: nothing but the account page until it is. */
  mustChangePassword?: boolean;
  /** Rights granted to this account on top of its role (ADR 046); none when absent. */
  rights?: readonly Right[];
}

/**
 * Rights an administrator grants to one account on top of its role (ADR 046), so a duty is given to named
 * people rather than to a whole role:
 * - `signOff`: a government reviewer who signs off designations, selection decisions and policy-money
 *   grants (independent of the manager whose targets they count);
 * - `refer`: a government account of the plan's office that keeps the project pool and refers firms to
 *   the sub-funds.
 */
export const RIGHTS = ['signOff', 'refer'] as const;
export type Right = (typeof RIGHTS)[number];

/** Which roles a right may be granted to (a right on any other role is refused). */
export const RIGHT_ROLES: Record<Right, readonly Role[]> = {
  signOff: ['government'],
  refer: ['government'],
};

/** Whether `p` holds right `r` (only ever on a role the right may be granted to). */
export function hasRight(p: Principal, r: Right): boolean {
  return (p.rights ?? []).includes(r) && RIGHT_ROLES[r].includes(p.role);
}

/** The parts of the app a person can open; each is a navigation entry and a route guard. */
export const AREAS = [
  'overview',
  'funds',
  'performance',
  'portfolio',
  'pipeline',
  'companies',
  'selection',
  'overlap',
  'scoreboard',
  'designations',
  'listings',
  'support',
  'users',
  'programmes',
  'benchmarks',
  'audit',
] as const;
export type Area = (typeof AREAS)[number];

const isManager = (p: Principal): boolean => p.role === 'manager';
const isReviewer = (p: Principal): boolean => p.role === 'government';
const isAdmin = (p: Principal): boolean => p.role === 'admin';

/** The one-time password has not been changed yet. */
export function passwordChangePending(p: Principal): boolean {
  return p.mustChangePassword === true;
}

/** The procedures someone whose password must be changed may still call: who am I, change it, sign out. */
export const PASSWORD_CHANGE_PROCEDURES = ['auth.me', 'auth.changePassword', 'auth.signOut'] as const;

/**
 * Whether signed-in `p` may call the API procedure at `path` at all ('fund.detail'); finer rules are
 * checked by the procedure. Public procedures (`system.info`, `auth.signIn`) need no session and are
 * answered to anyone, so the server asks this only of the signed-in ones.
 */
export function canCall(p: Principal, path: string): boolean {
  return !passwordChangePending(p) || (PASSWORD_CHANGE_PROCEDURES as readonly string[]).includes(path);
}

/** Group-wide figures (every sub-fund's size, leverage, flags): reviewers, administrators, the mother fund's managers. */
export function readsGroup(p: Principal): boolean {
  return isAdmin(p) || isReviewer(p) || (isManager(p) && p.managesMotherFund);
}

/** Whether `p` may open an area of the app at all (what is inside is scoped further by the server). */
export function canSee(p: Principal, area: Area): boolean {
  if (passwordChangePending(p)) return false;
  switch (area) {
    case 'overview':
    case 'scoreboard':
      return readsGroup(p);
    case 'funds':
    case 'performance':
    case 'designations':
    case 'listings':
    case 'support':
      return p.role !== 'lp';
    case 'portfolio':
      return p.role === 'lp';
    case 'pipeline':
    case 'companies':
      return isManager(p) || isReviewer(p) || isAdmin(p);
    case 'selection':
    case 'overlap':
      return readsGroup(p);
    case 'users':
    case 'programmes':
    case 'benchmarks':
      return isAdmin(p);
    case 'audit':
      return isAdmin(p) || isReviewer(p);
  }
}

/** Funds (sub-funds and vehicles, their settings) are created and edited by administrators and the mother fund's managers. */
export function canEditFunds(p: Principal): boolean {
  return isAdmin(p) || (isManager(p) && p.managesMotherFund);
}

/** Every fund, whatever its place in the group: reviewers and administrators. */
export function readsEveryFund(p: Principal): boolean {
  return isAdmin(p) || isReviewer(p);
}

/**
 * One fund's settings are edited by an administrator, or by a manager of the mother fund for a fund it
 * reads (itself and every fund below it). `fundPath` as in canReadFund.
 */
export function canEditFund(p: Principal, fundPath: readonly number[]): boolean {
  return isAdmin(p) || (canEditFunds(p) && canReadFund(p, fundPath));
}

/**
 * A fund is read by reviewers and administrators; by a manager of it or of a fund above it; by an LP that
 * has committed to it. `fundPath` is the fund's id followed by its ancestors' ids (parent first);
 * `investorFundIds` the funds the LP's investor has committed to.
 */
export function canReadFund(p: Principal, fundPath: readonly number[], investorFundIds: readonly number[] = []): boolean {
  if (readsEveryFund(p)) return true;
  if (isManager(p)) return fundPath.some((id) => p.managedFundIds.includes(id));
  const fundId = fundPath[0];
  return p.role === 'lp' && p.investorId !== null && fundId !== undefined && investorFundIds.includes(fundId);
}

/** A fund's books (ledger, pipeline, portfolio, statements) are written by its own managers only. */
export function canWriteFund(p: Principal, fundId: number): boolean {
  return isManager(p) && p.managedFundIds.includes(fundId);
}

/**
 * Commitments to a fund are recorded by its managers, and by the mother fund's managers for the funds
 * below it (the mother fund commits to each sub-fund and runs the group's closes). `fundPath` as in canReadFund.
 */
export function canCommitToFund(p: Principal, fundPath: readonly number[]): boolean {
  const fundId = fundPath[0];
  if (fundId === undefined) return false;
  if (canWriteFund(p, fundId)) return true;
  return isManager(p) && p.managesMotherFund && fundPath.some((id) => p.managedFundIds.includes(id));
}

/** A fund's marks are reviewed by a manager of the fund or of a fund above it (the mother fund reviews its sub-funds' marks). */
export function canReviewFund(p: Principal, fundPath: readonly number[]): boolean {
  return isManager(p) && fundPath.some((id) => p.managedFundIds.includes(id));
}

/** Whether `p` manages any fund, so has books to write (deal imports, a fund's actions). */
export function writesBooks(p: Principal): boolean {
  return isManager(p) && p.managedFundIds.length > 0;
}

/** Plan records a fund manager keeps (designation proposals, listing attempts, policy support): managers. */
export function canWritePlan(p: Principal): boolean {
  return isManager(p);
}

/** Every portfolio firm's plan records (designations, listings, support) are read by group readers; a sub-fund's manager reads their own funds' firms. */
export function readsAllFirms(p: Principal): boolean {
  return readsGroup(p);
}

/** Signs off designations, selection decisions and policy-money grants: a reviewer holding the signOff right (ADR 046). */
export function canSignOff(p: Principal): boolean {
  return !passwordChangePending(p) && hasRight(p, 'signOff');
}

/** Keeps the project pool and refers firms to sub-funds: a reviewer holding the refer right, or a manager of the mother fund (ADR 046). */
export function canRefer(p: Principal): boolean {
  if (passwordChangePending(p)) return false;
  return hasRight(p, 'refer') || (isManager(p) && p.managesMotherFund);
}

/** Designations are reviewed and revoked by the mother fund's managers only (never by the nominator's fund). */
export function canReviewDesignations(p: Principal): boolean {
  return isManager(p) && p.managesMotherFund;
}

/** What the server knows about an investor when deciding whether `p` may see its name in a list. */
export interface InvestorFacts {
  id: number;
  /** The investor is one of the group's own funds (the mother fund committing to a sub-fund): its name is the fund's. */
  isGroupFund: boolean;
  /** It has committed to a fund `p` reads. */
  inReadableFund: boolean;
  /** It was created by `p` or by another manager of a fund `p` manages (a new LP not yet committed). */
  createdByTeam: boolean;
}

/**
 * Whose name `p` may see in an investor list (the commitment form's picker): group readers every
 * investor; a sub-fund's manager the investors of the funds they read, the group's own funds and the
 * investors their team created (not the whole group's LP list: another fund's LPs are that fund's
 * relationships, and individuals among them are personal data); an LP only itself and the group's funds.
 */
export function canSeeInvestor(p: Principal, investor: InvestorFacts): boolean {
  if (readsGroup(p)) return true;
  if (investor.isGroupFund) return true;
  if (isManager(p)) return investor.inReadableFund || investor.createdByTeam;
  return p.role === 'lp' && p.investorId === investor.id;
}

/**
 * An investor's own records by id (its portal, its statements): an LP only its own; managers, reviewers
 * and administrators any (what they see of it inside a fund is scoped by canReadFund). Lists of
 * investor names go through canSeeInvestor.
 */
export function canReadInvestor(p: Principal, investorId: number): boolean {
  return p.role !== 'lp' || p.investorId === investorId;
}

/** Accounts, roles, programmes and index levels: administrators. */
export function canAdminister(p: Principal): boolean {
  return isAdmin(p);
}

/** Where a person lands after signing in. */
export function homePath(p: Principal): string {
  if (passwordChangePending(p)) return '/account';
  switch (p.role) {
    case 'lp':
      return '/portfolio';
    case 'admin':
      return '/admin/users';
    case 'government':
      return '/overview';
    case 'manager':
      return p.managesMotherFund ? '/overview' : '/funds';
  }
}

/** The funds an actor may read: every fund, or these ids (the server resolves it once per request). */
export type FundScope = { all: true } | { all: false; ids: number[] };

/**
 * Whether the reader reviews the pending marks listed for them (web-a). The list is already scoped to the funds
 * the reader reads; for a manager reading a fund's marks and reviewing them go together (canReviewFund), so any
 * manager reviews what the list shows; reviewers and administrators only read it.
 */
export function reviewsListedMarks(p: Principal): boolean {
  return isManager(p);
}

/** The company register (new firms, their edits and merges) is kept by fund managers. */
export function canEditCompanies(p: Principal): boolean {
  return isManager(p);
}
