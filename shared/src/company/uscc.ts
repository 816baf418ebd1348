/**
 * China's unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31-character
 * set 0–9 A–Z without I, O, S, V, Z; the 18th is a check character over the first 17.
 *
 * With value(c) = index of c in "0123456789ABCDEFGHJKLMNPQRTUWXY" and weights w_i = 3^(i−1) mod 31
 * (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28), the check value is
 * 31 − (Σ value(c_i)·w_i mod 31), where 31 stands for 0.
 *
 * `isValidUscc` accepts exactly the canonical form (18 upper-case characters, no spaces) whose check
 * character is right. It deliberately adds no structural rule (registration-authority or category
 * codes, the administrative-division digits in positions 3–8, the GB 11714 check inside positions
 * 9–17): see docs/domain.md#companies-and-credit-codes for why. `usccRegistrationDivision` gives positions 3–8 for callers who want them.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** value of each ASCII code in the charset, −1 elsewhere (lower case is not part of the code set). */
const VALUE_OF: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let v = 0; v < CHARSET.length; v++) table[CHARSET.charCodeAt(v)] = v;
  return table;
})();

/** Check value of the first 17 characters of `s`, or −1 when one of them is outside the charset. */
function checkValue(s: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? VALUE_OF[c]! : -1;
    if (v < 0) return -1;
    sum += v * WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return check === 31 ? 0 : check;
}

/** A primitive string, or the string inside a `String` object; null for anything else. */
function asString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  try {
    return value instanceof String ? value.valueOf() : null;
  } catch {
    return null; // e.g. a Proxy whose getPrototypeOf trap throws
  }
}

/**
 * True only for an 18-character upper-case code from the USCC charset whose check character matches.
 * Never throws: lower case, whitespace, wrong length, other characters, or a non-string give false.
 */
export function isValidUscc(code: string): boolean {
  const s = asString(code as unknown);
  if (s === null || s.length !== 18) return false;
  const check = checkValue(s);
  if (check < 0) return false;
  return s.charCodeAt(17) === CHARSET.charCodeAt(check);
}

/**
 * The check character for the first 17 characters of a code, or null unless `first17` is exactly 17
 * characters from the USCC charset (upper case). Never throws.
 */
export function computeUsccCheckChar(first17: string): string | null {
  const s = asString(first17 as unknown);
  if (s === null || s.length !== 17) return null;
  const check = checkValue(s);
  return check < 0 ? null : CHARSET[check]!;
}

/**
 * Positions 3–8 — the registering authority's administrative division (GB/T 2260, e.g. "310115" for
 * Shanghai Pudong) — of a valid code whose positions 3–8 are digits, else null. Never throws.
 */
export function usccRegistrationDivision(code: string): string | null {
  if (!isValidUscc(code)) return null;
  const division = (asString(code as unknown) as string).slice(2, 8);
  return /^[0-9]{6}$/.test(division) ? division : null;
}
