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

/**
 * One permission source (issue 10 item 2, ADR 044): who may see and do what is decided by the predicates
 * of shared/src/auth, enforced by server/src/auth and the gates of server/src/trpc.ts. A router or a web
 * file comparing roles itself is a second copy of the rules, which drifts.
 */
describe('permission decisions only through shared/src/auth and server/src/auth', () => {
  /** `file:line` of every line of `files` matching `pattern`. */
  const lines = (files: string[], pattern: RegExp) =>
    files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
    );

  it('no router builds a role gate or compares a role: every procedure is gated by areaProcedure/gateProcedure', () => {
    const routers = sources(join(ROOT, 'server/src/routers'));
    expect(routers.length).toBeGreaterThan(10);
    expect(lines(routers, /roleProcedure\s*\(|\.role\s*[!=]==|\brole\s*[!=]==/)).toEqual([]);
    // and the role-list gate itself is gone from the tRPC set-up
    expect(readFileSync(join(ROOT, 'server/src/trpc.ts'), 'utf8')).not.toMatch(/roleProcedure/);
  });

  it('routers and the HTTP file routes import their permission checks from server/src/auth only', () => {
    const files = [...sources(join(ROOT, 'server/src/routers')), join(ROOT, 'server/src/http/pipeline-files.ts')];
    const bad = files.flatMap((f) =>
      imports(f)
        .filter((i) => /(^|\/)(guards|scope|firm-scope|investor-scope)\.js$/.test(i.from) && !/^\.\.\/auth\//.test(i.from))
        .map((i) => `${relative(ROOT, f)} → ${i.from}`),
    );
    expect({ bad, routerGuards: statSafe(join(ROOT, 'server/src/routers/guards.ts')) }).toEqual({ bad: [], routerGuards: false });
  });

  /**
   * Files of web/src allowed to look at a role themselves, each with its reason. Everything else asks the
   * shared predicates (canSee, canWriteFund, readsGroup, …).
   */
  const WEB_EXCEPTIONS: Record<string, string> = {
    // Checks at compile time that the server's actor is a Principal: the one place the web names its fields.
    'web/src/lib/session.ts': 'the actor-is-a-Principal type check',
    // The administrators' users page edits accounts' roles: it shows a role's label and the fields a role
    // needs (funds for a manager, the investor for an LP). It decides nothing about the viewer's access.
    'web/src/features/users/': 'the users admin page edits roles',
  };

  it('no web file compares roles or reads managesMotherFund, outside the listed exceptions', () => {
    const web = sources(join(ROOT, 'web/src')).filter((f) => {
      const rel = relative(ROOT, f);
      return !Object.keys(WEB_EXCEPTIONS).some((e) => (e.endsWith('/') ? rel.startsWith(e) : rel === e));
    });
    expect(web.length).toBeGreaterThan(50);
    expect(lines(web, /\.role\s*[!=]==|\brole\s*[!=]==|managesMotherFund/)).toEqual([]);
  });

  it('the listed exceptions exist (a stale exception is removed, not kept)', () => {
    expect(Object.keys(WEB_EXCEPTIONS).filter((e) => !statSafe(join(ROOT, e)))).toEqual([]);
  });
});

function statSafe(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}
