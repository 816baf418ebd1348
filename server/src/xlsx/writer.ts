import { escapeSpreadsheetText, type Labelled } from '@highland/shared';
import ExcelJS from 'exceljs';

/**
 * The one XLSX writer every export uses (issue 10 item 3): sheets from column definitions, one header
 * style, a frozen header, widths, number formats, and formula-injection escaping of every text cell.
 *
 * - Labels are bilingual (`{ zh, en }`) and picked by the reader's locale; a unit is appended to the
 *   header as the page shows it: `认缴规模（万元）`, `Committed (CNY m)`.
 * - Numbers stay numbers. Money is converted by the caller to the unit named in the header (万元, 亿元,
 *   元) and shown with two decimals; shares and IRRs are fractions shown as percentages; multiples as
 *   `1.23×`; dates (`YYYY-MM-DD`) become real date cells.
 * - Every text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a
 *   leading apostrophe (shared's escapeSpreadsheetText), so no spreadsheet reads a name as a formula. A
 *   workbook built here is escaped as a whole before it is written (`finishWorkbook`), whatever its
 *   sheets hold; the streaming writer escapes row by row (`tableRow`).
 */

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Number formats, by what a column holds. */
export const NUM_FMT = {
  /** Money in a unit named in the header (万元, 亿元, 元), two decimals and thousands separators. */
  money: '#,##0.00',
  /** A fraction shown as a percentage. */
  pct: '0.00%',
  /** A percentage with one decimal (the scoreboard's progress). */
  pct1: '0.0%',
  /** A multiple (TVPI, MOIC, leverage). */
  mult: '0.00"×"',
  /** A whole number. */
  int: '0',
  /** A count with thousands separators. */
  count: '#,##0',
  /** A score or another two-decimal number. */
  dec2: '0.00',
  /** A date cell. */
  date: 'yyyy-mm-dd',
} as const;

export type ColumnKind = 'text' | 'money' | 'pct' | 'mult' | 'int' | 'count' | 'dec2' | 'date';
export type Locale = 'zh-CN' | 'en';
export type CellValue = string | number | Date | null | undefined;

export interface XlsxColumn<R> {
  /** The header: one string, or bilingual. */
  label: string | Labelled;
  /** Appended to the header in brackets (万元, CNY m, %). */
  unit?: string | Labelled;
  kind: ColumnKind;
  width: number;
  value: (row: R) => CellValue;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF8' } };

export const pick = (l: string | Labelled, locale: Locale): string => (typeof l === 'string' ? l : locale === 'en' ? l.en : l.zh);

/** `认缴规模（万元）` / `Committed (CNY m)`. */
export function headerText(label: string | Labelled, unit: string | Labelled | undefined, locale: Locale): string {
  const text = pick(label, locale);
  if (unit === undefined) return text;
  const u = pick(unit, locale);
  return locale === 'zh-CN' ? `${text}（${u}）` : `${text} (${u})`;
}

/** A text cell, escaped against formula injection. */
export function safeText(value: string): string {
  return escapeSpreadsheetText(value);
}

/** `YYYY-MM-DD` (or an ISO instant) as a UTC date for a date cell; anything else stays text. */
export function dateCell(value: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : value;
}

/** A cell value of a column: numbers as numbers, dates as dates, text escaped. */
export function cellValue(kind: ColumnKind, v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (kind === 'date') return typeof v === 'string' ? (dateCell(v) as ExcelJS.CellValue) : v;
  if (typeof v === 'string') return safeText(v);
  return v;
}

/** One row of a table, ready to add (the streaming export uses this directly). */
export function tableRow<R>(columns: ReadonlyArray<XlsxColumn<R>>, row: R): ExcelJS.CellValue[] {
  return columns.map((c) => cellValue(c.kind, c.value(row)));
}

export function newWorkbook(created?: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Highland';
  if (created) wb.created = created;
  return wb;
}

/** Bold, filled, wrapped: the one header style. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}

export interface TableOptions<R> {
  name: string;
  columns: ReadonlyArray<XlsxColumn<R>>;
  rows: Iterable<R>;
  locale: Locale;
  /** A title row above the header (the header is then row 2). */
  title?: string;
  /** An auto-filter on the header (default: when there are rows). */
  autoFilter?: boolean;
}

/** A sheet from column definitions: optional title row, then the frozen, styled header, then one row per item. */
export function addTable<R>(wb: ExcelJS.Workbook, o: TableOptions<R>): ExcelJS.Worksheet {
  const headerRow = o.title === undefined ? 1 : 2;
  const ws = wb.addWorksheet(sheetName(o.name), { views: [{ state: 'frozen', ySplit: headerRow }] });
  o.columns.forEach((c, k) => {
    const col = ws.getColumn(k + 1);
    col.width = c.width;
    if (c.kind !== 'text') col.numFmt = NUM_FMT[c.kind];
  });
  if (o.title !== undefined) {
    const t = ws.getRow(1);
    t.getCell(1).value = safeText(o.title);
    t.font = { bold: true, size: 13 };
  }
  const head = ws.getRow(headerRow);
  head.values = o.columns.map((c) => safeText(headerText(c.label, c.unit, o.locale)));
  styleHeader(head);
  let count = 0;
  for (const r of o.rows) {
    ws.addRow(tableRow(o.columns, r));
    count += 1;
  }
  if (o.autoFilter ?? count > 0) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: o.columns.length } };
  return ws;
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

/** Escapes every text cell of every sheet (and rich-text runs), whoever wrote it. Idempotent. */
export function escapeWorkbook(wb: ExcelJS.Workbook): number {
  let escaped = 0;
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === 'string') {
          const safe = safeText(v);
          if (safe !== v) {
            cell.value = safe;
            escaped += 1;
          }
        } else if (v && typeof v === 'object' && 'richText' in v && v.richText[0]) {
          const first = v.richText[0];
          const safe = safeText(first.text);
          if (safe !== first.text) {
            cell.value = { richText: [{ ...first, text: safe }, ...v.richText.slice(1)] };
            escaped += 1;
          }
        } else if (v && typeof v === 'object' && 'formula' in v) {
          // No export writes formulas: one that got here is data, and is written as escaped text.
          cell.value = safeText(`=${String((v as { formula: string }).formula)}`);
          escaped += 1;
        }
      });
    });
  });
  return escaped;
}

/** The workbook's bytes, escaped as a whole first. */
export async function finishWorkbook(wb: ExcelJS.Workbook): Promise<Buffer> {
  escapeWorkbook(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface XlsxFile {
  filename: string;
  contentType: typeof XLSX_CONTENT_TYPE;
  base64: string;
}

/** The returned file of every XLSX procedure: base64, a file name, the content type. */
export async function xlsxFile(wb: ExcelJS.Workbook, filename: string): Promise<XlsxFile> {
  return fileOf(await finishWorkbook(wb), filename);
}

export function fileOf(buffer: Buffer, filename: string): XlsxFile {
  return { filename, contentType: XLSX_CONTENT_TYPE, base64: buffer.toString('base64') };
}

export { ExcelJS };
