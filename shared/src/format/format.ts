/**
 * The one formatting module: money (integer fen) in 万元/亿元 for Chinese readers and millions/billions
 * for English ones, ratios, percentages, dates and instants. The web and the exports both use it, so a
 * figure reads the same on screen and in a spreadsheet.
 */
export type DisplayLocale = 'zh-CN' | 'en';

/** Units a money figure can be shown in, with how many fen make one. */
export const MONEY_UNITS = {
  yuan: { fen: 100, zh: '元', en: 'CNY', enSuffix: '' },
  wan: { fen: 1_000_000, zh: '万元', en: 'CNY 10k', enSuffix: ' ×10k' },
  yi: { fen: 10_000_000_000, zh: '亿元', en: 'CNY 100m', enSuffix: ' ×100m' },
  m: { fen: 100_000_000, zh: '百万元', en: 'CNY m', enSuffix: ' m' },
  bn: { fen: 100_000_000_000, zh: '十亿元', en: 'CNY bn', enSuffix: ' bn' },
} as const;
export type MoneyUnit = keyof typeof MONEY_UNITS;

/** Fen in one 元, 万元 and 亿元: the only place these numbers are written (money is integer fen everywhere). */
export const FEN_PER_YUAN = MONEY_UNITS.yuan.fen;
export const FEN_PER_WAN = MONEY_UNITS.wan.fen;
export const FEN_PER_YI = MONEY_UNITS.yi.fen;

/** A whole number of `unit` (e.g. 万元 typed in a form) as integer fen. */
export function toFen(amount: number, unit: MoneyUnit): number {
  return Math.round(amount * MONEY_UNITS[unit].fen);
}

/** The name a reader of `locale` sees for a record named in both languages (English falls back to Chinese). */
export function pickName(locale: DisplayLocale, named: { nameZh: string; nameEn?: string | null }): string {
  return locale === 'en' && named.nameEn ? named.nameEn : named.nameZh;
}

const isZh = (locale: DisplayLocale): boolean => locale === 'zh-CN';

/** The unit a table column of money uses by default: 万元 in Chinese, millions in English. */
export function tableMoneyUnit(locale: DisplayLocale, large = false): MoneyUnit {
  if (isZh(locale)) return large ? 'yi' : 'wan';
  return large ? 'bn' : 'm';
}

/** The unit that reads best for one figure: 亿元 from 1亿 up (else 万元); billions from 1 bn up (else millions). */
export function autoMoneyUnit(fen: number, locale: DisplayLocale): MoneyUnit {
  const abs = Math.abs(fen);
  if (isZh(locale)) return abs >= MONEY_UNITS.yi.fen ? 'yi' : 'wan';
  return abs >= MONEY_UNITS.bn.fen ? 'bn' : 'm';
}

/** fen → a plain number in `unit` (for charts and spreadsheet cells, which keep numbers as numbers). */
export function fenIn(fen: number, unit: MoneyUnit): number {
  return fen / MONEY_UNITS[unit].fen;
}

export function moneyUnitLabel(unit: MoneyUnit, locale: DisplayLocale): string {
  return isZh(locale) ? MONEY_UNITS[unit].zh : MONEY_UNITS[unit].en;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: DisplayLocale, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(isZh(locale) ? 'zh-CN' : 'en-US', { minimumFractionDigits: min, maximumFractionDigits: max });
    numberFormats.set(key, f);
  }
  return f;
}

export function formatNumber(value: number, locale: DisplayLocale = 'zh-CN', digits = 0): string {
  return numberFormat(locale, digits, digits).format(value);
}

export interface MoneyFormatOptions {
  locale?: DisplayLocale;
  /** A fixed unit, or 'auto' (default) to pick by size. */
  unit?: MoneyUnit | 'auto';
  /** Decimal places; default 2 (0 for yuan). */
  digits?: number;
  /** Append the unit label (default true). */
  withUnit?: boolean;
}

/** 12_345_678_900 fen → "1.23 亿元" (zh) / "¥123.46 m" (en). */
export function formatMoney(fen: number, options: MoneyFormatOptions = {}): string {
  const locale = options.locale ?? 'zh-CN';
  if (fen < 0) return `-${formatMoney(-fen, options)}`;
  const unit = options.unit === undefined || options.unit === 'auto' ? autoMoneyUnit(fen, locale) : options.unit;
  const digits = options.digits ?? (unit === 'yuan' ? 0 : 2);
  const n = formatNumber(fenIn(fen, unit), locale, digits);
  if (options.withUnit === false) return n;
  return isZh(locale) ? `${n} ${MONEY_UNITS[unit].zh}` : `¥${n}${MONEY_UNITS[unit].enSuffix}`;
}

/** 0.2345 → "23.45%"; null → "—". */
export function formatPercent(ratio: number | null, locale: DisplayLocale = 'zh-CN', digits = 2): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return `${formatNumber(ratio * 100, locale, digits)}%`;
}

/** A multiple such as leverage or TVPI: 9.5123 → "9.51×"; null → "—". */
export function formatMultiple(ratio: number | null, locale: DisplayLocale = 'zh-CN', digits = 2): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return `${formatNumber(ratio, locale, digits)}×`;
}

/** An ISO business date as written in the locale: "2024年3月31日" / "31 Mar 2024"; short form keeps ISO. */
export function formatDate(iso: string | null | undefined, locale: DisplayLocale = 'zh-CN', style: 'short' | 'long' = 'short'): string {
  if (!iso) return '—';
  if (style === 'short') return iso;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (isZh(locale)) return `${y}年${m}月${d}日`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[m - 1] ?? ''} ${y}`;
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();
/** A UTC instant shown in Shanghai time: "2026-11-29 08:33:12". */
export function formatInstant(isoInstant: string | null | undefined, timeZone = 'Asia/Shanghai'): string {
  if (!isoInstant) return '—';
  let f = instantFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    });
    instantFormats.set(timeZone, f);
  }
  return f.format(new Date(isoInstant));
}
