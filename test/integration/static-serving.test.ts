// Serving the built web app (server/src/http/static.ts): negotiated pre-compressed assets, caching, the
// app shell for client-side routes, and gzip for large JSON answers (issue 17, "serve less, sooner").
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { chooseEncoding } from '@highland/server/http/static';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness } from './helpers/harness.js';
import { TMP_DIR } from './helpers/paths.js';

const DIST = join(TMP_DIR, `web-dist-${process.pid}`);
const JS = `console.log(${JSON.stringify('高地 '.repeat(400))});\n`;
const BR = Buffer.from('pretend brotli'); // served as is: the server never decodes it

beforeAll(() => {
  mkdirSync(join(DIST, 'assets'), { recursive: true });
  writeFileSync(
    join(DIST, 'index.html'),
    `<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body>${'<!-- shell -->'.repeat(40)}</body></html>`,
  );
  writeFileSync(join(DIST, 'assets/app-abc123.js'), JS);
  writeFileSync(join(DIST, 'assets/app-abc123.js.br'), BR);
  writeFileSync(join(DIST, 'assets/app-abc123.js.gz'), gzipSync(JS));
  writeFileSync(join(DIST, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});
afterAll(() => rmSync(DIST, { recursive: true, force: true }));

describe('chooseEncoding', () => {
  it('prefers brotli, honours q-values and refusals, and falls back to identity', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('gzip, deflate', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip;q=1.0', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0', ['br', 'gzip'])).toBeNull();
    expect(chooseEncoding('*', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('identity', ['br', 'gzip'])).toBeNull();
    expect(chooseEncoding(undefined, ['br', 'gzip'])).toBeNull();
    expect(chooseEncoding('br', ['gzip'])).toBeNull();
  });
});

describe('the built web app', () => {
  it('serves a hashed asset in the coding the client asks for, with Vary and a year of caching', async () => {
    const { app } = await harness({ env: { WEB_DIST: DIST } });
    const br = await app.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(Buffer.from(await br.arrayBuffer())).toEqual(BR);

    const gz = await app.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(JS);

    const plain = await app.request('/assets/app-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await plain.text()).toBe(JS);
    expect(Number(plain.headers.get('content-length'))).toBe(Buffer.byteLength(JS));
  });

  it('answers a revalidation with 304 and a missing asset with 404 (not the app shell)', async () => {
    const { app } = await harness({ env: { WEB_DIST: DIST } });
    const first = await app.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+-gzip"$/);
    const again = await app.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect((await app.request('/assets/gone-000000.js')).status).toBe(404);
  });

  it('gives client-side routes the app shell, compressed, revalidated on every visit', async () => {
    const { app } = await harness({ env: { WEB_DIST: DIST } });
    for (const path of ['/', '/overview', '/funds/12?asOf=2024-12-31']) {
      const res = await app.request(path, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toContain('/assets/app-abc123.js');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    // The API is never answered with the shell.
    expect((await app.request('/trpc/no.such.procedure')).headers.get('content-type')).not.toMatch(/html/);
    expect((await app.request('/api/nothing-here')).status).toBe(404);
  });
});

describe('JSON answers', () => {
  it('a large tRPC answer is gzipped for a client that accepts gzip, and the same data arrives', async () => {
    const h = await harness();
    const cookie = await h.cookieFor('gov@demo.highland');
    const input = encodeURIComponent(JSON.stringify({ asOf: '2026-06-30', includeDirect: true }));
    const plain = await h.app.request(`/trpc/group.overview?input=${input}`, { headers: { cookie } });
    const zipped = await h.app.request(`/trpc/group.overview?input=${input}`, { headers: { cookie, 'accept-encoding': 'gzip, br' } });
    expect(plain.status).toBe(200);
    expect(zipped.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const body = Buffer.from(await zipped.arrayBuffer());
    expect(Number(zipped.headers.get('content-length'))).toBe(body.length);
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(1400);
    expect(body.length).toBeLessThan(text.length / 3);
    expect(JSON.parse(gunzipSync(body).toString())).toEqual(JSON.parse(text));
  });

  it('a small answer is sent as it is, and a sign-in still sets exactly one session cookie', async () => {
    const h = await harness();
    const res = await h.app.request('/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ email: 'gov@demo.highland', password: 'demo-highland-2026' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.getSetCookie()).toHaveLength(1);
    const me = await h.app.request('/trpc/auth.me', { headers: { cookie: res.headers.getSetCookie()[0]!.split(';')[0]!, 'accept-encoding': 'gzip' } });
    expect(me.headers.get('content-encoding')).toBeNull();
    expect((await me.json()) as unknown).toMatchObject({ result: { data: { email: 'gov@demo.highland' } } });
  });
});
