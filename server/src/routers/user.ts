import { canAdminister, IdSchema, UserCreateSchema, UserRightsSchema, UserUpdateSchema } from '@highland/shared';
import { z } from 'zod';
import { generateOneTimePassword, hashPassword } from '../password.js';
import { command, query } from '../data/ctx.js';
import { createUser, listUsers, resetPassword, setUserRights, updateUser, userFormOptions } from '../data/user.js';
import { gateProcedure, router } from '../trpc.js';

const adminProcedure = gateProcedure(canAdminister);

export const userRouter = router({
  list: adminProcedure.query(({ ctx }) => query(ctx, listUsers)),
  formOptions: adminProcedure.query(({ ctx }) => query(ctx, userFormOptions)),
  /** A new account with a one-time password, shown once (only its hash is stored). */
  create: adminProcedure.input(UserCreateSchema).mutation(async ({ ctx, input }) => {
    const oneTimePassword = generateOneTimePassword();
    const created = await command(ctx, createUser, { ...input, passwordHash: await hashPassword(oneTimePassword) });
    return { ...created, oneTimePassword };
  }),
  update: adminProcedure.input(UserUpdateSchema).mutation(({ ctx, input }) => command(ctx, updateUser, input)),
  /** The rights the account holds on top of its role (ADR 046), replaced as a whole. */
  setRights: adminProcedure.input(UserRightsSchema).mutation(({ ctx, input }) => command(ctx, setUserRights, input)),
  resetPassword: adminProcedure.input(z.object({ id: IdSchema })).mutation(async ({ ctx, input }) => {
    const oneTimePassword = generateOneTimePassword();
    await command(ctx, resetPassword, { id: input.id, passwordHash: await hashPassword(oneTimePassword) });
    return { oneTimePassword };
  }),
});
