/**
 * An LP's capital account in one fund over a period, with the ILPA statement's lines:
 *
 *   ending balance = beginning balance + contributions − distributions − fees and expenses + allocated gain or loss
 *
 * The balances are the LP's share of the fund's NAV at the day before the period and at its last day
 * (books.ts); the allocated gain or loss is what makes the two meet, so every statement reconciles.
 * Flows dated inside the period count: after `from`'s eve, on or before `to`.
 */
import { addDays } from '../common/dates.js';
import type { Cumulative } from './books.js';

export interface CapitalAccountLines {
  from: string;
  to: string;
  beginningFen: number;
  contributionsFen: number;
  distributionsFen: number;
  feesFen: number;
  gainLossFen: number;
  endingFen: number;
}

export interface CapitalAccountInput {
  contributions: Cumulative;
  distributions: Cumulative;
  fees: Cumulative;
  /** The LP's balance (share of NAV) at the end of a date. */
  balanceAt: (date: string) => number;
}

/** The lines for the period [from, to]; `from` null means since inception (beginning balance 0). */
export function capitalAccount(input: CapitalAccountInput, from: string | null, to: string): CapitalAccountLines {
  const eve = from === null ? '0000-01-01' : addDays(from, -1);
  const beginningFen = from === null ? 0 : Math.round(input.balanceAt(eve));
  const endingFen = Math.round(input.balanceAt(to));
  const contributionsFen = input.contributions.between(eve, to);
  const distributionsFen = input.distributions.between(eve, to);
  const feesFen = input.fees.between(eve, to);
  return {
    from: from ?? '',
    to,
    beginningFen,
    contributionsFen,
    distributionsFen,
    feesFen,
    gainLossFen: endingFen - beginningFen - contributionsFen + distributionsFen + feesFen,
    endingFen,
  };
}

/** The three columns of an ILPA statement for a quarter: quarter to date, year to date, inception to date. */
export function capitalAccountColumns(input: CapitalAccountInput, quarterStart: string, quarterEnd: string) {
  return {
    qtd: capitalAccount(input, quarterStart, quarterEnd),
    ytd: capitalAccount(input, `${quarterEnd.slice(0, 4)}-01-01`, quarterEnd),
    itd: capitalAccount(input, null, quarterEnd),
  };
}
