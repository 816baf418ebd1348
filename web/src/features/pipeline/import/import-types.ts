import type { ImportMapping } from '@highland/shared';

export interface Preview {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  sheet: string | null;
  headers: string[];
  rowCount: number;
  sample: Array<{ row: number; cells: string[] }>;
  mapping: ImportMapping;
}

export interface Issue {
  row: number;
  column: string;
  field: string | null;
  rule: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface CheckResult {
  rows: number;
  issueCount: number;
  issues: Issue[];
  folded: Array<{ row: number; sameAs: number }>;
  newCompanies: number;
  existingCompanies: number;
  dealsNew: number;
  dealsUpdated: number;
  dealsUnchanged: number;
}

export interface CommitResult extends CheckResult {
  companiesCreated: number;
  dealsCreated: number;
  notesAdded: number;
  written: boolean;
}
