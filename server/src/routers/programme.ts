import { ProgrammeCreateSchema, ProgrammeTargetRemoveSchema, ProgrammeTargetSetSchema, ProgrammeUpdateSchema } from '@highland/shared';
import { assertGroupReader } from '../auth/scope.js';
import { command, query } from '../data/ctx.js';
import { createProgramme, listProgrammes, removeProgrammeTarget, setProgrammeTarget, updateProgramme } from '../data/plan/programme.js';
import { roleProcedure, router } from '../trpc.js';

const admins = roleProcedure('admin');

/** Programmes (the 2019–2021 plan and later ones) and their targets: read by the group's readers, edited by administrators. */
export const programmeRouter = router({
  list: roleProcedure('government', 'admin', 'manager').query(({ ctx }) => {
    assertGroupReader(ctx.actor);
    return query(ctx, listProgrammes);
  }),
  create: admins.input(ProgrammeCreateSchema).mutation(({ ctx, input }) => command(ctx, createProgramme, input)),
  update: admins.input(ProgrammeUpdateSchema).mutation(({ ctx, input }) => command(ctx, updateProgramme, input)),
  setTarget: admins.input(ProgrammeTargetSetSchema).mutation(({ ctx, input }) => command(ctx, setProgrammeTarget, input)),
  removeTarget: admins.input(ProgrammeTargetRemoveSchema).mutation(({ ctx, input }) => command(ctx, removeProgrammeTarget, input)),
});
