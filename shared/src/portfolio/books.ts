/**
 * Net asset value, look-through and performance of the funds of the group, from their books: the
 * cash-flow ledger, the positions in companies (see position.ts) and the funds' interests in one another.
 * Pure: the server loads the books, this module computes, as of any date.
 *
 * Definitions (docs/decisions/031-nav-and-look-through.md):
 * - cash(F, d)  = contributions − fees − distributions − investments + proceeds of F
 *                 − contributions F paid into funds of the group + distributions it received from them.
 *   Management fees are charged to the LPs' capital accounts and paid out of the fund's cash; they are
 *   not an LP cash flow of their own (net IRR uses contributions and distributions only).
 * - NAV(F, d)   = cash + Σ position values + Σ over funds G that F is an LP of: share(F in G, d) × NAV(G, d).
 * - share(X in G, d) = X's contributions to G ÷ all contributions to G (paid-in share, the basis NAV and
 *   gains are allocated on); before anything is paid in, the commitment share.
 * - Look-through: F's exposure to a company = Σ over every path F → … → H where H holds the company of
 *   Π shares along the path × H's position. One company reached by several paths is one company, its
 *   paths listed (the overlap).
 */
import { minDate } from '../common/dates.js';
import { fundMetrics } from '../finance/metrics.js';
import { xirr } from '../finance/xirr.js';
import { type PositionEvents, type PositionState, positionSeries } from './position.js';

export interface DatedAmount {
  date: string;
  amountFen: number;
}

/** One investor's money in a fund: what it committed, paid in and got back. */
export interface Interest {
  fundId: number;
  commitments: ReadonlyArray<DatedAmount>;
  contributions: ReadonlyArray<DatedAmount>;
  distributions: ReadonlyArray<DatedAmount>;
}

export interface FundBook {
  fundId: number;
  /** LP ↔ fund, every investor together. */
  commitments: ReadonlyArray<DatedAmount>;
  calls: ReadonlyArray<DatedAmount>;
  contributions: ReadonlyArray<DatedAmount>;
  distributions: ReadonlyArray<DatedAmount>;
  fees: ReadonlyArray<DatedAmount>;
  /** Fund ↔ company, as the ledger has them. */
  investments: ReadonlyArray<DatedAmount>;
  proceeds: ReadonlyArray<DatedAmount>;
  positions: ReadonlyArray<{ companyId: number; events: PositionEvents }>;
  /** This fund as an LP of other funds of the group (the mother fund in its sub-funds; a fund of funds in its targets). */
  interests: ReadonlyArray<Interest>;
}

/** Σ of dated amounts on or before a date, by binary search over prefix sums. */
export class Cumulative {
  private readonly dates: string[];
  private readonly sums: number[];
  constructor(amounts: ReadonlyArray<DatedAmount>) {
    const sorted = [...amounts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    this.dates = sorted.map((a) => a.date);
    this.sums = [];
    let s = 0;
    for (const a of sorted) {
      s += a.amountFen;
      this.sums.push(s);
    }
  }
  at(date: string): number {
    let lo = 0;
    let hi = this.dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.dates[mid] as string) <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : (this.sums[lo - 1] as number);
  }
  /** Σ over (from, to]: dated after `from`, on or before `to`. */
  between(from: string, to: string): number {
    return this.at(to) - this.at(from);
  }
}

/** One path by which a fund reaches a company. */
export interface Exposure {
  companyId: number;
  /** The fund that holds the position. */
  holderFundId: number;
  /** The funds from the top one's first interest down to the holder; empty when the top fund holds it directly. */
  via: number[];
  /** Π of the shares along the path (1 when held directly). */
  share: number;
  /** The holder's position figures times `share` (fen, not rounded). */
  valueFen: number;
  remainingCostFen: number;
  investedFen: number;
  realisedFen: number;
  firstDate: string;
  exited: boolean;
}

export interface CompanyExposure {
  companyId: number;
  valueFen: number;
  remainingCostFen: number;
  investedFen: number;
  realisedFen: number;
  firstDate: string;
  /** Every path; more than one holding fund is the overlap. */
  paths: Exposure[];
  overlap: boolean;
}

export interface NetFigures {
  paidInFen: number;
  distributedFen: number;
  navFen: number;
  dpi: number | null;
  rvpi: number | null;
  tvpi: number | null;
  /** Net IRR: contributions out, distributions in, the NAV as a final inflow at the date. */
  irr: number | null;
}

interface Prepared {
  book: FundBook;
  commitments: Cumulative;
  calls: Cumulative;
  contributions: Cumulative;
  distributions: Cumulative;
  fees: Cumulative;
  investments: Cumulative;
  proceeds: Cumulative;
  interests: Array<{ interest: Interest; commitments: Cumulative; contributions: Cumulative; distributions: Cumulative }>;
}

/**
 * The group's books, ready to answer as of any dates. Results are memoised per fund and date list, so
 * a fund reached through several paths is computed once.
 */
export class Books {
  private readonly funds = new Map<number, Prepared>();
  private readonly navMemo = new Map<string, number[]>();
  private readonly posMemo = new Map<string, PositionState[][]>();
  private readonly visiting = new Set<number>();

  constructor(books: Iterable<FundBook>) {
    for (const b of books) {
      this.funds.set(b.fundId, {
        book: b,
        commitments: new Cumulative(b.commitments),
        calls: new Cumulative(b.calls),
        contributions: new Cumulative(b.contributions),
        distributions: new Cumulative(b.distributions),
        fees: new Cumulative(b.fees),
        investments: new Cumulative(b.investments),
        proceeds: new Cumulative(b.proceeds),
        interests: b.interests.map((i) => ({
          interest: i,
          commitments: new Cumulative(i.commitments),
          contributions: new Cumulative(i.contributions),
          distributions: new Cumulative(i.distributions),
        })),
      });
    }
  }

  has(fundId: number): boolean {
    return this.funds.has(fundId);
  }

  book(fundId: number): FundBook {
    return this.get(fundId).book;
  }

  private get(fundId: number): Prepared {
    const p = this.funds.get(fundId);
    if (!p) throw new Error(`Books: fund ${fundId} was not loaded`);
    return p;
  }

  /** Each position's state at each date (positions in the book's order). */
  positions(fundId: number, dates: ReadonlyArray<string>): PositionState[][] {
    const key = `${fundId}|${dates.join(',')}`;
    let memo = this.posMemo.get(key);
    if (!memo) {
      memo = this.get(fundId).book.positions.map((p) => positionSeries(p.events, dates));
      this.posMemo.set(key, memo);
    }
    return memo;
  }

  /** An investor's share of fund `fundId`'s NAV at each date: its paid-in share, or its commitment share before any money is paid in. */
  shares(investor: Pick<Interest, 'commitments' | 'contributions'> | Prepared['interests'][number], fundId: number, dates: ReadonlyArray<string>): number[] {
    const g = this.get(fundId);
    const mine =
      'interest' in investor ? investor : { commitments: new Cumulative(investor.commitments), contributions: new Cumulative(investor.contributions) };
    return dates.map((d) => {
      const paid = g.contributions.at(d);
      if (paid > 0) return mine.contributions.at(d) / paid;
      const committed = g.commitments.at(d);
      return committed > 0 ? mine.commitments.at(d) / committed : 0;
    });
  }

  /** NAV of a fund at each date (fen, rounded). */
  nav(fundId: number, dates: ReadonlyArray<string>): number[] {
    const key = `${fundId}|${dates.join(',')}`;
    const memo = this.navMemo.get(key);
    if (memo) return memo;
    if (this.visiting.has(fundId)) throw new Error(`Books: the funds' interests form a cycle through fund ${fundId}`);
    this.visiting.add(fundId);
    const f = this.get(fundId);
    const positions = this.positions(fundId, dates);
    const childNav = f.interests.map((i) => ({ i, nav: this.nav(i.interest.fundId, dates), share: this.shares(i, i.interest.fundId, dates) }));
    const out = dates.map((d, k) => {
      let v = this.cash(f, d);
      for (const p of positions) v += (p[k] as PositionState).valueFen;
      for (const c of childNav) v += (c.share[k] ?? 0) * (c.nav[k] ?? 0);
      return Math.round(v);
    });
    this.visiting.delete(fundId);
    this.navMemo.set(key, out);
    return out;
  }

  /** The fund's cash at a date (see the module comment). */
  cashAt(fundId: number, date: string): number {
    return this.cash(this.get(fundId), date);
  }

  private cash(f: Prepared, d: string): number {
    let c = f.contributions.at(d) - f.fees.at(d) - f.distributions.at(d) - f.investments.at(d) + f.proceeds.at(d);
    for (const i of f.interests) c += i.distributions.at(d) - i.contributions.at(d);
    return c;
  }

  /** LP ↔ fund totals and the net multiples and IRR at each date. */
  netSeries(fundId: number, dates: ReadonlyArray<string>): Array<NetFigures & { committedFen: number; calledFen: number; feesFen: number }> {
    const f = this.get(fundId);
    const navs = this.nav(fundId, dates);
    return dates.map((d, k) => ({
      ...netFigures(f.book.contributions, f.book.distributions, navs[k] ?? 0, d),
      committedFen: f.commitments.at(d),
      calledFen: f.calls.at(d),
      feesFen: f.fees.at(d),
    }));
  }

  /**
   * Fund ↔ holdings at a date: invested (rounds bought and money paid into funds of the group),
   * realised (exit proceeds and distributions received), unrealised (position values and the fund's
   * share of the funds it is in), gross MOIC and gross IRR.
   */
  gross(fundId: number, date: string) {
    const f = this.get(fundId);
    const positions = this.positions(fundId, [date]).map((p) => p[0] as PositionState);
    const flows: Array<{ date: string; amount: number }> = [];
    for (const a of f.book.investments) if (a.date <= date) flows.push({ date: a.date, amount: -a.amountFen });
    for (const a of f.book.proceeds) if (a.date <= date) flows.push({ date: a.date, amount: a.amountFen });
    let invested = f.investments.at(date);
    let realised = f.proceeds.at(date);
    let unrealised = positions.reduce((a, p) => a + p.valueFen, 0);
    for (const i of f.interests) {
      for (const a of i.interest.contributions) if (a.date <= date) flows.push({ date: a.date, amount: -a.amountFen });
      for (const a of i.interest.distributions) if (a.date <= date) flows.push({ date: a.date, amount: a.amountFen });
      invested += i.contributions.at(date);
      realised += i.distributions.at(date);
      unrealised += (this.shares(i, i.interest.fundId, [date])[0] ?? 0) * (this.nav(i.interest.fundId, [date])[0] ?? 0);
    }
    unrealised = Math.round(unrealised);
    if (unrealised !== 0) flows.push({ date, amount: unrealised });
    return {
      investedFen: invested,
      realisedFen: realised,
      unrealisedFen: unrealised,
      moic: invested > 0 ? (realised + unrealised) / invested : null,
      irr: xirr(flows),
    };
  }

  /** Every path by which `fundId` reaches a company, as of a date (held positions and exited ones alike). */
  exposures(fundId: number, date: string): Exposure[] {
    return this.walk(fundId, date, 1, [], new Set());
  }

  /** The same for an investor's interests (an LP's look-through): each interest weighted by the investor's share. */
  interestExposures(interests: ReadonlyArray<Interest>, date: string): Exposure[] {
    const out: Exposure[] = [];
    for (const i of interests) {
      if (!this.has(i.fundId)) continue;
      const share = this.shares(i, i.fundId, [date])[0] ?? 0;
      if (share > 0) out.push(...this.walk(i.fundId, date, share, [i.fundId], new Set()));
    }
    return out;
  }

  private walk(fundId: number, date: string, weight: number, via: number[], seen: Set<number>): Exposure[] {
    if (seen.has(fundId)) throw new Error(`Books: the funds' interests form a cycle through fund ${fundId}`);
    const f = this.get(fundId);
    const out: Exposure[] = [];
    const states = this.positions(fundId, [date]);
    f.book.positions.forEach((p, k) => {
      const s = states[k]?.[0];
      if (!s || s.investedFen === 0) return;
      out.push({
        companyId: p.companyId,
        holderFundId: fundId,
        via,
        share: weight,
        valueFen: s.valueFen * weight,
        remainingCostFen: s.remainingCostFen * weight,
        investedFen: s.investedFen * weight,
        realisedFen: s.realisedFen * weight,
        firstDate: p.events.tranches.reduce((a, t) => minDate(a, t.date), '9999-12-31'),
        exited: s.exited,
      });
    });
    const next = new Set(seen).add(fundId);
    for (const i of f.interests) {
      const share = this.shares(i, i.interest.fundId, [date])[0] ?? 0;
      if (share > 0) out.push(...this.walk(i.interest.fundId, date, weight * share, [...via, i.interest.fundId], next));
    }
    return out;
  }
}

/** The paths of a look-through grouped by company: one row per company, with its paths and whether several funds reach it. */
export function byCompany(exposures: ReadonlyArray<Exposure>): CompanyExposure[] {
  const map = new Map<number, CompanyExposure>();
  for (const e of exposures) {
    let c = map.get(e.companyId);
    if (!c) {
      c = { companyId: e.companyId, valueFen: 0, remainingCostFen: 0, investedFen: 0, realisedFen: 0, firstDate: e.firstDate, paths: [], overlap: false };
      map.set(e.companyId, c);
    }
    c.valueFen += e.valueFen;
    c.remainingCostFen += e.remainingCostFen;
    c.investedFen += e.investedFen;
    c.realisedFen += e.realisedFen;
    if (e.firstDate < c.firstDate) c.firstDate = e.firstDate;
    c.paths.push(e);
  }
  const out = [...map.values()];
  for (const c of out) c.overlap = new Set(c.paths.map((p) => p.holderFundId)).size > 1;
  return out.sort((a, b) => b.valueFen - a.valueFen || a.companyId - b.companyId);
}

/** Paid-in, distributed, NAV, DPI, RVPI, TVPI and net IRR of LP ↔ fund flows as of a date. */
export function netFigures(contributions: ReadonlyArray<DatedAmount>, distributions: ReadonlyArray<DatedAmount>, navFen: number, asOf: string): NetFigures {
  const flows: Array<{ date: string; amount: number }> = [];
  let paid = 0;
  let dist = 0;
  for (const c of contributions)
    if (c.date <= asOf) {
      paid += c.amountFen;
      flows.push({ date: c.date, amount: -c.amountFen });
    }
  for (const d of distributions)
    if (d.date <= asOf) {
      dist += d.amountFen;
      flows.push({ date: d.date, amount: d.amountFen });
    }
  if (navFen !== 0) flows.push({ date: asOf, amount: navFen });
  // The multiples from the finance library, on the sums (a reversal is a negative row, so per-row kinds would not do).
  const m = fundMetrics({
    asOf,
    nav: navFen,
    flows: [
      { date: asOf, kind: 'contribution', amount: Math.max(0, paid) },
      { date: asOf, kind: 'distribution', amount: Math.max(0, dist) },
    ],
  });
  return { paidInFen: paid, distributedFen: dist, navFen, dpi: m.dpi, rvpi: m.rvpi, tvpi: m.tvpi, irr: paid > 0 ? xirr(flows) : null };
}
