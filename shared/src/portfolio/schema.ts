import { z } from 'zod';
import { IdSchema, IsoDateSchema, MoneyFenSchema, NameSchema, PositiveMoneyFenSchema } from '../common/schema.js';
import { EXIT_ROUTE_CODES, INSTRUMENT_CODES, KPI_METRIC_CODES, ROUND_CODES, VALUATION_METHOD_CODES } from './reference.js';
import { parsePeriod } from './periods.js';

export const MEMO_MAX = 500;
export const BASIS_MAX = 500;
export const CO_INVESTORS_MAX = 20;
export const KPI_IMPORT_MAX = 5000;
/** Counts (headcount, patents) stay below this. */
export const KPI_COUNT_MAX = 10_000_000;

const memo = z
  .string()
  .trim()
  .max(MEMO_MAX, { message: `must be at most ${MEMO_MAX} characters` })
  .optional();

/** A share of a company: more than 0, at most 1 (100%). */
export const EquityShareSchema = z.number().gt(0, { message: 'must be greater than 0' }).max(1, { message: 'must be at most 1 (100%)' });

export const InvestmentCreateSchema = z
  .object({
    fundId: IdSchema,
    companyId: IdSchema,
    date: IsoDateSchema,
    round: z.enum(ROUND_CODES),
    instrument: z.enum(INSTRUMENT_CODES),
    amountFen: PositiveMoneyFenSchema,
    equityShare: EquityShareSchema,
    roundSizeFen: PositiveMoneyFenSchema.nullable().optional(),
    postMoneyFen: PositiveMoneyFenSchema.nullable().optional(),
    coInvestors: z
      .array(NameSchema)
      .max(CO_INVESTORS_MAX, { message: `must list at most ${CO_INVESTORS_MAX} names` })
      .default([]),
    memo,
  })
  .refine((v) => v.roundSizeFen == null || v.roundSizeFen >= v.amountFen, {
    path: ['roundSizeFen'],
    message: 'must be at least the amount the fund invests in the round',
    params: { rule: 'roundSizeBelowAmount' },
  })
  .refine((v) => v.postMoneyFen == null || v.postMoneyFen >= v.amountFen, {
    path: ['postMoneyFen'],
    message: 'must be at least the amount the fund invests',
    params: { rule: 'postMoneyBelowAmount' },
  });
export type InvestmentCreate = z.infer<typeof InvestmentCreateSchema>;

export const ExitCreateSchema = z.object({
  fundId: IdSchema,
  companyId: IdSchema,
  date: IsoDateSchema,
  route: z.enum(EXIT_ROUTE_CODES),
  /** The share of the company sold (the unit of the rounds' equity share). */
  shareSold: EquityShareSchema,
  proceedsFen: MoneyFenSchema,
  memo,
});
export type ExitCreate = z.infer<typeof ExitCreateSchema>;

const correctionReason = z.string().trim().min(1, { message: 'is required' }).max(500, { message: 'must be at most 500 characters' });

/** A correction of a round: a reversing row (and a reversing ledger row), never an edit (ADR 033). */
export const InvestmentReversalSchema = z.object({ investmentId: IdSchema, reason: correctionReason });
export type InvestmentReversal = z.infer<typeof InvestmentReversalSchema>;

/** A correction of an exit: a reversing row and reversing proceeds rows (ADR 033). */
export const ExitReversalSchema = z.object({ exitId: IdSchema, reason: correctionReason });
export type ExitReversal = z.infer<typeof ExitReversalSchema>;

export const ValuationCreateSchema = z.object({
  fundId: IdSchema,
  companyId: IdSchema,
  date: IsoDateSchema,
  /** Fair value of the fund's whole remaining position; a NAV is never negative. */
  valueFen: MoneyFenSchema,
  method: z.enum(VALUATION_METHOD_CODES),
  basis: z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(BASIS_MAX, { message: `must be at most ${BASIS_MAX} characters` }),
});
export type ValuationCreate = z.infer<typeof ValuationCreateSchema>;

export const ValuationReviewSchema = z
  .object({
    id: IdSchema,
    decision: z.enum(['approved', 'rejected']),
    note: memo,
  })
  .refine((v) => v.decision === 'approved' || (v.note ?? '').length > 0, {
    path: ['note'],
    message: 'is required when a mark is sent back',
    params: { rule: 'rejectNeedsNote' },
  });
export type ValuationReview = z.infer<typeof ValuationReviewSchema>;

/** A reporting period code: 2024, 2024H1, 2024Q3. */
export const PeriodSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((s) => parsePeriod(s) !== null, { message: 'must be a period such as 2024, 2024H1 or 2024Q3', params: { rule: 'period' } });

/** A calendar quarter code: 2024Q3. */
export const QuarterSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((s) => parsePeriod(s)?.kind === 'quarter', { message: 'must be a quarter such as 2024Q3', params: { rule: 'quarter' } });

const kpiMoney = MoneyFenSchema.nullable().optional();
const kpiCount = z
  .number()
  .int({ message: 'must be a whole number' })
  .min(0, { message: 'must not be negative' })
  .max(KPI_COUNT_MAX, { message: `must be at most ${KPI_COUNT_MAX}` })
  .nullable()
  .optional();

const kpiFigures = {
  period: PeriodSchema,
  cumulative: z.boolean(),
  revenueFen: kpiMoney,
  outputValueFen: kpiMoney,
  rndFen: kpiMoney,
  headcount: kpiCount,
  patents: kpiCount,
  taxFen: kpiMoney,
};

const someFigure = (v: Partial<Record<(typeof KPI_METRIC_CODES)[number], number | null | undefined>>) => KPI_METRIC_CODES.some((k) => v[k] != null);

export const KpiSnapshotCreateSchema = z
  .object({ companyId: IdSchema, ...kpiFigures })
  .refine(someFigure, { path: ['revenueFen'], message: 'at least one figure is required', params: { rule: 'kpiEmpty' } });
export type KpiSnapshotCreate = z.infer<typeof KpiSnapshotCreateSchema>;

/** Rows of a KPI import: the company by its unified social credit code, as a spreadsheet names it. */
export const KpiImportSchema = z.object({
  rows: z
    .array(
      z
        .object({ uscc: z.string().trim().toUpperCase().min(1, { message: 'is required' }).max(18), ...kpiFigures })
        .refine(someFigure, { path: ['revenueFen'], message: 'at least one figure is required', params: { rule: 'kpiEmpty' } }),
    )
    .min(1, { message: 'must have at least one row' })
    .max(KPI_IMPORT_MAX, { message: `must have at most ${KPI_IMPORT_MAX} rows` }),
});
export type KpiImport = z.infer<typeof KpiImportSchema>;

export const FundAsOfSchema = z.object({ fundId: IdSchema, asOf: IsoDateSchema.optional() });
export const PositionKeySchema = z.object({ fundId: IdSchema, companyId: IdSchema, asOf: IsoDateSchema.optional() });
/** A quarterly statement: for every fund the LP is in, or for one of them. */
export const StatementRequestSchema = z.object({ quarter: QuarterSchema, fundId: IdSchema.optional() });

/** Issuing a fund's quarterly statements to its LPs; a second issue of a quarter is a restatement and needs a note. */
export const StatementIssueCreateSchema = z.object({
  fundId: IdSchema,
  quarter: QuarterSchema,
  note: z.string().trim().max(500, { message: 'must be at most 500 characters' }).optional(),
});
export type StatementIssueCreate = z.infer<typeof StatementIssueCreateSchema>;
