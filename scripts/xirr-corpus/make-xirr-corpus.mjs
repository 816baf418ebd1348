#!/usr/bin/env node
// Regenerates src/finance/__corpus__/xirr-libreoffice.json: a deterministic (seeded) set of XIRR cases,
// each evaluated by LibreOffice's own XIRR (headless, through a generated .fods spreadsheet converted to
// CSV) and checked / completed by an independent high-precision solver (scripts/xirr_hp_reference.py,
// Python standard library `decimal`).
//
//   node scripts/make-xirr-corpus.mjs            # needs `soffice` (LibreOffice ≥ 7) and `python3` on PATH
//   node scripts/make-xirr-corpus.mjs --seed 7   # another corpus (the committed one uses the default seed)
//
// Nothing here imports the library under test: the corpus is independent of src/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '..', '..', 'shared', 'src', 'finance', '__corpus__', 'xirr-libreoffice.json');
const seedArg = process.argv.indexOf('--seed');
const SEED = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 20240409;

// ---------------------------------------------------------------- seeded PRNG (sfc32)
function sfc32(a, b, c, d) {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
const rand = sfc32(0x9e3779b9, 0x243f6a88, 0xb7e15162, SEED >>> 0);
for (let i = 0; i < 20; i++) rand();
const uni = (lo, hi) => lo + (hi - lo) * rand();
const int = (lo, hi) => Math.floor(uni(lo, hi + 1)); // inclusive
const logUni = (lo, hi) => Math.exp(uni(Math.log(lo), Math.log(hi)));
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const chance = (p) => rand() < p;
function shuffle(arr) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr;
}
/** Rounds to `digits` significant digits (keeps JSON short; the exact double is what everyone sees). */
const sig = (x, digits) => (x === 0 ? 0 : Number(x.toPrecision(digits)));
const cents = (x) => Math.round(x * 100) / 100;

// ---------------------------------------------------------------- calendar (independent of src/)
function daysFromCivil(y, m, d) {
  return Math.round(Date.UTC(y, m - 1, d) / 86400000);
}
function isoOf(dayNumber) {
  return new Date(dayNumber * 86400000).toISOString().slice(0, 10);
}
const D2000 = daysFromCivil(2000, 1, 1);
const D2025 = daysFromCivil(2025, 1, 1);
const randomStart = () => int(D2000, D2025);

// ---------------------------------------------------------------- case generators
// Each returns { cat, days: number[] (absolute day numbers, listed order), amts: number[] }.

function fund({ scale = logUni(1e7, 5e10), round = cents, years = int(7, 12) } = {}) {
  const start = randomStart();
  const days = [];
  const amts = [];
  const callYears = uni(2, 5);
  const nCalls = Math.max(1, Math.round(callYears * 4 * uni(0.6, 1)));
  let called = 0;
  for (let q = 0; q < nCalls; q++) {
    const a = scale * uni(0.03, 0.2);
    called += a;
    days.push(start + Math.round(q * 91.3 + (q === 0 ? 0 : int(-10, 10))));
    amts.push(-round(a));
  }
  // fees / small follow-on calls later, sometimes
  if (chance(0.4)) {
    for (let k = 0; k < int(1, 4); k++) {
      days.push(start + int(365 * 3, 365 * years));
      amts.push(-round(scale * uni(0.002, 0.02)));
    }
  }
  const multiple = pick([uni(0.2, 0.9), uni(0.9, 1.6), uni(1.6, 3.5), uni(1.2, 2.2)]);
  const distStart = uni(2, 5);
  const nDist = int(2, Math.max(2, Math.round((years - distStart) * 4)));
  const total = called * multiple;
  const weights = Array.from({ length: nDist }, (_, k) => uni(0.2, 1) * (1 + k / nDist));
  const wsum = weights.reduce((s, w) => s + w, 0);
  const navShare = chance(0.7) ? uni(0.05, 0.6) : 0;
  for (let k = 0; k < nDist; k++) {
    days.push(start + Math.round(365 * distStart + (k * ((years - distStart) * 365)) / nDist) + int(-5, 5));
    amts.push(round((total * (1 - navShare) * weights[k]) / wsum));
  }
  if (navShare > 0) {
    days.push(start + years * 365 + int(0, 30));
    amts.push(round(total * navShare));
  }
  // ledger order: by date
  const order = days.map((_, i) => i).sort((a, b) => days[a] - days[b]);
  return { cat: 'fund', days: order.map((i) => days[i]), amts: order.map((i) => amts[i]) };
}

function randomFlows({ n = int(2, 12), span = int(30, 3650), lo = 1e2, hi = 1e7, round = cents } = {}) {
  const start = randomStart();
  const days = [start];
  for (let i = 1; i < n; i++) days.push(start + int(0, span));
  days.sort((a, b) => a - b);
  const amts = days.map(() => (chance(0.5) ? -1 : 1) * round(logUni(lo, hi)));
  if (!amts.some((a) => a < 0)) amts[0] = -Math.abs(amts[0]);
  if (!amts.some((a) => a > 0)) amts[amts.length - 1] = Math.abs(amts[amts.length - 1]);
  return { cat: 'random', days, amts };
}

function unsorted() {
  const base = chance(0.5) ? fund() : randomFlows({ n: int(3, 20) });
  const idx = shuffle(base.days.map((_, i) => i));
  return { cat: 'unsorted', days: idx.map((i) => base.days[i]), amts: idx.map((i) => base.amts[i]) };
}

function sameDay() {
  const start = randomStart();
  const nDates = int(1, 6);
  const dates = Array.from({ length: nDates }, (_, k) => start + (k === 0 ? 0 : int(1, 3000)));
  const n = int(2, 14);
  const days = [];
  const amts = [];
  for (let i = 0; i < n; i++) {
    days.push(i < nDates ? dates[i] : pick(dates));
    amts.push((chance(0.5) ? -1 : 1) * cents(logUni(10, 1e6)));
  }
  if (chance(0.5)) {
    // a −100 / +40 style pair on one day
    const d = pick(dates);
    days.push(d, d);
    const a = cents(logUni(100, 1e6));
    amts.push(-a, cents(a * uni(0.1, 0.9)));
  }
  if (!amts.some((a) => a < 0)) amts[0] = -Math.abs(amts[0]);
  if (!amts.some((a) => a > 0)) amts[amts.length - 1] = Math.abs(amts[amts.length - 1]);
  const idx = chance(0.5) ? shuffle(days.map((_, i) => i)) : days.map((_, i) => i).sort((a, b) => days[a] - days[b]);
  return { cat: 'same-day', days: idx.map((i) => days[i]), amts: idx.map((i) => amts[i]) };
}

/** Paid −C, then positive flows worth C at the target rate (then rounded). */
function targetRate(cat, r, { n = int(1, 5), span = int(30, 3650), scale = logUni(1e3, 1e9), digits = 12 } = {}) {
  const start = randomStart();
  const offs = Array.from({ length: n }, () => int(1, span)).sort((a, b) => a - b);
  const w = offs.map(() => uni(0.1, 1));
  const pv = offs.reduce((s, o, k) => s + w[k] * (1 + r) ** (-o / 365), 0);
  const days = [start, ...offs.map((o) => start + o)];
  const amts = [-sig(scale, digits), ...w.map((wk) => sig((wk * scale) / pv, digits))];
  return { cat, days, amts };
}

function nearMinus100() {
  const r = pick([-0.9, -0.95, -0.99, -0.995, -0.999, -0.9999, -0.99999]) * uni(0.999, 1.0);
  return targetRate('near-minus-100', r, { span: int(200, 5000) });
}

function hugeRate() {
  const kind = int(0, 2);
  if (kind === 0) return targetRate('huge-rate', logUni(10, 1000), { span: int(60, 1500) }); // 1000 % … 100 000 %
  if (kind === 1) return targetRate('huge-rate', logUni(1000, 1e8), { span: int(20, 400) });
  // astronomically large: a multiple paid back within days
  const start = randomStart();
  const n = int(1, 3);
  const days = [start];
  const amts = [-cents(logUni(100, 1e8))];
  for (let k = 0; k < n; k++) {
    days.push(start + int(1, 20));
    amts.push(cents(-amts[0] * logUni(1.2, 50)));
  }
  return { cat: 'huge-rate', days, amts };
}

/** Polynomial in z = 1+r with chosen roots; flows exactly 365 days apart so the roots are exact. */
function multiRoot() {
  const k = chance(0.75) ? 2 : 3;
  const roots = Array.from({ length: k }, () => 1 + pick([uni(-0.6, 0.05), uni(0.05, 0.5), uni(0.5, 2.5)]));
  let poly = [1]; // coefficients, highest degree first
  const mul = (p, q) => {
    const out = new Array(p.length + q.length - 1).fill(0);
    for (let i = 0; i < p.length; i++) for (let j = 0; j < q.length; j++) out[i + j] += p[i] * q[j];
    return out;
  };
  for (const x of roots) poly = mul(poly, [1, -x]);
  const extra = int(0, 3); // positive-coefficient factor: no extra positive roots
  if (extra > 0)
    poly = mul(
      poly,
      Array.from({ length: extra + 1 }, () => uni(0.1, 1)),
    );
  const sign = chance(0.5) ? -1 : 1;
  const scale = logUni(100, 1e8);
  const start = randomStart();
  const step = chance(0.8) ? 365 : int(90, 400);
  const days = poly.map((_, i) => start + i * step);
  const amts = poly.map((c) => sig(sign * c * scale, 10));
  const idx = chance(0.2) ? shuffle(days.map((_, i) => i)) : days.map((_, i) => i);
  return { cat: 'multi-root', days: idx.map((i) => days[i]), amts: idx.map((i) => amts[i]) };
}

function noRoot() {
  const kind = int(0, 5);
  const start = randomStart();
  if (kind === 0) {
    // all the same sign
    const n = int(1, 6);
    const s = chance(0.5) ? -1 : 1;
    return { cat: 'no-root', days: Array.from({ length: n }, () => start + int(0, 2000)), amts: Array.from({ length: n }, () => s * cents(logUni(1, 1e6))) };
  }
  if (kind === 1) {
    // −a, +b, −c with b² < 4ac (yearly): the quadratic never reaches 0
    const a = logUni(10, 1e6);
    const c = a * uni(0.3, 3);
    const b = Math.sqrt(4 * a * c) * uni(0.2, 0.97);
    return { cat: 'no-root', days: [start, start + 365, start + 730], amts: [-cents(a), cents(b), -cents(c)] };
  }
  if (kind === 2) {
    // everything nets to zero on each day
    const d2 = start + int(1, 900);
    const a = cents(logUni(10, 1e6));
    const b = cents(logUni(10, 1e6));
    return { cat: 'no-root', days: [start, start, d2, d2], amts: [-a, a, b, -b] };
  }
  if (kind === 3) {
    // fewer than two non-zero flows / all zero
    const n = int(1, 4);
    const amts = Array.from({ length: n }, () => 0);
    if (chance(0.6)) amts[int(0, n - 1)] = (chance(0.5) ? -1 : 1) * cents(logUni(1, 1e6));
    return { cat: 'no-root', days: Array.from({ length: n }, (_, i) => start + i * 30), amts };
  }
  if (kind === 4) {
    // positive "loan" pattern: +, −, + with too little in the middle
    const a = logUni(10, 1e6);
    const c = a * uni(0.3, 3);
    const b = Math.sqrt(4 * a * c) * uni(0.2, 0.97);
    const gap = int(100, 800);
    return { cat: 'no-root', days: [start, start + gap, start + 2 * gap], amts: [cents(a), -cents(b), cents(c)] };
  }
  // random short ones with the same first and last sign; some have roots, some not
  const base = randomFlows({ n: int(3, 8) });
  base.amts[0] = -Math.abs(base.amts[0]);
  base.amts[base.amts.length - 1] = -Math.abs(base.amts[base.amts.length - 1]);
  return { ...base, cat: 'no-root' };
}

function bigAmounts() {
  if (chance(0.5)) return { ...fund({ scale: logUni(1e10, 1e11), round: cents }), cat: 'big-yuan' };
  return { ...fund({ scale: logUni(1e12, 1e13), round: Math.round }), cat: 'big-fen' };
}

function tinyAmounts() {
  const base = chance(0.5) ? fund({ scale: logUni(1e-6, 1e-2), round: (x) => sig(x, 6) }) : randomFlows({ lo: 1e-7, hi: 1e-2, round: (x) => sig(x, 6) });
  return { ...base, cat: 'tiny' };
}

function longHorizon() {
  const start = randomStart() - 365 * 10;
  const n = int(100, 200);
  const span = 365 * 30 + int(0, 20);
  const days = [];
  const amts = [];
  const scale = logUni(1e4, 1e9);
  for (let i = 0; i < n; i++) {
    const off = Math.round((i * span) / (n - 1));
    days.push(start + off);
    const phase = off / span;
    // contributions early, income later, with noise of either sign in between
    const mean = phase < 0.35 ? -1 : phase < 0.6 ? (chance(0.5) ? -0.5 : 0.6) : 1.2;
    amts.push(cents(mean * scale * uni(0.2, 1.5)));
  }
  return { cat: 'long-30y', days, amts };
}

function shortHorizon() {
  const start = randomStart();
  const n = int(2, 8);
  const days = [start];
  for (let i = 1; i < n; i++) days.push(start + int(0, int(2, 30)));
  days.sort((a, b) => a - b);
  const inv = cents(logUni(100, 1e7));
  const amts = [-inv];
  for (let i = 1; i < n; i++) amts.push(cents((inv / (n - 1)) * uni(0.9, 1.15) * (chance(0.15) ? -0.3 : 1)));
  if (!amts.some((a) => a > 0)) amts[n - 1] = Math.abs(amts[n - 1]) + 1;
  return { cat: 'short', days, amts };
}

function nearZero() {
  const start = randomStart();
  const a = cents(logUni(1e3, 1e8));
  const gain = pick([0, 0, 0.01, -0.01, 1, -1, a * 1e-9, a * 1e-6]);
  const n = int(0, 3);
  const days = [start];
  const amts = [-a];
  let remaining = a + gain;
  for (let k = 0; k < n; k++) {
    const part = cents(remaining * uni(0.1, 0.5));
    days.push(start + int(1, 3000));
    amts.push(part);
    remaining -= part;
  }
  days.push(start + int(300, 4000));
  amts.push(cents(remaining));
  return { cat: 'near-zero', days, amts };
}

function edge() {
  const kind = int(0, 3);
  const base = randomFlows({ n: int(2, 6) });
  if (kind === 0) {
    // a zero amount listed first (its date is still LibreOffice's reference date)
    base.days.unshift(base.days[0] - int(0, 400));
    base.amts.unshift(0);
  } else if (kind === 1) {
    // zeros sprinkled in
    for (let k = 0; k < int(1, 3); k++) {
      base.days.push(base.days[0] + int(0, 2000));
      base.amts.push(0);
    }
  } else if (kind === 2) {
    // latest date listed first
    base.days.reverse();
    base.amts.reverse();
  } else {
    // exactly two flows
    base.days.length = 2;
    base.amts.length = 2;
    if (base.amts[0] * base.amts[1] > 0) base.amts[1] = -base.amts[1];
  }
  return { ...base, cat: 'edge' };
}

const plan = [
  [fund, 700],
  [randomFlows, 900],
  [unsorted, 350],
  [sameDay, 300],
  [nearMinus100, 300],
  [hugeRate, 300],
  [multiRoot, 400],
  [noRoot, 300],
  [bigAmounts, 250],
  [tinyAmounts, 200],
  [longHorizon, 40],
  [shortHorizon, 200],
  [nearZero, 150],
  [edge, 200],
];

const cases = [];
for (const [gen, count] of plan) {
  for (let k = 0; k < count; k++) {
    const c = gen();
    cases.push({ id: `${c.cat}-${String(k).padStart(4, '0')}`, ...c });
  }
}
console.log(`generated ${cases.length} cases, ${cases.reduce((s, c) => s + c.days.length, 0)} flows`);

// ---------------------------------------------------------------- LibreOffice
function fods(batch) {
  const rows = [];
  let row = 1;
  for (const c of batch) {
    c.row = row;
    const last = row + c.days.length - 1;
    for (let i = 0; i < c.days.length; i++) {
      const serial = c.days[i] - daysFromCivil(1899, 12, 30);
      const formula = i === 0 ? `<table:table-cell table:formula="of:=XIRR([.A${row}:.A${last}];[.B${row}:.B${last}])"/>` : '';
      rows.push(
        `<table:table-row><table:table-cell office:value-type="float" office:value="${c.amts[i]}"/><table:table-cell office:value-type="float" office:value="${serial}"/>${formula}</table:table-row>`,
      );
    }
    row = last + 1;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="xirr">
${rows.join('\n')}
</table:table></office:spreadsheet></office:body></office:document>
`;
}

const work = mkdtempSync(join(tmpdir(), 'xirr-corpus-'));
const BATCH = 1000;
const files = [];
for (let b = 0; b * BATCH < cases.length; b++) {
  const name = `batch${String(b).padStart(2, '0')}.fods`;
  writeFileSync(join(work, name), fods(cases.slice(b * BATCH, (b + 1) * BATCH)));
  files.push(name);
}
const version = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`LibreOffice: ${version}`);
// Filter options: comma separator, '"' quotes, UTF-8, from line 1, no "save as shown" → full-precision values.
const conv = spawnSync(
  'soffice',
  [
    `-env:UserInstallation=file://${work}/profile`,
    '--headless',
    '--convert-to',
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false',
    '--outdir',
    work,
    ...files.map((f) => join(work, f)),
  ],
  { encoding: 'utf8', cwd: work, timeout: 30 * 60 * 1000 },
);
if (conv.status !== 0) throw new Error(`soffice failed: ${conv.stderr}`);
for (let b = 0; b < files.length; b++) {
  const lines = readFileSync(join(work, files[b].replace('.fods', '.csv')), 'utf8').split('\n');
  for (const c of cases.slice(b * BATCH, (b + 1) * BATCH)) {
    const cell = (lines[c.row - 1] ?? '').split(',')[2]?.replace(/"/g, '').trim();
    if (cell === undefined || cell === '') throw new Error(`no LibreOffice result for ${c.id}`);
    const v = Number(cell);
    c.lo = Number.isFinite(v) && /^[-+0-9.eE]+$/.test(cell) ? v : cell;
  }
}
rmSync(work, { recursive: true, force: true });

// ---------------------------------------------------------------- high-precision check
const hpIn = cases.map((c) => ({ id: c.id, o: c.days, a: c.amts, lo: typeof c.lo === 'number' ? c.lo : null }));
const hp = spawnSync('python3', [join(here, 'xirr_hp_reference.py')], { input: JSON.stringify(hpIn), encoding: 'utf8', maxBuffer: 1 << 28 });
if (hp.status !== 0) throw new Error(`hp reference failed: ${hp.stderr}`);
const hpOut = new Map(JSON.parse(hp.stdout).map((r) => [r.id, r]));

const out = cases.map((c) => {
  const h = hpOut.get(c.id);
  const rec = { id: c.id, d0: isoOf(c.days[0]), o: c.days.map((d) => d - c.days[0]), a: c.amts, lo: c.lo, verdict: h.verdict, ref: h.ref };
  if (h.roots !== null && h.roots !== undefined) rec.roots = h.roots;
  if (h.verdict === 'lo-bogus' || (h.roots ?? 0) > 1) rec.rootList = h.rootList;
  return rec;
});
const stats = {};
for (const r of out) stats[r.verdict] = (stats[r.verdict] ?? 0) + 1;
const loErrors = out.filter((r) => typeof r.lo === 'string').length;
const maxLoErr = Math.max(...[...hpOut.values()].filter((h) => h.verdict === 'lo').map((h) => h.loErr / Math.max(Math.abs(h.ref), 1e-1)));
const doc = {
  description: 'XIRR cases evaluated by LibreOffice Calc (XIRR, headless) and an independent decimal solver. See docs/domain.md#xirr.',
  generator: 'scripts/make-xirr-corpus.mjs',
  seed: SEED,
  libreoffice: version,
  fields: {
    d0: 'ISO date of the first listed flow',
    o: 'day offsets of every flow from d0 (listed order, may be negative)',
    a: 'amounts',
    lo: 'LibreOffice XIRR (15 significant digits) or its error text',
    verdict:
      'lo: a true root lies within max(1e-9·|r|, 1e-10) of lo (ref = that root, 60-digit decimal) | lo-imprecise: LibreOffice stopped short of a root (tiny amounts), ref = that root | lo-bogus: LibreOffice returned a non-root; ref = the unique root or null (rootList when several) | hp: LibreOffice errored, a root exists (ref = unique root, or the root nearest 10% in ln(1+r) when several) | none: LibreOffice errored and no root exists',
    roots: 'number of roots found by the decimal solver (when it searched)',
    rootList: 'up to 10 of those roots, when there are several (or LibreOffice was bogus)',
  },
  stats,
  cases: out,
};
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(doc));
console.log(
  `wrote ${outFile}: ${out.length} cases, ${JSON.stringify(stats)}; LibreOffice errors: ${loErrors}; max relative |lo − root|: ${maxLoErr.toExponential(2)}`,
);
