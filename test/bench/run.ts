// `pnpm bench [id …]`: builds (or reuses) the stress set, runs every test/bench/*.bench.ts (or those
// whose id contains one of the arguments), prints a table, and rewrites each benchmark's section of
// docs/PERFORMANCE.md. Figures are ratios against a lower bound measured in the same run.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Bench, type BenchContext, type CaseResult, contextFor, measure } from './harness.js';
import { type StressSet, stressSet } from './stress/index.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const PERFORMANCE_MD = fileURLToPath(new URL('../../docs/PERFORMANCE.md', import.meta.url));

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

function table(results: CaseResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${ms(r.p50)} | ${ms(r.p90)} | ${r.baselineName} | ${ms(r.baselineP50)} | ${ms(r.baselineP90)} | **${r.ratio.toFixed(2)}×** | ${r.runs} |`,
  );
  return [
    '| measured | p50 ms | p90 ms | lower bound | p50 ms | p90 ms | ratio (p50) | runs |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

/** Replaces the text between `<!-- bench:id -->` and `<!-- /bench:id -->`, or appends the section. */
function writeSection(doc: string, id: string, body: string): string {
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) return doc.slice(0, i) + block + doc.slice(j + end.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}

function stressSection(set: StressSet): string {
  const parts = set.manifest.parts
    .map(
      (p) =>
        `| ${p.name} | ${Object.entries(p.counts)
          .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
          .join(', ')} | ${(p.ms / 1000).toFixed(1)} s |`,
    )
    .join('\n');
  return [
    '## The stress set',
    '',
    `Built by \`test/bench/stress/\` (key \`${set.manifest.key}\`, deterministic; cached in \`test/bench/.data/\`), in ${(set.manifest.buildMs / 1000).toFixed(1)} s on this machine:`,
    '',
    '| part | rows | build |',
    '| --- | --- | ---: |',
    parts,
  ].join('\n');
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = readdirSync(HERE)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const benches: Array<{ file: string; bench: Bench }> = [];
  for (const file of files) {
    const bench = (await import(pathToFileURL(join(HERE, file)).href)).default as Bench;
    if (filters.length && !filters.some((f) => bench.id.includes(f))) continue;
    benches.push({ file, bench });
  }
  // The stress set is built (or reused) only when a selected benchmark reads it.
  const needed = benches.some(({ bench }) => bench.needsStressSet !== false);
  const set = needed ? await stressSet({ rebuild: process.argv.includes('--rebuild') }) : null;
  let doc = readFileSync(PERFORMANCE_MD, 'utf8').replace(/\n_No benchmark has been added yet[^\n]*\n/, '\n');
  if (set) doc = writeSection(doc, 'stress-set', stressSection(set));
  let ran = 0;
  for (const { file, bench } of benches) {
    console.log(`\n▶ ${bench.title} (${file})`);
    const usesSet = set && bench.needsStressSet !== false ? set : null;
    const { ctx, cleanup }: { ctx: BenchContext | null; cleanup: () => void } = usesSet ? contextFor(usesSet) : { ctx: null, cleanup: () => {} };
    let body: string;
    try {
      if (bench.report) {
        body = await bench.report(ctx);
      } else if (bench.prepare) {
        const results: CaseResult[] = [];
        const { cases, close } = await bench.prepare(ctx as BenchContext);
        for (const c of cases) {
          const r = await measure(c);
          console.log(`  ${r.name}: p50 ${ms(r.p50)} ms vs ${r.baselineName} ${ms(r.baselineP50)} ms → ${r.ratio.toFixed(2)}×`);
          results.push(r);
        }
        await close?.();
        body = table(results);
      } else {
        throw new Error(`${file}: a benchmark needs prepare or report`);
      }
    } finally {
      cleanup();
    }
    console.log(`\n${body}`);
    const when = new Date().toISOString().slice(0, 10);
    const data = usesSet ? `stress set \`${usesSet.manifest.key}\`` : 'no stress set';
    doc = writeSection(
      doc,
      bench.id,
      [`## ${bench.title}`, '', bench.about, '', body, '', `_${when}, ${data}; reproduce with \`pnpm bench ${bench.id}\` (${file})._`].join('\n'),
    );
    ran++;
  }
  writeFileSync(PERFORMANCE_MD, doc);
  // The repository's formatter owns Markdown tables' alignment; leave the file as `pnpm lint` wants it.
  spawnSync(fileURLToPath(new URL('../../node_modules/.bin/biome', import.meta.url)), ['format', '--write', PERFORMANCE_MD], { stdio: 'ignore' });
  console.log(`\n${ran} benchmark file(s) run; docs/PERFORMANCE.md updated.`);
}

await main();
