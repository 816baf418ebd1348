import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { copyBase, runDir, seededBase } from '../fixtures/databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This integration run's own temporary folder (base copies in it, one database per test under db/). */
    integrationDir: string;
  }
}

/**
 * Gives this run a folder of its own (removed at the end; no other run's folder is touched) holding a
 * copy of the migrated base and of the seeded demo base, both built once and cached by content hash.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = runDir('integration');
  copyBase(await seededBase('empty'), dir, 'base-empty.db');
  copyBase(await seededBase('demo'), dir, 'base-demo.db');
  project.provide('integrationDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
