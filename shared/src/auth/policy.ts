import type { Role } from './roles.js';

/**
 * Who may see and do what: the one source of the rules (docs/domain.md, "Who uses it"). The server's
 * auth layer enforces these predicates; the web's navigation, route guards and buttons call the same
 * ones. No other file decides on a role by itself.
 *
 * - admin: accounts and reference data; reads every fund, edits no fund's books.
 * - government: reads everything, edits no fund's books.
 * - manager: reads the funds they manage and every fund below them; writes the books of the funds they
 *   manage; a manager of the mother fund also reads group-wide figures and records commitments and fund
 *   settings for the funds below it.
 * - lp: reads only its own investor's commitments and the funds it is in.
 */
export interface Principal {
  role: Role;
  /** For `lp`: the investor the account acts for. */
  investorId: number | null;
  /** For `manager`: the funds assigned to them. */
  managedFundIds: readonly number[];
  /** A manager of the mother fund. */
  managesMotherFund: boolean;
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

/** Group-wide figures (every sub-fund's size, leverage, flags): reviewers, administrators, the mother fund's managers. */
export function readsGroup(p: Principal): boolean {
  return isAdmin(p) || isReviewer(p) || (isManager(p) && p.managesMotherFund);
}

/** Whether `p` may open an area of the app at all (what is inside is scoped further by the server). */
export function canSee(p: Principal, area: Area): boolean {
  switch (area) {
    case 'overview':
    case 'scoreboard':
      return readsGroup(p);
    case 'funds':
      return p.role !== 'lp';
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
      return isReviewer(p) || (isManager(p) && p.managesMotherFund);
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

/**
 * A fund is read by reviewers and administrators; by a manager of it or of a fund above it; by an LP that
 * has committed to it. `fundPath` is the fund's id followed by its ancestors' ids (parent first);
 * `investorFundIds` the funds the LP's investor has committed to.
 */
export function canReadFund(p: Principal, fundPath: readonly number[], investorFundIds: readonly number[] = []): boolean {
  if (isAdmin(p) || isReviewer(p)) return true;
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

/** Plan records a fund manager keeps (designation proposals, listing attempts, policy support): managers. */
export function canWritePlan(p: Principal): boolean {
  return isManager(p);
}

/** An LP reads only its own investor; managers, reviewers and administrators read any. */
export function canReadInvestor(p: Principal, investorId: number): boolean {
  return p.role !== 'lp' || p.investorId === investorId;
}

/** Accounts, roles, programmes and index levels: administrators. */
export function canAdminister(p: Principal): boolean {
  return isAdmin(p);
}

/** Where a person lands after signing in. */
export function homePath(p: Principal): string {
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

/** The company register (new firms, their edits and merges) is kept by fund managers. */
export function canEditCompanies(p: Principal): boolean {
  return isManager(p);
}

/** Leader and benchmark designations are reviewed and revoked by the mother fund's managers. */
export function canReviewDesignations(p: Principal): boolean {
  return isManager(p) && p.managesMotherFund;
}
