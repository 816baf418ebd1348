import { type Db, migrateDb, user } from '@highland/drizzle';
import { count } from 'drizzle-orm';
import { command, systemCaller } from './data/ctx.js';
import { generateOneTimePassword, hashPassword } from './password.js';
import { createUser } from './data/user.js';
import { seedDemo } from './demo/index.js';
import type { Logger } from './log.js';

export interface BootstrapResult {
  seeded: 'demo' | 'admin' | 'none';
  /** The first admin's one-time password, when one was created (printed once, never stored in clear). */
  adminPassword?: string;
}

/**
 * Brings a database up to date: applies migrations, then fills an empty one — with the demo fund group,
 * or (HIGHLAND_DATA=empty) with a single admin whose one-time password is returned to print once.
 */
export async function bootstrap(db: Db, data: 'demo' | 'empty', log: Logger, now: () => Date = () => new Date()): Promise<BootstrapResult> {
  const t0 = performance.now();
  await migrateDb(db);
  log.info({ ms: Math.round(performance.now() - t0) }, 'migrations applied');
  const [users] = await db.select({ n: count() }).from(user);
  if ((users?.n ?? 0) > 0) return { seeded: 'none' };
  if (data === 'demo') {
    const t1 = performance.now();
    const counts = await seedDemo(db, now);
    log.info({ ms: Math.round(performance.now() - t1), ...counts }, 'demo data created');
    return { seeded: 'demo' };
  }
  const password = generateOneTimePassword();
  await command(systemCaller(db, now), createUser, {
    email: 'admin@highland.local',
    name: 'Administrator',
    role: 'admin',
    fundIds: [],
    investorId: null,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
  });
  return { seeded: 'admin', adminPassword: password };
}
