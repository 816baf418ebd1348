import { createRequire } from 'node:module';
import { xirr } from '@highland/shared';
import { xirr as webcarrotXirr } from '@webcarrot/xirr';
import { type BenchCase, defineBench } from './harness.js';
import { type RawFlow, sortedSeries, unsortedSeries } from './xirr-series.js';

const SERIES = 10_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const require = createRequire(import.meta.url);
/** The npm package `xirr` (CommonJS, untyped): flows as { amount, when: Date }. */
const rayXirr = require('xirr') as (flows: ReadonlyArray<{ amount: number; when: Date }>) => number;

/** Largest |difference| where both gave a rate, and how many each failed to answer. */
function agreement(ours: Array<number | null>, theirs: Array<number | null>): string | null {
  let worst = 0;
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i];
    const b = theirs[i];
    if (a != null && b != null) worst = Math.max(worst, Math.abs(a - b));
  }
  return worst < 1e-6 ? null : `rates differ by up to ${worst}`;
}

/** Ours against both npm packages on one set of series. */
function casesFor(label: string, raw: RawFlow[][]): BenchCase[] {
  const ours = raw.map((s) => s.map((f) => ({ date: iso(f.t), amount: f.amount })));
  const web = raw.map((s) => s.map((f) => ({ date: new Date(f.t), amount: f.amount })));
  const ray = raw.map((s) => s.map((f) => ({ when: new Date(f.t), amount: f.amount })));
  const runOurs = async () => ours.map((s) => xirr(s));
  const n = SERIES.toLocaleString('en');
  return [
    {
      name: `${label}: ours vs npm xirr, ${n} series`,
      run: runOurs,
      baseline: {
        name: 'npm `xirr` 1.1.0',
        run: async () =>
          ray.map((s) => {
            try {
              return rayXirr(s);
            } catch {
              return null;
            }
          }),
      },
      same: (a, b) => agreement(a as Array<number | null>, b as Array<number | null>),
      iterations: 11,
      warmup: 5,
    },
    {
      name: `${label}: ours vs @webcarrot/xirr, ${n} series`,
      run: runOurs,
      baseline: {
        name: 'npm `@webcarrot/xirr` 3.0.1',
        run: async () =>
          web.map((s) => {
            try {
              return webcarrotXirr(s);
            } catch {
              return null;
            }
          }),
      },
      same: (a, b) => agreement(a as Array<number | null>, b as Array<number | null>),
      iterations: 11,
      warmup: 5,
    },
  ];
}

export default defineBench({
  id: 'xirr',
  title: 'Finance library: xirr against the npm packages',
  about: `${SERIES.toLocaleString('en')} realistic 30-flow series (a ten-year fund: 14 calls, 15 distributions, a final NAV), generated from a fixed seed (\`test/bench/xirr-series.ts\`), twice: **sorted** — in date order, amounts in fen; **unsorted** — as they arrive from the books: calls and distributions from two ledgers, a third listed ledger after ledger newest first, a third the two ledgers merged at random, a third fully shuffled, and every other series in yuan with cents instead of fen. Ours (\`@highland/shared\` xirr) is given ISO date strings; the npm packages \`xirr\` 1.1.0 and \`@webcarrot/xirr\` 3.0.1 are given Date objects built before the clock starts. Each run solves all ${SERIES.toLocaleString('en')} series; the "lower bound" column is the peer package. The target is at least 5× faster than the faster of them, i.e. a ratio of 0.20× or less on every line. Before timing, the rates are compared where both packages give one (\`@webcarrot/xirr\` throws on about 1% of these series; those are counted as no answer).`,
  async prepare() {
    const cases = [...casesFor('sorted', sortedSeries(SERIES)), ...casesFor('unsorted', unsortedSeries(SERIES))];
    // Both paths (in order, and sorted in the scratch buffers) compiled before any timing.
    for (let i = 0; i < 3; i++) for (const c of cases) await c.run();
    return { cases };
  },
  needsStressSet: false,
});
