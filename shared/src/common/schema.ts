import { z } from 'zod';
import { isIsoDate } from './dates.js';

/** Limits every money field shares: integer fen, at most ¥10 trillion (1e15 fen, well inside 2^53). */
export const MONEY_FEN_MAX = 1_000_000_000_000_000;
export const MoneyFenSchema = z
  .number()
  .int({ message: 'must be a whole number of fen' })
  .min(0, { message: 'must not be negative' })
  .max(MONEY_FEN_MAX, { message: `must be at most ${MONEY_FEN_MAX} fen` });
/** A money amount that must be strictly positive (calls, contributions, commitments). */
export const PositiveMoneyFenSchema = MoneyFenSchema.refine((v) => v > 0, { message: 'must be greater than 0', params: { rule: 'positive' } });

export const DATE_MIN = '1990-01-01';
export const DATE_MAX = '2100-12-31';
export const IsoDateSchema = z
  .string()
  .trim()
  .refine(isIsoDate, { message: 'must be a date written YYYY-MM-DD', params: { rule: 'isoDate' } })
  .refine((s) => s >= DATE_MIN && s <= DATE_MAX, {
    message: `must be between ${DATE_MIN} and ${DATE_MAX}`,
    params: { rule: 'dateRange', min: DATE_MIN, max: DATE_MAX },
  });

/** A ratio written as a plain number: 0.3 means 30%. */
export const PercentSchema = z.number().min(0, { message: 'must be at least 0' }).max(1, { message: 'must be at most 1 (100%)' });

export const IdSchema = z.number().int().positive();

export const NameSchema = z.string().trim().min(1, { message: 'is required' }).max(200, { message: 'must be at most 200 characters' });
