import { z } from 'zod';
import { IdSchema, IsoDateSchema, NameSchema } from '../common/schema.js';
import { OWNERSHIP_CODES, SECTOR_CODES, ZONE_CODES, ZONES } from '../reference/taxonomy.js';
import { isValidUscc } from './uscc.js';

/**
 * A unified social credit code as typed: trimmed and upper-cased first, then checked (18 characters,
 * correct check character). Stored in that canonical form.
 */
export const UsccSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidUscc, { message: 'must be a unified social credit code: 18 characters with a correct check character', params: { rule: 'uscc' } });

export const HEADCOUNT_MAX = 1_000_000;
export const WEBSITE_MAX = 200;

/** A web address: `example.com` or `https://example.com/…`; stored with its scheme. */
export const WebsiteSchema = z
  .string()
  .trim()
  .max(WEBSITE_MAX, { message: `must be at most ${WEBSITE_MAX} characters` })
  .transform((s) => (/^https?:\/\//i.test(s) ? s : `https://${s}`))
  .refine((s) => /^https?:\/\/[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/iu.test(s), {
    message: 'must be a web address such as www.example.com',
    params: { rule: 'website' },
  });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .transform((s) => (s === '' ? null : s))
    .nullable();

const companyFields = {
  /** Optional on a manual entry (a firm not yet registered); imports require it. */
  uscc: UsccSchema.nullable(),
  nameZh: NameSchema,
  nameEn: optionalText(200),
  sector: z.enum(SECTOR_CODES),
  zone: z.enum(ZONE_CODES),
  registeredInShanghai: z.boolean(),
  founded: IsoDateSchema.nullable(),
  ownership: z.enum(OWNERSHIP_CODES),
  headcount: z.number().int({ message: 'must be a whole number' }).min(0).max(HEADCOUNT_MAX).nullable(),
  website: WebsiteSchema.nullable(),
};

/** A firm registered in Shanghai sits in a Shanghai zone or district. */
function zoneAgrees(v: { zone?: keyof typeof ZONES; registeredInShanghai?: boolean }, ctx: z.RefinementCtx): void {
  if (v.registeredInShanghai && v.zone && !ZONES[v.zone].shanghai)
    ctx.addIssue({
      code: 'custom',
      path: ['zone'],
      message: 'must be a Shanghai zone or district for a firm registered in Shanghai',
      params: { rule: 'zoneNotShanghai' },
    });
}

export const CompanyCreateSchema = z
  .object({
    ...companyFields,
    /** Create even though a firm of the same normalised name exists (the form asked the user). */
    allowNameDuplicate: z.boolean().default(false),
  })
  .superRefine(zoneAgrees);
export type CompanyCreate = z.infer<typeof CompanyCreateSchema>;

export const CompanyUpdateSchema = z
  .object({ id: IdSchema, ...companyFields })
  .partial()
  .required({ id: true })
  .superRefine(zoneAgrees);
export type CompanyUpdate = z.infer<typeof CompanyUpdateSchema>;

export const CompanyMergeSchema = z
  .object({
    /** The duplicate that goes away (kept as a pointer to the survivor, its history moved over). */
    fromId: IdSchema,
    /** The company that stays. */
    intoId: IdSchema,
  })
  .refine((v) => v.fromId !== v.intoId, { path: ['intoId'], message: 'must be a different company', params: { rule: 'mergeSelf' } });
export type CompanyMerge = z.infer<typeof CompanyMergeSchema>;

export const CompanyListSchema = z.object({
  q: z.string().trim().max(100).optional(),
  sector: z.enum(SECTOR_CODES).optional(),
  zone: z.enum(ZONE_CODES).optional(),
  /** Keyset pagination by id. */
  cursor: IdSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type CompanyList = z.infer<typeof CompanyListSchema>;

export const CompanyDuplicatesSchema = z.object({
  uscc: z.string().trim().max(40).optional(),
  nameZh: z.string().trim().max(200).optional(),
  nameEn: z.string().trim().max(200).optional(),
  excludeId: IdSchema.optional(),
});
