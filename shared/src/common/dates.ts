/**
 * Business dates are ISO `YYYY-MM-DD` strings; arithmetic is done on day numbers (days since
 * 1970-01-01, proleptic Gregorian), never on Date objects, so it is exact and time-zone free.
 *
 * Accepted form: exactly ten characters `YYYY-MM-DD`, four-digit year 0000–9999, month 01–12, and a
 * day that exists in that month. Anything else — `2024-2-3`, `2024-02-30`, `2024-02-03T00:00`,
 * surrounding whitespace — is invalid. The parser is char-code arithmetic, cheap enough for hot loops
 * such as xirr.
 */

/** Days from 1970-01-01 to the given proleptic-Gregorian civil date (no validation). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const mp = month > 2 ? month - 3 : month + 9; // March = 0 … February = 11
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link daysFromCivil}: the `YYYY-MM-DD` string of a day number (years 0000–9999). */
export function dayNumberToIsoDate(dayNumber: number): string {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`day number must be an integer, got ${String(dayNumber)}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new RangeError(`day number ${dayNumber} is outside years 0000–9999`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days before month m (1–12) in a common year. */
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const MONTH_LENGTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days from 0000-01-01 to 1970-01-01 (proleptic Gregorian). */
const EPOCH_OFFSET = 719528;

/**
 * Day number of a `YYYY-MM-DD` string, or `NaN` when the value is not a valid date in that exact form.
 * Never throws, whatever it is given. (Hot path of xirr: char codes and integer arithmetic only.)
 */
export function parseIsoDay(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10) return Number.NaN;
  const y0 = value.charCodeAt(0) - 48;
  const y1 = value.charCodeAt(1) - 48;
  const y2 = value.charCodeAt(2) - 48;
  const y3 = value.charCodeAt(3) - 48;
  const m0 = value.charCodeAt(5) - 48;
  const m1 = value.charCodeAt(6) - 48;
  const d0 = value.charCodeAt(8) - 48;
  const d1 = value.charCodeAt(9) - 48;
  // '-' is 45, i.e. −3 after the shift; a digit is 0–9 and (c >>> 0) > 9 for anything else.
  if (
    value.charCodeAt(4) !== 45 ||
    value.charCodeAt(7) !== 45 ||
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9
  ) {
    return Number.NaN;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return Number.NaN;
  const leap = (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0);
  const afterFeb29 = leap && month > 2 ? 1 : 0;
  if (day > MONTH_LENGTH[month]! + (leap && month === 2 ? 1 : 0)) return Number.NaN;
  // leap years in [0, year − 1] = ⌈y/4⌉ − ⌈y/100⌉ + ⌈y/400⌉ (year 0 is a leap year)
  const leapsBefore = ((year + 3) >> 2) - (((year + 99) / 100) | 0) + (((year + 399) / 400) | 0);
  return 365 * year + leapsBefore + DAYS_BEFORE_MONTH[month]! + afterFeb29 + day - 1 - EPOCH_OFFSET;
}

/** True when `value` is a `YYYY-MM-DD` string naming a real calendar day. */
export function isIsoDate(value: unknown): value is string {
  return !Number.isNaN(parseIsoDay(value));
}

/**
 * Day number of a `YYYY-MM-DD` string; throws a RangeError whose message starts with `what`
 * (e.g. `flows[3].date`) when it is not a valid date.
 */
export function isoDayOrThrow(value: unknown, what: string): number {
  const d = parseIsoDay(value);
  if (Number.isNaN(d)) {
    throw new RangeError(`${what} must be a valid 'YYYY-MM-DD' date, got ${describeValue(value)}`);
  }
  return d;
}

/** Short printable description of a bad input value, for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  return typeof value;
}

/** Days since 1970-01-01 of an ISO date; throws a RangeError for anything that is not one. */
export function dayNumber(iso: string): number {
  return isoDayOrThrow(iso, 'date');
}

/** The ISO date of a day number (inverse of dayNumber). */
export function fromDayNumber(n: number): string {
  return dayNumberToIsoDate(n);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Calendar months added, the day clamped to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** The last day of the calendar quarter that contains `iso`. */
export function quarterEnd(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const q = Math.floor((Number(iso.slice(5, 7)) - 1) / 3);
  const m = q * 3 + 3;
  return `${y}-${String(m).padStart(2, '0')}-${daysInMonth(y, m)}`;
}

/** A business date: an ISO `YYYY-MM-DD` calendar date in the deployment's zone. */
export type IsoDate = string;

/** The zone business dates are in unless the deployment configures another (`TIME_ZONE`). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const zoneDateFormats = new Map<string, Intl.DateTimeFormat>();
function zoneDateFormat(timeZone: string): Intl.DateTimeFormat {
  let f = zoneDateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    zoneDateFormats.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone name this runtime knows (`Asia/Shanghai`, `UTC`, `Europe/London`). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    zoneDateFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date an instant falls on in `timeZone`: the business date of a timestamp. A deal moved at
 * 2026-12-07T20:59Z (04:59 on 8 December in Beijing) was moved on 2026-12-08 in Asia/Shanghai — never
 * `toISOString().slice(0, 10)`, which gives the UTC date. Strings are ISO instants; one without an offset
 * (`2026-12-07 20:59:00`, as SQLite writes them) is UTC; a bare `YYYY-MM-DD` is already a date and is returned
 * as it is. Throws a RangeError for an invalid instant or zone.
 */
export function businessDate(instant: Date | string, timeZone: string): IsoDate {
  let d: Date;
  if (typeof instant === 'string') {
    if (!Number.isNaN(parseIsoDay(instant))) return instant;
    const s = instant.trim().replace(' ', 'T');
    d = new Date(/(Z|[+-]\d{2}:?\d{2})$/i.test(s) ? s : `${s}Z`);
  } else d = instant;
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${describeValue(instant)}`);
  if (!isValidTimeZone(timeZone)) throw new RangeError(`not a time zone: ${describeValue(timeZone)}`);
  return zoneDateFormat(timeZone).format(d);
}

/** The ISO date of instant `now` in a time zone (default Asia/Shanghai). Prefer {@link businessDate} with the configured zone. */
export function isoDateIn(now: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return businessDate(now, timeZone);
}
