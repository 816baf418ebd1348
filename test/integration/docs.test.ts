import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The docs stay true to the code: the README's code tree names every top-level folder of each package
// and nothing that is gone; comments point at docs/domain.md sections that exist (or at an ADR), never at
// files outside the repository; every ADR has a status line and a row in the index.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const dirs = (p: string) =>
  readdirSync(join(ROOT, p))
    .filter((n) => n !== 'node_modules' && n !== 'dist' && !n.startsWith('.') && statSync(join(ROOT, p, n)).isDirectory())
    .sort();

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir))) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(join(ROOT, p)).isDirectory()) sources(p, out);
    else if (/\.(ts|tsx|mjs)$/.test(name)) out.push(p);
  }
  return out;
}
const CODE = ['shared', 'drizzle', 'server', 'web', 'test', 'scripts'].flatMap((d) => sources(d));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');

describe('the docs are true to the code', () => {
  const readme = read('README.md');
  const tree = readme.slice(readme.indexOf('## The code'), readme.indexOf('## Docs'));

  it("the README's code tree lists every top-level folder of each package's src", () => {
    const missing: string[] = [];
    for (const pkg of ['shared', 'server', 'web'])
      for (const d of dirs(`${pkg}/src`)) if (!tree.includes(`src/${d}/`) && !tree.includes(`src/${d}`)) missing.push(`${pkg}/src/${d}`);
    for (const d of ['drizzle/src/schema', 'drizzle/migrations', ...dirs('test').map((d) => `test/${d}`)])
      if (!tree.includes(`${d.split('/').slice(1).join('/')}/`)) missing.push(d);
    expect(missing).toEqual([]);
  });

  it('every folder the code tree names exists', () => {
    const named = [...tree.matchAll(/(?:^|\s)((?:src\/)?[a-z][a-z0-9-]*\/)(?=[\s,(]|$)/gm)].map((m) => m[1] as string);
    const roots = ['shared', 'drizzle', 'server', 'web', 'test', 'docs', 'scripts', '.'];
    const gone = [...new Set(named)].filter((d) => !roots.some((r) => existsSync(join(ROOT, r, d))));
    expect({ gone, checked: named.length > 20 }).toEqual({ gone: [], checked: true });
  });

  it('no comment points at a file outside the repository', () => {
    const stale = CODE.filter((f) => /\b(DOMAIN|NOTES|STACK-NOTES)\.md\b/.test(read(f).replace(/docs\/domain\.md/g, '')));
    expect(stale).toEqual([]);
  });

  it('every section of docs/domain.md that a file points at exists', () => {
    const anchors = new Set([...read('docs/domain.md').matchAll(/^#{1,4} (.+)$/gm)].map((m) => slug(m[1] as string)));
    const broken: string[] = [];
    let checked = 0;
    for (const f of [...CODE, ...readdirSync(join(ROOT, 'docs/decisions')).map((n) => `docs/decisions/${n}`)])
      for (const m of read(f).matchAll(/domain\.md#([a-z0-9-]+)/g)) {
        checked++;
        if (!anchors.has(m[1] as string)) broken.push(`${relative(ROOT, join(ROOT, f))}#${m[1]}`);
      }
    expect({ broken, checked: checked >= 15 }).toEqual({ broken: [], checked: true });
  });

  it('every ADR has a status line and a row in the index', () => {
    const adrs = readdirSync(join(ROOT, 'docs/decisions')).filter((n) => /^\d{3}-.*\.md$/.test(n));
    const index = read('docs/decisions/README.md');
    const problems = adrs.flatMap((n) => {
      const head = read(`docs/decisions/${n}`).split('\n').slice(0, 6);
      const status = head.find((l) => l.startsWith('Status: '));
      return [
        ...(status && /^Status: (accepted|superseded by \d{3}|partly superseded)/.test(status) ? [] : [`${n}: status line`]),
        ...(index.includes(`](${n})`) ? [] : [`${n}: not in the index`]),
      ];
    });
    expect({ problems, adrs: adrs.length > 20 }).toEqual({ problems: [], adrs: true });
  });
});
