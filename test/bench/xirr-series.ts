// The xirr benchmark's series: realistic ten-year funds from a fixed seed, in date order or as they
// arrive from the books (calls and distributions from two ledgers, interleaved; yuan with cents or fen).
import { Random } from '@highland/server/demo/random';

const DAY = 86_400_000;

/** One flow: `t` in epoch milliseconds (midnight UTC), `amount` signed. */
export interface RawFlow {
  t: number;
  amount: number;
}

/** A ten-year fund in fen: 14 quarterly calls, 15 distributions from year three, a final NAV — 30 flows, two ledgers. */
function fund(r: Random): { calls: RawFlow[]; distributions: RawFlow[] } {
  const start = Date.UTC(2012, 0, 1) + Math.floor(r.real(0, 3650)) * DAY;
  const commitment = r.real(1e10, 1e12);
  const calls: RawFlow[] = [];
  for (let q = 0; q < 14; q++) calls.push({ t: start + Math.round(q * 91.31) * DAY, amount: -Math.round((commitment / 14) * r.real(0.6, 1.2)) });
  const multiple = r.real(0.6, 2.8);
  const distributions: RawFlow[] = [];
  for (let k = 0; k < 15; k++) {
    const day = Math.round(365 * 3 + k * ((365 * 7) / 15) + r.real(-10, 10));
    distributions.push({ t: start + day * DAY, amount: Math.round(((commitment * multiple * 0.75) / 15) * r.real(0.3, 1.7)) });
  }
  distributions.push({ t: start + (365 * 10 + 2) * DAY, amount: Math.round(commitment * multiple * r.real(0.05, 0.4)) });
  return { calls, distributions };
}

/** `count` series in date order, amounts in fen (the benchmark's original series). */
export function sortedSeries(count: number, seed = 20260101): RawFlow[][] {
  const r = new Random(seed);
  return Array.from({ length: count }, () => {
    const { calls, distributions } = fund(r);
    return [...calls, ...distributions].sort((a, b) => a.t - b.t);
  });
}

/**
 * `count` series as they come from the books, never in date order: a third are the two ledgers one after
 * the other (calls, then distributions — each newest first, as a list page shows them), a third the two
 * ledgers merged at random (each ledger's own order kept), a third fully shuffled. Every other series is
 * in yuan with cents (fen / 100, so 12,345.67) instead of integer fen.
 */
export function unsortedSeries(count: number, seed = 20261207): RawFlow[][] {
  const r = new Random(seed);
  return Array.from({ length: count }, (_, i) => {
    const { calls, distributions } = fund(r);
    let flows: RawFlow[];
    if (i % 3 === 0) {
      flows = [...calls.reverse(), ...distributions.reverse()];
    } else if (i % 3 === 1) {
      flows = [];
      let a = 0;
      let b = 0;
      while (a < calls.length || b < distributions.length) {
        if (b >= distributions.length || (a < calls.length && r.chance(0.5))) flows.push(calls[a++]!);
        else flows.push(distributions[b++]!);
      }
    } else {
      flows = [...calls, ...distributions];
      for (let k = flows.length - 1; k > 0; k--) {
        const j = r.int(0, k);
        [flows[k], flows[j]] = [flows[j]!, flows[k]!];
      }
    }
    if (i % 2 === 1) flows = flows.map((f) => ({ t: f.t, amount: f.amount / 100 }));
    return flows;
  });
}
