// The stress set: one deterministic, modular data set that every benchmark runs on.
//
//   tsx test/bench/stress/index.ts            build it if the cached copy is stale, print what it holds
//   tsx test/bench/stress/index.ts --rebuild  build it again regardless
//
// Each part (test/bench/stress/<part>.ts) fills its own tables from its own fork of the seeded
// generator, in order; a part may read what earlier parts returned. The result is cached in
// test/bench/.data/ under a key hashed from the parts' sources, the migrations and the generator, so
// it is built once per change and reused by every `pnpm bench` run. See test/bench/README.md.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDb, type Db, migrateDb, migrationsFolder } from '@highland/drizzle';
import { Random } from '@highland/server/demo/random';
import type { Transaction } from '@libsql/client';
import { benchmarksPart } from './benchmarks.js';
import { companiesPart } from './companies.js';
import { dealsPart } from './deals.js';
import { fundGroupPart } from './fund-group.js';
import { type Cell, insertRows } from './insert.js';
import { investmentsPart } from './investments.js';
import { scoreboardPart } from './scoreboard.js';

/** What a part gets: the open write transaction, its own generator, and the outputs of earlier parts. */
export interface StressContext {
  tx: Transaction;
  rng: Random;
  /** Multi-row insert into `table` (see insert.ts). */
  insert: (table: string, columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<Cell>>) => Promise<void>;
  /** What earlier parts returned, by part name. */
  outputs: ReadonlyMap<string, unknown>;
  /** Progress line for long parts. */
  log: (message: string) => void;
}

export interface StressPart<Out = unknown> {
  /** Stable name: the part's file, its generator fork and its key in `outputs`. */
  name: string;
  /** Fills the part's tables; returns row counts (printed and written to PERFORMANCE.md) and an output for later parts. */
  build: (ctx: StressContext) => Promise<{ counts: Record<string, number>; output?: Out }>;
}

/**
 * The parts, in build order. Companies come first (deals and investments refer to them); the fund group
 * (funds, LPs, commitments, the ledger) next, then the portfolio's investments (rounds, exits, marks and
 * their ledger rows), then the plan's scoreboard (KPIs, designations, listings). Later issues append theirs
 * (deals for the pipeline) — see README.md.
 */
export const PARTS: StressPart[] = [companiesPart, fundGroupPart, investmentsPart, dealsPart, scoreboardPart, benchmarksPart];

export const STRESS_SEED = 20250101;
export const DATA_DIR = fileURLToPath(new URL('../.data', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));

export interface StressManifest {
  key: string;
  builtAt: string;
  buildMs: number;
  parts: Array<{ name: string; ms: number; counts: Record<string, number> }>;
}

export interface StressSet {
  path: string;
  url: string;
  manifest: StressManifest;
}

/** The cache key: every source that shapes the data (the parts, the generator, the migrations). */
export function stressKey(): string {
  const h = createHash('sha256');
  const files = [
    ...readdirSync(HERE)
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => join(HERE, f)),
    fileURLToPath(new URL('../../../server/src/demo/random.ts', import.meta.url)),
    fileURLToPath(new URL('../../../server/src/demo/uscc.ts', import.meta.url)),
    ...readdirSync(migrationsFolder)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => join(migrationsFolder, f)),
  ];
  for (const f of files) h.update(f.slice(f.lastIndexOf('/') + 1)).update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

/** The stress set, built first if the cached copy is missing or stale. */
export async function stressSet(options: { rebuild?: boolean; log?: (m: string) => void } = {}): Promise<StressSet> {
  const log = options.log ?? ((m: string) => console.log(m));
  const key = stressKey();
  const path = join(DATA_DIR, `stress-${key}.db`);
  const manifestPath = join(DATA_DIR, `stress-${key}.json`);
  if (!options.rebuild && existsSync(path) && existsSync(manifestPath)) {
    return { path, url: `file:${path}`, manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) as StressManifest };
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const building = join(DATA_DIR, `building-${key}-${process.pid}.db`);
  rmSync(building, { force: true });
  log(`stress set ${key}: building in ${building}`);
  const started = performance.now();
  const manifest: StressManifest = { key, builtAt: new Date().toISOString(), buildMs: 0, parts: [] };
  const db = await createDb(`file:${building}`);
  try {
    await migrateDb(db);
    await build(db, manifest, log);
  } finally {
    db.$client.close();
  }
  manifest.buildMs = Math.round(performance.now() - started);
  // Replace older builds: one cached set per worktree is enough.
  for (const f of readdirSync(DATA_DIR)) if (/^stress-.*\.(db|json|db-wal|db-shm)$/.test(f)) rmSync(join(DATA_DIR, f), { force: true });
  renameSync(building, path);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  log(`stress set ${key}: built in ${(manifest.buildMs / 1000).toFixed(1)} s`);
  return { path, url: `file:${path}`, manifest };
}

async function build(db: Db, manifest: StressManifest, log: (m: string) => void): Promise<void> {
  const client = db.$client;
  // A throw-away file: no journal, no fsync while building; WAL afterwards, as the app runs it.
  await client.execute('PRAGMA journal_mode = OFF');
  await client.execute('PRAGMA synchronous = OFF');
  await client.execute('PRAGMA cache_size = -262144');
  const rng = new Random(STRESS_SEED);
  const outputs = new Map<string, unknown>();
  for (const part of PARTS) {
    const t0 = performance.now();
    const tx = await client.transaction('write');
    try {
      const result = await part.build({
        tx,
        rng: rng.fork(part.name),
        insert: (table, columns, rows) => insertRows(tx, table, columns, rows),
        outputs,
        log: (m) => log(`  ${part.name}: ${m}`),
      });
      await tx.commit();
      outputs.set(part.name, result.output);
      const ms = Math.round(performance.now() - t0);
      manifest.parts.push({ name: part.name, ms, counts: result.counts });
      log(
        `  ${part.name}: ${Object.entries(result.counts)
          .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
          .join(', ')} in ${(ms / 1000).toFixed(1)} s`,
      );
    } catch (e) {
      tx.close();
      throw e;
    }
  }
  await client.execute('PRAGMA journal_mode = WAL');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const set = await stressSet({ rebuild: process.argv.includes('--rebuild') });
  console.log(`${set.path}\n${JSON.stringify(set.manifest.parts, null, 2)}`);
}
