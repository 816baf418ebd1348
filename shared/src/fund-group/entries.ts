import type { LedgerKind } from '../reference/taxonomy.js';
import type { FundFlows } from './overview.js';
import type { SourceClass, SourceMoney } from './money.js';
import type { QualifyingInvestment } from './reinvest.js';
import type { DatedCommitment } from './share.js';

/**
 * The overview's inputs recomputed from the books themselves — every commitment and ledger row — rather
 * than from the running balances. The data layer uses balances; this is the reference they are proven
 * against, and the way a test writes a scenario as the dated entries a fund's books would hold.
 */
export interface RawCommitment {
  fundId: number;
  source: SourceClass;
  date: string;
  amountFen: number;
}
export interface RawLedgerEntry {
  fundId: number;
  /** The source class of the entry's investor; `none` for fund ↔ company flows. */
  source: SourceClass;
  kind: LedgerKind;
  date: string;
  /** Signed: a reversal is the negated amount. */
  amountFen: number;
  companyId: number | null;
  /** When the entry's investor is itself a fund of the group: that fund (its payment is that fund's investment). */
  investorFundId?: number | null;
}

/** Σ commitments and Σ contributions per fund and source class, as of `asOf`. */
export function moneyAsOf(commitments: ReadonlyArray<RawCommitment>, ledger: ReadonlyArray<RawLedgerEntry>, asOf: string): SourceMoney[] {
  const out = new Map<string, SourceMoney>();
  const row = (fundId: number, source: SourceClass) => {
    const key = `${fundId}|${source}`;
    let r = out.get(key);
    if (!r) {
      r = { fundId, source, committedFen: 0, paidInFen: 0 };
      out.set(key, r);
    }
    return r;
  };
  for (const c of commitments) if (c.date <= asOf) row(c.fundId, c.source).committedFen += c.amountFen;
  for (const e of ledger) if (e.date <= asOf && e.kind === 'contribution') row(e.fundId, e.source).paidInFen += e.amountFen;
  return [...out.values()].sort((a, b) => a.fundId - b.fundId || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/** Each fund's flows as of `asOf`, every source together. */
export function flowsAsOf(ledger: ReadonlyArray<RawLedgerEntry>, asOf: string): FundFlows[] {
  const out = new Map<number, FundFlows>();
  const field: Record<LedgerKind, keyof Omit<FundFlows, 'fundId'>> = {
    call: 'calledFen',
    contribution: 'paidInFen',
    distribution: 'distributedFen',
    fee: 'feesFen',
    investment: 'investedFen',
    proceeds: 'proceedsFen',
  };
  const of = (fundId: number) => {
    let f = out.get(fundId);
    if (!f) {
      f = { fundId, calledFen: 0, paidInFen: 0, distributedFen: 0, feesFen: 0, investedFen: 0, proceedsFen: 0, investedInFundsFen: 0 };
      out.set(fundId, f);
    }
    return f;
  };
  for (const e of ledger) {
    if (e.date > asOf) continue;
    of(e.fundId)[field[e.kind]] += e.amountFen;
    if (e.kind === 'contribution' && e.investorFundId) of(e.investorFundId).investedInFundsFen += e.amountFen;
  }
  return [...out.values()].sort((a, b) => a.fundId - b.fundId);
}

/** Cumulative contributions per fund at each date they changed, up to `asOf`. */
export function contributionSeries(ledger: ReadonlyArray<RawLedgerEntry>, asOf: string): Map<number, Array<{ date: string; cumFen: number }>> {
  const byFund = new Map<number, Map<string, number>>();
  for (const e of ledger) {
    if (e.kind !== 'contribution' || e.date > asOf) continue;
    const days = byFund.get(e.fundId) ?? new Map<string, number>();
    days.set(e.date, (days.get(e.date) ?? 0) + e.amountFen);
    byFund.set(e.fundId, days);
  }
  const out = new Map<number, Array<{ date: string; cumFen: number }>>();
  for (const [fundId, days] of byFund) {
    let cum = 0;
    const series: Array<{ date: string; cumFen: number }> = [];
    for (const [date, d] of [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      cum += d;
      series.push({ date, cumFen: cum });
    }
    out.set(fundId, series);
  }
  return out;
}

export function commitmentHistory(commitments: ReadonlyArray<RawCommitment>): Map<number, DatedCommitment[]> {
  const out = new Map<number, DatedCommitment[]>();
  for (const c of commitments) out.set(c.fundId, [...(out.get(c.fundId) ?? []), { date: c.date, source: c.source, amountFen: c.amountFen }]);
  return out;
}

/**
 * The reinvestment engine's input from the ledger: each fund's investments (net of reversals, per firm and
 * date) with the firm's registration and the evidence on file for that fund and firm.
 */
export function investmentsFromLedger(
  ledger: ReadonlyArray<RawLedgerEntry>,
  companies: ReadonlyMap<number, { registeredInShanghai: boolean }>,
  evidence: ReadonlyArray<{ fundId: number; companyId: number; type: 'relocated' | 'subsidiary'; effectiveDate: string }>,
): Map<number, QualifyingInvestment[]> {
  const sums = new Map<string, { fundId: number; companyId: number; date: string; amountFen: number }>();
  for (const e of ledger) {
    if (e.kind !== 'investment' || e.companyId === null) continue;
    const key = `${e.fundId}|${e.companyId}|${e.date}`;
    const s = sums.get(key) ?? { fundId: e.fundId, companyId: e.companyId, date: e.date, amountFen: 0 };
    s.amountFen += e.amountFen;
    sums.set(key, s);
  }
  const out = new Map<number, QualifyingInvestment[]>();
  for (const s of sums.values()) {
    if (s.amountFen === 0) continue;
    const inv: QualifyingInvestment = {
      companyId: s.companyId,
      date: s.date,
      amountFen: s.amountFen,
      registeredInShanghai: companies.get(s.companyId)?.registeredInShanghai ?? false,
      evidence: evidence.filter((x) => x.fundId === s.fundId && x.companyId === s.companyId).map((x) => ({ type: x.type, effectiveDate: x.effectiveDate })),
    };
    out.set(s.fundId, [...(out.get(s.fundId) ?? []), inv]);
  }
  return out;
}
