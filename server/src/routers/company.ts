import { CompanyCreateSchema, CompanyDuplicatesSchema, CompanyListSchema, CompanyMergeSchema, CompanyUpdateSchema, IdSchema } from '@highland/shared';
import { z } from 'zod';
import { createCompany, findDuplicates, getCompany, listCompanies, mergeCompanies, updateCompany } from '../data/company.js';
import { roleProcedure, router } from '../trpc.js';

/** The company register: shared by every fund; LPs see none of it. */
const reader = roleProcedure('government', 'admin', 'manager');
const manager = roleProcedure('manager');

export const companyRouter = router({
  list: reader.input(CompanyListSchema).query(({ ctx, input }) => listCompanies(ctx.db, ctx.actor, input)),
  get: reader.input(z.object({ id: IdSchema })).query(({ ctx, input }) => getCompany(ctx.db, ctx.actor, input.id)),
  /** Live companies with the same credit code or normalised name (the create form asks before saving). */
  duplicates: manager.input(CompanyDuplicatesSchema).query(({ ctx, input }) => findDuplicates(ctx.db, input)),
  /** A quick picker: best full-text matches by name or code. */
  search: reader
    .input(z.object({ q: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(50).default(20) }))
    .query(async ({ ctx, input }) => (await listCompanies(ctx.db, ctx.actor, { q: input.q, limit: input.limit })).items),
  create: manager.input(CompanyCreateSchema).mutation(({ ctx, input }) => createCompany(ctx, input)),
  update: manager.input(CompanyUpdateSchema).mutation(({ ctx, input }) => updateCompany(ctx, input)),
  merge: manager.input(CompanyMergeSchema).mutation(({ ctx, input }) => mergeCompanies(ctx, input)),
});
