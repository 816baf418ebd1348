import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, startServer } from './helpers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One server with fresh demo data for the e2e run (built app: run `pnpm build` first; `pnpm test` does). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startServer(join(ROOT, 'test/.tmp/e2e'));
  project.provide('baseUrl', server.url);
  return async () => {
    await server.stop();
  };
}
