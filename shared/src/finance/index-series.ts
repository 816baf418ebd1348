/**
 * Public-market index series for KS-PME (ADR 035): the import an administrator makes (a code, names, the
 * source, and date,level rows pasted from a vendor's CSV), and the parse of that text.
 */
import { z } from 'zod';
import { isIsoDate } from '../common/dates.js';
import { IsoDateSchema, NameSchema } from '../common/schema.js';

export const INDEX_ROWS_MAX = 20_000;

export const IndexCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((s) => /^[A-Z0-9][A-Z0-9-]{1,19}$/.test(s), { message: 'must be 2–20 capital letters, digits or hyphens', params: { rule: 'indexCode' } });

export const IndexImportSchema = z
  .object({
    code: IndexCodeSchema,
    nameZh: NameSchema,
    nameEn: NameSchema,
    source: z.string().trim().min(1, { message: 'is required' }).max(200, { message: 'must be at most 200 characters' }),
    rows: z
      .array(z.object({ date: IsoDateSchema, level: z.number().finite().positive({ message: 'must be above 0' }) }))
      .min(1, { message: 'must have at least one row' })
      .max(INDEX_ROWS_MAX, { message: `must have at most ${INDEX_ROWS_MAX} rows` }),
  })
  .superRefine((v, ctx) => {
    const seen = new Map<string, number>();
    v.rows.forEach((r, i) => {
      const first = seen.get(r.date);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i, 'date'],
          message: `repeats the date of row ${first + 1}`,
          params: { rule: 'duplicateDate', row: first + 1 },
        });
      else seen.set(r.date, i);
    });
  });
export type IndexImport = z.infer<typeof IndexImportSchema>;

export interface IndexCsvIssue {
  /** 1-based line of the pasted text. */
  line: number;
  rule: 'columns' | 'date' | 'level';
  text: string;
}

/**
 * Reads "date,level" lines (comma, semicolon or tab; dates YYYY-MM-DD or YYYY/MM/DD; a header line and
 * blank lines skipped) into rows, and lists every line it cannot read — nothing is guessed.
 */
export function parseIndexCsv(text: string): { rows: Array<{ date: string; level: number }>; issues: IndexCsvIssue[] } {
  const rows: Array<{ date: string; level: number }> = [];
  const issues: IndexCsvIssue[] = [];
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line) return;
    const cells = line.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
    const date = (cells[0] ?? '').replace(/\//g, '-');
    if (k === 0 && !/^\d/.test(date)) return; // a header
    if (cells.length < 2) {
      issues.push({ line: k + 1, rule: 'columns', text: line });
      return;
    }
    if (!isIsoDate(date)) {
      issues.push({ line: k + 1, rule: 'date', text: line });
      return;
    }
    const level = Number((cells[1] ?? '').replace(/\s/g, ''));
    if (!Number.isFinite(level) || level <= 0 || (cells[1] ?? '') === '') {
      issues.push({ line: k + 1, rule: 'level', text: line });
      return;
    }
    rows.push({ date, level });
  });
  return { rows, issues };
}
