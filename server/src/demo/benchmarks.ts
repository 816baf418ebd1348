import { indexLevel, marketIndex, type Tx } from '@highland/drizzle';
import { DEMO_DATA_END } from './fund-group.js';
import type { Random } from './random.js';

/** The last day of each month from December 2018 to the demo's end. */
function monthEnds(until: string): string[] {
  const out: string[] = [];
  // Month `m` counted from January 2018 (m = 12 is December 2018); day 0 of the next month is the last day.
  for (let m = 12; ; m += 1) {
    const d = new Date(Date.UTC(2018, m, 0)).toISOString().slice(0, 10);
    if (d > until) return out;
    out.push(d);
  }
}

/**
 * One index to compare the funds with (KS-PME): a synthetic monthly series (a random walk with 6% drift and
 * 22% volatility a year), named as what it is — real index levels are for an administrator to import (ADR 035).
 */
export async function seedBenchmarks(tx: Tx, rng: Random, createdAt: string): Promise<{ indexLevels: number }> {
  await tx.insert(marketIndex).values({
    code: 'DEMO-AI50',
    nameZh: '示例人工智能指数（演示数据）',
    nameEn: 'Demo AI index (synthetic)',
    source: '演示用合成月度序列，非真实行情 · synthetic monthly demo series, not market data',
    updatedAt: createdAt,
  });
  let level = 1000;
  const rows = monthEnds(DEMO_DATA_END).map((date, k) => {
    if (k > 0) {
      const z = Math.sqrt(-2 * Math.log(1 - rng.real(0, 1))) * Math.cos(2 * Math.PI * rng.real(0, 1));
      level *= Math.exp(0.06 / 12 - 0.22 ** 2 / 24 + 0.22 * Math.sqrt(1 / 12) * z);
    }
    return { indexCode: 'DEMO-AI50', date, level: Math.round(level * 100) / 100 };
  });
  await tx.insert(indexLevel).values(rows);
  return { indexLevels: rows.length };
}
