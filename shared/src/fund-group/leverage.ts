import { type Basis, fundMoney, type GroupFund, moneyByFund, ratio, type SourceClass, type SourceMoney } from './money.js';

/**
 * The leverage family (放大倍数) of docs/domain.md#leverage, as of a date, each on the committed (认缴) and
 * the paid-in (实缴) basis. Every figure carries its numerator and denominator in fen, so a screen or an
 * export shows what it was computed from, and the ratio is taken from the sums, never from rounded parts.
 *
 * - per sub-fund: sub-fund size ÷ the mother fund's money in it;
 * - per batch: Σ the batch's sub-fund sizes ÷ Σ the mother fund's money in them;
 * - group total: (mother-fund direct investments + Σ sub-fund sizes) ÷ the mother fund's size;
 * - social capital: (group total − government money) ÷ government money, where government money is the
 *   mother fund's money in the group plus other budget (财政) money in the sub-funds and vehicles;
 * - government-money (财政) basis: group total ÷ budget money only — the budget LPs of the mother fund plus
 *   budget LPs directly in sub-funds and vehicles (SOE money, even in the mother fund, is not budget money).
 *
 * No double counting: a sub-fund's money from another fund of the group (a fund of funds' commitment) is
 * counted once, in the fund of funds; so "size" in the group and batch sums is each sub-fund's own capital.
 * Direct deals and co-investment (direct-investment vehicles, and the mother fund's own investments) are
 * counted in or out by `includeDirect`.
 */
export interface LeverageInput {
  funds: ReadonlyArray<Pick<GroupFund, 'id' | 'kind' | 'batch'>>;
  /** Per fund and source class, as of the date. */
  money: ReadonlyArray<SourceMoney>;
  /** The mother fund's own investments in companies (not through a vehicle), net, as of the date. */
  motherDirectInvestedFen: number;
  includeDirect: boolean;
}

/** One leverage figure: numerator ÷ denominator on a basis; `ratio` is null where the denominator is 0. */
export interface LeverageFigure {
  numeratorFen: number;
  denominatorFen: number;
  ratio: number | null;
}
export type ByBasis<T> = Record<Basis, T>;

export interface GroupLeverage {
  /** The group's size (numerator of the total): direct + Σ sub-funds' own capital. */
  groupSize: ByBasis<number>;
  /** Its parts: direct-investment vehicles and the mother fund's own deals (0 when excluded); sub-funds. */
  directFen: ByBasis<number>;
  subFundsFen: ByBasis<number>;
  /** Commitments (or contributions) between funds of the group, left out so nothing counts twice. */
  excludedGroupFundFen: ByBasis<number>;
  motherSize: ByBasis<number>;
  /** Government money in the group: the mother fund's money in it + other budget money. */
  governmentFen: ByBasis<number>;
  /** Budget (财政) money: the mother fund's budget LPs + budget LPs in the funds. */
  fiscalFen: ByBasis<number>;
  total: ByBasis<LeverageFigure>;
  socialCapital: ByBasis<LeverageFigure>;
  fiscal: ByBasis<LeverageFigure>;
  /** The group's size by where the money comes from (mother_fund includes its direct deals); sums to groupSize. */
  bySource: ByBasis<Partial<Record<SourceClass, number>>>;
}

const figure = (n: number, d: number): LeverageFigure => ({ numeratorFen: n, denominatorFen: d, ratio: ratio(n, d) });

/** Per sub-fund: its size ÷ the mother fund's money in it (its whole size: the fund's own agreement figure). */
export function subFundLeverage(money: ReadonlyArray<SourceMoney>, fundId: number, basis: Basis): LeverageFigure {
  const m = fundMoney(money, fundId, basis);
  return figure(m.size, m.mother);
}

/** Per batch: Σ the sub-funds' own capital (a fund of funds' money counted once) ÷ Σ the mother fund's money in them. */
export function batchLeverage(money: ReadonlyArray<SourceMoney>, fundIds: ReadonlyArray<number>, basis: Basis): LeverageFigure {
  let n = 0;
  let d = 0;
  const byFund = moneyByFund(money);
  for (const id of fundIds) {
    const m = fundMoney(byFund.get(id) ?? [], id, basis);
    n += m.own;
    d += m.mother;
  }
  return figure(n, d);
}

export function groupLeverage(input: LeverageInput): GroupLeverage {
  const mother = input.funds.find((f) => f.kind === 'mother');
  const members = input.funds.filter((f) => f.kind === 'sub' || (input.includeDirect && f.kind === 'direct_vehicle'));
  const byFund = moneyByFund(input.money);
  const per = (basis: Basis) => {
    let direct = input.includeDirect ? input.motherDirectInvestedFen : 0;
    let subs = 0;
    let excluded = 0;
    let government = direct;
    let fiscal = mother ? fundMoney(byFund.get(mother.id) ?? [], mother.id, basis).fiscal : 0;
    const bySource: Partial<Record<SourceClass, number>> = direct ? { mother_fund: direct } : {};
    for (const f of members) {
      const m = fundMoney(byFund.get(f.id) ?? [], f.id, basis);
      if (f.kind === 'direct_vehicle') direct += m.own;
      else subs += m.own;
      excluded += m.groupFund;
      government += m.government;
      fiscal += m.fiscal;
      for (const [s, v] of Object.entries(m.bySource) as Array<[SourceClass, number]>) {
        if (s !== 'group_fund') bySource[s] = (bySource[s] ?? 0) + v;
      }
    }
    const size = direct + subs;
    const motherSize = mother ? fundMoney(byFund.get(mother.id) ?? [], mother.id, basis).size : 0;
    return {
      size,
      direct,
      subs,
      excluded,
      motherSize,
      government,
      fiscal,
      bySource,
      total: figure(size, motherSize),
      social: figure(size - government, government),
      fiscalFig: figure(size, fiscal),
    };
  };
  const c = per('committed');
  const p = per('paid_in');
  return {
    groupSize: { committed: c.size, paid_in: p.size },
    directFen: { committed: c.direct, paid_in: p.direct },
    subFundsFen: { committed: c.subs, paid_in: p.subs },
    excludedGroupFundFen: { committed: c.excluded, paid_in: p.excluded },
    motherSize: { committed: c.motherSize, paid_in: p.motherSize },
    governmentFen: { committed: c.government, paid_in: p.government },
    fiscalFen: { committed: c.fiscal, paid_in: p.fiscal },
    total: { committed: c.total, paid_in: p.total },
    socialCapital: { committed: c.social, paid_in: p.social },
    fiscal: { committed: c.fiscalFig, paid_in: p.fiscalFig },
    bySource: { committed: c.bySource, paid_in: p.bySource },
  };
}
