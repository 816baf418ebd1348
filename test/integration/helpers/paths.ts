import { mkdirSync } from 'node:fs';
import { inject } from 'vitest';

// This run's own folder, made by global-setup.ts (a fresh mkdtemp per run, removed at its end).
export const TMP_DIR = inject('integrationDir');
export const BASE_EMPTY_DB = `${TMP_DIR}/base-empty.db`;
export const BASE_DEMO_DB = `${TMP_DIR}/base-demo.db`;
mkdirSync(`${TMP_DIR}/db`, { recursive: true });
