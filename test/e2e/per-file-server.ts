import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';
import { setFileServer, startServer } from './helpers.js';

// The e2e setup file: runs before each test file. It starts the built app on the file's own copy of the
// seeded demo base (free port, about a second) and stops it after the file, so files never share writes.
const server = await startServer(mkdtempSync(join(inject('e2eDir'), 'file-')), {}, inject('e2eBaseDb'));
setFileServer(server);
// Files written against the old shared server read `inject('baseUrl')`: point it at this file's server.
// (vitest keeps the provided values on its worker state; inject() reads them from there.)
const state = (globalThis as { __vitest_worker__?: { providedContext: Record<string, unknown> } }).__vitest_worker__;
if (state) state.providedContext.baseUrl = server.url;
afterAll(async () => {
  setFileServer(undefined);
  await server.stop();
});
