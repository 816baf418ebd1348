import { createRequire } from 'node:module';
import { Random } from '@highland/server/demo/random';
import { xirr } from '@highland/shared';
import { xirr as webcarrotXirr } from '@webcarrot/xirr';
import { defineBench } from './harness.js';

const SERIES = 10_000;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const require = createRequire(import.meta.url);
/** The npm package `xirr` (CommonJS, untyped): flows as { amount, when: Date }. */
const rayXirr = require('xirr') as (flows: ReadonlyArray<{ amount: number; when: Date }>) => number;

/** A realistic ten-year fund in fen: 14 quarterly calls, 15 distributions from year three, a final NAV — 30 flows. */
function fundSeries(r: Random): Array<{ t: number; amount: number }> {
  const start = Date.UTC(2012, 0, 1) + Math.floor(r.real(0, 3650)) * DAY;
  const commitment = r.real(1e10, 1e12);
  const flows: Array<{ t: number; amount: number }> = [];
  for (let q = 0; q < 14; q++) flows.push({ t: start + Math.round(q * 91.31) * DAY, amount: -Math.round((commitment / 14) * r.real(0.6, 1.2)) });
  const multiple = r.real(0.6, 2.8);
  for (let k = 0; k < 15; k++) {
    const day = Math.round(365 * 3 + k * ((365 * 7) / 15) + r.real(-10, 10));
    flows.push({ t: start + day * DAY, amount: Math.round(((commitment * multiple * 0.75) / 15) * r.real(0.3, 1.7)) });
  }
  flows.push({ t: start + (365 * 10 + 2) * DAY, amount: Math.round(commitment * multiple * r.real(0.05, 0.4)) });
  return flows.sort((a, b) => a.t - b.t);
}

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

export default defineBench({
  id: 'xirr',
  title: 'Finance library: xirr against the npm packages',
  about: `${SERIES.toLocaleString('en')} realistic 30-flow series (a ten-year fund: 14 calls, 15 distributions, a final NAV, amounts in fen), generated from a fixed seed. Ours (\`@highland/shared\` xirr) is given ISO date strings; the npm packages \`xirr\` 1.1.0 and \`@webcarrot/xirr\` 3.0.1 are given Date objects built before the clock starts. Each run solves all ${SERIES.toLocaleString('en')} series; the "lower bound" column is the peer package. The target is at least 5× faster than the faster of them, i.e. a ratio of 0.20× or less on both lines. Before timing, the rates are compared where both packages give one (\`@webcarrot/xirr\` throws on about 1% of these series; those are counted as no answer).`,
  async prepare() {
    const r = new Random(20260101);
    const raw = Array.from({ length: SERIES }, () => fundSeries(r));
    const ours = raw.map((s) => s.map((f) => ({ date: iso(f.t), amount: f.amount })));
    const web = raw.map((s) => s.map((f) => ({ date: new Date(f.t), amount: f.amount })));
    const ray = raw.map((s) => s.map((f) => ({ when: new Date(f.t), amount: f.amount })));
    const runOurs = async () => ours.map((s) => xirr(s));
    return {
      cases: [
        {
          name: `ours vs npm xirr, ${SERIES.toLocaleString('en')} series`,
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
          iterations: 7,
        },
        {
          name: `ours vs @webcarrot/xirr, ${SERIES.toLocaleString('en')} series`,
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
          iterations: 7,
        },
      ],
    };
  },
});
