import { commitment, type DbOrTx, investor } from '@highland/drizzle';
import { Books, type DatedAmount, type FundBook, type Interest, type PositionEvents, type ValuationMethod } from '@highland/shared';
import { isNotNull, sql } from 'drizzle-orm';
import { LIVE_EXIT, LIVE_ROUND } from './live.js';

/**
 * Loads the books of a set of funds — and of every fund of the group they are LPs of, down the tree —
 * as of a date, for the pure NAV, look-through and performance code in shared/portfolio/books.ts.
 *
 * `span: 'asOf'` loads only what is in force at `asOf` — each fund's balances and each position's mark —
 * enough for amounts at that one date (a look-through; not IRRs, which need every flow's date);
 * `'history'` loads every balance change and every approved mark up to `asOf`, for figures at any
 * earlier date too (histories, statements).
 */
export interface LoadOptions {
  span: 'asOf' | 'history';
}

export interface LoadedBooks {
  books: Books;
  /** The funds loaded: the roots and every fund below them through interests. */
  fundIds: number[];
  /** investor id → the fund it is (for investors that are funds of the group). */
  fundOfInvestor: Map<number, number>;
}

/** Edges "fund F is an LP of fund G" from commitments by investors that are funds of the group. */
async function fundInterestEdges(db: DbOrTx): Promise<Array<{ investorId: number; holderFundId: number; fundId: number }>> {
  return db
    .selectDistinct({ investorId: investor.id, holderFundId: sql<number>`${investor.fundId}`, fundId: commitment.fundId })
    .from(commitment)
    .innerJoin(investor, sql`${investor.id} = ${commitment.investorId}`)
    .where(isNotNull(investor.fundId));
}

/** The funds and, transitively, every fund of the group they hold an interest in. */
export function closure(roots: readonly number[], edges: ReadonlyArray<{ holderFundId: number; fundId: number }>): number[] {
  const out = new Set(roots);
  const queue = [...roots];
  while (queue.length) {
    const f = queue.pop() as number;
    for (const e of edges) {
      if (e.holderFundId === f && !out.has(e.fundId)) {
        out.add(e.fundId);
        queue.push(e.fundId);
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}

const idList = (ids: readonly number[]) => sql.raw(ids.length ? ids.map((i) => String(Math.trunc(i))).join(',') : 'NULL');

type Kind = 'call' | 'contribution' | 'distribution' | 'fee' | 'investment' | 'proceeds';

export async function loadBooks(db: DbOrTx, roots: readonly number[], asOf: string, options: LoadOptions): Promise<LoadedBooks> {
  const edges = await fundInterestEdges(db);
  const fundIds = closure(roots, edges);
  const ids = idList(fundIds);
  const fundOfInvestor = new Map(edges.map((e) => [e.investorId, e.holderFundId]));
  const holderInvestors = [...new Set(edges.filter((e) => fundIds.includes(e.holderFundId)).map((e) => e.investorId))];

  const [balanceRows, interestCommitRows, interestLedgerRows, tranches, exits, marks] = await Promise.all([
    // Each fund's commitments and ledger kinds as the running balances the triggers keep (ADR 011): the
    // cumulative amount on every date it changed, so nothing here sums the ledger.
    options.span === 'history'
      ? db.all<{ fund_id: number; measure: Kind | 'commitment'; date: string; cum: number }>(
          sql`SELECT fund_id, measure, date, cum_fen AS cum FROM fund_balance WHERE source = '*' AND fund_id IN (${ids}) AND date <= ${asOf}
              ORDER BY fund_id, measure, date`,
        )
      : // At one date only the balance in force is needed: one row per fund and measure (bare columns from the max()).
        db.all<{ fund_id: number; measure: Kind | 'commitment'; date: string; cum: number }>(
          sql`SELECT fund_id, measure, MAX(date) AS date, cum_fen AS cum FROM fund_balance WHERE source = '*' AND fund_id IN (${ids}) AND date <= ${asOf}
              GROUP BY fund_id, measure ORDER BY fund_id, measure`,
        ),
    db.all<{ investor_id: number; fund_id: number; date: string; amount: number }>(
      sql`SELECT investor_id, fund_id, date, SUM(amount_fen) AS amount FROM commitment WHERE investor_id IN (${idList(holderInvestors)}) AND date <= ${asOf} GROUP BY investor_id, fund_id, date`,
    ),
    db.all<{ investor_id: number; fund_id: number; kind: Kind; date: string; amount: number }>(
      sql`SELECT investor_id, fund_id, kind, date, SUM(amount_fen) AS amount FROM ledger_entry
          WHERE investor_id IN (${idList(holderInvestors)}) AND kind IN ('contribution', 'distribution') AND date <= ${asOf}
          GROUP BY investor_id, fund_id, kind, date`,
    ),
    db.all<{ id: number; fund_id: number; company_id: number; date: string; amount_fen: number; equity_share: number }>(
      sql`SELECT id, fund_id, company_id, date, amount_fen, equity_share FROM investment WHERE fund_id IN (${ids}) AND date <= ${asOf} AND ${LIVE_ROUND}`,
    ),
    db.all<{ id: number; fund_id: number; company_id: number; date: string; share_sold: number; proceeds_fen: number }>(
      sql`SELECT id, fund_id, company_id, date, share_sold, proceeds_fen FROM investment_exit WHERE fund_id IN (${ids}) AND date <= ${asOf} AND ${LIVE_EXIT}`,
    ),
    options.span === 'history'
      ? db.all<{ id: number; fund_id: number; company_id: number; date: string; value_fen: number; method: ValuationMethod }>(
          sql`SELECT id, fund_id, company_id, date, value_fen, method FROM valuation WHERE fund_id IN (${ids}) AND status = 'approved' AND date <= ${asOf}`,
        )
      : // The mark in force: the latest approved one dated on or before asOf (the later id on a tie). SQLite takes
        // the bare columns from the row that holds the max().
        db.all<{ id: number; fund_id: number; company_id: number; date: string; value_fen: number; method: ValuationMethod }>(
          sql`SELECT id, fund_id, company_id, date, value_fen, method, MAX(date || printf('%012d', id)) AS k
              FROM valuation WHERE fund_id IN (${ids}) AND status = 'approved' AND date <= ${asOf} GROUP BY fund_id, company_id`,
        ),
  ]);

  type Mutable = {
    fundId: number;
    commitments: DatedAmount[];
    calls: DatedAmount[];
    contributions: DatedAmount[];
    distributions: DatedAmount[];
    fees: DatedAmount[];
    investments: DatedAmount[];
    proceeds: DatedAmount[];
    positions: Map<
      number,
      { tranches: PositionEvents['tranches'][number][]; exits: PositionEvents['exits'][number][]; marks: PositionEvents['marks'][number][] }
    >;
    interests: Map<number, { fundId: number; commitments: DatedAmount[]; contributions: DatedAmount[]; distributions: DatedAmount[] }>;
  };
  const byFund = new Map<number, Mutable>();
  for (const id of fundIds) {
    byFund.set(id, {
      fundId: id,
      commitments: [],
      calls: [],
      contributions: [],
      distributions: [],
      fees: [],
      investments: [],
      proceeds: [],
      positions: new Map(),
      interests: new Map(),
    });
  }
  const kindKey: Record<Kind, 'calls' | 'contributions' | 'distributions' | 'fees' | 'investments' | 'proceeds'> = {
    call: 'calls',
    contribution: 'contributions',
    distribution: 'distributions',
    fee: 'fees',
    investment: 'investments',
    proceeds: 'proceeds',
  };
  // Back from running balances to the amount of each date (ordered by fund, measure, date).
  let prev = { fund: -1, measure: '', cum: 0 };
  for (const r of balanceRows) {
    const same = prev.fund === r.fund_id && prev.measure === r.measure;
    const amountFen = Number(r.cum) - (same ? prev.cum : 0);
    prev = { fund: r.fund_id, measure: r.measure, cum: Number(r.cum) };
    const book = byFund.get(r.fund_id);
    if (!book || amountFen === 0) continue;
    (r.measure === 'commitment' ? book.commitments : book[kindKey[r.measure]]).push({ date: r.date, amountFen });
  }
  const interest = (investorId: number, fundId: number) => {
    const holder = fundOfInvestor.get(investorId);
    const book = holder === undefined ? undefined : byFund.get(holder);
    if (!book || !fundIds.includes(fundId)) return null;
    let i = book.interests.get(fundId);
    if (!i) {
      i = { fundId, commitments: [], contributions: [], distributions: [] };
      book.interests.set(fundId, i);
    }
    return i;
  };
  for (const r of interestCommitRows) interest(r.investor_id, r.fund_id)?.commitments.push({ date: r.date, amountFen: Number(r.amount) });
  for (const r of interestLedgerRows) {
    const i = interest(r.investor_id, r.fund_id);
    if (i) (r.kind === 'contribution' ? i.contributions : i.distributions).push({ date: r.date, amountFen: Number(r.amount) });
  }
  const position = (fundId: number, companyId: number) => {
    const book = byFund.get(fundId);
    if (!book) return null;
    let p = book.positions.get(companyId);
    if (!p) {
      p = { tranches: [], exits: [], marks: [] };
      book.positions.set(companyId, p);
    }
    return p;
  };
  for (const t of tranches) position(t.fund_id, t.company_id)?.tranches.push({ id: t.id, date: t.date, amountFen: t.amount_fen, equityShare: t.equity_share });
  for (const x of exits) position(x.fund_id, x.company_id)?.exits.push({ id: x.id, date: x.date, shareSold: x.share_sold, proceedsFen: x.proceeds_fen });
  for (const m of marks) position(m.fund_id, m.company_id)?.marks.push({ id: m.id, date: m.date, valueFen: m.value_fen, method: m.method });

  const books: FundBook[] = [...byFund.values()].map((b) => ({
    ...b,
    positions: [...b.positions.entries()].sort((a, b2) => a[0] - b2[0]).map(([companyId, events]) => ({ companyId, events })),
    interests: [...b.interests.values()].sort((a, b2) => a.fundId - b2.fundId) as Interest[],
  }));
  return { books: new Books(books), fundIds, fundOfInvestor };
}
