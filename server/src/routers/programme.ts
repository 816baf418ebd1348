import {
  canAdminister,
  ProgrammeCreateSchema,
  ProgrammeTargetRemoveSchema,
  ProgrammeTargetSetSchema,
  ProgrammeUpdateSchema,
  readsGroup,
} from '@highland/shared';
import { command, query } from '../data/ctx.js';
import { createProgramme, listProgrammes, removeProgrammeTarget, setProgrammeTarget, updateProgramme } from '../data/plan/programme.js';
import { gateProcedure, router } from '../trpc.js';

const admins = gateProcedure(canAdminister);

/** Programmes (the 2019–2021 plan and later ones) and their targets: read by the group's readers, edited by administrators. */
export const programmeRouter = router({
  list: gateProcedure(readsGroup).query(({ ctx }) => query(ctx, listProgrammes)),
  create: admins.input(ProgrammeCreateSchema).mutation(({ ctx, input }) => command(ctx, createProgramme, input)),
  update: admins.input(ProgrammeUpdateSchema).mutation(({ ctx, input }) => command(ctx, updateProgramme, input)),
  setTarget: admins.input(ProgrammeTargetSetSchema).mutation(({ ctx, input }) => command(ctx, setProgrammeTarget, input)),
  removeTarget: admins.input(ProgrammeTargetRemoveSchema).mutation(({ ctx, input }) => command(ctx, removeProgrammeTarget, input)),
});
