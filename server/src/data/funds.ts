import {
  capitalCall,
  commitment,
  company,
  type DbOrTx,
  fund,
  fundPhase,
  investor,
  ledgerEntry,
  manager,
  navStatement,
  reinvestEvidence,
} from '@highland/drizzle';
import {
  DomainError,
  type FundCreate,
  type FundFlows,
  type FundUpdate,
  fundConsistencyIssues,
  fundGroupOverview,
  fundStatusAsOf,
  governmentShare,
  type ReinvestResult,
  reinvestment,
  type SourceClass,
  subFundLeverage,
  uncalledFen,
} from '@highland/shared';
import { and, asc, desc, eq, lt, lte, ne, sql } from 'drizzle-orm';
import { insertAudited, type ReadCtx, type WriteCtx } from './ctx.js';
import { addInvestedInFunds, BALANCES_AS_OF, balancesAsOf, commitmentHistory, groupFunds, qualifyingInvestments, splitBalances } from './fund-group.js';
import { lpPositions } from './ledger.js';
import { loadFund } from './load.js';
import { inScope } from './scope-sql.js';

/** Funds: the list a manager or reviewer reads, one fund's page, and creating and editing funds. */

export interface FundListRow {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'mother' | 'sub' | 'direct_vehicle';
  batch: number | null;
  status: string;
  vintage: number | null;
  managerZh: string | null;
  managerEn: string | null;
  lpCount: number;
  committedFen: number;
  calledFen: number;
  paidInFen: number;
  distributedFen: number;
  govShare: number | null;
  govShareCap: number | null;
}

/** The funds in scope with their size and flows as of a date, from the running balances. */
export async function listFunds(read: ReadCtx, input: { asOf?: string | undefined }): Promise<FundListRow[]> {
  const { db } = read;
  const asOf = input.asOf ?? read.today();
  const scope = await read.scope();
  const funds = (await groupFunds(db)).filter((f) => inScope(scope, f.id));
  const pivot = await balancesAsOf(db, asOf);
  const { money, flows } = splitBalances(pivot);
  const vintages = new Map((await db.select({ id: fund.id, vintage: fund.vintage }).from(fund)).map((r) => [r.id, r.vintage]));
  const lps = new Map(
    (
      await db.all<{ fund_id: number; n: number }>(sql`SELECT fund_id, COUNT(DISTINCT investor_id) AS n FROM commitment WHERE date <= ${asOf} GROUP BY fund_id`)
    ).map((r) => [r.fund_id, r.n]),
  );
  const kindOrder = { mother: 0, direct_vehicle: 1, sub: 2 } as const;
  return funds
    .map((f) => {
      const fl = flows.find((x) => x.fundId === f.id);
      const m = money.filter((x) => x.fundId === f.id);
      return {
        id: f.id,
        code: f.code,
        nameZh: f.nameZh,
        nameEn: f.nameEn,
        kind: f.kind,
        batch: f.batch,
        status: fundStatusAsOf(f, asOf),
        vintage: vintages.get(f.id) ?? null,
        managerZh: f.managerZh,
        managerEn: f.managerEn,
        lpCount: lps.get(f.id) ?? 0,
        committedFen: m.reduce((a, x) => a + x.committedFen, 0),
        calledFen: fl?.calledFen ?? 0,
        paidInFen: fl?.paidInFen ?? 0,
        distributedFen: fl?.distributedFen ?? 0,
        govShare: f.kind === 'sub' ? governmentShare(m.map((x) => ({ source: x.source, amountFen: x.committedFen }))) : null,
        govShareCap: f.govShareCap,
      };
    })
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || (a.batch ?? 0) - (b.batch ?? 0) || a.id - b.id);
}

export interface PositionRow {
  investorId: number;
  nameZh: string;
  nameEn: string;
  source: SourceClass;
  firstCommitted: string | null;
  committedFen: number;
  calledFen: number;
  uncalledFen: number;
  contributedFen: number;
  outstandingFen: number;
  distributedFen: number;
  feesFen: number;
  /** Every commitment row to the fund dated on or before the page's date: closes, and releases (negative, with their reason). */
  commitments: Array<{ id: number; date: string; amountFen: number; note: string | null; overrideReason: string | null }>;
}

/**
 * One fund's page as of a date: its facts and rule settings, size by source, leverage and government
 * share, each LP's position, capital calls, NAV statements, the reinvestment drill-down and its flags.
 */
export async function fundDetail(read: ReadCtx, input: { fundId: number; asOf?: string | undefined }) {
  const { db } = read;
  const { fundId } = input;
  const asOf = input.asOf ?? read.today();
  const f = await loadFund(db, fundId);
  const mgr = f.managerId ? (await db.select().from(manager).where(eq(manager.id, f.managerId)))[0] : undefined;
  const parent = f.parentFundId
    ? (await db.select({ code: fund.code, nameZh: fund.nameZh, nameEn: fund.nameEn }).from(fund).where(eq(fund.id, f.parentFundId)))[0]
    : undefined;
  const positions = await lpPositions(db, f.id, asOf, asOf);
  const investors = positions.length
    ? await db.all<{ id: number; name_zh: string; name_en: string; source: SourceClass }>(sql`
        SELECT i.id, i.name_zh, i.name_en, s.source FROM investor i JOIN investor_source_class s ON s.id = i.id
        WHERE i.id IN (${sql.join(
          positions.map((p) => p.investorId),
          sql`, `,
        )})`)
    : [];
  const firsts = await db.all<{ investor_id: number; first: string }>(
    sql`SELECT investor_id, MIN(date) AS first FROM commitment WHERE fund_id = ${f.id} GROUP BY investor_id`,
  );
  const history = await db
    .select({
      id: commitment.id,
      investorId: commitment.investorId,
      date: commitment.date,
      amountFen: commitment.amountFen,
      note: commitment.note,
      overrideReason: commitment.overrideReason,
    })
    .from(commitment)
    .where(and(eq(commitment.fundId, f.id), lte(commitment.date, asOf)))
    .orderBy(asc(commitment.date), asc(commitment.id));
  const rows: PositionRow[] = positions
    .filter((p) => p.committedFen !== 0 || p.calledFen !== 0)
    .map((p) => {
      const inv = investors.find((i) => i.id === p.investorId);
      return {
        investorId: p.investorId,
        nameZh: inv?.name_zh ?? '',
        nameEn: inv?.name_en ?? '',
        source: inv?.source ?? 'private',
        firstCommitted: firsts.find((x) => x.investor_id === p.investorId)?.first ?? null,
        committedFen: p.committedFen,
        calledFen: p.calledFen,
        uncalledFen: uncalledFen(p),
        contributedFen: p.contributedFen,
        outstandingFen: p.calledFen - p.contributedFen,
        distributedFen: p.distributedFen,
        feesFen: p.feesFen,
        commitments: history.filter((c) => c.investorId === p.investorId).map(({ investorId: _, ...c }) => c),
      };
    })
    .sort((a, b) => b.committedFen - a.committedFen || a.investorId - b.investorId);
  const money = rows.map((r) => ({ fundId: f.id, source: r.source, committedFen: r.committedFen, paidInFen: r.contributedFen }));
  const calls = await db
    .select()
    .from(capitalCall)
    .where(and(eq(capitalCall.fundId, f.id), lte(capitalCall.noticeDate, asOf)))
    .orderBy(desc(capitalCall.callNo));
  const byCall = await db.all<{ call_id: number; investor_id: number; kind: string; total: number }>(sql`
    SELECT call_id, investor_id, kind, SUM(amount_fen) AS total FROM ledger_entry
    WHERE fund_id = ${f.id} AND call_id IS NOT NULL AND date <= ${asOf} GROUP BY call_id, investor_id, kind`);
  const sumOf = (callId: number, kind: string, investorId?: number) =>
    byCall
      .filter((p) => p.call_id === callId && p.kind === kind && (investorId === undefined || p.investor_id === investorId))
      .reduce((a, p) => a + p.total, 0);
  const navs = await db
    .select()
    .from(navStatement)
    .where(and(eq(navStatement.fundId, f.id), lte(navStatement.date, asOf)))
    .orderBy(desc(navStatement.date), desc(navStatement.id))
    .limit(12);
  const phases = f.kind === 'mother' ? await db.select().from(fundPhase).where(eq(fundPhase.fundId, f.id)).orderBy(asc(fundPhase.phase)) : [];
  // Reinvestment drill-down, with the names of the firms.
  const invs = (await qualifyingInvestments(db, asOf, f.id)).get(f.id) ?? [];
  const mother = money.filter((m) => m.source === 'mother_fund');
  const re: ReinvestResult = reinvestment({
    rule: {
      k: f.reinvestK,
      weights: { registered: f.reinvestWeightRegistered, relocated: f.reinvestWeightRelocated, subsidiary: f.reinvestWeightSubsidiary },
      basis: f.reinvestBasis,
    },
    asOf,
    motherCommittedFen: mother.reduce((a, m) => a + m.committedFen, 0),
    motherPaidInFen: mother.reduce((a, m) => a + m.paidInFen, 0),
    establishedDate: f.establishedDate,
    investmentPeriodYears: f.investmentPeriodYears,
    investments: invs,
  });
  const companyIds = [...new Set(re.lines.map((l) => l.companyId))];
  const companies = companyIds.length
    ? await db.all<{ id: number; name_zh: string; name_en: string | null; zone: string }>(
        sql`SELECT id, name_zh, name_en, zone FROM company WHERE id IN (${sql.join(companyIds, sql`, `)})`,
      )
    : [];
  // The fund's flags: the overview's rules, on this fund's figures alone.
  const [facts] = (await groupFunds(db)).filter((x) => x.id === f.id);
  const flowRows = await db.values<[string, number | null]>(sql`
    SELECT measure, cum FROM (${BALANCES_AS_OF(asOf, sql`k.fund_id = ${f.id} AND k.source = '*'`)})`);
  const flow = (m: string) => flowRows.find((r) => r[0] === m)?.[1] ?? 0;
  const series = await db.values<[string, number]>(sql`
    SELECT date, cum_fen FROM fund_balance WHERE fund_id = ${f.id} AND source = '*' AND measure = 'contribution' AND date <= ${asOf} ORDER BY date`);
  const fundFlows: FundFlows[] = [
    {
      fundId: f.id,
      calledFen: flow('call'),
      paidInFen: flow('contribution'),
      distributedFen: flow('distribution'),
      feesFen: flow('fee'),
      investedFen: flow('investment'),
      proceedsFen: flow('proceeds'),
      investedInFundsFen: 0,
    },
  ];
  await addInvestedInFunds(db, fundFlows, asOf, f.id);
  const overview = facts
    ? fundGroupOverview({
        asOf,
        includeDirect: true,
        funds: [facts],
        money,
        flows: fundFlows,
        contributionSeries: new Map([[f.id, series.map((r) => ({ date: r[0], cumFen: r[1] }))]]),
        commitmentHistory: await commitmentHistory(db, [f.id]),
        investments: new Map([[f.id, invs]]),
        groupTargetFen: null,
        motherTargetFen: null,
      })
    : null;
  return {
    asOf,
    fund: {
      ...f,
      status: fundStatusAsOf(f, asOf),
      managerZh: mgr?.nameZh ?? null,
      managerEn: mgr?.nameEn ?? null,
      parentCode: parent?.code ?? null,
      parentZh: parent?.nameZh ?? null,
      parentEn: parent?.nameEn ?? null,
    },
    phases,
    totals: {
      committedFen: rows.reduce((a, r) => a + r.committedFen, 0),
      calledFen: rows.reduce((a, r) => a + r.calledFen, 0),
      contributedFen: rows.reduce((a, r) => a + r.contributedFen, 0),
      distributedFen: rows.reduce((a, r) => a + r.distributedFen, 0),
      feesFen: rows.reduce((a, r) => a + r.feesFen, 0),
    },
    govShare: governmentShare(money.map((m) => ({ source: m.source, amountFen: m.committedFen }))),
    leverage: { committed: subFundLeverage(money, f.id, 'committed'), paid_in: subFundLeverage(money, f.id, 'paid_in') },
    positions: rows,
    calls: calls.map((c) => ({
      ...c,
      calledFen: sumOf(c.id, 'call'),
      paidFen: sumOf(c.id, 'contribution'),
      /** Each LP's part of the call and what it has paid on it (as of the date). */
      parts: [...new Set(byCall.filter((p) => p.call_id === c.id).map((p) => p.investor_id))].map((investorId) => ({
        investorId,
        calledFen: sumOf(c.id, 'call', investorId),
        paidFen: sumOf(c.id, 'contribution', investorId),
      })),
    })),
    navs,
    reinvest: {
      ...re,
      lines: re.lines.map((l) => {
        const c = companies.find((x) => x.id === l.companyId);
        return { ...l, nameZh: c?.name_zh ?? '', nameEn: c?.name_en ?? c?.name_zh ?? '', zone: c?.zone ?? '' };
      }),
    },
    flags: overview?.compliance ?? [],
    evidence: await fundEvidence(db, fundId),
  };
}

/** A fund's ledger, newest first, a page at a time (keyset on id), with names and whether each was reversed. */
export async function fundEntries(
  read: ReadCtx,
  { fundId, ...input }: { fundId: number; asOf?: string | undefined; kind?: string | undefined; cursor?: number | undefined; limit: number },
) {
  const { db } = read;
  const opts = { ...input, asOf: input.asOf ?? read.today() };
  const conds = [eq(ledgerEntry.fundId, fundId), lte(ledgerEntry.date, opts.asOf)];
  if (opts.kind) conds.push(eq(ledgerEntry.kind, opts.kind as 'call'));
  if (opts.cursor) conds.push(lt(ledgerEntry.id, opts.cursor));
  const rows = await db
    .select({
      e: ledgerEntry,
      investorZh: investor.nameZh,
      investorEn: investor.nameEn,
      companyZh: company.nameZh,
      companyEn: company.nameEn,
      callNo: capitalCall.callNo,
    })
    .from(ledgerEntry)
    .leftJoin(investor, eq(investor.id, ledgerEntry.investorId))
    .leftJoin(company, eq(company.id, ledgerEntry.companyId))
    .leftJoin(capitalCall, eq(capitalCall.id, ledgerEntry.callId))
    .where(and(...conds))
    .orderBy(desc(ledgerEntry.date), desc(ledgerEntry.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const ids = page.map((r) => r.e.id);
  const reversed = ids.length
    ? await db.all<{ reverses_id: number; id: number }>(sql`SELECT reverses_id, id FROM ledger_entry WHERE reverses_id IN (${sql.join(ids, sql`, `)})`)
    : [];
  return {
    items: page.map((r) => ({
      ...r.e,
      investorZh: r.investorZh,
      investorEn: r.investorEn,
      companyZh: r.companyZh,
      companyEn: r.companyEn,
      callNo: r.callNo,
      reversedBy: reversed.find((x) => x.reverses_id === r.e.id)?.id ?? null,
    })),
    nextCursor: rows.length > opts.limit ? (page.at(-1)?.e.id ?? null) : null,
  };
}

/** Investors a manager can record a commitment from (names and source types; amounts are not shown). */
export async function investorOptions(read: ReadCtx) {
  return read.db
    .select({ id: investor.id, nameZh: investor.nameZh, nameEn: investor.nameEn, sourceType: investor.sourceType, fundId: investor.fundId })
    .from(investor)
    .orderBy(asc(investor.id));
}

/** What the fund form offers: managers, the mother fund, the next batch number. */
export async function fundFormOptions(read: ReadCtx) {
  const { db } = read;
  const managers = await db.select().from(manager).orderBy(asc(manager.nameZh));
  const mother =
    (await db.select({ id: fund.id, code: fund.code, nameZh: fund.nameZh, nameEn: fund.nameEn }).from(fund).where(eq(fund.kind, 'mother')))[0] ?? null;
  const lastBatch = (await db.all<{ b: number | null }>(sql`SELECT MAX(batch) AS b FROM fund WHERE kind = 'sub'`))[0]?.b ?? 0;
  return { managers, mother, nextBatch: lastBatch + 1 };
}

function issuesToError(issues: ReturnType<typeof fundConsistencyIssues>): DomainError {
  return new DomainError('VALIDATION', 'validation.input', issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
    fields: issues.map((i) => ({ path: i.path, rule: i.rule, message: `${i.path}: ${i.message}` })),
  });
}

async function assertCodeFree(db: DbOrTx, code: string, exceptId?: number): Promise<void> {
  const taken = await db
    .select({ id: fund.id })
    .from(fund)
    .where(exceptId ? and(eq(fund.code, code), ne(fund.id, exceptId)) : eq(fund.code, code));
  if (taken.length)
    throw new DomainError('CONFLICT', 'fund.codeTaken', `code: a fund with code ${code} exists already`, {
      fields: [{ path: 'code', rule: 'unique', message: `code: a fund with code ${code} exists already` }],
    });
}

async function assertManager(db: DbOrTx, managerId: number | null | undefined): Promise<void> {
  if (managerId === null || managerId === undefined) return;
  if (!(await db.select({ id: manager.id }).from(manager).where(eq(manager.id, managerId))).length)
    throw DomainError.field('managerId', 'unknownManager', `managerId: no manager with id ${managerId}`, { managerId });
}

/** A sub-fund or a direct-investment vehicle under the mother fund. */
export async function createFund(write: WriteCtx, input: FundCreate) {
  const { tx } = write;
  await assertCodeFree(tx, input.code);
  await assertManager(tx, input.managerId);
  const mother = (await tx.select({ id: fund.id }).from(fund).where(eq(fund.kind, 'mother')))[0];
  if (!mother) throw new DomainError('INVALID_STATE', 'fund.noMother', 'There is no mother fund to create a fund under.');
  const at = write.now().toISOString();
  const row = await insertAudited(
    write,
    fund,
    {
      ...input,
      parentFundId: mother.id,
      vintage: input.establishedDate ? Number(input.establishedDate.slice(0, 4)) : null,
      createdAt: at,
      updatedAt: at,
    },
    { action: 'fund.create', entity: 'fund' },
  );
  return { id: row.id };
}

export async function updateFund(write: WriteCtx, input: FundUpdate) {
  const { tx, audit } = write;
  const before = await loadFund(tx, input.id);
  const { id, ...changes } = input;
  const merged = { ...before, ...changes };
  const issues = fundConsistencyIssues({
    kind: before.kind === 'mother' ? undefined : before.kind,
    batch: merged.batch,
    decisionDate: merged.decisionDate,
    establishedDate: merged.establishedDate,
    termYears: merged.termYears,
    investmentPeriodYears: merged.investmentPeriodYears,
    managerId: merged.managerId,
    targetSizeFen: merged.targetSizeFen,
    status: merged.status,
  });
  if (issues.length) throw issuesToError(issues);
  if (changes.code) await assertCodeFree(tx, changes.code, id);
  await assertManager(tx, changes.managerId);
  if (changes.establishedDate !== undefined && changes.establishedDate !== before.establishedDate) {
    const first = (
      await tx.all<{ d: string | null }>(sql`
      SELECT MIN(d) AS d FROM (SELECT MIN(date) AS d FROM commitment WHERE fund_id = ${id} UNION ALL SELECT MIN(date) FROM ledger_entry WHERE fund_id = ${id})`)
    )[0]?.d;
    if (first && (changes.establishedDate === null || changes.establishedDate > first))
      throw DomainError.field(
        'establishedDate',
        'afterFirstFlow',
        `establishedDate: fund ${before.code} has commitments or flows from ${first}; it cannot be set up later than that`,
        { first },
      );
  }
  const vintage = merged.establishedDate ? Number(merged.establishedDate.slice(0, 4)) : null;
  const [after] = await tx
    .update(fund)
    .set({ ...changes, vintage, updatedAt: write.now().toISOString() })
    .where(eq(fund.id, id))
    .returning();
  await audit({ action: 'fund.update', entity: 'fund', entityId: id, before, after });
  return { id };
}

/** Evidence on file for a fund (for its page). */
async function fundEvidence(db: DbOrTx, fundId: number) {
  return db.select().from(reinvestEvidence).where(eq(reinvestEvidence.fundId, fundId)).orderBy(desc(reinvestEvidence.id));
}
