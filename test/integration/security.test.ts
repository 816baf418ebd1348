import { auditEvent, deal, session, user } from '@highland/drizzle';
import { SignInLimiter } from '@highland/server/auth/rate-limit';
import { listen } from '@highland/server/http/listen';
import type { Env } from '@highland/server/env';
import { desc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { harness, TEST_NOW } from './helpers/harness.js';
import { csv, IMPORT_HEADERS, importRow } from './helpers/pipeline.js';
import { auditCount } from './helpers/sessions.js';

const GOV = 'gov@demo.highland';
const GP = 'gp@demo.highland';
const PASSWORD = 'demo-highland-2026';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** A harness served on a real loopback socket, with a movable clock; `signIn` posts over TCP, optionally as a client behind the proxy. */
async function served(env: Partial<Env> = {}) {
  let now = TEST_NOW.getTime();
  const h = await harness({ now: () => new Date(now), env });
  const server = await listen(h.app.fetch);
  servers.push(server);
  const signIn = async (email: string, password: string, forwardedFor?: string) => {
    const res = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json()) as { error?: { data: { domain: { key: string; params?: { seconds?: number; rule?: string } } | null } } };
    return { status: res.status, key: body.error?.data.domain?.key ?? null, seconds: body.error?.data.domain?.params?.seconds ?? null };
  };
  return { h, url: server.url, signIn, advance: (ms: number) => (now += ms) };
}

const lastAudit = async (h: Awaited<ReturnType<typeof harness>>, action: string) =>
  (await h.db.select().from(auditEvent).where(eq(auditEvent.action, action)).orderBy(desc(auditEvent.id)).limit(1))[0];

describe('sign-in limits over real HTTP (issue 15 item 2)', () => {
  it('one address trying one password across many accounts is slowed with a doubling backoff; other addresses are not', async () => {
    const { signIn, advance } = await served({ TRUSTED_PROXIES: ['127.0.0.1'] });
    const attacker = '198.51.100.7';
    const tries = [];
    for (let i = 0; i < 20; i++) tries.push((await signIn(`user${i}@demo.highland`, 'Spring2026!', attacker)).status);
    const blocked = await signIn(GOV, PASSWORD, attacker);
    const owner = await signIn(GOV, PASSWORD, '203.0.113.20');
    advance(1_100);
    const afterFirstWait = await signIn('another@demo.highland', 'Spring2026!', attacker);
    const secondBlock = await signIn(GOV, PASSWORD, attacker);
    expect({ tries: new Set(tries), blocked, owner: owner.status, afterFirstWait: afterFirstWait.status, secondBlock }).toEqual({
      tries: new Set([401]),
      blocked: { status: 429, key: 'auth.throttledIp', seconds: 1 },
      owner: 200,
      afterFirstWait: 401,
      secondBlock: { status: 429, key: 'auth.throttledIp', seconds: 2 },
    });
  });

  it('five failures on an account lock it for the failing address only, and only for the window: the owner is never locked out', async () => {
    const { signIn, advance } = await served({ TRUSTED_PROXIES: ['127.0.0.1'] });
    for (let i = 0; i < 5; i++) await signIn(GOV, `wrong-${i}`, '198.51.100.8');
    const attackerRight = await signIn(GOV, PASSWORD, '198.51.100.8');
    const ownerElsewhere = await signIn(GOV, PASSWORD, '203.0.113.21');
    advance(61_000);
    const attackerAfterWindow = await signIn(GOV, PASSWORD, '198.51.100.8');
    expect({ attackerRight: attackerRight.key, ownerElsewhere: ownerElsewhere.status, attackerAfterWindow: attackerAfterWindow.status }).toEqual({
      attackerRight: 'auth.throttled',
      ownerElsewhere: 200,
      attackerAfterWindow: 200,
    });
  });

  it('failures for unknown accounts write at most one audit row per window, with the previous window’s count', async () => {
    const { h, signIn, advance } = await served({ TRUSTED_PROXIES: ['127.0.0.1'] });
    const before = await auditCount(h.db);
    const statuses = new Set<number>();
    for (let i = 0; i < 40; i++) statuses.add((await signIn(`flood-${i}-${Math.random()}@nowhere.example`, 'x', `192.0.2.${i % 20}`)).status);
    const duringWindow = (await auditCount(h.db)) - before;
    advance(10 * 60_000 + 1);
    await signIn('one-more@nowhere.example', 'x', '192.0.2.200');
    const afterWindow = (await auditCount(h.db)) - before;
    const row = await lastAudit(h, 'auth.signInFailedUnknown');
    const rows = await h.db.select().from(auditEvent).where(eq(auditEvent.action, 'auth.signInFailed'));
    expect({
      statuses: [...statuses],
      duringWindow,
      afterWindow,
      previous: (JSON.parse(row?.after ?? '{}') as { previousWindow: { count: number; addresses: number } }).previousWindow,
      perEmailRows: rows.filter((r) => (r.after ?? '').includes('nowhere.example')).length,
    }).toEqual({ statuses: [401], duringWindow: 1, afterWindow: 2, previous: expect.objectContaining({ count: 40, addresses: 20 }), perEmailRows: 0 });
  });

  it('the limiter’s memory is bounded whatever the flood', () => {
    const limiter = new SignInLimiter({ maxKeys: 100 });
    for (let i = 0; i < 20_000; i++) limiter.recordFailure(`u${i}@x.example`, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 1_000 + i);
    expect(limiter.keyCount).toBeLessThanOrEqual(202);
  });

  it('a global flood slows addresses that are failing, never an address with no failures of its own', async () => {
    const { h, signIn } = await served({ TRUSTED_PROXIES: ['127.0.0.1'] });
    h.services.throttle = new SignInLimiter({ globalLimit: 10 });
    for (let i = 0; i < 10; i++) await signIn(`g${i}@nowhere.example`, 'x', `192.0.2.${100 + i}`);
    const failingAddress = await signIn(GOV, PASSWORD, '192.0.2.100');
    const cleanAddress = await signIn(GOV, PASSWORD, '203.0.113.30');
    expect({ failingAddress: failingAddress.key, cleanAddress: cleanAddress.status }).toEqual({ failingAddress: 'auth.throttledGlobal', cleanAddress: 200 });
  });

  it('X-Forwarded-For is ignored unless the peer is a trusted proxy, and then read from the right', async () => {
    const direct = await served();
    await direct.signIn(GOV, 'wrong', '1.2.3.4');
    const ignored = JSON.parse((await lastAudit(direct.h, 'auth.signInFailed'))?.after ?? '{}') as { ip: string };
    const proxied = await served({ TRUSTED_PROXIES: ['127.0.0.1', '10.0.0.0/8'] });
    await proxied.signIn(GOV, 'wrong', '6.6.6.6, 203.0.113.99, 10.1.2.3');
    const believed = JSON.parse((await lastAudit(proxied.h, 'auth.signInFailed'))?.after ?? '{}') as { ip: string };
    expect({ ignored: ignored.ip, believed: believed.ip }).toEqual({ ignored: '127.0.0.1', believed: '203.0.113.99' });
  });
});

describe('cross-site writes are refused with 403 and write nothing (issue 15 item 3)', () => {
  async function setup(env: Partial<Env> = {}) {
    const h = await harness({ env });
    const cookie = await h.cookieFor(GP);
    const state = async () => ({
      audit: await auditCount(h.db),
      locale: (await h.db.select({ l: user.locale }).from(user).where(eq(user.email, GP)))[0]?.l,
      sessions: (await h.db.select({ id: session.id }).from(session)).length,
      deals: (await h.db.select({ id: deal.id }).from(deal)).length,
    });
    return { h, cookie, state };
  }

  const ATTACKS: Array<{ name: string; headers: Record<string, string>; body: string }> = [
    {
      name: 'multipart/form-data with the cookie',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="locale"\r\n\r\nen\r\n--x--\r\n',
    },
    { name: 'text/plain', headers: { 'content-type': 'text/plain' }, body: '{"locale":"en"}' },
    { name: 'a urlencoded form', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'locale=en' },
    { name: 'no content type', headers: {}, body: '{"locale":"en"}' },
    { name: 'JSON from another Origin', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{"locale":"en"}' },
    { name: 'JSON from Origin null', headers: { 'content-type': 'application/json', origin: 'null' }, body: '{"locale":"en"}' },
    { name: 'JSON with Sec-Fetch-Site: cross-site', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body: '{"locale":"en"}' },
    {
      name: 'JSON with Sec-Fetch-Site: same-site (a sibling subdomain)',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' },
      body: '{"locale":"en"}',
    },
  ];

  for (const attack of ATTACKS)
    it(`tRPC mutation as ${attack.name}`, async () => {
      const { h, cookie, state } = await setup();
      const before = await state();
      const results = [];
      for (const path of ['auth.setLocale', 'auth.signOut']) {
        const res = await h.app.request(`/trpc/${path}`, { method: 'POST', headers: { cookie, ...attack.headers }, body: attack.body });
        const body = (await res.json()) as { error: { key: string; message: string } };
        results.push({ status: res.status, key: body.error.key, stack: /\bat .*:\d+/.test(body.error.message) });
      }
      expect({ results, after: await state() }).toEqual({
        results: [
          { status: 403, key: 'request.crossSite', stack: false },
          { status: 403, key: 'request.crossSite', stack: false },
        ],
        after: before,
      });
    });

  it('the deal import refuses forms, text, and other origins, and imports nothing', async () => {
    const { h, cookie, state } = await setup();
    const file = csv([IMPORT_HEADERS, importRow(1)]);
    const before = await state();
    const attempts: Array<Record<string, string>> = [
      { 'content-type': 'multipart/form-data; boundary=x' },
      { 'content-type': 'text/plain' },
      {},
      { 'content-type': 'application/octet-stream', origin: 'https://evil.example' },
      { 'content-type': 'application/octet-stream', 'sec-fetch-site': 'cross-site' },
    ];
    const statuses = [];
    for (const headers of attempts) {
      const res = await h.app.request('/api/import/deals?mode=commit&fundId=1&mapping=%7B%7D', {
        method: 'POST',
        headers: { cookie, 'x-highland-import': '1', ...headers },
        body: file,
      });
      statuses.push(`${res.status} ${((await res.json()) as { error: { key: string } }).error.key}`);
    }
    expect({ statuses, after: await state() }).toEqual({ statuses: attempts.map(() => '403 request.crossSite'), after: before });
  });

  it('same-site JSON writes go through: from this host, without either header, and from PUBLIC_ORIGIN behind a proxy', async () => {
    const { h, cookie } = await setup();
    const post = (headers: Record<string, string>) =>
      h.app.request('/trpc/auth.setLocale', { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: '{"locale":"en"}' });
    const sameHost = (await post({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' })).status;
    const script = (await post({})).status;
    const proxied = await setup({ PUBLIC_ORIGIN: 'https://highland.example.cn' });
    const viaProxy = (
      await proxied.h.app.request('/trpc/auth.setLocale', {
        method: 'POST',
        headers: { cookie: proxied.cookie, 'content-type': 'application/json', origin: 'https://highland.example.cn' },
        body: '{"locale":"en"}',
      })
    ).status;
    const hostButNotPublic = (
      await proxied.h.app.request('/trpc/auth.setLocale', {
        method: 'POST',
        headers: { cookie: proxied.cookie, 'content-type': 'application/json', origin: 'http://localhost' },
        body: '{"locale":"en"}',
      })
    ).status;
    expect({ sameHost, script, viaProxy, hostButNotPublic }).toEqual({ sameHost: 200, script: 200, viaProxy: 200, hostButNotPublic: 403 });
  });
});
