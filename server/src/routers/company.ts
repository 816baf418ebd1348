import {
  CompanyCreateSchema,
  CompanyDuplicatesSchema,
  CompanyListSchema,
  CompanyMergeSchema,
  CompanyUpdateSchema,
  IdSchema,
  writesBooks,
} from '@highland/shared';
import { z } from 'zod';
import { createCompany, findDuplicates, getCompany, listCompanies, mergeCompanies, updateCompany } from '../data/company.js';
import { command, query } from '../data/ctx.js';
import { loadCompany } from '../data/load.js';
import { assertCompanyWritable, assertMergeAllowed, companyWritable } from '../auth/guards.js';
import { areaProcedure, gateProcedure, router } from '../trpc.js';

/** The company register: shared by every fund; LPs see none of it. Kept by the managers of funds (writesBooks). */
const reader = areaProcedure('companies');
const manager = gateProcedure(writesBooks);

export const companyRouter = router({
  list: reader.input(CompanyListSchema).query(({ ctx, input }) => query(ctx, listCompanies, input)),
  /** One company, and whether the caller may edit it. */
  get: reader.input(z.object({ id: IdSchema })).query(async ({ ctx, input }) => {
    const c = await loadCompany(ctx.db, input.id);
    return { ...(await query(ctx, getCompany, input)), canEdit: await companyWritable(ctx, c) };
  }),
  /** Live companies with the same credit code or normalised name (the create form asks before saving). */
  duplicates: manager.input(CompanyDuplicatesSchema).query(({ ctx, input }) => query(ctx, findDuplicates, input)),
  /** A quick picker: best full-text matches by name or code. */
  search: reader
    .input(z.object({ q: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(50).default(20) }))
    .query(async ({ ctx, input }) => (await query(ctx, listCompanies, { q: input.q, limit: input.limit })).items),
  create: manager.input(CompanyCreateSchema).mutation(({ ctx, input }) => command(ctx, createCompany, input)),
  update: manager.input(CompanyUpdateSchema).mutation(async ({ ctx, input }) => {
    await assertCompanyWritable(ctx, await loadCompany(ctx.db, input.id));
    return command(ctx, updateCompany, input);
  }),
  merge: manager.input(CompanyMergeSchema).mutation(async ({ ctx, input }) => {
    await assertMergeAllowed(ctx, await loadCompany(ctx.db, input.fromId), await loadCompany(ctx.db, input.intoId));
    return command(ctx, mergeCompanies, input);
  }),
});
