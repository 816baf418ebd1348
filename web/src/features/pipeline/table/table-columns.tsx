import type { DealSortField } from '@highland/shared';

export const ROW_HEIGHT = 44;

/** The server's limit on one export (EXPORT_MAX_ROWS). */
export const EXPORT_MAX = 100_000;

export interface Column {
  key: string;
  width: number;
  sort?: DealSortField;
  align?: 'right';
}

export const COLUMNS: Column[] = [
  { key: 'company', width: 250, sort: 'companyName' },
  { key: 'fund', width: 60 },
  { key: 'stage', width: 84 },
  { key: 'sector', width: 96 },
  { key: 'zone', width: 104 },
  { key: 'owner', width: 80 },
  { key: 'source', width: 92 },
  { key: 'amount', width: 92, sort: 'amountFen', align: 'right' },
  { key: 'score', width: 60, sort: 'score', align: 'right' },
  { key: 'nextStep', width: 170, sort: 'nextStepDate' },
  { key: 'inStage', width: 90, sort: 'stageEnteredAt' },
  { key: 'updated', width: 90, sort: 'updatedAt' },
];

export const template = COLUMNS.map((c) => `${c.width}px`).join(' ');
