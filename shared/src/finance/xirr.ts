/**
 * XIRR — the annual internal rate of return of dated cash flows, by the Excel / LibreOffice convention:
 *
 *     Σ amount_i / (1 + r)^((d_i − d_0) / 365) = 0        (actual/365 day counts)
 *
 * The root does not depend on which date is d_0 (changing it multiplies the sum by a positive factor).
 *
 * Flows may come in any order (calls and distributions read from two ledgers, interleaved): one pass
 * validates them and nets same-day amounts while they are in date order; otherwise the (day, amount)
 * pairs are put in date order in scratch buffers (insertion sort for a fund's few dozen flows, a native
 * typed-array sort of packed keys beyond) — only the root-count bound and the netting need the order,
 * not the NPV. The answer depends on the order only where several roots may exist and LibreOffice's own
 * procedure is replayed (its reference date is the first flow as listed, so the corpus matches it).
 *
 * How a rate is chosen — see docs/domain.md#xirr for the reasoning:
 *
 * 1. The flows are netted per date and the number of roots r > −1 is bounded with two rules that hold
 *    for sums of real powers: Descartes' rule of signs (at most as many roots as sign changes, same
 *    parity) and Laguerre's rule on running totals (at most as many roots with r > 0 as sign changes of
 *    the running totals from the first date, and with −1 < r < 0 as those from the last date — the
 *    generalisation of Norström's criterion). Bound 0: `null`, no search at all.
 * 2. Exactly one root (every ordinary fund or deal: money in, money out, even with calls and
 *    distributions interleaved): the root is the answer whatever method finds it, so Halley's method in
 *    y = ln(1 + r) runs from the rate that would hold if all outflows and all inflows sat at their
 *    amount-weighted mean dates (≈3 iterations). Should it not converge, the root is bracketed and solved
 *    in y by safeguarded Newton/bisection on a rescaled sum that cannot overflow, so rates from −99.99…%
 *    to astronomically large ones are found — including where LibreOffice gives up.
 * 3. Possibly several roots: LibreOffice's own procedure (scaddins `getXirr`) is replayed so that the
 *    same root is picked: Newton from the guess 0.1, at most 50 iterations, stopping when the step or the
 *    residual is ≤ 1e-10, with LibreOffice's reference date (the first flow *as listed*) and formula
 *    shape; if that fails, its restart scan (Newton from −0.99, −0.98, … 0.99; the first convergence
 *    wins). Deliberate differences: the residual test is relative (|NPV| ≤ 1e-14·Σ|discounted flows|
 *    instead of ≤ 1e-10) and amounts are divided by the largest |amount| first, so the answer does not
 *    depend on the currency unit and tiny amounts do not "converge" anywhere (LibreOffice's answer can
 *    change with the unit where its Newton wanders among several roots); and a converged point must be a
 *    real root (|NPV| ≤ 1e-9 of Σ|discounted flows|) above −1 — LibreOffice sometimes returns non-roots
 *    (e.g. 1.5e16 when the first listed amount is 0, or a rate below −100 % when all periods are whole
 *    years); those starts count as failures and the procedure goes on.
 * 4. If the whole procedure fails, every sign change of the NPV over y ∈ [−40, 709] (r from −1 + 4e−18 to
 *    ~8e307) is located on a fine grid and refined, and the root closest to 10 % in ln(1 + r) — the one
 *    Newton from 0.1 aims for — is returned. No sign change found: `null`.
 *
 * `null` whenever no rate exists (no positive or no negative amount, after netting nothing changes sign,
 * no root found) or the only root overflows (r > ~8e307). A root closer to −1 than any double (1 + r <
 * 1.1e-16) is returned as −1 + 2^−53, the closest double above −1.
 */
import { describeValue, parseIsoDay } from '../common/dates.js';

/** One dated cash flow: `date` is `YYYY-MM-DD`; `amount` is signed (negative = paid in, positive = received). */
export interface XirrFlow {
  readonly date: string;
  readonly amount: number;
}

const LO_GUESS = 0.1;
const LO_EPS = 1e-10;
/**
 * LibreOffice also stops when |NPV| ≤ 1e-10 in absolute terms; we stop when |NPV| ≤ 1e-14 of
 * Σ|discounted flows| (rounding-noise level), so that the result does not depend on the currency unit —
 * LibreOffice's own answer can (docs/domain.md#xirr).
 */
const RESIDUAL_REL = 1e-14;
const LO_MAX_ITER = 50;
const LO_SCAN_STARTS = 199;
/** A converged point is accepted as a root when |NPV| ≤ VERIFY_REL · Σ |discounted flows|. */
const VERIFY_REL = 1e-9;
/** Same test on the residual just before a final step of ≤ 1e-10 (which is ~|f'|·step, not ~0). */
const PRE_STEP_REL = 1e-6;
/**
 * y = ln(1+r) search range. Below y ≈ −36.7, 1 + r is smaller than the spacing of doubles near −1, so a
 * root down there is returned as MIN_RATE, the closest double above −1 (it is exact to 1.1e-16); above
 * y = 709, r overflows, and such a root is reported as null.
 */
const Y_MIN = -40;
const Y_MAX = 709;
const MIN_RATE = -1 + 2 ** -53;
const Y_GUESS = Math.log1p(LO_GUESS);
/** Unsorted series up to this length are put in date order by insertion sort (else a typed-array sort). */
const INSERTION_MAX = 48;

// Scratch buffers, grown on demand. xirr is synchronous and never re-entered, so sharing them is safe.
let cap = 0;
let bufDay = new Int32Array(0);
let bufAmt = new Float64Array(0);
let bufExp = new Float64Array(0);
/** The same-day-netted series in date order: netT[j] years after its first date, netV[j] ≠ 0. */
let netT = new Float64Array(0);
let netV = new Float64Array(0);
let netM = 0;

function ensureCapacity(n: number): void {
  if (n <= cap) return;
  cap = Math.max(n, cap * 2, 64);
  bufDay = new Int32Array(cap);
  bufAmt = new Float64Array(cap);
  bufExp = new Float64Array(cap);
  netT = new Float64Array(cap);
  netV = new Float64Array(cap);
}

/** Reads and validates flows into the scratch buffers; throws RangeError naming the bad element. */
function load(flows: ReadonlyArray<XirrFlow>, fn: string): number {
  if (!Array.isArray(flows)) throw new TypeError(`${fn}: flows must be an array`);
  const n = flows.length;
  ensureCapacity(n);
  const days = bufDay;
  const amts = bufAmt;
  for (let i = 0; i < n; i++) {
    const fl = flows[i];
    if (typeof fl !== 'object' || fl === null) {
      throw new RangeError(`${fn}: flows[${i}] must be an object with 'date' and 'amount', got ${describeValue(fl)}`);
    }
    const d = parseIsoDay(fl.date);
    if (Number.isNaN(d)) {
      throw new RangeError(`${fn}: flows[${i}].date must be a valid 'YYYY-MM-DD' date, got ${describeValue(fl.date)}`);
    }
    const a = fl.amount;
    if (typeof a !== 'number' || a - a !== 0) {
      throw new RangeError(`${fn}: flows[${i}].amount must be a finite number, got ${describeValue(a)}`);
    }
    days[i] = d;
    amts[i] = a;
  }
  return n;
}

/**
 * Annual XIRR of `flows` (any order, same-day flows allowed), or `null` when no rate exists.
 * Throws RangeError for an invalid date or a non-finite amount, naming the element (`flows[3].date`).
 */
export function xirr(flows: ReadonlyArray<XirrFlow>): number | null {
  if (!Array.isArray(flows)) throw new TypeError('xirr: flows must be an array');
  const n = flows.length;
  if (n === 0) return null;
  ensureCapacity(n);
  const amts = bufAmt;
  const days = bufDay;
  const nt = netT;
  const nv = netV;
  // One pass: validation, signs, amount-weighted mean dates of inflows and outflows, and — while
  // the input is in date order — the same-day-netted series (else it is rebuilt by sorting below).
  let d0 = 0;
  let pos = 0;
  let neg = 0;
  let posDays = 0;
  let negDays = 0;
  let sorted = true;
  let m = 0;
  let runDay = 0;
  let runSum = 0;
  for (let i = 0; i < n; i++) {
    const fl = flows[i];
    if (typeof fl !== 'object' || fl === null) {
      throw new RangeError(`xirr: flows[${i}] must be an object with 'date' and 'amount', got ${describeValue(fl)}`);
    }
    const d = parseIsoDay(fl.date);
    if (Number.isNaN(d)) {
      throw new RangeError(`xirr: flows[${i}].date must be a valid 'YYYY-MM-DD' date, got ${describeValue(fl.date)}`);
    }
    const a = fl.amount;
    if (typeof a !== 'number' || a - a !== 0) {
      throw new RangeError(`xirr: flows[${i}].amount must be a finite number, got ${describeValue(a)}`);
    }
    days[i] = d;
    amts[i] = a;
    if (i === 0) {
      d0 = d;
      runDay = d;
    } else if (d !== runDay) {
      if (d < runDay) sorted = false;
      if (runSum !== 0) {
        nt[m] = runDay;
        nv[m++] = runSum;
      }
      runDay = d;
      runSum = 0;
    }
    runSum += a;
    if (a > 0) {
      pos += a;
      posDays += a * (d - d0);
    } else if (a < 0) {
      neg -= a;
      negDays -= a * (d - d0);
    }
  }
  if (pos === 0 || neg === 0) return null;
  if (sorted) {
    if (runSum !== 0) {
      nt[m] = runDay;
      nv[m++] = runSum;
    }
    const first = nt[0]!;
    for (let j = 0; j < m; j++) nt[j] = (nt[j]! - first) / 365;
    netM = m;
  } else {
    netBySorting(n);
  }

  const roots = rootCountBound(1e-12 * (pos + neg));
  if (roots === 0) return null;
  if (roots === 1) {
    // Exactly one root, so there is no need to follow LibreOffice's path: Halley in y = ln(1+r) from
    // the rate that would hold if every outflow and inflow sat at its amount-weighted mean date.
    const y0 = Math.log(pos / neg) / ((posDays / pos - negDays / neg) / 365);
    const r = newtonUnique(!Number.isNaN(y0) && y0 > Y_MIN && y0 < Y_MAX ? y0 : Y_GUESS);
    if (!Number.isNaN(r)) return r;
    return uniqueRoot();
  }

  // Possibly several roots: LibreOffice's procedure, with its reference date (the first flow as listed).
  // Amounts are divided by the largest |amount|: Newton's path is then bit-for-bit the same whatever
  // the currency unit when the rescaling is exact (e.g. fen ↔ yuan on integer fen amounts ×100).
  const ex = bufExp;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    ex[i] = (days[i]! - d0) / 365;
    const a = amts[i]!;
    if (a > maxAbs) maxAbs = a;
    else if (-a > maxAbs) maxAbs = -a;
  }
  for (let i = 0; i < n; i++) amts[i] = amts[i]! / maxAbs;
  const r = newtonLO(n, LO_GUESS);
  if (!Number.isNaN(r)) return r;
  // Its restart scan: Newton from −0.99, −0.98, … 0.99; the first verified convergence wins.
  for (let k = 0; k < LO_SCAN_STARTS; k++) {
    const rk = newtonLO(n, -0.99 + k * 0.01);
    if (!Number.isNaN(rk)) return rk;
  }
  return gridRoot();
}

/**
 * Builds the netted series (netT, netV, netM) for input that is not in date order, without allocating:
 * the (day, amount) pairs are sorted by day in the scratch buffers — insertion sort for the short series
 * funds have (a few dozen flows, mostly in runs already in order: two ledgers interleaved), a native
 * typed-array sort of packed (day, index) keys for long ones — then same-day amounts are summed.
 */
function netBySorting(n: number): void {
  const days = bufDay;
  const amts = bufAmt;
  const td = netT;
  const tv = netV;
  if (n <= INSERTION_MAX) {
    for (let i = 0; i < n; i++) {
      const d = days[i]!;
      const a = amts[i]!;
      let k = i - 1;
      while (k >= 0 && td[k]! > d) {
        td[k + 1] = td[k]!;
        tv[k + 1] = tv[k]!;
        k--;
      }
      td[k + 1] = d;
      tv[k + 1] = a;
    }
  } else {
    // Keys (day − min day)·2^k + index are exact doubles and sort numerically in the engine (no comparator).
    let dMin = days[0]!;
    let dMax = dMin;
    for (let i = 1; i < n; i++) {
      const d = days[i]!;
      if (d < dMin) dMin = d;
      else if (d > dMax) dMax = d;
    }
    const shift = 2 ** Math.ceil(Math.log2(n + 1));
    if ((dMax - dMin + 1) * shift > Number.MAX_SAFE_INTEGER) throw new RangeError('xirr: the dates span too many days');
    const keys = bufExp.subarray(0, n);
    for (let i = 0; i < n; i++) keys[i] = (days[i]! - dMin) * shift + i;
    keys.sort();
    for (let k = 0; k < n; k++) {
      const key = keys[k]!;
      const i = key % shift;
      td[k] = days[i]!;
      tv[k] = amts[i]!;
    }
  }
  // Net same-day amounts in place (m ≤ k always), dropping dates whose amounts cancel.
  let m = 0;
  let k = 0;
  let first = 0;
  while (k < n) {
    const d = td[k]!;
    let sum = 0;
    while (k < n && td[k] === d) sum += tv[k++]!;
    if (sum !== 0) {
      if (m === 0) first = d;
      td[m] = (d - first) / 365;
      tv[m++] = sum;
    }
  }
  netM = m;
}

/**
 * Upper bound on the number of roots r > −1 of the netted series (0, 1, or 2 meaning "2 or more / not
 * sure"), from two rules that hold for sums of real powers Σ v_j·x^(t_j):
 * - Descartes: at most as many roots as sign changes in v, with the same parity (counting multiplicity,
 *   since the sign of the NPV is that of the earliest flow as r → ∞ and of the latest as r → −1);
 * - Laguerre: at most as many roots in r > 0 (discount factor in (0, 1)) as sign changes of the running
 *   totals v_0, v_0+v_1, …, and at most as many in −1 < r < 0 as sign changes of the running totals
 *   from the end; r = 0 is a root only if the grand total is 0 (Norström's criterion generalised).
 * Running totals within `tol` of zero make the bound "not sure", so rounding cannot fake a certificate.
 */
function rootCountBound(tol: number): number {
  const m = netM;
  const v = netV;
  let descartes = 0;
  for (let j = 1; j < m; j++) if (v[j]! > 0 !== v[j - 1]! > 0) descartes++;
  if (descartes <= 1) return descartes;
  let laguerre = 0;
  let sum = 0;
  let last = 0;
  for (let j = 0; j < m; j++) {
    sum += v[j]!;
    if (sum <= tol && sum >= -tol) return 2;
    const sign = sum > 0 ? 1 : -1;
    if (last !== 0 && sign !== last) laguerre++;
    last = sign;
  }
  sum = 0;
  last = 0;
  for (let j = m - 1; j >= 0; j--) {
    sum += v[j]!;
    if (sum <= tol && sum >= -tol) return 2;
    const sign = sum > 0 ? 1 : -1;
    if (last !== 0 && sign !== last) laguerre++;
    last = sign;
  }
  if (laguerre >= 2) return 2;
  // At most one root; an even number of sign changes means an even number of roots: none.
  return descartes % 2 === 1 ? laguerre : 0;
}

/**
 * Halley's method (Newton's when Halley's correction is not moderate) on NPV(y) = Σ v_j e^(−t_j·y),
 * y = ln(1+r), over the netted series, when its root is known to be unique. Returns the rate, or NaN
 * when it does not converge (the caller then brackets the root).
 */
function newtonUnique(start: number): number {
  const m = netM;
  const ts = netT;
  const vs = netV;
  let y = start;
  for (let iter = 0; iter < 40; iter++) {
    let f = 0;
    let fp = 0;
    let fpp = 0;
    let s = 0;
    for (let j = 0; j < m; j++) {
      const t = ts[j]!;
      const term = vs[j]! * Math.exp(-t * y);
      const tt = t * term;
      f += term;
      fp -= tt;
      fpp += t * tt;
      s += term < 0 ? -term : term;
    }
    if (f === 0) return toRate(y) ?? Number.NaN; // never −1 itself: a root closer to −1 than any double is MIN_RATE
    const ratio = (f * fpp) / (fp * fp);
    const delta = ratio > -1 && ratio < 1 ? f / fp / (1 - 0.5 * ratio) : f / fp;
    const next = y - delta;
    if (!(next > Y_MIN && next < Y_MAX)) return Number.NaN;
    y = next;
    // Cubic (at worst quadratic) convergence: after a step of ≤ 1e-9 (relative) the error is ≲ 1e-18.
    if ((delta < 0 ? -delta : delta) <= 1e-9 * Math.max(y < 0 ? -y : y, 1e-2)) {
      if (!((f < 0 ? -f : f) <= PRE_STEP_REL * s)) return Number.NaN;
      const r = Math.expm1(y);
      return r > MIN_RATE && r < Infinity ? r : Number.NaN;
    }
  }
  return Number.NaN;
}

/**
 * LibreOffice's Newton iteration from `start`; returns the verified root or NaN when this start fails.
 * f(r) = Σ a_i (1+r)^(−e_i), f'(r) = −Σ e_i a_i (1+r)^(−e_i−1); powers as exp(−e_i·ln(1+r)).
 */
function newtonLO(n: number, start: number): number {
  const amts = bufAmt;
  const ex = bufExp;
  let r = start;
  for (let iter = 0; iter < LO_MAX_ITER; iter++) {
    const x = r + 1;
    let f: number;
    let fp = 0;
    let s: number;
    if (x > 0) {
      const lx = Math.log(x);
      f = 0;
      s = 0;
      for (let i = 0; i < n; i++) {
        const e = ex[i]!;
        const t = amts[i]! * Math.exp(-e * lx);
        f += t;
        fp -= e * t;
        s += t < 0 ? -t : t;
      }
    } else {
      // 1 + r ≤ 0: only integral exponents give real powers (as in LibreOffice, which uses pow()).
      f = 0;
      s = 0;
      for (let i = 0; i < n; i++) {
        const e = ex[i]!;
        const t = amts[i]! / x ** e;
        f += t;
        fp -= e * t;
        s += t < 0 ? -t : t;
      }
    }
    fp /= x;
    const next = r - f / fp;
    const step = next - r;
    if (!((step > LO_EPS || step < -LO_EPS) && (f > RESIDUAL_REL * s || f < -RESIDUAL_REL * s))) {
      // Loop ends here in LibreOffice too; a NaN step or residual ends it as a failure.
      if (!(next > -1) || next === Infinity || f - f !== 0) return Number.NaN;
      if (step > LO_EPS || step < -LO_EPS) {
        // Stopped by the residual test, not by a small step: finish converging (precision only).
        const polished = polish(n, next);
        return isRootAt(n, polished) ? polished : Number.NaN;
      }
      // Fast acceptance: the residual before the last (≤ 1e-10) step was already small. Newton's false
      // convergences (drifting towards r = −1 or ∞) leave a residual of the order of the flows themselves.
      if ((f < 0 ? -f : f) <= PRE_STEP_REL * s) return next;
      return isRootAt(n, next) ? next : Number.NaN;
    }
    r = next;
  }
  return Number.NaN;
}

/** A few more plain Newton steps from r (> −1), until the step is ~1e-14 relative; r if they misbehave. */
function polish(n: number, r: number): number {
  const amts = bufAmt;
  const ex = bufExp;
  let cur = r;
  for (let k = 0; k < 6; k++) {
    const x = cur + 1;
    const lx = Math.log(x);
    let f = 0;
    let fp = 0;
    for (let i = 0; i < n; i++) {
      const e = ex[i]!;
      const t = amts[i]! * Math.exp(-e * lx);
      f += t;
      fp -= e * t;
    }
    if (f === 0) return cur;
    const next = cur - f / (fp / x);
    if (!(next > -1) || next === Infinity) return r;
    const step = next - cur;
    cur = next;
    if ((step < 0 ? -step : step) <= 1e-14 * Math.max(cur < 0 ? -cur : cur, 1e-2)) break;
  }
  return cur;
}

/** |NPV(r)| ≤ VERIFY_REL · Σ|discounted flows| at r (> −1). */
function isRootAt(n: number, r: number): boolean {
  const amts = bufAmt;
  const ex = bufExp;
  const lx = Math.log1p(r);
  let f = 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const t = amts[i]! * Math.exp(-ex[i]! * lx);
    f += t;
    s += t < 0 ? -t : t;
  }
  return f - f === 0 && (f < 0 ? -f : f) <= VERIFY_REL * s;
}

// ---------------------------------------------------------------------------------------------------
// Robust part, on the netted series in y = ln(1+r). S(y) = Σ v_j e^(−(t_j − c)·y) with c = 0 for y ≥ 0
// and c = t_max for y < 0 has the sign of the NPV and every exponent ≤ 0, so it neither overflows nor
// loses the dominant term.

function sgnAt(y: number): number {
  const m = netM;
  const c = y < 0 ? netT[m - 1]! : 0;
  let s = 0;
  for (let j = 0; j < m; j++) s += netV[j]! * Math.exp(-(netT[j]! - c) * y);
  return s > 0 ? 1 : s < 0 ? -1 : 0;
}

/** Root of S in [a, b] (a sign change given, a < b), by safeguarded Newton/bisection; returns y. */
function solveBracket(a: number, b: number): number {
  let sa = sgnAt(a);
  if (sa === 0) return a;
  if (sgnAt(b) === 0) return b;
  if (a < 0 && b > 0) {
    const s0 = sgnAt(0);
    if (s0 === 0) return 0;
    if (s0 === sa) a = 0;
    else b = 0;
    sa = sgnAt(a);
  }
  const m = netM;
  const c = b <= 0 ? netT[m - 1]! : 0;
  let y = 0.5 * (a + b);
  for (let iter = 0; iter < 300; iter++) {
    let s = 0;
    let ds = 0;
    for (let j = 0; j < m; j++) {
      const k = netT[j]! - c;
      const term = netV[j]! * Math.exp(-k * y);
      s += term;
      ds -= k * term;
    }
    if (s === 0) return y;
    if ((s > 0 ? 1 : -1) === sa) a = y;
    else b = y;
    let next = y - s / ds;
    if (!(next > a && next < b)) next = 0.5 * (a + b);
    const tol = 4e-16 * Math.max(Math.abs(next), 1e-300);
    if (Math.abs(next - y) <= tol || b - a <= tol) return next;
    y = next;
  }
  return y;
}

/** The root of a series known to have exactly one, bracketed outward from 10 %; null if not representable. */
function uniqueRoot(): number | null {
  const sHigh = netV[0]! > 0 ? 1 : -1; // sign as y → +∞ (the earliest flow dominates)
  const s = sgnAt(Y_GUESS);
  if (s === 0) return LO_GUESS;
  let lo: number;
  let hi: number;
  let step = 0.25;
  if (s === sHigh) {
    hi = Y_GUESS; // the root is below
    for (;;) {
      lo = Math.max(hi - step, Y_MIN);
      if (sgnAt(lo) !== sHigh) break;
      if (lo === Y_MIN) return MIN_RATE; // the root is closer to −1 than any double
      hi = lo;
      step *= 2;
    }
  } else {
    lo = Y_GUESS; // the root is above
    for (;;) {
      hi = Math.min(lo + step, Y_MAX);
      if (sgnAt(hi) !== -sHigh) break;
      if (hi === Y_MAX) return null;
      lo = hi;
      step *= 2;
    }
  }
  return toRate(solveBracket(lo, hi));
}

function toRate(y: number): number | null {
  const r = Math.expm1(y);
  if (!(r < Infinity)) return null;
  return Math.max(r, MIN_RATE);
}

/**
 * All sign changes of S on a grid dense near 0 (y = 0.05·sinh u), refined; the root nearest ln(1.1).
 */
function gridRoot(): number | null {
  const A = 0.05;
  const uMin = Math.asinh(Y_MIN / A);
  const uMax = Math.asinh(Y_MAX / A);
  const steps = 6000;
  let best: number | null = null;
  let bestDist = Infinity;
  let yPrev = Y_MIN;
  let sPrev = sgnAt(yPrev);
  for (let k = 1; k <= steps; k++) {
    const y = k === steps ? Y_MAX : A * Math.sinh(uMin + ((uMax - uMin) * k) / steps);
    const s = sgnAt(y);
    if (s !== sPrev && sPrev !== 0) {
      const root = s === 0 ? y : solveBracket(yPrev, y);
      const dist = Math.abs(root - Y_GUESS);
      if (dist < bestDist) {
        bestDist = dist;
        best = root;
      }
    }
    if (s !== 0) {
      yPrev = y;
      sPrev = s;
    }
  }
  if (best !== null) return toRate(best);
  // A root below the grid (closer to −1 than any double) shows only as a sign change towards y → −∞,
  // where the latest flow dominates.
  const sLow = sgnAt(Y_MIN);
  const sMinusInf = netV[netM - 1]! > 0 ? 1 : -1;
  return sLow !== 0 && sLow !== sMinusInf ? MIN_RATE : null;
}

/**
 * Net present value of `flows` at the annual `rate`, discounted actual/365 to the earliest flow date:
 * Σ amount_i / (1 + rate)^((d_i − d_min)/365). (LibreOffice's and Excel's XNPV discount to the first
 * *listed* date; for date-sorted input, which Excel requires, the two agree.)
 * Throws RangeError for an invalid date, a non-finite amount, or rate ≤ −1.
 */
export function xnpv(rate: number, flows: ReadonlyArray<XirrFlow>): number {
  if (typeof rate !== 'number' || !(rate > -1) || rate === Infinity) {
    throw new RangeError(`xnpv: rate must be a finite number above -1, got ${describeValue(rate)}`);
  }
  const n = load(flows, 'xnpv');
  if (n === 0) return 0;
  const days = bufDay;
  const amts = bufAmt;
  let dMin = days[0]!;
  for (let i = 1; i < n; i++) if (days[i]! < dMin) dMin = days[i]!;
  const lx = Math.log1p(rate);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += amts[i]! * Math.exp((-(days[i]! - dMin) / 365) * lx);
  return sum;
}
