/**
 * Multiples from a cash-flow ledger, as of a date.
 *
 * Input: flows typed by kind, each with a non-negative amount in integer fen (a safe integer — the
 * product's money type), and an explicit `asOf` date; flows dated after `asOf` are left out, flows on
 * `asOf` count. `nav` (or, for an investment, its unrealised `value`) is the value still held at `asOf`,
 * also in fen, given by the caller (it is not looked up in the flows).
 *
 *   kind 'contribution'  money paid in: a capital call paid by the LP (fund level) or money invested in
 *                        a company (investment level)
 *   kind 'distribution'  money paid out: a distribution to the LP, or proceeds realised from a company
 *
 *   PIC  = Σ contributions                          (paid-in capital, fen)
 *   DPI  = Σ distributions ÷ PIC
 *   RVPI = NAV ÷ PIC
 *   TVPI = (Σ distributions + NAV) ÷ PIC            (= DPI + RVPI, computed from the sums)
 *   MOIC = (realised + unrealised value) ÷ invested (the same arithmetic, at investment level)
 *
 * Ratios are computed from the sums, never from rounded parts, and are not rounded; a ratio whose
 * denominator is 0 (nothing paid in yet) is null, never NaN or Infinity.
 *
 * Invalid input throws a RangeError naming the element (`flows[2].amount`): an unknown kind, a date
 * that is not `YYYY-MM-DD`, an amount that is negative or not a safe integer.
 */
import { describeValue, isoDayOrThrow } from '../common/dates.js';

export type CashFlowKind = 'contribution' | 'distribution';

export interface KindedFlow {
  readonly date: string;
  readonly kind: CashFlowKind;
  /** Non-negative safe integer, in fen; the kind gives the direction. */
  readonly amount: number;
}

export interface LedgerAsOf {
  readonly flows: ReadonlyArray<KindedFlow>;
  readonly asOf: string;
}

export interface FundPosition extends LedgerAsOf {
  /** Net asset value at `asOf`, in fen (a safe integer; may be negative). */
  readonly nav: number;
}

export interface InvestmentPosition extends LedgerAsOf {
  /** Unrealised value of what is still held at `asOf`, in fen (a safe integer). */
  readonly value: number;
}

export interface FundMetrics {
  /** Paid-in capital, fen. */
  readonly paidIn: number;
  /** Σ distributions, fen. */
  readonly distributed: number;
  readonly nav: number;
  readonly dpi: number | null;
  readonly rvpi: number | null;
  readonly tvpi: number | null;
}

interface Sums {
  contributions: number;
  distributions: number;
}

function sumsAsOf(ledger: LedgerAsOf, fn: string): Sums {
  if (typeof ledger !== 'object' || ledger === null) throw new TypeError(`${fn}: input must be an object`);
  const asOfDay = isoDayOrThrow(ledger.asOf, `${fn}: asOf`);
  const flows = ledger.flows;
  if (!Array.isArray(flows)) throw new TypeError(`${fn}: flows must be an array`);
  let contributions = 0;
  let distributions = 0;
  for (let i = 0; i < flows.length; i++) {
    const f = flows[i] as KindedFlow | null | undefined;
    if (typeof f !== 'object' || f === null) throw new RangeError(`${fn}: flows[${i}] must be an object with 'date', 'kind' and 'amount'`);
    const day = isoDayOrThrow(f.date, `${fn}: flows[${i}].date`);
    const amount = f.amount;
    if (!Number.isSafeInteger(amount) || amount < 0) {
      throw new RangeError(`${fn}: flows[${i}].amount must be a non-negative safe integer (fen), got ${describeValue(amount)}`);
    }
    const kind = f.kind;
    if (kind !== 'contribution' && kind !== 'distribution') {
      throw new RangeError(`${fn}: flows[${i}].kind must be 'contribution' or 'distribution', got ${describeValue(kind)}`);
    }
    if (day > asOfDay) continue;
    if (kind === 'contribution') contributions += amount;
    else distributions += amount;
  }
  return { contributions, distributions };
}

function moneyOrThrow(value: unknown, what: string): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer (fen), got ${describeValue(value)}`);
  return value as number;
}

const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

/** Paid-in capital: Σ contributions dated on or before `asOf`, in fen. */
export function pic(ledger: LedgerAsOf): number {
  return sumsAsOf(ledger, 'pic').contributions;
}

/** Σ distributions dated on or before `asOf`, in fen. */
export function distributed(ledger: LedgerAsOf): number {
  return sumsAsOf(ledger, 'distributed').distributions;
}

/** DPI = Σ distributions ÷ PIC; null when nothing has been paid in. */
export function dpi(ledger: LedgerAsOf): number | null {
  const s = sumsAsOf(ledger, 'dpi');
  return ratio(s.distributions, s.contributions);
}

/** RVPI = NAV ÷ PIC; null when nothing has been paid in. */
export function rvpi(position: FundPosition): number | null {
  const s = sumsAsOf(position, 'rvpi');
  return ratio(moneyOrThrow(position.nav, 'rvpi: nav'), s.contributions);
}

/** TVPI = (Σ distributions + NAV) ÷ PIC (= DPI + RVPI); null when nothing has been paid in. */
export function tvpi(position: FundPosition): number | null {
  const s = sumsAsOf(position, 'tvpi');
  return ratio(s.distributions + moneyOrThrow(position.nav, 'tvpi: nav'), s.contributions);
}

/**
 * MOIC of an investment = (realised + unrealised value) ÷ invested, where invested = Σ 'contribution'
 * flows (money put into the company), realised = Σ 'distribution' flows (proceeds), unrealised =
 * `value`; null when nothing has been invested.
 */
export function moic(position: InvestmentPosition): number | null {
  const s = sumsAsOf(position, 'moic');
  return ratio(s.distributions + moneyOrThrow(position.value, 'moic: value'), s.contributions);
}

/** All fund multiples at once (one pass over the flows). */
export function fundMetrics(position: FundPosition): FundMetrics {
  const s = sumsAsOf(position, 'fundMetrics');
  const nav = moneyOrThrow(position.nav, 'fundMetrics: nav');
  return {
    paidIn: s.contributions,
    distributed: s.distributions,
    nav,
    dpi: ratio(s.distributions, s.contributions),
    rvpi: ratio(nav, s.contributions),
    tvpi: ratio(s.distributions + nav, s.contributions),
  };
}
