import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
import { runDir, seededBase } from '../fixtures/databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This e2e run's own temporary folder: each test file's server keeps its database in a folder under it. */
    e2eDir: string;
    /** The seeded demo base (cached by content hash) that each file's database starts as a copy of. */
    e2eBaseDb: string;
    /** The URL of the current test file's own server (set per file by per-file-server.ts). */
    baseUrl: string;
  }
}

/**
 * Gets a browser (once, before any file needs it), the seeded demo base, and a run folder of this run's
 * own (removed at the end). Each test file then starts its own server (per-file-server.ts). The app must
 * be built (`pnpm build`; `pnpm test` does).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  ensureChromium();
  const dir = runDir('e2e');
  project.provide('e2eDir', dir);
  project.provide('e2eBaseDb', await seededBase('demo'));
  return () => rmSync(dir, { recursive: true, force: true });
}
