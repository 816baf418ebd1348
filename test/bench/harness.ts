import { closeSync, copyFileSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { createDb, type Db } from '@highland/drizzle';
import type { StressSet } from './stress/index.js';

/** What a benchmark file gets: the stress set and ways to open it. */
export interface BenchContext {
  stress: StressSet;
  /** The cached stress set, opened for reading (do not write to it: every benchmark shares it). */
  openDb: () => Promise<Db>;
  /** A private copy of the stress set, for benchmarks that write; removed after the run. */
  copyDb: () => Promise<Db>;
  /** Closes and removes a copy made by copyDb and returns a fresh one (the stress set as built). */
  recopyDb: (db: Db) => Promise<Db>;
}

/** One measured operation beside its lower bound, timed interleaved in the same run. */
export interface BenchCase {
  name: string;
  /** The operation as the app runs it (data access and domain code, not the HTTP layer unless stated). */
  run: () => Promise<unknown>;
  /** The raw-SQL lower bound (or a peer library) it is compared with. */
  baseline: { name: string; run: () => Promise<unknown> };
  /** Checks, once before timing, that both sides computed the same answer; returns a problem or null. */
  same?: (measured: unknown, baseline: unknown) => string | null;
  /**
   * Untimed, before every run of either side: for operations that write, put the database back as it
   * was, so each run measures the same operation on the same state.
   */
  reset?: () => Promise<void>;
  /** Timed runs of each side (default 15) after `warmup` untimed ones (default 2). */
  iterations?: number;
  warmup?: number;
}

export interface Bench {
  /** Section id in docs/PERFORMANCE.md and the filter `pnpm bench <id>` matches. */
  id: string;
  title: string;
  /** A paragraph for PERFORMANCE.md: what is measured, and what the lower bound is. */
  about: string;
  /** Timed cases beside their lower bounds (the usual shape). Give this or `report`. */
  prepare?: (ctx: BenchContext) => Promise<{ cases: BenchCase[]; close?: () => Promise<void> | void }>;
  /**
   * For benchmarks that are not one operation against one lower bound (a browser loading pages, an HTTP
   * load test): measures on its own and returns the section's body (Markdown tables with their peers or
   * lower bounds measured in the same run). `ctx` is null when `needsStressSet` is false.
   */
  report?: (ctx: BenchContext | null) => Promise<string>;
  /** Default true; false for benchmarks that never open the stress set (it is then not built for them). */
  needsStressSet?: boolean;
}

export function defineBench(bench: Bench): Bench {
  return bench;
}

export interface CaseResult {
  name: string;
  baselineName: string;
  runs: number;
  p50: number;
  p90: number;
  baselineP50: number;
  baselineP90: number;
  ratio: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (pos - lo);
}

/** Times a case: warm-up, then runs of the operation and of its baseline alternately, so both see the same machine. */
export async function measure(c: BenchCase): Promise<CaseResult> {
  const run = async () => {
    await c.reset?.();
    return c.run();
  };
  const baseline = async () => {
    await c.reset?.();
    return c.baseline.run();
  };
  const first = await run();
  const base = await baseline();
  const problem = c.same?.(first, base) ?? null;
  if (problem) throw new Error(`${c.name}: the measured operation and its baseline disagree: ${problem}`);
  for (let i = 1; i < (c.warmup ?? 2); i++) {
    await run();
    await baseline();
  }
  const a: number[] = [];
  const b: number[] = [];
  const n = c.iterations ?? 15;
  for (let i = 0; i < n; i++) {
    await c.reset?.();
    let t = performance.now();
    await c.run();
    a.push(performance.now() - t);
    await c.reset?.();
    t = performance.now();
    await c.baseline.run();
    b.push(performance.now() - t);
  }
  a.sort((x, y) => x - y);
  b.sort((x, y) => x - y);
  const p50 = quantile(a, 0.5);
  const baselineP50 = quantile(b, 0.5);
  return {
    name: c.name,
    baselineName: c.baseline.name,
    runs: n,
    p50,
    p90: quantile(a, 0.9),
    baselineP50,
    baselineP90: quantile(b, 0.9),
    ratio: p50 / baselineP50,
  };
}

/** Opens the stress set, or a private copy of it. */
export function contextFor(stress: StressSet): { ctx: BenchContext; cleanup: () => void } {
  const opened: Db[] = [];
  const copies: string[] = [];
  const ctx: BenchContext = {
    stress,
    openDb: async () => {
      const db = await createDb(stress.url);
      opened.push(db);
      return db;
    },
    copyDb: () => copy(),
    recopyDb: async (db) => {
      const at = opened.indexOf(db);
      if (at >= 0) opened.splice(at, 1);
      db.$client.close();
      const path = pathOf.get(db);
      if (path) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      return copy();
    },
  };
  const pathOf = new Map<Db, string>();
  async function copy(): Promise<Db> {
    const path = stress.path.replace(/\.db$/, `-copy-${process.pid}-${copies.length}.db`);
    copyFileSync(stress.path, path);
    // Flush the copy to disk now, or the kernel writes it back during the next timed run.
    const fd = openSync(path, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    copies.push(path);
    const db = await createDb(`file:${path}`);
    opened.push(db);
    pathOf.set(db, path);
    return db;
  }
  return {
    ctx,
    cleanup: () => {
      for (const db of opened) db.$client.close();
      for (const p of copies) for (const suffix of ['', '-wal', '-shm']) rmSync(p + suffix, { force: true });
    },
  };
}
