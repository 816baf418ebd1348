/**
 * Splits `totalFen` into parts proportional to `weights` (e.g. a capital call pro rata to each LP's
 * commitment) so that the parts are whole fen and sum exactly to the total.
 *
 * Method: largest remainder (Hamilton). Each part starts at floor(total × wᵢ ÷ W); the fen left over
 * go one each to the parts with the largest fractional remainders; ties go to the earlier position,
 * so the result depends only on the order of `weights` (callers pass LPs in a stable order, e.g. by id).
 * Exact: computed in BigInt, so totals and weights up to 2^53 never lose a fen.
 */
export function allocateProRata(totalFen: number, weights: ReadonlyArray<number>): number[] {
  if (!Number.isSafeInteger(totalFen) || totalFen < 0) throw new RangeError('totalFen must be a non-negative safe integer');
  if (weights.length === 0) throw new RangeError('weights must not be empty');
  for (const [i, w] of weights.entries()) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`weights[${i}] must be a non-negative safe integer`);
  }
  const total = BigInt(totalFen);
  const ws = weights.map((w) => BigInt(w));
  const sum = ws.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError('weights must not all be zero');
  const parts = ws.map((w) => (total * w) / sum);
  const remainders = ws.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p));
}
