import { randomUUID } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { createDb, type Db } from '@highland/drizzle';
import { appRouter, createApp, createContext } from '@highland/server';
import { DEMO_PASSWORD } from '@highland/server/demo/index';
import { defaultEnv, type Env } from '@highland/server/env';
import { afterEach } from 'vitest';
import { BASE_DEMO_DB, BASE_EMPTY_DB, TMP_DIR } from './paths.js';
import { sqldCopyOf, USE_SQLD } from './sqld-db.js';

const opened: Array<{ db: Db; path: string | null }> = [];
afterEach(() => {
  // Each test's database is closed and deleted after it: a run keeps no more than its bases on disk.
  for (const { db, path } of opened.splice(0)) {
    db.$client.close();
    // A database served by sqld is removed with its server (helpers/sqld-db.ts).
    if (path !== null) for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
});

/** A real libSQL database file of its own: a copy of the migrated base (with or without the demo data). */
export async function testDb(kind: 'demo' | 'empty' = 'demo'): Promise<Db> {
  // `pnpm test:sqld`: the same copy, served by its own sqld (helpers/sqld-db.ts).
  if (USE_SQLD) {
    const served = await createDb(await sqldCopyOf(kind === 'demo' ? BASE_DEMO_DB : BASE_EMPTY_DB));
    opened.push({ db: served, path: null });
    return served;
  }
  const path = `${TMP_DIR}/db/${randomUUID()}.db`;
  copyFileSync(kind === 'demo' ? BASE_DEMO_DB : BASE_EMPTY_DB, path);
  const db = await createDb(`file:${path}`);
  opened.push({ db, path });
  return db;
}

/** The demo data's clock: its books run to 2026-10-31, the tests run "on" 2026-11-15 unless told otherwise. */
export const TEST_NOW = new Date('2026-11-15T04:00:00Z');

export interface Harness {
  db: Db;
  app: ReturnType<typeof createApp>['app'];
  services: ReturnType<typeof createApp>['services'];
  /** A tRPC caller acting as a signed-in user (through the real sign-in and session cookie). */
  as: (email: string, password?: string) => Promise<Caller>;
  /** A caller with no session. */
  anonymous: () => Promise<Caller>;
  /** Signs in over HTTP and returns the session cookie. */
  cookieFor: (email: string, password?: string) => Promise<string>;
  /** tRPC over HTTP: GET for queries, POST for mutations (unless `method` says otherwise). */
  http: (path: string, init?: { input?: unknown; cookie?: string; method?: 'GET' | 'POST' }) => Promise<Response>;
}
export type Caller = ReturnType<ReturnType<typeof createApp>['createCaller']>;

export async function harness(options: { db?: Db; kind?: 'demo' | 'empty'; now?: () => Date; env?: Partial<Env> } = {}): Promise<Harness> {
  const db = options.db ?? (await testDb(options.kind ?? 'demo'));
  const { app, services, createCaller } = createApp({
    db,
    env: defaultEnv({ WEB_DIST: '/nonexistent', ...options.env }),
    now: options.now ?? (() => TEST_NOW),
  });
  const http: Harness['http'] = (path, init = {}) => {
    const proc = PROCEDURES[path];
    const method = init.method ?? (proc?._def.type === 'mutation' ? 'POST' : 'GET');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (init.cookie) headers.cookie = init.cookie;
    if (method === 'GET') {
      const qs = init.input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(init.input))}`;
      return Promise.resolve(app.request(`/trpc/${path}${qs}`, { method, headers }));
    }
    return Promise.resolve(app.request(`/trpc/${path}`, { method, headers, body: JSON.stringify(init.input ?? null) }));
  };
  const cookieFor = async (email: string, password = DEMO_PASSWORD) => {
    const res = await http('auth.signIn', { input: { email, password }, method: 'POST' });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
    const set = res.headers.get('set-cookie') ?? '';
    return set.split(';')[0] ?? '';
  };
  const callerFor = async (cookie: string | null) =>
    createCaller(await createContext(services, new Request('http://test/', { headers: cookie ? { cookie } : {} }), new Headers(), 'test'));
  return {
    db,
    app,
    services,
    http,
    cookieFor,
    as: async (email, password) => callerFor(await cookieFor(email, password)),
    anonymous: () => callerFor(null),
  };
}

/** Every procedure of the app router by path ('auth.signIn'), with its type. */
export const PROCEDURES = appRouter._def.procedures as unknown as Record<string, { _def: { type: 'query' | 'mutation' | 'subscription' } }>;
