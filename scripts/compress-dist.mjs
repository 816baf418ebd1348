// Writes pre-compressed siblings (`x.js.br`, `x.js.gz`) beside every compressible file of a built web
// app, for server/src/http/static.ts to serve by `Accept-Encoding` negotiation: brotli at quality 11 and
// gzip at level 9 — the slow, smallest settings, paid once at build time, never per request.
// Run by the web build (a plugin in web/vite.config.ts), or alone: `node scripts/compress-dist.mjs [dir]`.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** The text types worth compressing (the same list as static.ts). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.xml', '.ico', '.ttf', '.wasm']);
/** Below this, a compressed copy saves less than a packet and is not written. */
const MIN_BYTES = 256;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Compresses every compressible file under `dir`; a variant is written only when smaller than the file.
 * Returns totals in bytes: { files, raw, br, gzip }.
 */
export async function compressDist(dir) {
  const totals = { files: 0, raw: 0, br: 0, gzip: 0 };
  const jobs = [];
  for await (const path of files(dir)) {
    if (!COMPRESSIBLE.has(extname(path).toLowerCase())) continue;
    if ((await stat(path)).size < MIN_BYTES) continue;
    jobs.push(
      (async () => {
        const raw = await readFile(path);
        const [b, g] = await Promise.all([
          brotli(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            },
          }),
          gz(raw, { level: 9 }),
        ]);
        totals.files++;
        totals.raw += raw.length;
        if (b.length < raw.length) await writeFile(`${path}.br`, b);
        if (g.length < raw.length) await writeFile(`${path}.gz`, g);
        totals.br += Math.min(b.length, raw.length);
        totals.gzip += Math.min(g.length, raw.length);
      })(),
    );
  }
  await Promise.all(jobs);
  return totals;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'web/dist');
  const t = await compressDist(dir);
  const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
  console.log(`compress-dist: ${t.files} files in ${dir}: ${kb(t.raw)} → brotli ${kb(t.br)}, gzip ${kb(t.gzip)}`);
}
