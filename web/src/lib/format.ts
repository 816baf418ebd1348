import {
  type DisplayLocale,
  fenIn,
  pickName,
  formatDate,
  formatInstant,
  formatMoney,
  formatMultiple,
  formatNumber,
  formatPercent,
  memoText,
  type MoneyFormatOptions,
  type MoneyUnit,
  moneyUnitLabel,
  tableMoneyUnit,
} from '@highland/shared';
import { useTranslation } from 'react-i18next';
import { businessTimeZone, dateOfInstant } from './business-date.js';

/** The shared formatting module bound to the reader's language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale: DisplayLocale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return {
    locale,
    money: (fen: number, o: Omit<MoneyFormatOptions, 'locale'> = {}) => formatMoney(fen, { ...o, locale }),
    /** Money in a table column: the number only, in the column's unit. */
    moneyCell: (fen: number, unit: MoneyUnit) => formatMoney(fen, { locale, unit, withUnit: false }),
    /** fen as a plain number in `unit`, for charts. */
    moneyValue: (fen: number, unit: MoneyUnit) => fenIn(fen, unit),
    tableUnit: (large = false) => tableMoneyUnit(locale, large),
    unitLabel: (unit: MoneyUnit) => moneyUnitLabel(unit, locale),
    number: (n: number, digits = 0) => formatNumber(n, locale, digits),
    percent: (r: number | null, digits = 1) => formatPercent(r, locale, digits),
    multiple: (r: number | null, digits = 2) => formatMultiple(r, locale, digits),
    date: (iso: string | null | undefined, style: 'short' | 'long' = 'short') => formatDate(iso, locale, style),
    /** A timestamp as date and time in the deployment's zone. */
    instant: (iso: string | null | undefined) => formatInstant(iso, businessTimeZone()),
    /** The business date a timestamp falls on (deployment zone), written as a date: never `instant.slice(0, 10)`. */
    dateOf: (instant: string | null | undefined, style: 'short' | 'long' = 'short') => formatDate(instant ? dateOfInstant(instant) : null, locale, style),
    /** A ledger memo: the ones the system writes, in the reader's language; a typed one as typed. */
    memo: (memo: string | null | undefined) => memoText(memo, locale),
    /** The record's name in the reader's language (the one bilingual-name rule). */
    name: (named: { nameZh: string; nameEn?: string | null }) => pickName(locale, named),
  };
}
