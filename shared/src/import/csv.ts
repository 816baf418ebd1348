/**
 * CSV (RFC 4180) reading and writing. Reading takes already-decoded text; the delimiter (comma,
 * semicolon or tab) is detected from the first record. Writing escapes cells a spreadsheet would run
 * as a formula.
 */

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export class CsvError extends Error {
  override readonly name = 'CsvError';
  constructor(
    message: string,
    readonly record: number,
  ) {
    super(message);
  }
}

/** The delimiter of the first record: the candidate that occurs most often outside quotes. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c as CsvDelimiter)) counts.set(c as CsvDelimiter, (counts.get(c as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of CSV_DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Parses CSV text into records of cells. Quoted cells may hold delimiters, doubled quotes and line
 * breaks; CRLF, LF and CR all end a record. A quote left open is an error naming the record it
 * started in. Stops with an error past `maxRecords` (the caller's row limit), so a huge file is refused
 * before it is held in memory as cells.
 */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter; maxRecords?: number } = {}): string[][] {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const max = options.maxRecords ?? Number.POSITIVE_INFINITY;
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    record.push(cell);
    cell = '';
    records.push(record);
    record = [];
    if (records.length > max) throw new CsvError(`the file has more than ${max} records`, records.length);
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ && cell === '') {
      // A quoted cell: read to the closing quote.
      const start = records.length + 1;
      i++;
      let chunkStart = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new CsvError(`a quoted cell opened in record ${start} is never closed`, start);
        if (text.charCodeAt(q + 1) === 34) {
          cell += `${text.slice(chunkStart, q)}"`;
          i = q + 2;
          chunkStart = i;
          continue;
        }
        cell += text.slice(chunkStart, q);
        i = q + 1;
        break;
      }
      // Anything after the closing quote up to the delimiter is kept (lenient, like spreadsheets).
      while (i < n) {
        const d = text[i];
        if (d === delimiter || d === '\n' || d === '\r') break;
        cell += d;
        i++;
      }
      continue;
    }
    if (text[i] === delimiter) {
      record.push(cell);
      cell = '';
      i++;
      continue;
    }
    if (c === 10 || c === 13) {
      endRecord();
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    // A run of plain characters.
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 10 || d === 13 || text[j] === delimiter) break;
      j++;
    }
    cell += text.slice(i, j);
    i = j;
  }
  if (cell !== '' || record.length > 0) endRecord();
  return records;
}

/** Characters that make a spreadsheet treat a text cell as a formula (and tab / carriage return, which some shift into one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe for a spreadsheet: a leading =, +, - or @ (or tab, CR) is escaped with an
 * apostrophe, which Excel and LibreOffice show as text and never evaluate.
 */
export function escapeSpreadsheetText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV cell: escaped against formulas (text only; numbers are written as numbers), quoted when needed. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const safe = escapeSpreadsheetText(value);
  return /[",\n\r;\t]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
