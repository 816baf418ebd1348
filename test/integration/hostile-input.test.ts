import { appRouter, createContext } from '@highland/server';
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCESS_CASES, EMAIL, type Fixture, loadFixture } from './access-cases.js';
import { type Harness, harness } from './helpers/harness.js';
import { seedSession } from './helpers/sessions.js';

/**
 * "Never a 500 or a stack trace": every procedure, called by someone allowed to reach it, with inputs
 * made hostile — the valid input with one field replaced by a value of the wrong kind, out of range or
 * absurd, or an arbitrary value instead of the whole input. Each answer must be a result or a refusal
 * with a code other than INTERNAL_SERVER_ERROR, and no message may carry a stack frame.
 */
const hostile = fc.oneof(
  fc.constantFrom(null, undefined, '', ' ', 'x'.repeat(5000), -1, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.5, Number.NaN, true, [], {}),
  fc.constantFrom("'; DROP TABLE fund; --", '<script>alert(1)</script>', '=cmd|calc', '9999-99-99', '2026-02-30', '１２３', '\u0000', '../../etc/passwd'),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** The valid input with one key (at any depth of the top level) replaced, or something else entirely. */
function hostileInput(valid: unknown): fc.Arbitrary<unknown> {
  const whole = fc.oneof(fc.anything({ maxDepth: 2 }), hostile);
  if (valid === null || typeof valid !== 'object' || Array.isArray(valid)) return whole;
  const keys = Object.keys(valid as Record<string, unknown>);
  if (!keys.length) return whole;
  const oneField = fc.tuple(fc.constantFrom(...keys), hostile).map(([k, v]) => ({ ...(valid as Record<string, unknown>), [k]: v }));
  const extraField = fc.tuple(fc.string({ maxLength: 8 }), hostile).map(([k, v]) => ({ ...(valid as Record<string, unknown>), [k]: v }));
  return fc.oneof({ weight: 6, arbitrary: oneField }, { weight: 1, arbitrary: extraField }, { weight: 2, arbitrary: whole });
}

async function callerFor(h: Harness, email: string | null) {
  const cookie = email ? await seedSession(h.db, email) : null;
  const ctx = await createContext(h.services, new Request('http://test/', { headers: cookie ? { cookie } : {} }), new Headers(), 'hostile-input');
  return appRouter.createCaller(ctx) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
}

const STACK = /\n\s+at .+:\d+:\d+|node_modules|\.ts:\d+/;

describe('hostile input never makes a procedure fail with an internal error', () => {
  it('every procedure, 12 hostile inputs each, as an identity allowed to call it', { timeout: 240_000 }, async () => {
    const h = await harness();
    const fx: Fixture = await loadFixture(h.db);
    const callers = new Map<string, Awaited<ReturnType<typeof callerFor>>>();
    const failures: string[] = [];
    let calls = 0;
    for (const [path, c] of Object.entries(ACCESS_CASES)) {
      const who = c.allowed.find((w) => w !== 'anonymous') ?? c.allowed[0] ?? 'admin';
      const email = who === 'anonymous' ? null : EMAIL[who];
      let caller = callers.get(who);
      if (!caller) {
        caller = await callerFor(h, email);
        callers.set(who, caller);
      }
      const [ns, name] = path.split('.') as [string, string];
      const fn = caller[ns]?.[name];
      if (!fn) throw new Error(`no procedure ${path}`);
      // Sign-out and password changes would end the session the other samples use: they get their own caller.
      const fresh = path === 'auth.signOut' || path === 'auth.changePassword';
      await fc
        .assert(
          fc.asyncProperty(hostileInput(c.input?.(fx)), async (input) => {
            calls += 1;
            const f = fresh ? ((await callerFor(h, email))[ns]?.[name] ?? fn) : fn;
            const outcome = await f(input).then(
              () => null,
              (e: unknown) => e,
            );
            if (outcome === null) return true;
            const code = outcome instanceof TRPCError ? outcome.code : 'NOT_A_TRPC_ERROR';
            const message = outcome instanceof Error ? outcome.message : String(outcome);
            const cause = outcome instanceof Error && outcome.cause instanceof Error ? ` (cause: ${outcome.cause.message.slice(0, 200)})` : '';
            if (code === 'INTERNAL_SERVER_ERROR' || code === 'NOT_A_TRPC_ERROR' || STACK.test(message)) {
              failures.push(`${path} ${JSON.stringify(input)?.slice(0, 200)} → ${code}: ${message.slice(0, 300)}${cause}`);
              return false;
            }
            return true;
          }),
          { numRuns: 12, seed: 20261129, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect({ procedures: Object.keys(ACCESS_CASES).length > 100, calls: calls > 1000, failures }).toEqual({ procedures: true, calls: true, failures: [] });
  });
});
