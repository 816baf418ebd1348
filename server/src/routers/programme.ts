import { ProgrammeCreateSchema, ProgrammeTargetRemoveSchema, ProgrammeTargetSetSchema, ProgrammeUpdateSchema } from '@highland/shared';
import { mutate } from '../audit.js';
import { assertGroupReader } from '../auth/scope.js';
import { createProgramme, listProgrammes, removeProgrammeTarget, setProgrammeTarget, updateProgramme } from '../data/plan/programme.js';
import { roleProcedure, router } from '../trpc.js';

const admins = roleProcedure('admin');

/** Programmes (the 2019–2021 plan and later ones) and their targets: read by the group's readers, edited by administrators. */
export const programmeRouter = router({
  list: roleProcedure('government', 'admin', 'manager').query(({ ctx }) => {
    assertGroupReader(ctx.actor);
    return listProgrammes(ctx.db);
  }),
  create: admins.input(ProgrammeCreateSchema).mutation(({ ctx, input }) => mutate(ctx, (tx, audit) => createProgramme(tx, audit, input))),
  update: admins.input(ProgrammeUpdateSchema).mutation(({ ctx, input }) => mutate(ctx, (tx, audit) => updateProgramme(tx, audit, input))),
  setTarget: admins.input(ProgrammeTargetSetSchema).mutation(({ ctx, input }) => mutate(ctx, (tx, audit) => setProgrammeTarget(tx, audit, input))),
  removeTarget: admins.input(ProgrammeTargetRemoveSchema).mutation(({ ctx, input }) => mutate(ctx, (tx, audit) => removeProgrammeTarget(tx, audit, input))),
});
