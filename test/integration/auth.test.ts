import { session, user } from '@highland/drizzle';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { harness, TEST_NOW } from './helpers/harness.js';

const GOV = 'gov@demo.highland';
const PASSWORD = 'demo-highland-2026';

async function body(res: Response) {
  return (await res.json()) as {
    result?: { data: unknown };
    error?: {
      message: string;
      data: { code: string; httpStatus: number; domain: { key: string; fields?: Array<{ path: string; rule: string }> } | null; stack?: string };
    };
  };
}

describe('signing in over HTTP', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and `me` then answers with the user', async () => {
    const h = await harness();
    const res = await h.http('auth.signIn', { input: { email: GOV, password: PASSWORD } });
    const cookie = res.headers.get('set-cookie') ?? '';
    const me = await body(await h.http('auth.me', { cookie: cookie.split(';')[0] }));
    expect({
      status: res.status,
      httpOnly: /HttpOnly/.test(cookie),
      lax: /SameSite=Lax/.test(cookie),
      email: (me.result?.data as { email: string } | undefined)?.email,
    }).toEqual({
      status: 200,
      httpOnly: true,
      lax: true,
      email: GOV,
    });
  });

  it('stores only the hash of the session token', async () => {
    const h = await harness();
    const cookie = await h.cookieFor(GOV);
    const token = cookie.split('=')[1] ?? '';
    const rows = await h.db.select({ id: session.id }).from(session);
    expect(rows.some((r) => r.id === token)).toBe(false);
  });

  it('e-mail is matched case-insensitively and trimmed', async () => {
    const h = await harness();
    const res = await h.http('auth.signIn', { input: { email: '  GOV@Demo.Highland ', password: PASSWORD } });
    expect(res.status).toBe(200);
  });

  it('a wrong password and an unknown account get the same message and code', async () => {
    const h = await harness();
    const wrong = await body(await h.http('auth.signIn', { input: { email: GOV, password: 'not-the-password' } }));
    const unknown = await body(await h.http('auth.signIn', { input: { email: 'nobody@demo.highland', password: 'not-the-password' } }));
    expect({ message: unknown.error?.message, key: unknown.error?.data.domain?.key, code: unknown.error?.data.code }).toEqual({
      message: wrong.error?.message,
      key: wrong.error?.data.domain?.key,
      code: wrong.error?.data.code,
    });
  });

  it('five failures within a minute lock the account for the rest of the minute, even with the right password', async () => {
    let now = TEST_NOW.getTime();
    const h = await harness({ now: () => new Date(now) });
    for (let i = 0; i < 5; i++) await h.http('auth.signIn', { input: { email: GOV, password: `wrong-${i}` } });
    const locked = await h.http('auth.signIn', { input: { email: GOV, password: PASSWORD } });
    const lockedBody = await body(locked);
    now += 61_000;
    const later = await h.http('auth.signIn', { input: { email: GOV, password: PASSWORD } });
    expect({ locked: locked.status, key: lockedBody.error?.data.domain?.key, later: later.status }).toEqual({ locked: 429, key: 'auth.throttled', later: 200 });
  });

  it('a disabled account cannot sign in', async () => {
    const h = await harness();
    await h.db.update(user).set({ disabled: true }).where(eq(user.email, GOV));
    const res = await h.http('auth.signIn', { input: { email: GOV, password: PASSWORD } });
    expect(res.status).toBe(401);
  });

  it('signing out ends the session', async () => {
    const h = await harness();
    const cookie = await h.cookieFor(GOV);
    await h.http('auth.signOut', { cookie, method: 'POST' });
    const me = await body(await h.http('auth.me', { cookie }));
    expect(me.result?.data).toBeNull();
  });

  it('an expired session is no session', async () => {
    let now = TEST_NOW.getTime();
    const h = await harness({ now: () => new Date(now) });
    const cookie = await h.cookieFor(GOV);
    now += 8 * 86_400_000;
    const res = await h.http('group.overview', { cookie, input: {} });
    expect(res.status).toBe(401);
  });
});

describe('changing a password', () => {
  it('refuses a wrong current password with a field error, and writes nothing', async () => {
    const h = await harness();
    const caller = await h.as(GOV);
    const before = (await h.db.select({ hash: user.passwordHash }).from(user).where(eq(user.email, GOV)))[0]?.hash;
    const err = await caller.auth
      .changePassword({ currentPassword: 'wrong-password', newPassword: 'a-brand-new-secret' })
      .catch((e: { cause?: { details?: unknown } }) => e.cause?.details);
    const after = (await h.db.select({ hash: user.passwordHash }).from(user).where(eq(user.email, GOV)))[0]?.hash;
    expect({ err, same: before === after }).toEqual({
      err: { fields: [{ path: 'currentPassword', rule: 'wrongPassword', message: 'currentPassword: is not your current password' }] },
      same: true,
    });
  });

  it('refuses a new password shorter than ten characters, naming the field and the rule', async () => {
    const h = await harness();
    const cookie = await h.cookieFor(GOV);
    const r = await body(await h.http('auth.changePassword', { cookie, input: { currentPassword: PASSWORD, newPassword: 'short' } }));
    expect({ status: r.error?.data.httpStatus, field: r.error?.data.domain?.fields?.[0], message: r.error?.message }).toEqual({
      status: 400,
      field: { path: 'newPassword', rule: 'too_small', message: 'newPassword: must be at least 10 characters', params: { minimum: 10, origin: 'string' } },
      message: 'newPassword: must be at least 10 characters',
    });
  });

  it('works with the right password and ends the other sessions', async () => {
    const h = await harness();
    const first = await h.cookieFor(GOV);
    const second = await h.cookieFor(GOV);
    const res = await h.http('auth.changePassword', { cookie: second, input: { currentPassword: PASSWORD, newPassword: 'a-brand-new-secret' } });
    const firstMe = await body(await h.http('auth.me', { cookie: first }));
    const secondMe = await body(await h.http('auth.me', { cookie: second }));
    const newSignIn = await h.http('auth.signIn', { input: { email: GOV, password: 'a-brand-new-secret' } });
    expect({
      res: res.status,
      first: firstMe.result?.data,
      second: (secondMe.result?.data as { email: string } | undefined)?.email,
      newSignIn: newSignIn.status,
    }).toEqual({
      res: 200,
      first: null,
      second: GOV,
      newSignIn: 200,
    });
  });
});

describe('the HTTP surface', () => {
  it('/healthz checks the database', async () => {
    const h = await harness();
    const res = await h.app.request('/healthz');
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 200, body: { ok: true, database: 'ok' } });
  });

  it('a malformed tRPC request gets a 400 with a message, never a 500 or a stack', async () => {
    const h = await harness();
    const res = await h.app.request('/trpc/auth.signIn', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    const text = await res.text();
    expect({ status: res.status, hasMessage: /"message"/.test(text), hasStack: /stack|at .*\.js:\d+/.test(text) }).toEqual({
      status: 400,
      hasMessage: true,
      hasStack: false,
    });
  });

  it('an input of the wrong shape is a 400 that names the field', async () => {
    const h = await harness();
    const r = await body(await h.http('auth.signIn', { input: { email: 42 } }));
    expect({ status: r.error?.data.httpStatus, paths: r.error?.data.domain?.fields?.map((f) => f.path) }).toEqual({
      status: 400,
      paths: ['email', 'password'],
    });
  });

  it('an unknown procedure is a 404', async () => {
    const h = await harness();
    const res = await h.http('nothing.here');
    expect(res.status).toBe(404);
  });

  it('a body over the limit is refused with 413 before it is read', async () => {
    const h = await harness({ env: { BODY_LIMIT: 2048 } });
    const res = await h.app.request('/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x'.repeat(5000), password: 'y' }),
    });
    expect(res.status).toBe(413);
  });

  it('sends secure headers', async () => {
    const h = await harness();
    const res = await h.app.request('/healthz');
    expect({
      nosniff: res.headers.get('x-content-type-options'),
      frame: res.headers.get('x-frame-options'),
      csp: (res.headers.get('content-security-policy') ?? '').includes("default-src 'self'"),
    }).toEqual({ nosniff: 'nosniff', frame: 'SAMEORIGIN', csp: true });
  });

  it('an internal error reaches the client as a generic message with a request id, never a stack', async () => {
    const h = await harness();
    const cookie = await h.cookieFor(GOV);
    h.db.$client.close(); // the database goes away under the app
    const r = await body(await h.http('group.overview', { cookie, input: {} }));
    expect({
      status: r.error?.data.httpStatus,
      key: r.error?.data.domain?.key,
      stack: r.error?.data.stack,
      leaks: /sqlite|libsql|at /i.test(r.error?.message ?? ''),
    }).toEqual({
      status: 500,
      key: 'internal',
      stack: undefined,
      leaks: false,
    });
  });
});

describe('a password that must be changed, enforced by the server (issue 15)', () => {
  const FOF = 'fof@demo.highland';

  /** The administrator resets fof@'s password over HTTP; fof@ signs in with the one-time password it got. */
  async function resetAndSignIn(h: Awaited<ReturnType<typeof harness>>) {
    const admin = await h.cookieFor('admin@demo.highland');
    const fofId = (await h.db.select({ id: user.id }).from(user).where(eq(user.email, FOF)))[0]?.id;
    const reset = await body(await h.http('user.resetPassword', { cookie: admin, input: { id: fofId } }));
    const oneTime = (reset.result?.data as { oneTimePassword: string } | undefined)?.oneTimePassword ?? '';
    return { cookie: await h.cookieFor(FOF, oneTime), oneTime };
  }

  it('answers `me` (flagged), and refuses every other procedure and file route with a stable key until it is changed', async () => {
    const h = await harness();
    const { cookie } = await resetAndSignIn(h);
    const me = await body(await h.http('auth.me', { cookie }));
    const refused = async (path: string, input?: unknown) => {
      const r = await body(await h.http(path, { cookie, input }));
      return { status: r.error?.data.httpStatus, key: r.error?.data.domain?.key, message: r.error?.message };
    };
    const expected = {
      status: 403,
      key: 'auth.mustChangePassword',
      message: 'Change your password first (on the Account page); until then only changing it and signing out are allowed.',
    };
    const exportRes = await h.app.request('/api/export/deals?format=csv', { headers: { cookie } });
    const exportBody = (await exportRes.json()) as { error: { key: string } };
    expect({
      me: (me.result?.data as { email: string; mustChangePassword: boolean }) ?? null,
      overview: await refused('group.overview', {}),
      funds: await refused('group.funds', {}),
      investorOptions: await refused('fund.investorOptions'),
      setLocale: await refused('auth.setLocale', { locale: 'en' }),
      commit: await refused('ledger.createInvestor', { nameZh: '某公司', nameEn: 'Some Co.', sourceType: 'private' }),
      export: { status: exportRes.status, key: exportBody.error.key },
    }).toEqual({
      me: expect.objectContaining({ email: FOF, mustChangePassword: true }),
      overview: expected,
      funds: expected,
      investorOptions: expected,
      setLocale: expected,
      commit: expected,
      export: { status: 403, key: 'auth.mustChangePassword' },
    });
  });

  it('changing the password opens the app again, in the same session', async () => {
    const h = await harness();
    const { cookie, oneTime } = await resetAndSignIn(h);
    const changed = await h.http('auth.changePassword', { cookie, input: { currentPassword: oneTime, newPassword: 'a-new-password-2027' } });
    const funds = await h.http('group.funds', { cookie, input: {} });
    const me = await body(await h.http('auth.me', { cookie }));
    expect({
      changed: changed.status,
      funds: funds.status,
      must: (me.result?.data as { mustChangePassword: boolean } | undefined)?.mustChangePassword,
    }).toEqual({
      changed: 200,
      funds: 200,
      must: false,
    });
  });

  it('signing out is allowed before the change', async () => {
    const h = await harness();
    const { cookie } = await resetAndSignIn(h);
    const out = await h.http('auth.signOut', { cookie });
    const me = await body(await h.http('auth.me', { cookie }));
    expect({ out: out.status, me: me.result?.data ?? null }).toEqual({ out: 200, me: null });
  });
});
