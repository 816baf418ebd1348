import { fileURLToPath } from 'node:url';

export const TMP_DIR = fileURLToPath(new URL('../../.tmp', import.meta.url));
export const BASE_EMPTY_DB = `${TMP_DIR}/base-empty.db`;
export const BASE_DEMO_DB = `${TMP_DIR}/base-demo.db`;
