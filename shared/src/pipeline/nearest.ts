/**
 * The nearest allowed values to a value that matched none: what an import error suggests ("行业“机器视觉”
 * 不在行业分类中，最接近的是 智能机器人、AI算法"). Pure; compares against the code and both labels.
 */
import type { Labelled } from '../reference/taxonomy.js';

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (!x.length) return y.length;
  if (!y.length) return x.length;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/** Characters two strings share (as multisets, spaces ignored), over the longer's length. */
function sharedShare(a: string, b: string): number {
  const left = new Map<string, number>();
  for (const ch of a) if (ch !== ' ') left.set(ch, (left.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of b) {
    const n = left.get(ch) ?? 0;
    if (ch !== ' ' && n > 0) {
      shared += 1;
      left.set(ch, n - 1);
    }
  }
  const longest = Math.max([...a.replace(/ /g, '')].length, [...b.replace(/ /g, '')].length);
  return longest ? shared / longest : 0;
}

/** How alike two texts are, 0 (nothing in common) to 1 (equal): the better of edit distance and shared characters. */
export function similarity(a: string, b: string): number {
  const x = fold(a);
  const y = fold(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const byEdit = 1 - editDistance(x, y) / Math.max([...x].length, [...y].length);
  return Math.max(byEdit, sharedShare(x, y));
}

/**
 * The codes of `table` whose code, Chinese or English label is most like `value`: at most `limit`, best
 * first (ties in the table's order), none below `minimum` similarity — a value like nothing suggests nothing.
 */
export function nearestCodes<K extends string>(value: string, table: Readonly<Record<K, Labelled>>, limit = 3, minimum = 0.34): K[] {
  const scored = (Object.entries(table) as Array<[K, Labelled]>).map(([code, l], order) => ({
    code,
    order,
    score: Math.max(similarity(value, code.replace(/_/g, ' ')), similarity(value, l.zh), similarity(value, l.en)),
  }));
  return scored
    .filter((s) => s.score >= minimum)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.code);
}
