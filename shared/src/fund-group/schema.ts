import { z } from 'zod';
import { IdSchema, IsoDateSchema, MoneyFenSchema, NameSchema, PercentSchema, PositiveMoneyFenSchema } from '../common/schema.js';
import { FUND_STATUS_CODES, INVESTOR_SOURCE_CODES, SECTOR_CODES, SPONSOR_TYPE_CODES } from '../reference/taxonomy.js';

/** Limits the fund form and the API share. */
export const FUND_CODE_MAX = 20;
export const TERM_YEARS_MAX = 30;
export const BATCH_MAX = 99;
export const REINVEST_K_MAX = 10;
export const FEE_RATE_MAX = 0.1;
export const NOTE_MAX = 500;
export const LINES_MAX = 500;

const FundCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, { message: 'is required' })
  .max(FUND_CODE_MAX, { message: `must be at most ${FUND_CODE_MAX} characters` })
  .refine((s) => /^[A-Z0-9][A-Z0-9-]*$/.test(s), { message: 'must be letters, digits and hyphens', params: { rule: 'fundCode' } });
const NoteSchema = z
  .string()
  .trim()
  .max(NOTE_MAX, { message: `must be at most ${NOTE_MAX} characters` });

/** The fields of a fund a mother-fund manager or an administrator sets. The mother fund itself is not created here. */
const FundFieldsSchema = z.object({
  kind: z.enum(['sub', 'direct_vehicle']),
  code: FundCodeSchema,
  nameZh: NameSchema,
  nameEn: NameSchema,
  managerId: IdSchema.nullable(),
  sponsorType: z.enum(SPONSOR_TYPE_CODES).nullable(),
  batch: z.number().int().min(1).max(BATCH_MAX).nullable(),
  isFundOfFunds: z.boolean(),
  decisionDate: IsoDateSchema.nullable(),
  establishedDate: IsoDateSchema.nullable(),
  termYears: z.number().int().min(1).max(TERM_YEARS_MAX).nullable(),
  investmentPeriodYears: z.number().int().min(1).max(TERM_YEARS_MAX).nullable(),
  targetSizeFen: PositiveMoneyFenSchema.nullable(),
  sectorFocus: z.array(z.enum(SECTOR_CODES)).min(1).max(SECTOR_CODES.length),
  status: z.enum(FUND_STATUS_CODES),
  govShareCap: PercentSchema.nullable(),
  govShareOverrideAllowed: z.boolean(),
  reinvestK: z.number().min(0).max(REINVEST_K_MAX),
  reinvestWeightRegistered: PercentSchema,
  reinvestWeightRelocated: PercentSchema,
  reinvestWeightSubsidiary: PercentSchema,
  reinvestBasis: z.enum(['committed', 'paid_in']),
  feeBasis: z.enum(['committed', 'invested', 'nav']).nullable(),
  feeRate: z.number().min(0).max(FEE_RATE_MAX).nullable(),
});

type FundFields = z.infer<typeof FundFieldsSchema>;
/**
 * Fields a fund cannot be saved without though the schema lets them be null (the form marks them required
 * before saving; the server refuses them too). The set-up date is not among them: a fund decided on but not
 * yet set up has none.
 */
export const FUND_REQUIRED_FIELDS = ['managerId', 'decisionDate', 'targetSizeFen'] as const satisfies ReadonlyArray<keyof FundFields>;
/** Rules across fields, for a whole fund (create) or the fund after an edit. */
export function fundConsistencyIssues(f: Partial<FundFields>): Array<{ path: keyof FundFields; rule: string; message: string }> {
  const out: Array<{ path: keyof FundFields; rule: string; message: string }> = [];
  // What the fund form marks as required (null = left empty; undefined = not part of an edit).
  for (const path of FUND_REQUIRED_FIELDS) if (f[path] === null) out.push({ path, rule: 'required', message: 'is required' });
  if (f.status !== undefined && f.status !== 'approved' && f.establishedDate === null)
    out.push({ path: 'establishedDate', rule: 'setUpDateRequired', message: 'is required once the fund is past "approved, not yet set up"' });
  if (f.decisionDate && f.establishedDate && f.establishedDate < f.decisionDate)
    out.push({ path: 'establishedDate', rule: 'establishedBeforeDecision', message: 'must not be before the decision date' });
  if (f.termYears && f.investmentPeriodYears && f.investmentPeriodYears > f.termYears)
    out.push({ path: 'investmentPeriodYears', rule: 'periodLongerThanTerm', message: 'must not be longer than the term' });
  if (f.kind === 'sub' && (f.batch === null || f.batch === undefined))
    out.push({ path: 'batch', rule: 'batchRequired', message: 'is required for a sub-fund' });
  return out;
}
const refineFund = (f: Partial<FundFields>, ctx: z.RefinementCtx) => {
  for (const i of fundConsistencyIssues(f)) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message, params: { rule: i.rule } });
};

export const FundCreateSchema = FundFieldsSchema.superRefine(refineFund);
export type FundCreate = z.infer<typeof FundCreateSchema>;
/** An edit: the id and the fields that change. The kind of a fund is fixed once created. */
export const FundUpdateSchema = FundFieldsSchema.omit({ kind: true }).partial().extend({ id: IdSchema });
export type FundUpdate = z.infer<typeof FundUpdateSchema>;
export const FUND_FIELDS = Object.keys(FundFieldsSchema.shape) as Array<keyof FundFields>;
export { FundFieldsSchema };

export const InvestorCreateSchema = z.object({
  nameZh: NameSchema,
  nameEn: NameSchema,
  sourceType: z
    .enum(INVESTOR_SOURCE_CODES)
    .refine((s) => s !== 'mother_fund', { message: 'the mother fund is an investor already', params: { rule: 'motherFundInvestor' } }),
});
export type InvestorCreate = z.infer<typeof InvestorCreateSchema>;

const LineSchema = z.object({ investorId: IdSchema, amountFen: PositiveMoneyFenSchema });
const LinesSchema = z
  .array(LineSchema)
  .min(1)
  .max(LINES_MAX)
  .refine((ls) => new Set(ls.map((l) => l.investorId)).size === ls.length, { message: 'lists an investor twice', params: { rule: 'duplicateInvestor' } });

/**
 * Commitments made on one date: a close (交割, which may take the fund past its target) or single
 * commitments outside one. `overrideReason` asks to pass the government-share cap where the fund's rule allows.
 */
export const CommitmentRecordSchema = z.object({
  fundId: IdSchema,
  date: IsoDateSchema,
  isClose: z.boolean(),
  /** For the mother fund: the phase the commitments belong to. */
  phase: z.number().int().min(1).max(9).nullable().optional(),
  lines: LinesSchema,
  overrideReason: NoteSchema.min(1, { message: 'is required' }).nullable().optional(),
});
export type CommitmentRecord = z.infer<typeof CommitmentRecordSchema>;

export const CapitalCallSchema = z
  .object({
    fundId: IdSchema,
    noticeDate: IsoDateSchema,
    dueDate: IsoDateSchema,
    totalFen: PositiveMoneyFenSchema,
    purpose: NoteSchema.optional(),
  })
  .refine((c) => c.dueDate >= c.noticeDate, { path: ['dueDate'], message: 'must not be before the notice date', params: { rule: 'dueBeforeNotice' } });
export type CapitalCallInput = z.infer<typeof CapitalCallSchema>;

/** LPs' payments of a capital call. */
export const ContributionRecordSchema = z.object({ callId: IdSchema, date: IsoDateSchema, lines: LinesSchema });
export type ContributionRecord = z.infer<typeof ContributionRecordSchema>;

/** A distribution or a fee: per-LP lines, or a total split pro rata (distributions by paid-in, fees by commitment). */
/** Releasing part or all of an LP's uncalled commitment, with the reason (ADR 036). */
export const CommitmentReleaseSchema = z.object({
  fundId: IdSchema,
  investorId: IdSchema,
  date: IsoDateSchema,
  amountFen: PositiveMoneyFenSchema,
  reason: NoteSchema.min(1, { message: 'is required' }),
});
export type CommitmentRelease = z.infer<typeof CommitmentReleaseSchema>;

export const LpFlowSchema = z
  .object({
    fundId: IdSchema,
    date: IsoDateSchema,
    totalFen: PositiveMoneyFenSchema.optional(),
    lines: LinesSchema.optional(),
    memo: NoteSchema.optional(),
  })
  .refine((f) => (f.totalFen === undefined) !== (f.lines === undefined), {
    path: ['totalFen'],
    message: 'give a total or per-LP lines, not both',
    params: { rule: 'totalOrLines' },
  });
export type LpFlow = z.infer<typeof LpFlowSchema>;

export const ReversalSchema = z.object({ entryId: IdSchema, reason: NoteSchema.min(1, { message: 'is required' }) });
export type Reversal = z.infer<typeof ReversalSchema>;

export const NavStatementSchema = z.object({ fundId: IdSchema, date: IsoDateSchema, navFen: MoneyFenSchema, source: NoteSchema.optional() });
export type NavStatementInput = z.infer<typeof NavStatementSchema>;

export const ReinvestEvidenceSchema = z.object({
  fundId: IdSchema,
  companyId: IdSchema,
  evidence: z.enum(['relocated', 'subsidiary']),
  effectiveDate: IsoDateSchema,
  note: NoteSchema.optional(),
});
export type ReinvestEvidenceInput = z.infer<typeof ReinvestEvidenceSchema>;

export const OverviewQuerySchema = z.object({ asOf: IsoDateSchema.optional(), includeDirect: z.boolean().optional() });
export type OverviewQuery = z.infer<typeof OverviewQuerySchema>;
