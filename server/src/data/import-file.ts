import { Readable } from 'node:stream';
import { CsvError, DomainError, IMPORT_MAX_ROWS, type ImportCell, parseCsv } from '@highland/shared';
import ExcelJS from 'exceljs';
import { checkZip } from '../xlsx/zip-guard.js';

/** A file read for import: its header row and data rows, numbered as a spreadsheet numbers them. */
export interface ImportTable {
  format: 'csv' | 'xlsx';
  encoding: string;
  sheet: string | null;
  headers: string[];
  rows: Array<{ row: number; cells: ImportCell[] }>;
}

export type Progress = (phase: 'read' | 'check' | 'write', done: number, total: number) => void | Promise<void>;

function refuse(rule: string, message: string, params: Record<string, string | number> = {}): DomainError {
  return new DomainError('VALIDATION', `import.${rule}`, message, { params });
}

/**
 * The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK (what Excel
 * writes for "CSV" on a Chinese Windows). Anything else is refused, never read as mojibake.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw refuse('binary', 'The file is not text: save it as CSV (UTF-8) or as an Excel workbook (.xlsx).');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // not UTF-8: try the Chinese national encoding
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    // GB18030 decodes almost any byte string; a real Chinese file has mostly CJK or ASCII in it.
    const odd = [...text.slice(0, 20_000)].filter((ch) => !/[\p{Script=Han}\p{ASCII}\p{P}\s（）]/u.test(ch)).length;
    if (odd / Math.max(1, Math.min(text.length, 20_000)) < 0.05) return { text, encoding: 'GB18030' };
  } catch {
    // neither
  }
  throw refuse('encoding', 'The file’s text encoding is not UTF-8 or GB18030 (GBK); save it as “CSV UTF-8” and upload it again.');
}

function csvTable(bytes: Uint8Array): ImportTable {
  const { text, encoding } = decodeCsv(bytes);
  let records: string[][];
  try {
    records = parseCsv(text, { maxRecords: IMPORT_MAX_ROWS + 1 });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    if (e.message.startsWith('the file has more than'))
      throw refuse('tooManyRows', `The file has more than ${IMPORT_MAX_ROWS} data rows; split it into files of at most ${IMPORT_MAX_ROWS} rows.`, {
        max: IMPORT_MAX_ROWS,
      });
    throw refuse('csvSyntax', `The file is not valid CSV: ${e.message}.`, { record: e.record });
  }
  return tableOf('csv', encoding, null, records);
}

function tableOf(format: ImportTable['format'], encoding: string, sheet: string | null, records: ImportCell[][]): ImportTable {
  const headerAt = records.findIndex((r) => r.some((c) => c !== null && String(c).trim() !== ''));
  if (headerAt < 0) throw refuse('empty', 'The file is empty.');
  const headers = (records[headerAt] ?? []).map((c) => (c === null ? '' : typeof c === 'object' ? '' : String(c).trim()));
  const rows = records.slice(headerAt + 1).map((cells, i) => ({ row: headerAt + 2 + i, cells }));
  while (rows.length && rows[rows.length - 1]?.cells.every((c) => c === null || c === '')) rows.pop();
  if (!rows.length) throw refuse('noRows', 'The file has a header row but no data rows.');
  if (rows.length > IMPORT_MAX_ROWS)
    throw refuse('tooManyRows', `The file has ${rows.length} data rows; at most ${IMPORT_MAX_ROWS} are imported at once — split it.`, {
      max: IMPORT_MAX_ROWS,
      rows: rows.length,
    });
  return { format, encoding, sheet, headers, rows };
}

type XlsxValue = ExcelJS.CellValue;

/** An Excel cell as an import cell: dates as ISO dates, rich text and links as their text, formulas and errors as such. */
function xlsxCell(v: XlsxValue): ImportCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v)
      return { formula: String((v as { formula?: string; sharedFormula?: string }).formula ?? (v as { sharedFormula?: string }).sharedFormula ?? '') };
    if ('error' in v) return { error: String((v as { error: unknown }).error) };
    if ('richText' in v) return (v as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('');
    if ('text' in v) {
      const t = (v as { text: unknown }).text;
      return typeof t === 'string'
        ? t
        : typeof t === 'object' && t && 'richText' in t
          ? (t as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('')
          : String(t);
    }
  }
  return String(v);
}

/** The first worksheet of an .xlsx workbook, read as a stream (so a huge sheet is refused at the row limit). */
async function xlsxTable(bytes: Uint8Array): Promise<ImportTable> {
  // A zip bomb is refused before exceljs inflates anything: declared sizes checked, and held to.
  const bomb = await checkZip(bytes);
  if (bomb) throw refuse(bomb.rule, bomb.message, bomb.params);
  const records: ImportCell[][] = [];
  let sheet: string | null = null;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const ws of reader) {
      sheet = (ws as unknown as { name?: string }).name ?? null;
      for await (const row of ws) {
        const values = (row.values as XlsxValue[]).slice(1);
        // Empty rows are not stored in the sheet: keep its own numbering.
        while (records.length < row.number - 1) records.push([]);
        records.push(values.map(xlsxCell));
        if (records.length > IMPORT_MAX_ROWS + 1)
          throw refuse('tooManyRows', `The sheet has more than ${IMPORT_MAX_ROWS} data rows; split it into files of at most ${IMPORT_MAX_ROWS} rows.`, {
            max: IMPORT_MAX_ROWS,
          });
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw refuse('xlsxUnreadable', 'The workbook cannot be read: save it again from Excel or LibreOffice as .xlsx, or as CSV (UTF-8).');
  }
  return tableOf('xlsx', 'XLSX', sheet, records);
}

/** Reads an uploaded file (CSV or XLSX, told apart by content, not by name). */
export async function readImportFile(bytes: Uint8Array): Promise<ImportTable> {
  if (bytes.length === 0) throw refuse('empty', 'The file is empty.');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return xlsxTable(bytes);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw refuse('legacyXls', 'Old Excel files (.xls) are not read: save the workbook as .xlsx or as CSV (UTF-8).');
  return csvTable(bytes);
}

/** A cell as the preview shows it. */
export function previewCell(c: ImportCell): string {
  if (c === null) return '';
  if (typeof c === 'object') return 'formula' in c ? `=${c.formula}` : `#${c.error}`;
  return String(c);
}
