import type { MiddlewareHandler } from 'hono';
import type { Env } from '../env.js';

/** Content types a write may carry: JSON for tRPC; the import's own types for file uploads. */
const JSON_TYPES = ['application/json'];
const IMPORT_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CrossSiteRefusal {
  rule: 'contentType' | 'origin' | 'fetchSite';
  message: string;
}

/**
 * Whether a state-changing request may be carried out. A browser on another site can send a POST with
 * the session cookie only as a "simple" request (form encodings or text/plain, no custom headers);
 * requiring JSON (or the import's own type) rules those out, and `Origin` / `Sec-Fetch-Site`, when a
 * browser sends them, must name this site: the request's Host, or PUBLIC_ORIGIN behind a proxy.
 * A request with neither header (a script, not a browser) still has to be JSON.
 */
export function crossSiteRefusal(
  req: { method: string; url: string; header: (name: string) => string | undefined },
  allowedTypes: readonly string[],
  publicOrigin: string,
): CrossSiteRefusal | null {
  const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!allowedTypes.includes(type))
    return {
      rule: 'contentType',
      message: `A write must be sent as ${allowedTypes.join(' or ')}; got ${type ? type.slice(0, 80) : 'no content type'}.`,
    };
  const site = req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return { rule: 'fetchSite', message: `Writes from another site are refused (Sec-Fetch-Site: ${site.slice(0, 40)}).` };
  const origin = req.header('origin');
  if (origin !== undefined) {
    let ok = false;
    try {
      const o = new URL(origin);
      if (publicOrigin) ok = o.origin === new URL(publicOrigin).origin;
      else {
        const host = req.header('host') ?? new URL(req.url).host;
        ok = o.host === host;
      }
    } catch {
      ok = false; // "null" and anything unparsable
    }
    if (!ok) return { rule: 'origin', message: `Writes from another site are refused (Origin: ${origin.slice(0, 120)}).` };
  }
  return null;
}

/** Hono middleware: refuses cross-site writes with 403 before anything is read or written. */
export function sameSiteWrites(env: Pick<Env, 'PUBLIC_ORIGIN'>, kind: 'json' | 'import'): MiddlewareHandler {
  const types = kind === 'json' ? JSON_TYPES : IMPORT_TYPES;
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const refused = crossSiteRefusal({ method: c.req.method, url: c.req.url, header: (n) => c.req.header(n) }, types, env.PUBLIC_ORIGIN);
    if (!refused) return next();
    const domain = { code: 'FORBIDDEN', key: 'request.crossSite', params: { rule: refused.rule } };
    // Both shapes in one: the REST routes read `error.key`, the tRPC client reads `error.data`.
    return c.json({ error: { code: 'FORBIDDEN', key: domain.key, message: refused.message, params: domain.params, data: { httpStatus: 403, domain } } }, 403);
  };
}
