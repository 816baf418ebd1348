/**
 * Fund terms (the LPA's economics), versioned by effective date: the waterfall, the allocation basis,
 * the fee schedule, the default and equalisation terms and 让利. Every refusal names the field and the
 * rule (`params.rule`), the same limits the pure functions enforce (waterfall.ts, fees.ts, concession.ts).
 */
import { z } from 'zod';
import { IsoDateSchema } from '../common/schema.js';
import { INVESTOR_SOURCE_CODES } from '../reference/taxonomy.js';
import { ALLOCATION_BASES } from './capital-accounts.js';
import { DEFAULT_REMEDIES } from './calls.js';
import { COMPOUNDINGS } from './concession.js';
import { POST_INVESTMENT_FEE_BASES } from './fees.js';
import { CARRY_MAX, HURDLE_MAX } from './waterfall.js';

export const WATERFALL_KINDS = ['european', 'american'] as const;
export const MANAGEMENT_FEE_RATE_MAX = 0.1;
export const CURE_DAYS_MAX = 365;
export const FEE_STEPS_MAX = 20;

const rate = (field: string, max: number, rule = 'rateRange') =>
  z
    .number({ message: `${field}: must be a number` })
    .refine((v) => Number.isFinite(v) && v >= 0 && v <= max, { message: `${field}: must be from 0 to ${max}`, params: { rule, min: 0, max } });

export const WaterfallTermsSchema = z
  .object({
    kind: z.enum(WATERFALL_KINDS, { message: 'waterfall.kind: must be european (whole-fund) or american (deal-by-deal)' }),
    hurdle: rate('waterfall.hurdle', HURDLE_MAX, 'hurdleRange'),
    carry: rate('waterfall.carry', CARRY_MAX, 'carryRange'),
    catchUp: rate('waterfall.catchUp', 1, 'catchUpRange'),
  })
  .superRefine((w, ctx) => {
    if (w.catchUp !== 0 && w.catchUp <= w.carry)
      ctx.addIssue({
        code: 'custom',
        path: ['catchUp'],
        message: `waterfall.catchUp: must be 0 (no catch-up) or above the carry (${w.carry})`,
        params: { rule: 'catchUpRange', carry: w.carry },
      });
  });

export const FeeTermsSchema = z
  .object({
    investmentPeriodEnd: IsoDateSchema,
    postInvestmentBasis: z.enum(POST_INVESTMENT_FEE_BASES, { message: 'fees.postInvestmentBasis: must be invested, nav or paidIn' }),
    steps: z
      .array(z.object({ from: IsoDateSchema, rate: rate('fees.steps.rate', MANAGEMENT_FEE_RATE_MAX, 'feeRateRange') }))
      .min(1, { message: 'fees.steps: at least one rate is required' })
      .max(FEE_STEPS_MAX, { message: `fees.steps: at most ${FEE_STEPS_MAX} steps` }),
    offsetShare: rate('fees.offsetShare', 1, 'shareRange'),
  })
  .superRefine((f, ctx) => {
    for (let i = 1; i < f.steps.length; i++)
      if ((f.steps[i]?.from ?? '') <= (f.steps[i - 1]?.from ?? ''))
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'from'],
          message: 'fees.steps.from: each step must start after the one before',
          params: { rule: 'stepOrder' },
        });
  });

export const DefaultTermsSchema = z.object({
  cureDays: z
    .number()
    .int({ message: 'defaults.cureDays: must be a whole number of days' })
    .min(0, { message: 'defaults.cureDays: must not be negative' })
    .max(CURE_DAYS_MAX, { message: `defaults.cureDays: must be at most ${CURE_DAYS_MAX}` }),
  interestRate: rate('defaults.interestRate', 1),
  remedy: z.enum(DEFAULT_REMEDIES, { message: 'defaults.remedy: must be reallocate or shrink' }),
  /** Share of the defaulter's capital account forfeited to the others (0–1). */
  forfeiture: rate('defaults.forfeiture', 1, 'shareRange'),
});

export const ConcessionTermsSchema = z
  .object({
    /** The investor class whose return is capped (government money: fiscal, or the mother fund). */
    investorClass: z.enum(INVESTOR_SOURCE_CODES, { message: 'concession.investorClass: must be an investor source type' }),
    rate: rate('concession.rate', 1),
    compounding: z.enum(COMPOUNDINGS, { message: 'concession.compounding: must be simple or compound' }),
    toGp: rate('concession.toGp', 1, 'shareRange'),
    toSocial: rate('concession.toSocial', 1, 'shareRange'),
    buyoutWindow: z.object({ from: IsoDateSchema, to: IsoDateSchema }).nullable(),
  })
  .superRefine((c, ctx) => {
    if (Math.abs(c.toGp + c.toSocial - 1) > 1e-9)
      ctx.addIssue({
        code: 'custom',
        path: ['toSocial'],
        message: 'concession.toSocial: toGp and toSocial must add up to 1',
        params: { rule: 'sharesSumToOne' },
      });
    if (c.buyoutWindow && c.buyoutWindow.to < c.buyoutWindow.from)
      ctx.addIssue({
        code: 'custom',
        path: ['buyoutWindow', 'to'],
        message: 'concession.buyoutWindow.to: must not be before its start',
        params: { rule: 'periodOrder' },
      });
  });

const FundTermsFieldsSchema = z.object({
  /** Terms take effect on this date; a change is a new version, never an edit. */
  effectiveDate: IsoDateSchema,
  waterfall: WaterfallTermsSchema,
  allocationBasis: z.enum(ALLOCATION_BASES, { message: 'allocationBasis: must be commitment or paidIn' }),
  fees: FeeTermsSchema,
  defaults: DefaultTermsSchema,
  /** Compensation interest a later close pays on earlier calls (simple, ACT/365). */
  equalisationRate: rate('equalisationRate', 1),
  concession: ConcessionTermsSchema.nullable(),
});
export type FundTerms = z.infer<typeof FundTermsFieldsSchema>;

/** Fund terms as the API takes them; `fundStart` (the fund's established date) bounds the fee steps. */
export function fundTermsSchema(fundStart: string | null) {
  return FundTermsFieldsSchema.superRefine((t, ctx) => {
    if (fundStart === null) return;
    for (const [i, s] of t.fees.steps.entries())
      if (s.from < fundStart)
        ctx.addIssue({
          code: 'custom',
          path: ['fees', 'steps', i, 'from'],
          message: `fees.steps.from: a fee step must not start before the fund does (${fundStart})`,
          params: { rule: 'stepBeforeFundStart', fundStart },
        });
    if (t.fees.investmentPeriodEnd < fundStart)
      ctx.addIssue({
        code: 'custom',
        path: ['fees', 'investmentPeriodEnd'],
        message: `fees.investmentPeriodEnd: must not be before the fund starts (${fundStart})`,
        params: { rule: 'beforeFundStart', fundStart },
      });
  });
}
/** The terms without a fund to check the dates against (imports, the demo's definitions). */
export const FundTermsSchema = fundTermsSchema(null);
