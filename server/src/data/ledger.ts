import { capitalCall, commitment, company, type DbOrTx, fundPhase, investor, ledgerEntry, navStatement, reinvestEvidence } from '@highland/drizzle';
import {
  checkRelease,
  type CommitmentRelease,
  allocateCall,
  allocateToLps,
  type CapitalCallInput,
  type CommitmentRecord,
  type ContributionRecord,
  checkCommitment,
  checkContribution,
  checkFlowDate,
  checkReversal,
  DomainError,
  formatMoney,
  formatPercent,
  type InvestorCreate,
  type LpFlow,
  type LpPosition,
  type NavStatementInput,
  type ReinvestEvidenceInput,
  type Reversal,
  type SourceClass,
} from '@highland/shared';
import { and, eq, lte, sql } from 'drizzle-orm';
import { insertAudited, type WriteCtx } from './ctx.js';
import { commitmentHistory } from './fund-group.js';
import { loadCapitalCall, loadFund, loadLedgerEntry } from './load.js';

/**
 * Writes to a fund's books: commitments, capital calls, contributions, distributions, fees, NAV
 * statements, reversals, and reinvestment evidence. Every write checks the rules of
 * shared/fund-group first and writes nothing if one fails (the error names the field and the rule);
 * the running balances follow by trigger in the same transaction; every write leaves an audit event.
 */

const money = (fen: number) => formatMoney(fen, { locale: 'en' });

function refuse(path: string, rule: string, message: string, params: Record<string, string | number>): never {
  throw DomainError.field(path, rule, `${path}: ${message} (rule: ${rule})`, params);
}

function assertFlowDate(f: { establishedDate: string | null; code: string }, date: string, path = 'date'): void {
  const r = checkFlowDate(f, date);
  if (r.ok) return;
  if (r.rule === 'notSetUp') refuse(path, r.rule, `fund ${f.code} is not set up yet; record its set-up date first`, r.params);
  refuse(path, r.rule, `${date} is before fund ${f.code} was set up on ${f.establishedDate}`, r.params);
}

/** Each LP's position in a fund: commitments up to `committedAsOf`, ledger amounts up to `flowsAsOf` (null: every date). */
export async function lpPositions(db: DbOrTx, fundId: number, committedAsOf: string | null, flowsAsOf: string | null): Promise<LpPosition[]> {
  const commits = await db.all<{ investor_id: number; total: number }>(sql`
    SELECT investor_id, SUM(amount_fen) AS total FROM commitment
    WHERE fund_id = ${fundId} ${committedAsOf ? sql`AND date <= ${committedAsOf}` : sql``} GROUP BY investor_id`);
  const flows = await db.all<{ investor_id: number; kind: string; total: number }>(sql`
    SELECT investor_id, kind, SUM(amount_fen) AS total FROM ledger_entry
    WHERE fund_id = ${fundId} AND investor_id IS NOT NULL ${flowsAsOf ? sql`AND date <= ${flowsAsOf}` : sql``} GROUP BY investor_id, kind`);
  const ids = [...new Set([...commits.map((c) => c.investor_id), ...flows.map((f) => f.investor_id)])].sort((a, b) => a - b);
  const of = (id: number, kind: string) => flows.find((f) => f.investor_id === id && f.kind === kind)?.total ?? 0;
  return ids.map((id) => ({
    investorId: id,
    committedFen: commits.find((c) => c.investor_id === id)?.total ?? 0,
    calledFen: of(id, 'call'),
    contributedFen: of(id, 'contribution'),
    distributedFen: of(id, 'distribution'),
    feesFen: of(id, 'fee'),
  }));
}

async function sourceClasses(db: DbOrTx, investorIds: number[]): Promise<Map<number, { source: SourceClass; fundId: number | null; nameEn: string }>> {
  if (!investorIds.length) return new Map();
  const rows = await db.all<{ id: number; source: SourceClass; fund_id: number | null; name_en: string }>(sql`
    SELECT s.id, s.source, i.fund_id, i.name_en FROM investor_source_class s JOIN investor i ON i.id = s.id WHERE s.id IN (${sql.join(investorIds, sql`, `)})`);
  return new Map(rows.map((r) => [r.id, { source: r.source, fundId: r.fund_id, nameEn: r.name_en }]));
}

/**
 * Commitments on one date — a close or single commitments — checked against the fund's target (outside a
 * close) and its government-share cap (an override where the fund's rule allows it, with a reason, audited).
 */
export async function recordCommitments(write: WriteCtx, input: CommitmentRecord) {
  const { tx, audit } = write;
  const f = await loadFund(tx, input.fundId);
  assertFlowDate(f, input.date);
  const ids = input.lines.map((l) => l.investorId);
  const classes = await sourceClasses(tx, ids);
  for (const [i, id] of ids.entries()) {
    const c = classes.get(id);
    if (!c) refuse(`lines.${i}.investorId`, 'unknownInvestor', `no investor with id ${id}`, { investorId: id });
    if (c.fundId === f.id) refuse(`lines.${i}.investorId`, 'selfCommitment', `fund ${f.code} cannot commit to itself`, { investorId: id });
  }
  const phase = f.kind === 'mother' ? (input.phase ?? 1) : null;
  let targetFen = f.targetSizeFen;
  let existing = (await commitmentHistory(tx, [f.id])).get(f.id) ?? [];
  if (phase !== null) {
    const p = (
      await tx
        .select()
        .from(fundPhase)
        .where(and(eq(fundPhase.fundId, f.id), eq(fundPhase.phase, phase)))
    )[0];
    if (!p) refuse('phase', 'unknownPhase', `fund ${f.code} has no phase ${phase}`, { phase });
    targetFen = p.targetSizeFen;
    const inPhase = await tx
      .select({ date: commitment.date, investorId: commitment.investorId, amountFen: commitment.amountFen })
      .from(commitment)
      .where(and(eq(commitment.fundId, f.id), eq(commitment.phase, phase)));
    const phaseClasses = await sourceClasses(tx, [...new Set(inPhase.map((c) => c.investorId))]);
    existing = inPhase.map((c) => ({ date: c.date, amountFen: c.amountFen, source: phaseClasses.get(c.investorId)?.source ?? 'private' }));
  }
  const check = checkCommitment({
    existing,
    lines: input.lines.map((l) => ({ source: classes.get(l.investorId)?.source ?? 'private', amountFen: l.amountFen })),
    date: input.date,
    isClose: input.isClose,
    targetFen,
    govShareCap: f.kind === 'sub' ? f.govShareCap : null,
    govShareOverrideAllowed: f.govShareOverrideAllowed,
    overrideReason: input.overrideReason ?? null,
  });
  if (!check.ok) {
    const p = check.params;
    if (check.rule === 'targetExceeded')
      refuse(
        'lines',
        check.rule,
        `fund ${f.code} would reach ${money(Number(p.sizeAfterFen))}, past its target of ${money(Number(p.targetFen))}; record it as a close to go past the target`,
        p,
      );
    const share = `the government share would be ${formatPercent(Number(p.share), 'en')} on ${p.date}, above fund ${f.code}'s cap of ${formatPercent(Number(p.cap), 'en')}`;
    if (check.rule === 'govShareCap')
      refuse('lines', check.rule, `${share}${f.govShareOverrideAllowed ? '; give an override reason to accept it under the fund’s override rule' : ''}`, p);
    refuse('overrideReason', check.rule, `${share}, and fund ${f.code}'s rule allows no override`, p);
  }
  const createdAt = write.now().toISOString();
  const rows = await tx
    .insert(commitment)
    .values(
      input.lines.map((l) => ({
        fundId: f.id,
        investorId: l.investorId,
        amountFen: l.amountFen,
        date: input.date,
        phase,
        overrideReason: check.override ? (input.overrideReason ?? null) : null,
        createdAt,
        createdBy: write.actor?.userId ?? null,
      })),
    )
    .returning({ id: commitment.id });
  const after = {
    fundId: f.id,
    date: input.date,
    isClose: input.isClose,
    lines: input.lines,
    sizeAfterFen: check.sizeAfterFen,
    govShareAfter: check.shareAfter,
  };
  await audit({ action: input.isClose ? 'commitment.close' : 'commitment.record', entity: 'fund', entityId: f.id, after });
  if (check.override) {
    await audit({
      action: 'commitment.override',
      entity: 'fund',
      entityId: f.id,
      after: { reason: input.overrideReason, govShareAfter: check.shareAfter, cap: f.govShareCap },
    });
  }
  return { ids: rows.map((r) => r.id), override: check.override, sizeAfterFen: check.sizeAfterFen, govShareAfter: check.shareAfter };
}

/**
 * Releases part or all of an LP's uncalled commitment from a date (ADR 036): a negative commitment row with
 * the reason, so the fund's size, the LP's uncalled amount and every leverage figure fall from that date and
 * not before. At most the LP's uncalled amount; not before a capital call already made. Audited.
 */
export async function releaseCommitment(write: WriteCtx, input: CommitmentRelease) {
  const { tx, audit } = write;
  const f = await loadFund(tx, input.fundId);
  assertFlowDate(f, input.date);
  const [held] = await tx.all<{ committed: number | null; called: number | null; phase: number | null }>(sql`
    SELECT (SELECT SUM(amount_fen) FROM commitment WHERE fund_id = ${f.id} AND investor_id = ${input.investorId} AND date <= ${input.date}) AS committed,
      (SELECT SUM(amount_fen) FROM ledger_entry WHERE fund_id = ${f.id} AND investor_id = ${input.investorId} AND kind = 'call' AND date <= ${input.date}) AS called,
      (SELECT phase FROM commitment WHERE fund_id = ${f.id} AND investor_id = ${input.investorId} AND amount_fen > 0 ORDER BY date DESC, id DESC LIMIT 1) AS phase`);
  const [last] = await tx.all<{ d: string | null }>(sql`
    SELECT MAX(date) AS d FROM ledger_entry WHERE fund_id = ${f.id} AND kind = 'call' AND +reverses_id IS NULL
      AND id NOT IN (SELECT reverses_id FROM ledger_entry WHERE reverses_id IS NOT NULL)`);
  const committedFen = Number(held?.committed ?? 0);
  const calledFen = Number(held?.called ?? 0);
  const r = checkRelease({
    investorId: input.investorId,
    amountFen: input.amountFen,
    date: input.date,
    committedFen,
    calledFen,
    lastCallDate: last?.d ?? null,
  });
  if (!r.ok) {
    if (r.rule === 'notAnInvestor') refuse('investorId', r.rule, `investor ${input.investorId} has no commitment to fund ${f.code} by ${input.date}`, r.params);
    if (r.rule === 'releaseBeforeLaterCall')
      refuse('date', r.rule, `must not be before the fund's last capital call (${r.params.lastCall}): that call was split on the commitment`, r.params);
    refuse('amountFen', r.rule, `must not exceed the LP's uncalled commitment on ${input.date} (${money(Number(r.params.uncalledFen))})`, r.params);
  }
  const [row] = await tx
    .insert(commitment)
    .values({
      fundId: f.id,
      investorId: input.investorId,
      amountFen: -input.amountFen,
      date: input.date,
      phase: f.kind === 'mother' ? (held?.phase ?? 1) : null,
      note: input.reason,
      createdAt: write.now().toISOString(),
      createdBy: write.actor?.userId ?? null,
    })
    .returning({ id: commitment.id });
  await audit({
    action: 'commitment.release',
    entity: 'fund',
    entityId: f.id,
    after: {
      commitmentId: row?.id,
      investorId: input.investorId,
      date: input.date,
      amountFen: input.amountFen,
      reason: input.reason,
      committedBeforeFen: committedFen,
      uncalledBeforeFen: committedFen - calledFen,
    },
  });
  return { id: row?.id ?? 0, committedFen: committedFen - input.amountFen, uncalledFen: committedFen - calledFen - input.amountFen };
}

/** A capital call: split over the LPs in force on its due date, pro rata to commitment, to the fen. */
export async function postCapitalCall(write: WriteCtx, input: CapitalCallInput) {
  const { tx, audit } = write;
  const f = await loadFund(tx, input.fundId);
  assertFlowDate(f, input.noticeDate, 'noticeDate');
  const positions = await lpPositions(tx, f.id, input.dueDate, null);
  const r = allocateCall(input.totalFen, positions);
  if (!r.ok) {
    if (r.rule === 'noInvestors') refuse('totalFen', r.rule, `fund ${f.code} has no commitments on ${input.dueDate} to call`, r.params);
    const name = (await sourceClasses(tx, [Number(r.params.investorId)])).get(Number(r.params.investorId))?.nameEn ?? `#${r.params.investorId}`;
    refuse(
      'totalFen',
      r.rule,
      `${name}'s share of the call, ${money(Number(r.params.partFen))}, is more than its uncalled commitment of ${money(Number(r.params.uncalledFen))}`,
      r.params,
    );
  }
  const callNo = ((await tx.all<{ n: number | null }>(sql`SELECT MAX(call_no) AS n FROM capital_call WHERE fund_id = ${f.id}`))[0]?.n ?? 0) + 1;
  const createdAt = write.now().toISOString();
  const createdBy = write.actor?.userId ?? null;
  const [call] = await tx
    .insert(capitalCall)
    .values({
      fundId: f.id,
      callNo,
      noticeDate: input.noticeDate,
      dueDate: input.dueDate,
      totalFen: input.totalFen,
      purpose: input.purpose ?? null,
      createdAt,
      createdBy,
    })
    .returning({ id: capitalCall.id });
  if (!call) throw new Error('capital call insert returned nothing');
  await tx.insert(ledgerEntry).values(
    r.value.map((p) => ({
      fundId: f.id,
      kind: 'call' as const,
      investorId: p.investorId,
      amountFen: p.amountFen,
      date: input.dueDate,
      callId: call.id,
      createdAt,
      createdBy,
    })),
  );
  await audit({ action: 'ledger.call', entity: 'fund', entityId: f.id, after: { callId: call.id, callNo, ...input, parts: r.value } });
  return { callId: call.id, callNo, parts: r.value };
}

/** LPs' payments of a capital call: each at most what the LP still owes on it. */
export async function recordContributions(write: WriteCtx, input: ContributionRecord) {
  const { tx, audit } = write;
  const call = await loadCapitalCall(tx, input.callId);
  const f = await loadFund(tx, call.fundId);
  assertFlowDate(f, input.date);
  const owed = await tx.all<{ investor_id: number; kind: string; total: number }>(sql`
    SELECT investor_id, kind, SUM(amount_fen) AS total FROM ledger_entry WHERE call_id = ${call.id} GROUP BY investor_id, kind`);
  for (const [i, line] of input.lines.entries()) {
    const part = owed.find((o) => o.investor_id === line.investorId && o.kind === 'call')?.total ?? 0;
    const paid = owed.find((o) => o.investor_id === line.investorId && o.kind === 'contribution')?.total ?? 0;
    if (part === 0)
      refuse(`lines.${i}.investorId`, 'notAnInvestor', `investor ${line.investorId} has no part in call ${call.callNo} of fund ${f.code}`, {
        investorId: line.investorId,
      });
    const r = checkContribution(part - paid, line.amountFen, line.investorId);
    if (!r.ok)
      refuse(`lines.${i}.amountFen`, r.rule, `${money(line.amountFen)} is more than the ${money(part - paid)} still owed on call ${call.callNo}`, r.params);
  }
  const createdAt = write.now().toISOString();
  await tx.insert(ledgerEntry).values(
    input.lines.map((l) => ({
      fundId: f.id,
      kind: 'contribution' as const,
      investorId: l.investorId,
      amountFen: l.amountFen,
      date: input.date,
      callId: call.id,
      createdAt,
      createdBy: write.actor?.userId ?? null,
    })),
  );
  await audit({ action: 'ledger.contribution', entity: 'fund', entityId: f.id, after: input });
  return { count: input.lines.length };
}

/** A distribution (pro rata to paid-in) or a fee (pro rata to commitment), or per-LP lines; only to LPs of the fund. */
export async function postLpFlow(write: WriteCtx, input: LpFlow & { kind: 'distribution' | 'fee' }) {
  const { tx, audit } = write;
  const { kind, ...flow } = input;
  const f = await loadFund(tx, input.fundId);
  assertFlowDate(f, input.date);
  const positions = await lpPositions(tx, f.id, input.date, input.date);
  const r = allocateToLps(
    positions,
    input.lines ? { lines: input.lines } : { totalFen: input.totalFen ?? 0, weightOf: (p) => (kind === 'distribution' ? p.contributedFen : p.committedFen) },
  );
  if (!r.ok) {
    if (r.rule === 'notAnInvestor') {
      const i = input.lines?.findIndex((l) => l.investorId === Number(r.params.investorId)) ?? 0;
      refuse(`lines.${i}.investorId`, r.rule, `investor ${r.params.investorId} is not an LP of fund ${f.code} on ${input.date}`, r.params);
    }
    refuse('totalFen', r.rule, `fund ${f.code} has no LP with ${kind === 'distribution' ? 'paid-in capital' : 'a commitment'} on ${input.date}`, r.params);
  }
  const createdAt = write.now().toISOString();
  await tx.insert(ledgerEntry).values(
    r.value.map((p) => ({
      fundId: f.id,
      kind,
      investorId: p.investorId,
      amountFen: p.amountFen,
      date: input.date,
      memo: input.memo ?? null,
      createdAt,
      createdBy: write.actor?.userId ?? null,
    })),
  );
  await audit({ action: `ledger.${kind}`, entity: 'fund', entityId: f.id, after: { ...flow, parts: r.value } });
  return { parts: r.value };
}

/** A correction: the entry's negation, once; never an edit. Fund ↔ company flows belong to the portfolio module. */
export async function reverseEntry(write: WriteCtx, input: Reversal) {
  const { tx, audit } = write;
  const e = await loadLedgerEntry(tx, input.entryId);
  if (e.kind === 'investment' || e.kind === 'proceeds')
    refuse('entryId', 'portfolioEntry', `entry ${e.id} is an ${e.kind} of the portfolio; correct it there`, { entryId: e.id });
  const reversedBy = (await tx.select({ id: ledgerEntry.id }).from(ledgerEntry).where(eq(ledgerEntry.reversesId, e.id)))[0]?.id ?? null;
  const paidOnCall =
    e.kind === 'call' && e.callId !== null && e.investorId !== null
      ? ((
          await tx.all<{ total: number | null }>(sql`
            SELECT SUM(amount_fen) AS total FROM ledger_entry WHERE call_id = ${e.callId} AND investor_id = ${e.investorId} AND kind = 'contribution'`)
        )[0]?.total ?? 0)
      : 0;
  const r = checkReversal(e, { reversedBy, paidOnCallFen: paidOnCall });
  if (!r.ok) {
    const why = {
      alreadyReversed: `entry ${e.id} was already reversed by entry ${r.params.reversedBy}`,
      reversalOfReversal: `entry ${e.id} is itself a reversal; post the entry again instead`,
      callHasContributions: `call entry ${e.id} has ${money(Number(r.params.paidFen))} paid against it; reverse the contributions first`,
    } as Record<string, string>;
    refuse('entryId', r.rule, why[r.rule] ?? r.rule, r.params);
  }
  const [row] = await tx
    .insert(ledgerEntry)
    .values({
      fundId: e.fundId,
      kind: e.kind,
      investorId: e.investorId,
      companyId: e.companyId,
      amountFen: -e.amountFen,
      date: e.date,
      callId: e.callId,
      reversesId: e.id,
      memo: input.reason,
      createdAt: write.now().toISOString(),
      createdBy: write.actor?.userId ?? null,
    })
    .returning({ id: ledgerEntry.id });
  await audit({ action: 'ledger.reverse', entity: 'fund', entityId: e.fundId, before: e, after: { reversalId: row?.id, reason: input.reason } });
  return { reversalId: row?.id ?? 0 };
}

export async function recordNav(write: WriteCtx, input: NavStatementInput) {
  const { tx } = write;
  const f = await loadFund(tx, input.fundId);
  assertFlowDate(f, input.date);
  const row = await insertAudited(
    write,
    navStatement,
    {
      fundId: f.id,
      date: input.date,
      navFen: input.navFen,
      source: input.source ?? null,
      createdAt: write.now().toISOString(),
      createdBy: write.actor?.userId ?? null,
    },
    { action: 'ledger.nav', entity: 'fund', entityId: f.id, after: input },
  );
  return { id: row.id };
}

export async function createInvestor(write: WriteCtx, input: InvestorCreate) {
  const row = await insertAudited(
    write,
    investor,
    { nameZh: input.nameZh, nameEn: input.nameEn, sourceType: input.sourceType, createdAt: write.now().toISOString() },
    { action: 'investor.create', entity: 'investor', after: input },
  );
  return { id: row.id };
}

export async function recordReinvestEvidence(write: WriteCtx, input: ReinvestEvidenceInput) {
  const { tx } = write;
  const f = await loadFund(tx, input.fundId);
  const c = (await tx.select({ id: company.id }).from(company).where(eq(company.id, input.companyId)))[0];
  if (!c) refuse('companyId', 'unknownCompany', `no company with id ${input.companyId}`, { companyId: input.companyId });
  const invested = await tx
    .select({ id: ledgerEntry.id })
    .from(ledgerEntry)
    .where(
      and(
        eq(ledgerEntry.fundId, f.id),
        eq(ledgerEntry.companyId, input.companyId),
        eq(ledgerEntry.kind, 'investment'),
        lte(ledgerEntry.date, input.effectiveDate),
      ),
    )
    .limit(1);
  if (!invested.length && input.evidence === 'relocated')
    refuse(
      'effectiveDate',
      'relocationBeforeInvestment',
      `fund ${f.code} had not invested in company ${input.companyId} by ${input.effectiveDate}; a relocation counts only after the investment`,
      {
        companyId: input.companyId,
      },
    );
  const row = await insertAudited(
    write,
    reinvestEvidence,
    { ...input, note: input.note ?? null, createdAt: write.now().toISOString(), createdBy: write.actor?.userId ?? null },
    { action: 'reinvest.evidence', entity: 'fund', entityId: f.id, after: input },
  );
  return { id: row.id };
}
