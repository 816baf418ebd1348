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

/** An LP's statement for one fund and quarter: the commitment figures and the three columns. */
export interface StatementLines {
  committedFen: number;
  calledFen: number;
  unfundedFen: number;
  qtd: CapitalAccountLines;
  ytd: CapitalAccountLines;
  itd: CapitalAccountLines;
}

export const STATEMENT_FIGURES = ['committedFen', 'calledFen', 'unfundedFen'] as const;
export const STATEMENT_COLUMNS = ['qtd', 'ytd', 'itd'] as const;
export const STATEMENT_LINES = ['beginningFen', 'contributionsFen', 'distributionsFen', 'feesFen', 'gainLossFen', 'endingFen'] as const;

export interface StatementDifference {
  /** null for the commitment figures, else the column. */
  column: (typeof STATEMENT_COLUMNS)[number] | null;
  line: (typeof STATEMENT_FIGURES)[number] | (typeof STATEMENT_LINES)[number];
  issuedFen: number;
  currentFen: number;
}

/**
 * Where a statement as issued differs from the same statement computed from the books now (a
 * restatement): every figure and line that moved, to the fen. Empty when the books still give what was sent.
 */
export function statementDifferences(issued: StatementLines, current: StatementLines): StatementDifference[] {
  const out: StatementDifference[] = [];
  for (const line of STATEMENT_FIGURES)
    if (issued[line] !== current[line]) out.push({ column: null, line, issuedFen: issued[line], currentFen: current[line] });
  for (const column of STATEMENT_COLUMNS)
    for (const line of STATEMENT_LINES)
      if (issued[column][line] !== current[column][line]) out.push({ column, line, issuedFen: issued[column][line], currentFen: current[column][line] });
  return out;
}

/**
 * The canonical text of a set of statement lines (keys sorted at every level), which the server hashes
 * (SHA-256) into the digest printed on an issued statement: the same figures always give the same text.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value as Record<string, unknown>)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
