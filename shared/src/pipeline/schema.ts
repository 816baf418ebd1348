import { z } from 'zod';
import { UsccSchema } from '../company/schema.js';
import { IdSchema, IsoDateSchema, NameSchema, PositiveMoneyFenSchema } from '../common/schema.js';
import { SECTOR_CODES, ZONE_CODES } from '../reference/taxonomy.js';
import { INSTRUMENT_CODES, ROUND_CODES } from '../portfolio/reference.js';
import { DEAL_SOURCE_CODES } from './reference.js';
import { SCORE_MAX, SCORE_MIN } from './scorecard.js';
import { PIPELINE_KIND_CODES, STAGE_CODES, STAGE_ORDER_CODES } from './stages.js';

/** A proposed investment is at most ¥10 bn; a valuation at most ¥10 trillion. */
export const DEAL_AMOUNT_MAX_FEN = 1_000_000_000_000;
export const VALUATION_MAX_FEN = 1_000_000_000_000_000;
export const DEAL_NOTE_MAX = 5000;
export const REASON_MAX = 500;
export const NEXT_STEP_MAX = 200;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .transform((s) => (s === '' ? null : s));

export const DealAmountSchema = PositiveMoneyFenSchema.refine((v) => v <= DEAL_AMOUNT_MAX_FEN, {
  message: `must be at most ${DEAL_AMOUNT_MAX_FEN} fen (¥10 bn)`,
  params: { rule: 'amountRange', max: DEAL_AMOUNT_MAX_FEN },
});
export const ValuationSchema = PositiveMoneyFenSchema.refine((v) => v <= VALUATION_MAX_FEN, {
  message: `must be at most ${VALUATION_MAX_FEN} fen`,
  params: { rule: 'amountRange', max: VALUATION_MAX_FEN },
});

/** The fields of a deal a manager edits (all optional on update). */
const dealFields = {
  ownerId: IdSchema.nullable(),
  source: z.enum(DEAL_SOURCE_CODES),
  round: z.enum(ROUND_CODES).nullable(),
  amountFen: DealAmountSchema.nullable(),
  preMoneyFen: ValuationSchema.nullable(),
  nextStep: text(NEXT_STEP_MAX).nullable(),
  nextStepDate: IsoDateSchema.nullable(),
};

export const DealCreateSchema = z.object({
  fundId: IdSchema,
  companyId: IdSchema,
  /** An early stage to start in; stages with requirements are reached by moves. */
  stage: z.enum(['sourced', 'screening', 'due_diligence']).default('sourced'),
  ...dealFields,
  ownerId: IdSchema.nullable().default(null),
  round: z.enum(ROUND_CODES).nullable().default(null),
  amountFen: DealAmountSchema.nullable().default(null),
  preMoneyFen: ValuationSchema.nullable().default(null),
  nextStep: text(NEXT_STEP_MAX).nullable().default(null),
  nextStepDate: IsoDateSchema.nullable().default(null),
  note: text(DEAL_NOTE_MAX).nullable().default(null),
});
export type DealCreate = z.infer<typeof DealCreateSchema>;

/** A manager's application to the mother fund's selection: the firm and the sub-fund it proposes. */
export const ApplicationCreateSchema = z.object({
  fundId: IdSchema,
  managerNameZh: NameSchema,
  managerNameEn: text(200).nullable().default(null),
  managerUscc: UsccSchema.nullable().default(null),
  proposalNameZh: NameSchema,
  proposalNameEn: text(200).nullable().default(null),
  /** The sub-fund's target size. */
  proposalSizeFen: PositiveMoneyFenSchema,
  proposalSectors: z.array(z.enum(SECTOR_CODES)).min(1).max(11),
  /** The mother fund's proposed commitment. */
  amountFen: DealAmountSchema.nullable().default(null),
  source: z.enum(DEAL_SOURCE_CODES).default('inbound'),
  ownerId: IdSchema.nullable().default(null),
  nextStep: text(NEXT_STEP_MAX).nullable().default(null),
  nextStepDate: IsoDateSchema.nullable().default(null),
  note: text(DEAL_NOTE_MAX).nullable().default(null),
});
export type ApplicationCreate = z.infer<typeof ApplicationCreateSchema>;

export const DealUpdateSchema = z
  .object({ id: IdSchema, version: z.number().int().min(1), ...dealFields, proposalSizeFen: PositiveMoneyFenSchema })
  .partial()
  .required({ id: true, version: true });
export type DealUpdate = z.infer<typeof DealUpdateSchema>;

export const ClosingSchema = z.object({
  date: IsoDateSchema,
  amountFen: DealAmountSchema,
  round: z.enum(ROUND_CODES),
  /** Equity share bought, a fraction: 0.05 = 5%. */
  equity: z.number().gt(0, { message: 'must be greater than 0' }).max(1, { message: 'must be at most 1 (100%)' }),
  instrument: z.enum(INSTRUMENT_CODES).default('preferred_equity'),
});
export type Closing = z.infer<typeof ClosingSchema>;

/** What signing a selected manager creates: the sub-fund and the mother fund's commitment to it. */
export const SigningSchema = z.object({
  fundCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, { message: 'must be 2–20 letters, digits or dashes' }),
  fundNameZh: NameSchema,
  fundNameEn: NameSchema,
  batch: z.number().int().min(1).max(50).nullable().default(null),
  commitmentFen: DealAmountSchema,
  date: IsoDateSchema,
});
export type Signing = z.infer<typeof SigningSchema>;

export const DealMoveSchema = z.object({
  id: IdSchema,
  version: z.number().int().min(1),
  to: z.enum(STAGE_CODES),
  reason: text(REASON_MAX).nullable().default(null),
  closing: ClosingSchema.optional(),
  signing: SigningSchema.optional(),
});
export type DealMove = z.infer<typeof DealMoveSchema>;

export const ScoreSubmitSchema = z.object({
  dealId: IdSchema,
  scores: z
    .array(
      z.object({
        criterion: z.string().trim().min(1).max(40),
        score: z
          .number()
          .int({ message: 'must be a whole number' })
          .min(SCORE_MIN, { message: `must be at least ${SCORE_MIN}` })
          .max(SCORE_MAX, { message: `must be at most ${SCORE_MAX}` }),
        comment: text(500).nullable().default(null),
      }),
    )
    .min(1, { message: 'must score at least one criterion' })
    .max(20),
});
export type ScoreSubmit = z.infer<typeof ScoreSubmitSchema>;

export const NoteAddSchema = z.object({ dealId: IdSchema, body: z.string().trim().min(1, { message: 'is required' }).max(DEAL_NOTE_MAX) });

export const DEAL_SORT_FIELDS = ['updatedAt', 'createdAt', 'stageEnteredAt', 'amountFen', 'score', 'nextStepDate', 'companyName'] as const;
export type DealSortField = (typeof DEAL_SORT_FIELDS)[number];
export const DealSortSchema = z.object({ field: z.enum(DEAL_SORT_FIELDS).default('updatedAt'), dir: z.enum(['asc', 'desc']).default('desc') });
export type DealSort = z.infer<typeof DealSortSchema>;

const ids = z.array(IdSchema).max(1000);
/** The filters of the deal table (and of saved views and exports). */
export const DealFilterSchema = z.object({
  pipeline: z.enum(PIPELINE_KIND_CODES).default('direct'),
  fundIds: ids.optional(),
  stages: z.array(z.enum(STAGE_CODES)).max(20).optional(),
  sectors: z.array(z.enum(SECTOR_CODES)).max(20).optional(),
  zones: z.array(z.enum(ZONE_CODES)).max(20).optional(),
  sources: z.array(z.enum(DEAL_SOURCE_CODES)).max(10).optional(),
  ownerIds: ids.optional(),
  scoreMin: z.number().min(SCORE_MIN).max(SCORE_MAX).optional(),
  scoreMax: z.number().min(SCORE_MIN).max(SCORE_MAX).optional(),
  createdFrom: IsoDateSchema.optional(),
  createdTo: IsoDateSchema.optional(),
  nextStepFrom: IsoDateSchema.optional(),
  nextStepTo: IsoDateSchema.optional(),
  /** Full-text search over company names, credit codes and notes. */
  q: z.string().trim().max(100).optional(),
  /** Only companies that are also in another fund's pipeline (group readers). */
  overlapOnly: z.boolean().optional(),
});
export type DealFilter = z.infer<typeof DealFilterSchema>;

export const DealCursorSchema = z.object({ v: z.union([z.string().max(400), z.number(), z.null()]), id: IdSchema });
export type DealCursor = z.infer<typeof DealCursorSchema>;

export const DealListSchema = z.object({
  filter: DealFilterSchema.default({ pipeline: 'direct' }),
  sort: DealSortSchema.default({ field: 'updatedAt', dir: 'desc' }),
  cursor: DealCursorSchema.nullable().default(null),
  limit: z.number().int().min(1).max(500).default(100),
});
export type DealList = z.infer<typeof DealListSchema>;

export const SavedViewSaveSchema = z.object({
  id: IdSchema.optional(),
  name: z.string().trim().min(1, { message: 'is required' }).max(60, { message: 'must be at most 60 characters' }),
  filter: DealFilterSchema,
  sort: DealSortSchema,
});
export type SavedViewSave = z.infer<typeof SavedViewSaveSchema>;

export const PipelineSettingsSchema = z.object({
  fundId: IdSchema,
  stageOrder: z.enum(STAGE_ORDER_CODES),
  /** Criterion key → weight (relative; 0 leaves the criterion out of the total). */
  weights: z.record(z.string().max(40), z.number().min(0).max(100)),
});
export type PipelineSettings = z.infer<typeof PipelineSettingsSchema>;

export const BoardSchema = z.object({
  fundId: IdSchema,
  pipeline: z.enum(PIPELINE_KIND_CODES).default('direct'),
  /** Cards per column (the counts and amounts always cover every deal). */
  perColumn: z.number().int().min(1).max(500).default(60),
  q: z.string().trim().max(100).optional(),
  ownerIds: ids.optional(),
});

export const FunnelSchema = z.object({
  pipeline: z.enum(PIPELINE_KIND_CODES).default('direct'),
  fundIds: ids.optional(),
  /** Deals created in this period (by their first stage event). */
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
export type FunnelInput = z.infer<typeof FunnelSchema>;
