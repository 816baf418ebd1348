import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createDb, migrateDb } from '@highland/drizzle';
import { seedDemo } from '@highland/server/demo/index';
import { BASE_DEMO_DB, BASE_EMPTY_DB, TMP_DIR } from './helpers/paths.js';

/** Migrates once into a base file and seeds the demo once into another; tests copy them. */
export default async function setup(): Promise<() => void> {
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(join(TMP_DIR, 'db'), { recursive: true });
  const empty = await createDb(`file:${BASE_EMPTY_DB}`);
  await migrateDb(empty);
  empty.$client.close();
  const demo = await createDb(`file:${BASE_DEMO_DB}`);
  await migrateDb(demo);
  await seedDemo(demo, () => new Date('2026-11-01T02:00:00Z'));
  demo.$client.close();
  return () => rmSync(TMP_DIR, { recursive: true, force: true });
}
