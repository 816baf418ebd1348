import { fileURLToPath } from 'node:url';

// Its own folder: the e2e server keeps its database in test/.tmp/e2e while integration tests clean up theirs.
export const TMP_DIR = fileURLToPath(new URL('../../.tmp/integration', import.meta.url));
export const BASE_EMPTY_DB = `${TMP_DIR}/base-empty.db`;
export const BASE_DEMO_DB = `${TMP_DIR}/base-demo.db`;
