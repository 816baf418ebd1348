import { canAdminister, IdSchema, UserCreateSchema, UserUpdateSchema } from '@highland/shared';
import { z } from 'zod';
import { createUser, listUsers, resetPassword, updateUser, userFormOptions } from '../data/user.js';
import { gateProcedure, router } from '../trpc.js';

const adminProcedure = gateProcedure(canAdminister);

export const userRouter = router({
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  formOptions: adminProcedure.query(({ ctx }) => userFormOptions(ctx.db)),
  create: adminProcedure.input(UserCreateSchema).mutation(({ ctx, input }) => createUser(ctx, input)),
  update: adminProcedure.input(UserUpdateSchema).mutation(({ ctx, input }) => updateUser(ctx, input, ctx.actor.userId)),
  resetPassword: adminProcedure.input(z.object({ id: IdSchema })).mutation(({ ctx, input }) => resetPassword(ctx, input.id)),
});
