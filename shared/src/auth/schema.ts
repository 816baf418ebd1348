import { RIGHTS } from './policy.js';
import { z } from 'zod';
import { IdSchema } from '../common/schema.js';
import { ROLE_CODES } from './roles.js';

export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX, { message: `must be at most ${EMAIL_MAX} characters` })
  .pipe(z.email({ message: 'must be an e-mail address' }));

export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN, { message: `must be at least ${PASSWORD_MIN} characters` })
  .max(PASSWORD_MAX, { message: `must be at most ${PASSWORD_MAX} characters` });

export const SignInSchema = z.object({
  email: EmailSchema,
  // Sign-in does not re-check the policy: a wrong password must get the same answer whatever its length.
  password: z.string().min(1, { message: 'is required' }).max(PASSWORD_MAX),
});
export type SignIn = z.infer<typeof SignInSchema>;

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { message: 'is required' }).max(PASSWORD_MAX),
    newPassword: PasswordSchema,
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: 'must differ from the current password',
    params: { rule: 'passwordUnchanged' },
  });
export type ChangePassword = z.infer<typeof ChangePasswordSchema>;

export const LocaleSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

export const UserCreateSchema = z
  .object({
    email: EmailSchema,
    name: z.string().trim().min(1, { message: 'is required' }).max(100, { message: 'must be at most 100 characters' }),
    role: z.enum(ROLE_CODES),
    /** For `manager`: the funds they manage. */
    fundIds: z.array(IdSchema).max(200).default([]),
    /** For `lp`: the one investor they act for. */
    investorId: IdSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'lp' && v.investorId === null)
      ctx.addIssue({ code: 'custom', path: ['investorId'], message: 'is required for an LP account', params: { rule: 'lpNeedsInvestor' } });
    if (v.role !== 'lp' && v.investorId !== null)
      ctx.addIssue({ code: 'custom', path: ['investorId'], message: 'is only for LP accounts', params: { rule: 'investorOnlyForLp' } });
    if (v.role === 'manager' && v.fundIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['fundIds'], message: 'must name at least one fund for a manager', params: { rule: 'managerNeedsFund' } });
    if (v.role !== 'manager' && v.fundIds.length > 0)
      ctx.addIssue({ code: 'custom', path: ['fundIds'], message: 'is only for manager accounts', params: { rule: 'fundsOnlyForManager' } });
  });
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1, { message: 'is required' }).max(100).optional(),
  disabled: z.boolean().optional(),
  fundIds: z.array(IdSchema).max(200).optional(),
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

/** The rights an administrator grants to one account (ADR 046); the whole set, replacing the previous one. */
export const UserRightsSchema = z.object({
  id: IdSchema,
  rights: z
    .array(z.enum(RIGHTS))
    .max(RIGHTS.length)
    .refine((r) => new Set(r).size === r.length, { message: 'must not repeat a right', params: { rule: 'unique' } }),
});
export type UserRights = z.infer<typeof UserRightsSchema>;
