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
 * One write shape, one read shape (ADR 043): routers validate, check permissions and call one command or
 * query; data functions are `(write: WriteCtx, input)` or `(read: ReadCtx, input)`, know nothing of tRPC
 * and decide nothing about permissions.
 */
describe('layers: routers, data', () => {
  const routers = sources(join(ROOT, 'server/src/routers'));
  const data = sources(join(ROOT, 'server/src/data'));
  /** Sign-in is moving out of data/ into auth/ (issue 10, item 2); until it has, it is the one file let through. */
  const SIGN_IN = 'server/src/data/auth.ts';

  it('routers run no SQL: no drizzle import', () => {
    const bad = routers.flatMap((f) =>
      imports(f)
        .filter((i) => i.from === 'drizzle-orm' || i.from.startsWith('drizzle-orm/') || i.from.startsWith('@highland/drizzle'))
        .map((i) => `${relative(ROOT, f)} → ${i.from}`),
    );
    expect(bad).toEqual([]);
  });

  it('data knows no transport and no auth layer: no @trpc/server, nothing from server/src/auth', () => {
    const bad = data
      .filter((f) => relative(ROOT, f) !== SIGN_IN)
      .flatMap((f) =>
        imports(f)
          .filter((i) => i.from.startsWith('@trpc/server') || (i.from.startsWith('.') && resolve(dirname(f), i.from).startsWith(join(ROOT, 'server/src/auth'))))
          .map((i) => `${relative(ROOT, f)} → ${i.from}`),
      );
    expect(bad).toEqual([]);
  });

  /**
   * Exported functions that take a database, a transaction or a request context first but are neither a
   * command nor a query — each with its reason. Loaders (data/load.ts) take `read.db` or `write.tx` by design.
   * Everything else here is a building block that commands and queries compose inside their own read or
   * transaction; a new entry needs a reason as good as these.
   */
  const BUILDING_BLOCKS: Record<string, { names: string[]; why: string }> = {
    'server/src/data/load.ts': { names: ['*'], why: 'the loaders: one row by id or NOT_FOUND, on read.db or write.tx' },
    'server/src/data/books.ts': { names: ['loadBooks'], why: 'the books reader every performance, LP and statement query composes (and the demo generator)' },
    'server/src/data/bulk.ts': { names: ['bulkInsert', 'bulkInsertRaw'], why: 'multi-row inserts inside a command’s transaction (imports, demo data)' },
    'server/src/data/search.ts': {
      names: ['indexCompanies', 'indexDealTexts', 'reindexDeals'],
      why: 'the full-text index, kept inside the writing command’s transaction',
    },
    'server/src/data/scoring.ts': {
      names: ['pipelineSettings', 'recomputeScores', 'fundDealIds', 'fundKind'],
      why: 'a fund’s pipeline settings and deal scores, read and recomputed inside pipeline commands and queries',
    },
    'server/src/data/fund-group.ts': {
      names: ['balancesAsOf', 'addInvestedInFunds', 'groupFunds', 'commitmentHistory', 'qualifyingInvestments', 'recomputeBalances', 'storedBalances'],
      why: 'the group’s as-of readers shared by the fund and ledger modules, held equal to a recomputation by the balances test and the benchmark',
    },
    'server/src/data/ledger.ts': { names: ['lpPositions'], why: 'each LP’s position, read inside ledger commands and by the fund page' },
    'server/src/data/lp.ts': { names: ['lpStatement'], why: 'the ILPA statement computation shared by the LP’s page and the issued-statement check' },
    'server/src/data/statements.ts': { names: ['currentLines'], why: 'a fund’s statement lines now, compared with what was issued (and issued by the demo)' },
    'server/src/data/portfolio.ts': {
      names: ['positionEvents', 'companiesHeldBy'],
      why: 'a position’s events for the portfolio checks and loaders; the held companies auth/firm-scope.ts scopes firm records with',
    },
    'server/src/data/performance.ts': { names: ['describeExposures'], why: 'the look-through’s company details, shared by the fund and LP look-through' },
    'server/src/data/benchmarks.ts': { names: ['pmeAgainstIndexes'], why: 'KS-PME against every index, composed into the performance and LP queries' },
    'server/src/data/plan/common.ts': {
      names: ['companyOrThrow', 'assertPortfolioFirm', 'userNames', 'fundCodes', 'firmsById'],
      why: 'the plan modules’ shared look-ups and input checks, inside their commands and queries',
    },
    'server/src/data/plan/books.ts': {
      names: ['planFundFigures', 'holdingMoves', 'isPortfolioFirm', 'focusFirms', 'annualOutput', 'lastOutputBefore'],
      why: 'the plan’s readers of the books, composed by the scoreboard, support and listing modules',
    },
    'server/src/data/plan/designation.ts': { names: ['designationSpans'], why: 'designations in force, composed by the scoreboard' },
    'server/src/data/plan/listing.ts': { names: ['listedFirms'], why: 'listed firms, composed by the scoreboard' },
    'server/src/data/plan/programme.ts': { names: ['programmesOf'], why: 'the programmes, composed by the scoreboard' },
  };

  /** `export async function name(first: Type` — the first parameter's name and type, or null when it takes none. */
  function exportedFunctions(file: string): Array<{ name: string; param: string | null; type: string | null }> {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/^export async function\*?\s*(\w+)\s*(?:<[^(]*>)?\(\s*(?:\{[^}]*\}|(\w+))?\s*(?::\s*([\w.]+))?/gm)].map((m) => ({
      name: m[1] ?? '',
      param: m[2] ?? null,
      type: m[3] ?? null,
    }));
  }

  it('every data function is a command (write: WriteCtx, input) or a query (read: ReadCtx, input), or a listed building block', () => {
    const context = /^(db|tx|ctx|services|caller)$/;
    const contextType = /^(Db|DbOrTx|Tx|MutationContext|AppServices|Caller|Context)$/;
    const bad = data
      .filter((f) => relative(ROOT, f) !== SIGN_IN)
      .flatMap((f) => {
        const listed = BUILDING_BLOCKS[relative(ROOT, f)]?.names ?? [];
        return exportedFunctions(f)
          .filter((fn) => !(fn.param === 'write' && fn.type === 'WriteCtx') && !(fn.param === 'read' && fn.type === 'ReadCtx'))
          .filter(
            (fn) =>
              (fn.param !== null && context.test(fn.param)) || (fn.type !== null && contextType.test(fn.type)) || fn.param === 'write' || fn.param === 'read',
          )
          .filter((fn) => !listed.includes('*') && !listed.includes(fn.name))
          .map((fn) => `${relative(ROOT, f)}: ${fn.name}(${fn.param}: ${fn.type})`);
      });
    expect(bad).toEqual([]);
  });

  it('the listed building blocks still exist (a stale entry is removed, not kept)', () => {
    const missing = Object.entries(BUILDING_BLOCKS).flatMap(([file, { names }]) => {
      const found = exportedFunctions(join(ROOT, file)).map((fn) => fn.name);
      return names.filter((n) => n !== '*' && !found.includes(n)).map((n) => `${file}: ${n}`);
    });
    expect(missing).toEqual([]);
  });

  it('every NOT_FOUND of the data layer is thrown by a loader in data/load.ts', () => {
    const bad = data
      .filter((f) => !['server/src/data/load.ts', SIGN_IN].includes(relative(ROOT, f)))
      .filter((f) => readFileSync(f, 'utf8').includes("'NOT_FOUND'"))
      .map((f) => relative(ROOT, f));
    expect(bad).toEqual([]);
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
