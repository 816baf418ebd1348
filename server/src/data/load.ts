import {
  capitalCall,
  company,
  type DbOrTx,
  deal,
  designation,
  fund,
  investment,
  investmentExit,
  investor,
  ledgerEntry,
  listingAttempt,
  manager,
  policySupport,
  programme,
  programmeTarget,
  savedView,
  user,
  valuation,
} from '@highland/drizzle';
import { DomainError } from '@highland/shared';
import { and, eq } from 'drizzle-orm';
import { positionEvents } from './portfolio.js';

/**
 * The loaders: one row by id, or NOT_FOUND with a stable key (ADR 043). Every "no such row" of the data
 * layer is here, so a router can load a row before checking a permission on it (a missing row is
 * NOT_FOUND, never a skipped check). They take a database or a transaction: `read.db` or `write.tx`.
 */

function notFound(key: string, message: string, params: Record<string, string | number>): DomainError {
  return new DomainError('NOT_FOUND', key, message, { params });
}

export type FundRow = typeof fund.$inferSelect;
export type DealRow = typeof deal.$inferSelect;
export type CompanyRow = typeof company.$inferSelect;

export async function loadFund(db: DbOrTx, fundId: number): Promise<FundRow> {
  const [f] = await db.select().from(fund).where(eq(fund.id, fundId));
  if (!f) throw notFound('fund.notFound', `No fund with id ${fundId}.`, { fundId });
  return f;
}

/** A fund with its manager's names, for the performance pages. */
export async function loadFundInfo(db: DbOrTx, fundId: number) {
  const [f] = await db
    .select({
      id: fund.id,
      code: fund.code,
      nameZh: fund.nameZh,
      nameEn: fund.nameEn,
      kind: fund.kind,
      parentFundId: fund.parentFundId,
      isFundOfFunds: fund.isFundOfFunds,
      vintage: fund.vintage,
      status: fund.status,
      establishedDate: fund.establishedDate,
      managerZh: manager.nameZh,
      managerEn: manager.nameEn,
    })
    .from(fund)
    .leftJoin(manager, eq(manager.id, fund.managerId))
    .where(eq(fund.id, fundId));
  if (!f) throw notFound('fund.notFound', `No fund with id ${fundId}.`, { fundId });
  return f;
}

export async function loadCapitalCall(db: DbOrTx, callId: number) {
  const [c] = await db.select().from(capitalCall).where(eq(capitalCall.id, callId));
  if (!c) throw notFound('ledger.callNotFound', `No capital call with id ${callId}.`, { callId });
  return c;
}

export async function loadLedgerEntry(db: DbOrTx, entryId: number) {
  const [e] = await db.select().from(ledgerEntry).where(eq(ledgerEntry.id, entryId));
  if (!e) throw notFound('ledger.entryNotFound', `No ledger entry with id ${entryId}.`, { entryId });
  return e;
}

export async function loadInvestor(db: DbOrTx, id: number) {
  const [i] = await db.select().from(investor).where(eq(investor.id, id));
  if (!i) throw notFound('investor.notFound', `No investor with id ${id}.`, { id });
  return i;
}

export async function loadDeal(db: DbOrTx, id: number): Promise<DealRow> {
  const [d] = await db.select().from(deal).where(eq(deal.id, id));
  if (!d) throw notFound('deal.notFound', `No deal with id ${id}.`, { id });
  return d;
}

export async function loadCompany(db: DbOrTx, id: number): Promise<CompanyRow> {
  const [c] = await db.select().from(company).where(eq(company.id, id));
  if (!c) throw notFound('company.notFound', `No company with id ${id}.`, { id });
  return c;
}

export async function loadInvestment(db: DbOrTx, id: number) {
  const [r] = await db.select().from(investment).where(eq(investment.id, id));
  if (!r) throw notFound('investment.notFound', `No investment with id ${id}.`, { id });
  return r;
}

export async function loadExit(db: DbOrTx, id: number) {
  const [r] = await db.select().from(investmentExit).where(eq(investmentExit.id, id));
  if (!r) throw notFound('exit.notFound', `No exit with id ${id}.`, { id });
  return r;
}

export async function loadValuation(db: DbOrTx, id: number) {
  const [r] = await db.select().from(valuation).where(eq(valuation.id, id));
  if (!r) throw notFound('valuation.notFound', `No valuation with id ${id}.`, { id });
  return r;
}

export async function loadSupport(db: DbOrTx, id: number) {
  const [r] = await db.select().from(policySupport).where(eq(policySupport.id, id));
  if (!r) throw notFound('support.notFound', `No support record with id ${id}.`, { id });
  return r;
}

export async function loadDesignation(db: DbOrTx, id: number) {
  const [r] = await db.select().from(designation).where(eq(designation.id, id));
  if (!r) throw notFound('designation.notFound', `No designation with id ${id}.`, { id });
  return r;
}

export async function loadListingAttempt(db: DbOrTx, id: number) {
  const [r] = await db.select().from(listingAttempt).where(eq(listingAttempt.id, id));
  if (!r) throw notFound('listing.notFound', `No listing attempt with id ${id}.`, { id });
  return r;
}

export async function loadProgramme(db: DbOrTx, id: number) {
  const [r] = await db.select().from(programme).where(eq(programme.id, id));
  if (!r) throw notFound('programme.notFound', `No programme with id ${id}.`, { id });
  return r;
}

export async function loadProgrammeTarget(db: DbOrTx, programmeId: number, metric: string) {
  const [r] = await db
    .select()
    .from(programmeTarget)
    .where(and(eq(programmeTarget.programmeId, programmeId), eq(programmeTarget.metric, metric)));
  if (!r) throw notFound('programme.targetNotFound', `The programme has no ${metric} target.`, { metric });
  return r;
}

export async function loadSavedView(db: DbOrTx, id: number) {
  const [r] = await db.select().from(savedView).where(eq(savedView.id, id));
  if (!r) throw notFound('view.notFound', `No saved view ${id}.`, { id });
  return r;
}

export async function loadUser(db: DbOrTx, id: number) {
  const [r] = await db.select().from(user).where(eq(user.id, id));
  if (!r) throw notFound('user.notFound', `No user with id ${id}.`, { id });
  return r;
}

/** A position's events (live rounds, exits, approved marks); NOT_FOUND when the fund never invested in the company. */
export async function loadPositionEvents(db: DbOrTx, f: { id: number; code: string }, companyId: number) {
  const events = await positionEvents(db, f.id, companyId);
  // A position whose every round was reversed still opens (showing the corrections); one never bought does not.
  if (
    !events.tranches.length &&
    !(
      await db
        .select({ id: investment.id })
        .from(investment)
        .where(and(eq(investment.fundId, f.id), eq(investment.companyId, companyId)))
        .limit(1)
    ).length
  )
    throw notFound('portfolio.noPosition', `Fund ${f.code} has no investment in company ${companyId}.`, { fund: f.code });
  return events;
}
