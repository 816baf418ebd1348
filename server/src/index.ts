import { serve } from '@hono/node-server';
import { createDb } from '@highland/drizzle';
import { createApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { readEnv } from './env.js';
import { createLogger } from './log.js';

/** Reads the environment, prepares the database, listens; stops cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const env = readEnv();
  const log = createLogger(env.LOG_LEVEL);
  const db = await createDb(env.DATABASE_URL, { authToken: env.DATABASE_AUTH_TOKEN });
  const boot = await bootstrap(db, env.HIGHLAND_DATA, log);
  if (boot.adminPassword) {
    // Printed once, on purpose to the terminal rather than the log: it is a secret.
    process.stdout.write(
      `\n  First start: an administrator account was created.\n  e-mail:   admin@highland.local\n  password: ${boot.adminPassword}   (one-time: change it at first sign-in)\n\n`,
    );
  }
  const { app } = createApp({ db, env, log });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    log.info({ port: info.port, database: env.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@') }, `Highland is listening on http://localhost:${info.port}`);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => {
      db.$client.close();
      log.info('stopped');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Highland failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
