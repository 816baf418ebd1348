import { createHash } from 'node:crypto';
import { fileOf } from '../xlsx/writer.js';
import { commitment, type DbOrTx, fund, type IssuedLines, ledgerEntry, statementIssue, user } from '@highland/drizzle';
import {
  canonicalJson,
  type DatedAmount,
  DomainError,
  type Interest,
  parsePeriod,
  type StatementDifference,
  type StatementIssueCreate,
  type StatementLines,
  statementDifferences,
} from '@highland/shared';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { loadBooks } from './books.js';
import type { ReadCtx, WriteCtx } from './ctx.js';
import { lpStatement, statementLines } from './lp.js';
import { statementWorkbook } from './lp-xlsx.js';

/**
 * Quarterly capital account statements as issued (ADR 034): a fund's managers issue a quarter's statements
 * once the quarter has ended; the figures each LP was sent are kept (append-only) with a digest, so a later
 * change to the books shows on the LP's statement as a restatement instead of silently rewriting what was
 * sent. Issuing the same quarter again is a restatement and needs a note.
 */

type Statement = Awaited<ReturnType<typeof lpStatement>>;
export function digestOf(lines: readonly IssuedLines[]): string {
  return createHash('sha256').update(canonicalJson(lines)).digest('hex');
}

/**
 * Each LP's statement lines for one fund and quarter, from the books now (LPs that had committed by the
 * quarter's end): the same computation as the LP's own statement (`lpStatement`), with the fund's books
 * read once for all its LPs. The statements tests hold the two equal (an issue agrees with the LP's page).
 */
export async function currentLines(db: DbOrTx, fundId: number, quarter: string): Promise<IssuedLines[]> {
  const q = parsePeriod(quarter);
  if (q?.kind !== 'quarter') throw DomainError.field('quarter', 'quarter', 'quarter: must be a quarter such as 2024Q3');
  const commits = await db
    .select({ investorId: commitment.investorId, date: commitment.date, amountFen: commitment.amountFen })
    .from(commitment)
    .where(and(eq(commitment.fundId, fundId), lte(commitment.date, q.end)))
    .orderBy(asc(commitment.date), asc(commitment.id));
  if (!commits.length) return [];
  const flows = await db
    .select({ investorId: ledgerEntry.investorId, kind: ledgerEntry.kind, date: ledgerEntry.date, amountFen: ledgerEntry.amountFen })
    .from(ledgerEntry)
    .where(and(eq(ledgerEntry.fundId, fundId), lte(ledgerEntry.date, q.end), inArray(ledgerEntry.kind, ['call', 'contribution', 'distribution', 'fee'])));
  type Lp = Interest & { calls: DatedAmount[]; fees: DatedAmount[] };
  const lps = new Map<number, Lp>();
  for (const c of commits) {
    const i = lps.get(c.investorId) ?? { fundId, commitments: [], contributions: [], distributions: [], calls: [], fees: [] };
    (i.commitments as DatedAmount[]).push({ date: c.date, amountFen: c.amountFen });
    lps.set(c.investorId, i);
  }
  const into = { contribution: 'contributions', distribution: 'distributions', call: 'calls', fee: 'fees' } as const;
  for (const f of flows) {
    const i = f.investorId === null ? undefined : lps.get(f.investorId);
    const key = into[f.kind as keyof typeof into];
    if (i && key) (i[key] as DatedAmount[]).push({ date: f.date, amountFen: f.amountFen });
  }
  const { books } = await loadBooks(db, [fundId], q.end, { span: 'history' });
  return [...lps.entries()].sort((a, b) => a[0] - b[0]).map(([investorId, i]) => ({ investorId, ...statementLines(books, fundId, i, q) }));
}

export async function issueStatements(write: WriteCtx, input: StatementIssueCreate) {
  const { tx, audit } = write;
  const [f] = await tx.select({ id: fund.id, code: fund.code }).from(fund).where(eq(fund.id, input.fundId));
  if (!f) throw DomainError.field('fundId', 'unknownFund', `fundId: no fund with id ${input.fundId}`, { id: input.fundId });
  const today = write.today();
  const q = parsePeriod(input.quarter);
  if (q?.kind !== 'quarter') throw DomainError.field('quarter', 'quarter', 'quarter: must be a quarter such as 2024Q3');
  if (q.end > today) throw DomainError.field('quarter', 'quarterNotEnded', `quarter: ${q.code} has not ended yet (it ends ${q.end})`, { end: q.end });
  const lines = await currentLines(tx, f.id, q.code);
  if (!lines.length)
    throw DomainError.field('quarter', 'noLpsYet', `quarter: fund ${f.code} had no LP by the end of ${q.code}`, { fund: f.code, quarter: q.code });
  const digest = digestOf(lines);
  const [previous] = await tx
    .select({ id: statementIssue.id, digest: statementIssue.digest, issuedAt: statementIssue.issuedAt })
    .from(statementIssue)
    .where(and(eq(statementIssue.fundId, f.id), eq(statementIssue.quarter, q.code)))
    .orderBy(desc(statementIssue.id))
    .limit(1);
  const note = input.note?.trim() || null;
  if (previous && previous.digest === digest)
    throw new DomainError(
      'INVALID_STATE',
      'statement.unchanged',
      `The ${q.code} statements of ${f.code} issued on ${previous.issuedAt.slice(0, 10)} still agree with the books: nothing to restate.`,
      { params: { quarter: q.code, fund: f.code, issued: previous.issuedAt.slice(0, 10) } },
    );
  if (previous && !note)
    throw DomainError.field('note', 'restatementNeedsNote', `note: ${q.code} was issued already; say why it is restated`, { quarter: q.code });
  const [row] = await tx
    .insert(statementIssue)
    .values({ fundId: f.id, quarter: q.code, issuedAt: write.now().toISOString(), issuedBy: write.actor?.userId ?? null, note, lines, digest })
    .returning({ id: statementIssue.id });
  if (!row) throw new Error('statement issue insert returned nothing');
  await audit({
    action: previous ? 'statement.restate' : 'statement.issue',
    entity: 'fund',
    entityId: f.id,
    after: { issueId: row.id, quarter: q.code, lps: lines.length, digest, restates: previous?.id ?? null, note },
  });
  return { id: row.id, quarter: q.code, lps: lines.length, digest, restatement: Boolean(previous) };
}

/** A fund's issued statements, newest first, with who issued them and whether the books still agree. */
export async function statementIssues(read: ReadCtx, { fundId }: { fundId: number }) {
  const { db } = read;
  const rows = await db
    .select({
      id: statementIssue.id,
      quarter: statementIssue.quarter,
      issuedAt: statementIssue.issuedAt,
      issuedBy: user.name,
      note: statementIssue.note,
      digest: statementIssue.digest,
      lines: statementIssue.lines,
    })
    .from(statementIssue)
    .leftJoin(user, eq(user.id, statementIssue.issuedBy))
    .where(eq(statementIssue.fundId, fundId))
    .orderBy(desc(statementIssue.quarter), desc(statementIssue.id));
  const latest = new Set<string>();
  const out = [];
  for (const r of rows) {
    const isLatest = !latest.has(r.quarter);
    latest.add(r.quarter);
    // Only the version in force of each quarter is compared with the books; earlier ones were restated already.
    const agrees = isLatest ? digestOf(await currentLines(db, fundId, r.quarter)) === r.digest : null;
    out.push({
      id: r.id,
      quarter: r.quarter,
      issuedAt: r.issuedAt,
      issuedBy: r.issuedBy,
      note: r.note,
      digest: r.digest,
      lps: r.lines.length,
      inForce: isLatest,
      agrees,
    });
  }
  return out;
}

export interface IssuedStatus {
  issueId: number;
  issuedAt: string;
  digest: string;
  note: string | null;
  /** 1 for the first issue of the quarter, 2 for its first restatement… */
  version: number;
  /** Where the books now differ from what was issued (empty: they agree). */
  differences: StatementDifference[];
}

/** For each fund of an LP's statement: the version issued to it (in force), and how the books now differ from it. */
async function issuedStatus(db: DbOrTx, investorId: number, statement: Statement): Promise<Map<number, IssuedStatus>> {
  const fundIds = statement.funds.map((f) => f.fundId);
  const out = new Map<number, IssuedStatus>();
  if (!fundIds.length) return out;
  const rows = await db
    .select()
    .from(statementIssue)
    .where(and(inArray(statementIssue.fundId, fundIds), eq(statementIssue.quarter, statement.quarter)))
    .orderBy(asc(statementIssue.id));
  for (const f of statement.funds) {
    const versions = rows.filter((r) => r.fundId === f.fundId);
    const last = versions[versions.length - 1];
    const mine = last?.lines.find((l) => l.investorId === investorId);
    if (!last || !mine) continue;
    out.set(f.fundId, {
      issueId: last.id,
      issuedAt: last.issuedAt,
      digest: last.digest,
      note: last.note,
      version: versions.length,
      differences: statementDifferences(mine as StatementLines, f),
    });
  }
  return out;
}

/**
 * An LP's capital account statement for a quarter (one fund or all of its funds), each fund with the version
 * issued to the LP, if any, and where the books now differ from it (ADR 034).
 */
export async function lpStatementWithIssues(read: ReadCtx, input: { investorId: number; quarter: string; fundId?: number | undefined }) {
  const s = await lpStatement(read.db, input.investorId, input.quarter, read.today(), input.fundId);
  const issued = await issuedStatus(read.db, input.investorId, s);
  return { ...s, funds: s.funds.map((f) => ({ ...f, issued: issued.get(f.fundId) ?? null })) };
}

/** The same statement as an XLSX file (base64), numbers stored as numbers. */
export async function lpStatementExport(read: ReadCtx, input: { investorId: number; quarter: string; fundId?: number | undefined }) {
  const s = await lpStatementWithIssues(read, input);
  const buffer = await statementWorkbook(s, read.now().toISOString());
  return fileOf(buffer, `capital-account-${s.quarter}${input.fundId === undefined ? '' : `-${s.funds[0]?.code ?? ''}`}.xlsx`);
}

/** The quarters whose statements a fund has issued to this investor, newest first (the LP's statement page opens the first). */
export async function issuedQuarters(read: ReadCtx, input: { investorId: number }): Promise<string[]> {
  const rows = await read.db.all<{ quarter: string }>(sql`
    SELECT DISTINCT s.quarter AS quarter FROM statement_issue s
    WHERE EXISTS (SELECT 1 FROM json_each(s.lines) l WHERE json_extract(l.value, '$.investorId') = ${input.investorId})
    ORDER BY s.quarter DESC`);
  return rows.map((r) => r.quarter);
}
