import { fileURLToPath } from 'node:url';

// Its own folder under test/.tmp: the integration run removes it at the start and the end, and must not
// take the e2e server's database (test/.tmp/e2e) with it when both projects run in one `vitest run`.
export const TMP_DIR = fileURLToPath(new URL('../../.tmp/integration', import.meta.url));
export const BASE_EMPTY_DB = `${TMP_DIR}/base-empty.db`;
export const BASE_DEMO_DB = `${TMP_DIR}/base-demo.db`;
