import { STRESS_END } from './fund-group.js';
import type { StressPart } from './index.js';
import type { Cell } from './insert.js';

/**
 * Two benchmark indices with a close for every weekday from 2014 (about 3,300 levels each), so the LP portal
 * and the performance pages compute KS-PME against long daily series, as a deployment with vendor data would.
 */
export const benchmarksPart: StressPart<null> = {
  name: 'benchmarks',
  async build({ insert, rng }) {
    const indices: Array<[string, string, string]> = [
      ['STRESS-STAR50', '压力测试指数甲', 'Stress index A'],
      ['STRESS-CSI300', '压力测试指数乙', 'Stress index B'],
    ];
    await insert(
      'market_index',
      ['code', 'name_zh', 'name_en', 'source', 'updated_at'],
      indices.map(([code, zh, en]) => [code, zh, en, 'stress set (synthetic)', '2025-01-01T00:00:00.000Z']),
    );
    const levels: Cell[][] = [];
    for (const [code] of indices) {
      const r = rng.fork(`index-${code}`);
      let level = 1000;
      for (let t = Date.parse('2014-01-01T00:00:00Z'); ; t += 86_400_000) {
        const date = new Date(t).toISOString().slice(0, 10);
        if (date > STRESS_END) break;
        const dow = new Date(t).getUTCDay();
        if (dow === 0 || dow === 6) continue;
        level *= Math.exp(r.real(-0.02, 0.0205));
        levels.push([code, date, Math.round(level * 100) / 100]);
      }
    }
    await insert('index_level', ['index_code', 'date', 'level'], levels);
    return { counts: { indices: indices.length, indexLevels: levels.length }, output: null };
  },
};
