import { z } from 'zod';
import { IdSchema, IsoDateSchema, MONEY_FEN_MAX, MoneyFenSchema, NameSchema, PositiveMoneyFenSchema } from '../common/schema.js';
import {
  COMMITTEE_OUTCOME_CODES,
  DESIGNATION_CRITERION_CODES,
  DESIGNATION_LEVEL_CODES,
  DESIGNATION_STATUS_CODES,
  FIRST_SET_KIND_CODES,
  LISTING_EVENT_KIND_CODES,
  LISTING_STAGE_CODES,
  SUPPORT_KIND_CODES,
  SUPPORT_STATUS_CODES,
  TARGET_METRIC_CODES,
} from './reference.js';

export const PLAN_NOTE_MAX = 500;
export const EVIDENCE_MAX = 2000;
export const RECIPIENTS_MAX = 50;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(max, { message: `must be at most ${max} characters` });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .optional();

const AsOf = { asOf: IsoDateSchema.optional() };

// ── Programmes and targets ─────────────────────────────────────────────────────────────────────────────

export const ProgrammeCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'must be 2–32 capital letters, digits or hyphens (e.g. SH-AI-2022)' });

const programmeFields = {
  code: ProgrammeCodeSchema,
  nameZh: NameSchema,
  nameEn: NameSchema,
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
};
const endAfterStart = (v: { startDate: string; endDate: string }) => v.endDate > v.startDate;
const periodMessage = () => ({ path: ['endDate'], message: 'must be after the start date', params: { rule: 'endBeforeStart' } });

export const ProgrammeCreateSchema = z.object(programmeFields).refine(endAfterStart, periodMessage());
export type ProgrammeCreate = z.infer<typeof ProgrammeCreateSchema>;

export const ProgrammeUpdateSchema = z.object({ id: IdSchema, ...programmeFields }).refine(endAfterStart, periodMessage());
export type ProgrammeUpdate = z.infer<typeof ProgrammeUpdateSchema>;

/** A target: fen for money metrics, a number of firms for counts; always a positive whole number. */
export const TargetValueSchema = z
  .number()
  .int({ message: 'must be a whole number' })
  .min(1, { message: 'must be at least 1' })
  .max(MONEY_FEN_MAX, { message: `must be at most ${MONEY_FEN_MAX}` });

export const ProgrammeTargetSetSchema = z.object({
  programmeId: IdSchema,
  metric: z.enum(TARGET_METRIC_CODES),
  targetValue: TargetValueSchema,
  /** Where the figure comes from (the plan's text, a decision of the steering group…). */
  note: optionalText(PLAN_NOTE_MAX),
});
export type ProgrammeTargetSet = z.infer<typeof ProgrammeTargetSetSchema>;

export const ProgrammeTargetRemoveSchema = z.object({ programmeId: IdSchema, metric: z.enum(TARGET_METRIC_CODES) });
export type ProgrammeTargetRemove = z.infer<typeof ProgrammeTargetRemoveSchema>;

export const ScoreboardQuerySchema = z.object({ programmeId: IdSchema.optional(), ...AsOf });
export type ScoreboardQuery = z.infer<typeof ScoreboardQuerySchema>;

export const ScoreboardDrillSchema = z.object({ programmeId: IdSchema, metric: z.enum(TARGET_METRIC_CODES), ...AsOf });
export type ScoreboardDrill = z.infer<typeof ScoreboardDrillSchema>;

// ── Designations ───────────────────────────────────────────────────────────────────────────────────────

export const DesignationNominateSchema = z.object({
  companyId: IdSchema,
  level: z.enum(DESIGNATION_LEVEL_CODES),
  date: IsoDateSchema,
  criteria: z
    .array(z.enum(DESIGNATION_CRITERION_CODES))
    .min(1, { message: 'must name at least one criterion met' })
    .refine((a) => new Set(a).size === a.length, { message: 'must not repeat a criterion', params: { rule: 'duplicate' } }),
  evidence: text(EVIDENCE_MAX),
});
export type DesignationNominate = z.infer<typeof DesignationNominateSchema>;

export const DesignationReviewSchema = z
  .object({ id: IdSchema, decision: z.enum(['approved', 'rejected']), date: IsoDateSchema, note: optionalText(PLAN_NOTE_MAX) })
  .refine((v) => v.decision === 'approved' || !!v.note, {
    path: ['note'],
    message: 'is required when a nomination is rejected',
    params: { rule: 'reasonRequired' },
  });
export type DesignationReview = z.infer<typeof DesignationReviewSchema>;

export const DesignationRevokeSchema = z.object({ id: IdSchema, date: IsoDateSchema, reason: text(PLAN_NOTE_MAX) });
export type DesignationRevoke = z.infer<typeof DesignationRevokeSchema>;

export const DesignationListSchema = z.object({
  status: z.enum(DESIGNATION_STATUS_CODES).optional(),
  level: z.enum(DESIGNATION_LEVEL_CODES).optional(),
  ...AsOf,
});
export type DesignationList = z.infer<typeof DesignationListSchema>;

// ── STAR Market listings ───────────────────────────────────────────────────────────────────────────────

export const ListingStandardSchema = z
  .number()
  .int({ message: 'must be 1, 2, 3, 4 or 5' })
  .min(1, { message: 'must be 1, 2, 3, 4 or 5' })
  .max(5, { message: 'must be 1, 2, 3, 4 or 5' }) as z.ZodType<1 | 2 | 3 | 4 | 5>;

const listingFields = {
  sponsor: NameSchema,
  listingStandard: ListingStandardSchema,
  plannedRaiseFen: PositiveMoneyFenSchema,
  expectedMarketValueFen: PositiveMoneyFenSchema.nullable().optional(),
};

/** Opens an attempt with its first stage, 辅导备案, on `date`. */
export const ListingOpenSchema = z.object({ companyId: IdSchema, date: IsoDateSchema, ...listingFields, note: optionalText(PLAN_NOTE_MAX) });
export type ListingOpen = z.infer<typeof ListingOpenSchema>;

export const ListingUpdateSchema = z.object({ id: IdSchema, ...listingFields });
export type ListingUpdate = z.infer<typeof ListingUpdateSchema>;

export const ListingRecordSchema = z.object({
  attemptId: IdSchema,
  kind: z.enum(LISTING_EVENT_KIND_CODES),
  date: IsoDateSchema,
  outcome: z.enum(COMMITTEE_OUTCOME_CODES).nullable().optional(),
  note: optionalText(PLAN_NOTE_MAX),
});
export type ListingRecord = z.infer<typeof ListingRecordSchema>;

export const ListingUndoSchema = z.object({ attemptId: IdSchema, reason: text(PLAN_NOTE_MAX) });
export type ListingUndo = z.infer<typeof ListingUndoSchema>;

export const ListingBoardSchema = z.object({ ...AsOf });

// ── Listing support and policy money ───────────────────────────────────────────────────────────────────

const supportBase = {
  companyId: IdSchema,
  title: NameSchema,
  appliedOn: IsoDateSchema,
  appliedFen: PositiveMoneyFenSchema,
  /** The document number or file reference of the application. */
  reference: optionalText(100),
};

export const TeamRewardRecipientSchema = z.object({
  name: NameSchema,
  role: optionalText(100),
  amountFen: PositiveMoneyFenSchema,
});

export const SupportApplySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scenario_project'), ...supportBase, basisFen: PositiveMoneyFenSchema }),
  z.object({ kind: z.literal('innovation_voucher'), ...supportBase, basisFen: PositiveMoneyFenSchema }),
  z.object({ kind: z.literal('first_set'), ...supportBase, firstSetKind: z.enum(FIRST_SET_KIND_CODES), basisFen: PositiveMoneyFenSchema }),
  z
    .object({
      kind: z.literal('team_reward'),
      ...supportBase,
      recipients: z
        .array(TeamRewardRecipientSchema)
        .min(1, { message: 'must name at least one person' })
        .max(RECIPIENTS_MAX, { message: `must name at most ${RECIPIENTS_MAX} people` }),
    })
    .refine((v) => v.recipients.reduce((a, r) => a + r.amountFen, 0) === v.appliedFen, {
      path: ['appliedFen'],
      message: 'must equal the sum of the amounts for each person',
      params: { rule: 'recipientsSum' },
    }),
  z.object({ kind: z.literal('listing_subsidy'), ...supportBase, listingAttemptId: IdSchema, milestone: z.enum(LISTING_STAGE_CODES) }),
]);
export type SupportApply = z.infer<typeof SupportApplySchema>;

export const SupportDecideSchema = z
  .object({
    id: IdSchema,
    decision: z.enum(['approved', 'rejected']),
    date: IsoDateSchema,
    approvedFen: PositiveMoneyFenSchema.optional(),
    note: optionalText(PLAN_NOTE_MAX),
  })
  .refine((v) => v.decision === 'rejected' || v.approvedFen !== undefined, {
    path: ['approvedFen'],
    message: 'is required when the support is approved',
    params: { rule: 'required' },
  })
  .refine((v) => v.decision === 'approved' || !!v.note, {
    path: ['note'],
    message: 'is required when the support is refused',
    params: { rule: 'reasonRequired' },
  });
export type SupportDecide = z.infer<typeof SupportDecideSchema>;

export const SupportPaySchema = z.object({ id: IdSchema, date: IsoDateSchema, paidFen: PositiveMoneyFenSchema });
export type SupportPay = z.infer<typeof SupportPaySchema>;

export const SupportListSchema = z.object({
  kind: z.enum(SUPPORT_KIND_CODES).optional(),
  status: z.enum(SUPPORT_STATUS_CODES).optional(),
  companyId: IdSchema.optional(),
  ...AsOf,
});
export type SupportList = z.infer<typeof SupportListSchema>;

export const SUPPORT_TOTAL_DIMENSIONS = ['company', 'fund', 'zone', 'year'] as const;
export type SupportTotalDimension = (typeof SUPPORT_TOTAL_DIMENSIONS)[number];
export const SupportTotalsSchema = z.object({ by: z.enum(SUPPORT_TOTAL_DIMENSIONS), ...AsOf });

export const ConsultingCreateSchema = z.object({
  companyId: IdSchema,
  listingAttemptId: IdSchema.nullable().optional(),
  date: IsoDateSchema,
  provider: NameSchema,
  topic: NameSchema,
  hours: z.number().min(0.5, { message: 'must be at least 0.5' }).max(100, { message: 'must be at most 100' }).optional(),
  note: optionalText(PLAN_NOTE_MAX),
});
export type ConsultingCreate = z.infer<typeof ConsultingCreateSchema>;

export const ConsultingListSchema = z.object({ companyId: IdSchema.optional(), ...AsOf });

export const ListingSubsidyScheduleSetSchema = z.object({
  entries: z
    .array(z.object({ milestone: z.enum(LISTING_STAGE_CODES), amountFen: MoneyFenSchema, note: optionalText(PLAN_NOTE_MAX) }))
    .max(LISTING_STAGE_CODES.length)
    .refine((a) => new Set(a.map((e) => e.milestone)).size === a.length, { message: 'must list each milestone once', params: { rule: 'duplicate' } }),
});
export type ListingSubsidyScheduleSet = z.infer<typeof ListingSubsidyScheduleSetSchema>;

export const FirmOptionsSchema = z.object({ q: z.string().trim().max(100).default(''), date: IsoDateSchema.optional() });
