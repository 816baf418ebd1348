import { randomUUID } from 'node:crypto';
import type { Db } from '@highland/drizzle';
import { trpcServer } from '@hono/trpc-server';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { SignInLimiter, UnknownAccountFailures } from './auth/rate-limit.js';
import { loadActor, readCookie, SESSION_COOKIE, sessionIdOf } from './auth/session.js';
import { type AppServices, type Context, fundScopeOf } from './context.js';
import type { Env } from './env.js';
import { clientIp, remoteAddressOf } from './http/client-ip.js';
import { mountPipelineFiles } from './http/pipeline-files.js';
import { sameSiteWrites } from './http/same-site.js';
import { compressJson, mountWeb } from './http/static.js';
import { createLogger, type Logger } from './log.js';
import { appRouter } from './router.js';
import { createCallerFactory } from './trpc.js';

export { appRouter, type AppRouter } from './router.js';
export type { Actor, AppServices, Context } from './context.js';

export interface CreateAppOptions {
  db: Db;
  env: Env;
  log?: Logger;
  now?: () => Date;
}

type Vars = { requestId: string };

/**
 * Builds the whole HTTP surface on one Hono app: tRPC at /trpc/*, /healthz, and the built web app with
 * a single-page fallback. No port: index.ts listens; tests call app.request().
 */
export function createApp(options: CreateAppOptions) {
  const services: AppServices = {
    db: options.db,
    // Not `env`: the tRPC adapter puts Hono's bindings under ctx.env.
    config: options.env,
    log: options.log ?? createLogger(options.env.LOG_LEVEL),
    now: options.now ?? (() => new Date()),
    throttle: new SignInLimiter(),
    unknownSignIns: new UnknownAccountFailures(),
  };
  const { log } = services;
  const env = services.config;
  const app = new Hono<{ Variables: Vars }>();

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    log.info({ requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 }, 'request');
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its CSS-in-JS into <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.get('/healthz', async (c) => {
    try {
      await services.db.run(sql`SELECT 1`);
      return c.json({ ok: true, database: 'ok' });
    } catch (err) {
      log.error({ err }, 'health check failed');
      return c.json({ ok: false, database: 'unreachable' }, 503);
    }
  });

  // Cross-site writes are refused before anything is read (issue 15 item 3).
  app.use('/trpc/*', sameSiteWrites(env, 'json'));
  app.use('/api/import/*', sameSiteWrites(env, 'import'));
  app.use(
    '/trpc/*',
    bodyLimit({
      maxSize: env.BODY_LIMIT,
      onError: (c) => c.json({ error: { message: `The request body is larger than ${env.BODY_LIMIT} bytes.`, code: 'PAYLOAD_TOO_LARGE' } }, 413),
    }),
  );
  // Large JSON answers (the overview, the look-through) are gzipped for clients that accept it.
  app.use('/trpc/*', compressJson());
  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      // The adapter types contexts as plain records; ours is an interface, hence the widening.
      createContext: async (opts, c) =>
        (await createContext(
          services,
          opts.req,
          opts.resHeaders,
          c.get('requestId') as string,
          clientIp(remoteAddressOf(c), c.req.header('x-forwarded-for'), env.TRUSTED_PROXIES),
        )) as unknown as Record<string, unknown>,
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error.cause ?? error, path }, 'procedure failed');
      },
    }),
  );

  // Import and export files of the deal pipeline: their own body limit, same session (ADR 022).
  mountPipelineFiles(app, services);

  mountWeb(app, env.WEB_DIST, log);

  app.onError((err, c) => {
    log.error({ err, requestId: c.get('requestId') }, 'unhandled error');
    return c.json({ error: { message: 'Internal error.', requestId: c.get('requestId') } }, 500);
  });

  const createCaller = createCallerFactory(appRouter);
  return { app, services, createCaller };
}

/** A tRPC context for a fetch Request: reads the session cookie, loads the actor. */
export async function createContext(s: AppServices, req: Request, resHeaders: Headers, requestId: string, ip: string | null = null): Promise<Context> {
  const token = readCookie(req.headers.get('cookie'), SESSION_COOKIE);
  const sessionId = token ? sessionIdOf(token) : null;
  const actor = sessionId ? await loadActor(s.db, sessionId, s.now()) : null;
  return {
    ...s,
    actor,
    sessionId: actor ? sessionId : null,
    requestId,
    // The socket's address, or the client's behind a trusted proxy (http/client-ip.ts); never a header as sent.
    ip,
    userAgent: req.headers.get('user-agent'),
    scope: fundScopeOf(s.db, actor),
    setCookie: (value) => resHeaders.append('set-cookie', value),
  };
}
