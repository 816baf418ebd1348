import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test(-setup)?\.ts$/.test(name)) out.push(p); // tests and their setup are not shipped code
  }
  return out;
}

/** `import … from 'x'` and `import type … from 'x'`, with whether they are type-only. */
function imports(file: string): Array<{ from: string; typeOnly: boolean }> {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)].map((m) => ({ from: m[3] ?? '', typeOnly: Boolean(m[2]) }));
}

/** Dependencies run one way: shared ← drizzle ← server; web takes only the AppRouter type from server. */
describe('dependency direction', () => {
  it('shared imports nothing but zod and itself', () => {
    const bad = sources(join(ROOT, 'shared/src')).flatMap((f) =>
      imports(f)
        .filter((i) => !i.from.startsWith('.') && i.from !== 'zod')
        .map((i) => `${relative(ROOT, f)} → ${i.from}`),
    );
    expect(bad).toEqual([]);
  });

  it('shared code has no clock, no database, no request', () => {
    const bad = sources(join(ROOT, 'shared/src'))
      .filter((f) => /Date\.now\(\)|new Date\(\)|process\.env/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(bad).toEqual([]);
  });

  it('drizzle does not import server, web or test', () => {
    const bad = sources(join(ROOT, 'drizzle/src')).flatMap((f) =>
      imports(f)
        .filter((i) => /@highland\/(server|web|test)/.test(i.from))
        .map((i) => `${relative(ROOT, f)} → ${i.from}`),
    );
    expect(bad).toEqual([]);
  });

  it('server does not import web or test', () => {
    const bad = sources(join(ROOT, 'server/src')).flatMap((f) =>
      imports(f)
        .filter((i) => /@highland\/(web|test)/.test(i.from))
        .map((i) => `${relative(ROOT, f)} → ${i.from}`),
    );
    expect(bad).toEqual([]);
  });

  it('web takes only types from server, and nothing from drizzle', () => {
    const bad = sources(join(ROOT, 'web/src')).flatMap((f) =>
      imports(f)
        .filter((i) => (i.from.startsWith('@highland/server') && !i.typeOnly) || i.from.startsWith('@highland/drizzle') || i.from.startsWith('drizzle-orm'))
        .map((i) => `${relative(ROOT, f)} → ${i.from}`),
    );
    expect(bad).toEqual([]);
  });

  it('no web feature imports another feature', () => {
    const featuresDir = join(ROOT, 'web/src/features');
    const bad = sources(featuresDir).flatMap((f) => {
      const own = relative(featuresDir, f).split('/')[0];
      return imports(f)
        .filter((i) => i.from.startsWith('.'))
        .map((i) => relative(featuresDir, resolve(dirname(f), i.from)))
        .filter((target) => !target.startsWith('..') && target.split('/')[0] !== own)
        .map((target) => `${relative(ROOT, f)} → features/${target}`);
    });
    expect(bad).toEqual([]);
  });

  it('process.env is read in one file of the server', () => {
    const readers = sources(join(ROOT, 'server/src'))
      .filter((f) => readFileSync(f, 'utf8').includes('process.env'))
      .map((f) => relative(ROOT, f));
    expect(readers).toEqual(['server/src/env.ts']);
  });
});
