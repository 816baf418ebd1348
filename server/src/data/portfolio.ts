import { company, type DbOrTx, fund, investment, investmentExit, kpiSnapshot, ledgerEntry, type Tx, valuation } from '@highland/drizzle';
import {
  allocateExit,
  checkExitReversal,
  checkMarkDate,
  checkTrancheReversal,
  DomainError,
  type ExitCreate,
  type ExitReversal,
  type InvestmentCreate,
  type InvestmentReversal,
  type KpiImport,
  type KpiSnapshotCreate,
  type PositionEvents,
  parsePeriod,
  ROUNDS,
  type ValuationCreate,
  type ValuationReview,
} from '@highland/shared';
import { and, asc, eq, inArray, isNull, like, ne, or, sql } from 'drizzle-orm';
import { insertAudited, type ReadCtx, type Stamp, stampOf, type WriteCtx } from './ctx.js';
import { liveExit, liveRound } from './live.js';
import { loadExit, loadInvestment, loadValuation } from './load.js';

async function fundRow(tx: DbOrTx, fundId: number) {
  const [f] = await tx
    .select({ id: fund.id, code: fund.code, kind: fund.kind, parentFundId: fund.parentFundId, establishedDate: fund.establishedDate })
    .from(fund)
    .where(eq(fund.id, fundId));
  if (!f) throw DomainError.field('fundId', 'unknownFund', `fundId: no fund with id ${fundId}`, { id: fundId });
  return f;
}

async function companyRow(tx: DbOrTx, companyId: number) {
  const [c] = await tx.select({ id: company.id, nameZh: company.nameZh }).from(company).where(eq(company.id, companyId));
  if (!c) throw DomainError.field('companyId', 'unknownCompany', `companyId: no company with id ${companyId}`, { id: companyId });
  return c;
}

function notFuture(path: string, date: string, today: string): void {
  if (date > today) throw DomainError.field(path, 'futureDate', `${path}: must not be after today (${today})`, { today });
}

function notBeforeFund(path: string, date: string, f: { code: string; establishedDate: string | null }): void {
  if (f.establishedDate === null)
    throw new DomainError('INVALID_STATE', 'portfolio.fundNotEstablished', `Fund ${f.code} is not set up yet: it can hold nothing.`, {
      params: { fund: f.code },
    });
  if (date < f.establishedDate)
    throw DomainError.field(path, 'beforeFundEstablished', `${path}: must not be before the fund was set up (${f.establishedDate})`, {
      established: f.establishedDate,
    });
}

/** Everything that moved or valued one position (approved marks only), for the pure checks. */
export async function positionEvents(tx: DbOrTx, fundId: number, companyId: number): Promise<PositionEvents> {
  const where = (t: typeof investment | typeof investmentExit | typeof valuation) => and(eq(t.fundId, fundId), eq(t.companyId, companyId));
  const [tranches, exits, marks] = await Promise.all([
    tx
      .select({ id: investment.id, date: investment.date, amountFen: investment.amountFen, equityShare: investment.equityShare })
      .from(investment)
      .where(and(where(investment), liveRound()))
      .orderBy(asc(investment.date), asc(investment.id)),
    tx
      .select({ id: investmentExit.id, date: investmentExit.date, shareSold: investmentExit.shareSold, proceedsFen: investmentExit.proceedsFen })
      .from(investmentExit)
      .where(and(where(investmentExit), liveExit()))
      .orderBy(asc(investmentExit.date), asc(investmentExit.id)),
    tx
      .select({ id: valuation.id, date: valuation.date, valueFen: valuation.valueFen, method: valuation.method })
      .from(valuation)
      .where(and(where(valuation), eq(valuation.status, 'approved')))
      .orderBy(asc(valuation.date), asc(valuation.id)),
  ]);
  return { tranches, exits, marks };
}

/**
 * Records one round of a fund in a company and its cash flow: the investment row and the `investment`
 * ledger row that carries its id, in the write context it is given (so the pipeline calls it with its own when a deal
 * moves to "invested", in the same transaction). Audited. Returns the new row.
 */
export async function createInvestment(write: WriteCtx, input: InvestmentCreate) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const f = await fundRow(tx, input.fundId);
  const c = await companyRow(tx, input.companyId);
  notFuture('date', input.date, meta.today);
  notBeforeFund('date', input.date, f);
  const [row] = await tx
    .insert(investment)
    .values({
      fundId: input.fundId,
      companyId: input.companyId,
      date: input.date,
      round: input.round,
      instrument: input.instrument,
      amountFen: input.amountFen,
      equityShare: input.equityShare,
      roundSizeFen: input.roundSizeFen ?? null,
      postMoneyFen: input.postMoneyFen ?? null,
      coInvestors: input.coInvestors,
      memo: input.memo || null,
      createdAt: meta.at,
      createdBy: meta.userId,
    })
    .returning();
  if (!row) throw new Error('investment insert returned nothing');
  await tx.insert(ledgerEntry).values({
    fundId: input.fundId,
    kind: 'investment',
    companyId: input.companyId,
    investmentId: row.id,
    amountFen: input.amountFen,
    date: input.date,
    memo: `${c.nameZh} ${ROUNDS[input.round].zh}`,
    createdAt: meta.at,
    createdBy: meta.userId,
  });
  await audit({ action: 'investment.create', entity: 'investment', entityId: row.id, after: row });
  return row;
}

/** Records an exit: refused when it sells more than the fund holds; its proceeds are split over the rounds held. */
export async function recordExit(write: WriteCtx, input: ExitCreate) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const f = await fundRow(tx, input.fundId);
  const c = await companyRow(tx, input.companyId);
  notFuture('date', input.date, meta.today);
  notBeforeFund('date', input.date, f);
  const parts = allocateExit(await positionEvents(tx, input.fundId, input.companyId), input);
  const [row] = await tx
    .insert(investmentExit)
    .values({
      fundId: input.fundId,
      companyId: input.companyId,
      date: input.date,
      route: input.route,
      shareSold: input.shareSold,
      proceedsFen: input.proceedsFen,
      memo: input.memo || null,
      createdAt: meta.at,
      createdBy: meta.userId,
    })
    .returning();
  if (!row) throw new Error('exit insert returned nothing');
  if (parts.length)
    await tx.insert(ledgerEntry).values(
      parts.map((p) => ({
        fundId: input.fundId,
        kind: 'proceeds' as const,
        companyId: input.companyId,
        investmentId: p.trancheId,
        exitId: row.id,
        amountFen: p.proceedsFen,
        date: input.date,
        memo: `${c.nameZh} 退出 #${row.id}`,
        createdAt: meta.at,
        createdBy: meta.userId,
      })),
    );
  await audit({ action: 'investment.exit', entity: 'investment_exit', entityId: row.id, after: { ...row, proceedsByRound: parts } });
  return row;
}

/** Every mark of a position that is not rejected (approved and pending), for the correction checks. */
async function standingMarks(tx: DbOrTx, fundId: number, companyId: number) {
  return tx
    .select({ id: valuation.id, date: valuation.date, valueFen: valuation.valueFen, method: valuation.method })
    .from(valuation)
    .where(and(eq(valuation.fundId, fundId), eq(valuation.companyId, companyId), ne(valuation.status, 'rejected')))
    .orderBy(asc(valuation.date), asc(valuation.id));
}

function refuseCorrection(path: 'investmentId' | 'exitId', what: string, row: { id: number; reversesId: number | null }, reversedBy: number | null): void {
  if (row.reversesId !== null)
    throw DomainError.field(
      path,
      'reversalOfReversal',
      `${path}: ${what} ${row.id} is itself a correction of ${row.reversesId}; record the right one again instead`,
      {
        id: row.id,
        reversesId: row.reversesId,
      },
    );
  if (reversedBy !== null)
    throw DomainError.field(path, 'alreadyReversed', `${path}: ${what} ${row.id} was already reversed by ${reversedBy}`, { id: row.id, reversedBy });
}

/** Writes the negation of each ledger row (same fund, kind, company and date; `reverses_id` → it), linked to the correction. */
async function reverseLedgerRows(
  tx: Tx,
  rows: ReadonlyArray<typeof ledgerEntry.$inferSelect>,
  links: (e: typeof ledgerEntry.$inferSelect) => { investmentId: number | null; exitId: number | null },
  reason: string,
  meta: Stamp,
) {
  if (!rows.length) return;
  await tx.insert(ledgerEntry).values(
    rows.map((e) => ({
      fundId: e.fundId,
      kind: e.kind,
      companyId: e.companyId,
      ...links(e),
      amountFen: -e.amountFen,
      date: e.date,
      reversesId: e.id,
      memo: reason,
      createdAt: meta.at,
      createdBy: meta.userId,
    })),
  );
}

/**
 * Reverses a round recorded in error (ADR 033): a row negating it (amount and share, same date) and a ledger
 * row negating its cash flow, in the caller's transaction, audited; the original stays. Refused when a later
 * exit sold from it, or a mark would value the position on a date it then holds nothing.
 */
export async function reverseInvestment(write: WriteCtx, input: InvestmentReversal) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const inv = await loadInvestment(tx, input.investmentId);
  const [by] = await tx.select({ id: investment.id }).from(investment).where(eq(investment.reversesId, inv.id));
  refuseCorrection('investmentId', 'round', inv, by?.id ?? null);
  const events = await positionEvents(tx, inv.fundId, inv.companyId);
  checkTrancheReversal({ ...events, marks: await standingMarks(tx, inv.fundId, inv.companyId) }, inv.id);
  const [row] = await tx
    .insert(investment)
    .values({
      fundId: inv.fundId,
      companyId: inv.companyId,
      date: inv.date,
      round: inv.round,
      instrument: inv.instrument,
      amountFen: -inv.amountFen,
      equityShare: -inv.equityShare,
      roundSizeFen: null,
      postMoneyFen: null,
      coInvestors: [],
      memo: input.reason,
      reversesId: inv.id,
      createdAt: meta.at,
      createdBy: meta.userId,
    })
    .returning();
  if (!row) throw new Error('investment reversal insert returned nothing');
  const flows = await tx
    .select()
    .from(ledgerEntry)
    .where(and(eq(ledgerEntry.investmentId, inv.id), eq(ledgerEntry.kind, 'investment'), sql`+${ledgerEntry.reversesId} IS NULL`));
  await reverseLedgerRows(tx, flows, (e) => ({ investmentId: row.id, exitId: e.exitId }), input.reason, meta);
  await audit({ action: 'investment.reverse', entity: 'investment', entityId: inv.id, before: inv, after: { reversalId: row.id, reason: input.reason } });
  return { reversalId: row.id };
}

/**
 * Reverses an exit recorded in error (ADR 033): a row negating it and ledger rows negating each of its
 * proceeds rows, audited; the original stays. Refused while a later exit of the position stands.
 */
export async function reverseExit(write: WriteCtx, input: ExitReversal) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const x = await loadExit(tx, input.exitId);
  const [by] = await tx.select({ id: investmentExit.id }).from(investmentExit).where(eq(investmentExit.reversesId, x.id));
  refuseCorrection('exitId', 'exit', x, by?.id ?? null);
  checkExitReversal(await positionEvents(tx, x.fundId, x.companyId), x.id);
  const [row] = await tx
    .insert(investmentExit)
    .values({
      fundId: x.fundId,
      companyId: x.companyId,
      date: x.date,
      route: x.route,
      shareSold: -x.shareSold,
      proceedsFen: -x.proceedsFen,
      memo: input.reason,
      reversesId: x.id,
      createdAt: meta.at,
      createdBy: meta.userId,
    })
    .returning();
  if (!row) throw new Error('exit reversal insert returned nothing');
  // The exit's proceeds rows: linked by exit_id; rows written before migration 0010 carry the exit's id only in
  // the memo the exit wrote ("… 退出 #id"), on the exit's fund, company and date.
  const flows = await tx
    .select()
    .from(ledgerEntry)
    .where(
      and(
        eq(ledgerEntry.kind, 'proceeds'),
        sql`+${ledgerEntry.reversesId} IS NULL`,
        or(
          eq(ledgerEntry.exitId, x.id),
          and(
            isNull(ledgerEntry.exitId),
            eq(ledgerEntry.fundId, x.fundId),
            eq(ledgerEntry.companyId, x.companyId),
            eq(ledgerEntry.date, x.date),
            like(ledgerEntry.memo, `% 退出 #${x.id}`),
          ),
        ),
      ),
    );
  const paid = flows.reduce((a, e) => a + e.amountFen, 0);
  if (paid !== x.proceedsFen)
    throw new DomainError(
      'INVALID_STATE',
      'exit.proceedsUnlinked',
      `Exit ${x.id}: its proceeds rows in the ledger cannot be told apart (they sum to ${paid} fen, not ${x.proceedsFen}); it was written before corrections existed and cannot be reversed here.`,
      { params: { id: x.id } },
    );
  await reverseLedgerRows(tx, flows, (e) => ({ investmentId: e.investmentId, exitId: row.id }), input.reason, meta);
  await audit({ action: 'investment.exitReverse', entity: 'investment_exit', entityId: x.id, before: x, after: { reversalId: row.id, reason: input.reason } });
  return { reversalId: row.id };
}

/** Adds a mark, pending review. Refused before the fund's first round in the company, after it sold out, or in the future. */
export async function addValuation(write: WriteCtx, input: ValuationCreate) {
  const { tx } = write;
  const meta = stampOf(write);
  await fundRow(tx, input.fundId);
  await companyRow(tx, input.companyId);
  notFuture('date', input.date, meta.today);
  checkMarkDate(await positionEvents(tx, input.fundId, input.companyId), input.date);
  const row = await insertAudited(
    write,
    valuation,
    { ...input, status: 'pending', createdAt: meta.at, createdBy: meta.userId },
    { action: 'valuation.create', entity: 'valuation' },
  );
  return row;
}

/** Approves or sends back a pending mark, once; never by the person who entered it. */
export async function reviewValuation(write: WriteCtx, input: ValuationReview) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const before = await loadValuation(tx, input.id);
  if (before.status !== 'pending')
    throw new DomainError('INVALID_STATE', 'valuation.alreadyReviewed', `Valuation ${input.id} was already ${before.status}; enter a new mark instead.`, {
      params: { id: input.id, status: before.status },
      current: before,
    });
  if (before.createdBy !== null && before.createdBy === meta.userId)
    throw new DomainError('FORBIDDEN', 'valuation.selfReview', 'A mark is reviewed by someone other than the person who entered it.');
  const [after] = await tx
    .update(valuation)
    .set({ status: input.decision, reviewedAt: meta.at, reviewedBy: meta.userId, reviewNote: input.note || null })
    .where(eq(valuation.id, input.id))
    .returning();
  await audit({ action: `valuation.${input.decision === 'approved' ? 'approve' : 'reject'}`, entity: 'valuation', entityId: input.id, before, after });
  return after;
}

/** Refuses a KPI period that has not ended yet. */
function periodOrThrow(path: string, code: string, today: string) {
  const p = parsePeriod(code);
  if (!p) throw DomainError.field(path, 'period', `${path}: must be a period such as 2024, 2024H1 or 2024Q3`);
  if (p.end > today)
    throw DomainError.field(path, 'futurePeriod', `${path}: ${p.code} has not ended yet (it ends ${p.end}); KPIs are for past periods`, { end: p.end });
  return p;
}

/** Companies held (now or before) by the given funds: the ones whose KPIs their managers keep. */
export async function companiesHeld(read: ReadCtx, { fundIds }: { fundIds: readonly number[] }): Promise<Set<number>> {
  return companiesHeldBy(read.db, fundIds);
}

/** The same on a database or transaction: auth/firm-scope.ts scopes the plan's firm records with it. */
export async function companiesHeldBy(tx: DbOrTx, fundIds: readonly number[]): Promise<Set<number>> {
  if (!fundIds.length) return new Set();
  const rows = await tx
    .selectDistinct({ id: investment.companyId })
    .from(investment)
    .where(and(inArray(investment.fundId, [...fundIds]), liveRound()));
  return new Set(rows.map((r) => r.id));
}

export async function addKpiSnapshot(write: WriteCtx, input: KpiSnapshotCreate) {
  const { tx } = write;
  const meta = stampOf(write);
  await companyRow(tx, input.companyId);
  const p = periodOrThrow('period', input.period, meta.today);
  const row = await insertAudited(
    write,
    kpiSnapshot,
    { ...input, period: p.code, periodStart: p.start, periodEnd: p.end, source: 'entered', createdAt: meta.at, createdBy: meta.userId },
    { action: 'kpi.create', entity: 'kpi_snapshot' },
  );
  return row;
}

/**
 * Imports KPI rows all or nothing: every row is checked first (the company by its credit code, among
 * those `allowed`; the period ended), and one bad row refuses the whole import with every problem listed.
 */
export async function importKpis(write: WriteCtx, input: KpiImport & { allowed: Set<number> | 'all' }) {
  const { tx, audit } = write;
  const meta = stampOf(write);
  const { allowed } = input;
  const codes = [...new Set(input.rows.map((r) => r.uscc))];
  const found = await tx.select({ id: company.id, uscc: company.uscc }).from(company).where(inArray(company.uscc, codes));
  const idOf = new Map(found.map((c) => [c.uscc, c.id]));
  const fields: Array<{ path: string; rule: string; message: string; params?: Record<string, string | number> }> = [];
  const rows: Array<typeof kpiSnapshot.$inferInsert> = [];
  input.rows.forEach((r, i) => {
    const id = idOf.get(r.uscc);
    if (id === undefined) fields.push({ path: `rows.${i}.uscc`, rule: 'unknownCompany', message: `rows.${i}.uscc: no company with credit code ${r.uscc}` });
    else if (allowed !== 'all' && !allowed.has(id))
      fields.push({ path: `rows.${i}.uscc`, rule: 'notInPortfolio', message: `rows.${i}.uscc: ${r.uscc} is not a company your funds hold` });
    const p = parsePeriod(r.period);
    if (p && p.end > meta.today)
      fields.push({
        path: `rows.${i}.period`,
        rule: 'futurePeriod',
        message: `rows.${i}.period: ${p.code} has not ended yet (it ends ${p.end})`,
        params: { end: p.end },
      });
    if (id !== undefined && p) {
      const { uscc: _u, ...figures } = r;
      rows.push({
        ...figures,
        companyId: id,
        period: p.code,
        periodStart: p.start,
        periodEnd: p.end,
        source: 'import',
        createdAt: meta.at,
        createdBy: meta.userId,
      });
    }
  });
  if (fields.length)
    throw new DomainError(
      'VALIDATION',
      'kpi.importRejected',
      `The import was refused, nothing was written: ${fields.length} problem(s). ${fields[0]?.message ?? ''}`,
      {
        fields,
        params: { count: fields.length },
      },
    );
  for (let i = 0; i < rows.length; i += 400) await tx.insert(kpiSnapshot).values(rows.slice(i, i + 400));
  await audit({ action: 'kpi.import', entity: 'kpi_snapshot', entityId: 'import', after: { rows: rows.length } });
  return { imported: rows.length };
}
