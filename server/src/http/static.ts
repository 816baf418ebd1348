// Serving the built web app and compressing responses (issue 17, "serve less, sooner").
//
// The built files are read once at start-up into memory (a few MB) with their pre-compressed siblings
// (`x.js.br`, `x.js.gz`, written by scripts/compress-dist.mjs after `vite build`); each request picks
// the smallest variant the client accepts (`Accept-Encoding`, q-values honoured), says so with
// `Content-Encoding` and `Vary: Accept-Encoding`, and never touches the disk. Hashed assets
// (`/assets/*`) are cached for a year as immutable; everything else is revalidated by ETag.
// JSON API responses are gzipped on the way out when they are large enough to gain from it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCb, gzipSync } from 'node:zlib';
import type { Context, Env, Hono, MiddlewareHandler } from 'hono';
import type { Logger } from '../log.js';

const gzip = promisify(gzipCb);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};
/** Types worth compressing (text); images and woff2 are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.xml', '.ico', '.ttf', '.wasm']);

/** Hashed file names from the build never change content: cache them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

type Encoding = 'br' | 'gzip';

interface StaticFile {
  type: string;
  etag: string;
  compressible: boolean;
  immutable: boolean;
  identity: Bytes;
  br?: Bytes;
  gzip?: Bytes;
}

type Bytes = Uint8Array<ArrayBuffer>;
/** A copy in its own ArrayBuffer (what a Response body takes). */
const bytes = (b: Uint8Array): Bytes => new Uint8Array(b);

/**
 * The content coding to send for an `Accept-Encoding` header, among those available: brotli before
 * gzip at equal preference, a q of 0 refuses a coding, `*` stands for any not named; null = identity.
 */
export function chooseEncoding(header: string | undefined, available: ReadonlyArray<Encoding>): Encoding | null {
  if (!header || available.length === 0) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const [k, v] = p.trim().split('=');
      if (k === 'q' && v !== undefined) weight = Number.isFinite(Number(v)) ? Number(v) : 0;
    }
    q.set(name, weight);
  }
  let best: Encoding | null = null;
  let bestQ = 0;
  for (const enc of available) {
    const weight = q.get(enc) ?? q.get('*') ?? 0;
    if (weight > bestQ) {
      best = enc;
      bestQ = weight;
    }
  }
  return best;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Reads the built app into memory: every file with its .br/.gz siblings (gzip made here if missing). */
export function loadStaticFiles(dist: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const path of walk(dist)) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    const ext = extname(path).toLowerCase();
    const identity = bytes(readFileSync(path));
    const compressible = COMPRESSIBLE.has(ext);
    const urlPath = `/${relative(dist, path).split(sep).join('/')}`;
    const file: StaticFile = {
      type: TYPES[ext] ?? 'application/octet-stream',
      etag: `"${createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`,
      compressible,
      immutable: urlPath.startsWith('/assets/'),
      identity,
    };
    if (compressible && identity.length > 256) {
      const smaller = (b: Uint8Array) => (b.length < identity.length ? bytes(b) : undefined);
      if (existsSync(`${path}.br`)) file.br = smaller(readFileSync(`${path}.br`));
      file.gzip = smaller(existsSync(`${path}.gz`) ? readFileSync(`${path}.gz`) : gzipSync(identity, { level: 9 }));
    }
    files.set(urlPath, file);
  }
  return files;
}

function send(c: Context, file: StaticFile, cacheControl: string): Response {
  if (file.compressible) c.header('vary', 'Accept-Encoding');
  c.header('cache-control', cacheControl);
  c.header('etag', file.etag);
  c.header('content-type', file.type);
  const available: Encoding[] = [];
  if (file.br) available.push('br');
  if (file.gzip) available.push('gzip');
  const enc = chooseEncoding(c.req.header('accept-encoding'), available);
  const body = enc === 'br' ? file.br! : enc === 'gzip' ? file.gzip! : file.identity;
  if (enc) c.header('content-encoding', enc);
  // A strong ETag names the representation: the coded ones get their own (RFC 9110 §8.8.3).
  if (enc) c.header('etag', `${file.etag.slice(0, -1)}-${enc}"`);
  const match = c.req.header('if-none-match');
  const same = (tag: string) =>
    tag
      .trim()
      .replace(/^W\//, '')
      .replace(/-(br|gzip)"$/, '"') === file.etag;
  if (match?.split(',').some(same)) {
    return c.body(null, 304);
  }
  c.header('content-length', String(body.length));
  if (c.req.method === 'HEAD') return c.body(null, 200);
  return c.body(body, 200);
}

/**
 * Serves the built web app from `webDist`: its files (negotiated compression, long caching for hashed
 * assets) and the app shell for any other GET that is not the API (client-side routes). Returns false,
 * serving nothing, when the app is not built.
 */
export function mountWeb<E extends Env>(app: Hono<E>, webDist: string, log: Logger): boolean {
  const dist = resolve(webDist);
  if (!existsSync(join(dist, 'index.html')) || !statSync(dist).isDirectory()) {
    log.warn({ dist }, 'web app not built; only the API is served');
    return false;
  }
  const files = loadStaticFiles(dist);
  const index = files.get('/index.html')!;
  const precompressed = [...files.values()].filter((f) => f.br).length;
  log.info({ dist, files: files.size, precompressed }, 'web app loaded');
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/trpc') || path.startsWith('/api/') || path === '/healthz') return next();
    const file = files.get(path);
    if (file && path !== '/index.html') return send(c, file, file.immutable ? IMMUTABLE : 'public, max-age=0, must-revalidate');
    // A missing hashed asset is a 404, not the app shell (a stale page asking for an old chunk).
    if (path.startsWith('/assets/')) return c.notFound();
    // Client-side routes: the app shell, revalidated on every visit so a new build is picked up.
    return send(c, index, 'no-cache');
  });
  return true;
}

/**
 * Gzips JSON responses of at least `threshold` bytes for clients that accept gzip (asynchronously, on
 * libuv's thread pool, so the event loop keeps serving); smaller ones are sent as they are, where
 * compressing would cost more time than it saves bytes.
 */
export function compressJson(threshold = 1400): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || !res.body || res.headers.has('content-encoding')) return;
    if (!/^application\/json/i.test(res.headers.get('content-type') ?? '')) return;
    c.header('vary', 'Accept-Encoding', { append: true });
    if (chooseEncoding(c.req.header('accept-encoding'), ['gzip']) !== 'gzip') return;
    const length = Number(res.headers.get('content-length') ?? Number.NaN);
    if (length < threshold) return;
    const raw = Buffer.from(await res.arrayBuffer());
    const init = { status: res.status, statusText: res.statusText, headers: { 'content-type': res.headers.get('content-type')! } };
    // Hono copies the other headers (set-cookie, vary, …) from the response being replaced.
    if (raw.length < threshold) {
      c.res = new Response(raw, init);
      return;
    }
    const body = await gzip(raw, { level: 6 });
    c.res = new Response(bytes(body), init);
    c.res.headers.set('content-encoding', 'gzip');
    c.res.headers.set('content-length', String(body.length));
  };
}
